#pragma once
// A site for the cache tests: one network, a barcamp with two seats and open registration, and a weekly series,
// served by an app whose clock the test moves.
#include <catch2/catch.hpp>

#include <regex>

#include "sample_event.hpp"
#include "server/app.hpp"
#include "store/store.hpp"
#include "temp_path.hpp"

namespace tp::testing {

struct cached_site {
    temp_path db;
    calendar::sys_seconds now;
    store::store s;
    server::app a;
    calendar::network network;
    calendar::event e = sample_event("barcamp");

    cached_site()
        : now(sample_event().start - std::chrono::days{30}),
          s(db.str(), [this] { return now; }),
          a(s, {"http://127.0.0.1:8080", 0}, [this] { return now; }) {
        network.slug = e.network_slug;
        network.name = e.network_name;
        e.capacity = 2;
        e.registration_opens = now - std::chrono::days{1};
        save();
        calendar::series weekly;
        weekly.slug = "runde";
        weekly.network_slug = e.network_slug;
        weekly.title = "Austauschrunde";
        weekly.rule = "FREQ=WEEKLY;COUNT=3";
        weekly.first_start = calendar::parse_local_date_time("2027-09-01T17:00");
        s.upsert({}, {}, std::array{weekly});
    }
    void save() { s.upsert(std::array{network}, std::array{e}); }
    static server::request request(const std::string& target, std::string_view language = "de") {
        server::request req{server::http::verb::get, target, 11};
        req.set(server::http::field::host, "treffpunkt.example");
        req.set(server::http::field::accept_language, language);
        return req;
    }
    std::string get(const std::string& target, std::string_view language = "de") {
        auto h = a.handle(request(target, language), "127.0.0.1", "127.0.0.1");
        REQUIRE(h.res.result() == server::http::status::ok);
        return h.res.body() ? *h.res.body() : std::string{};
    }
    void register_and_confirm(const std::string& who) {
        const auto made = s.register_person("barcamp", {who, who + "@example.org", "", "de", {}});
        REQUIRE(made.registration);
        s.confirm_registration(made.registration->token);
    }
    long counter(const std::string& name) {
        const std::regex line(name + " ([0-9]+)");
        std::smatch m;
        const auto text = get("/metrics");
        REQUIRE(std::regex_search(text, m, line));
        return std::stol(m[1]);
    }
};

}  // namespace tp::testing
