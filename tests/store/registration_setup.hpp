#pragma once
// A store with one network and the sample event open for registration, on a clock the test moves.
#include <string>
#include <vector>

#include "sample_event.hpp"
#include "store/store.hpp"
#include "temp_path.hpp"

namespace tp::testing {

struct setup {
    temp_path db;
    calendar::sys_seconds now;
    store::store s;
    calendar::network network;
    calendar::event event = sample_event();  // as stored; change it and call update()
    explicit setup(std::optional<int> capacity)
        : now(sample_event().start - std::chrono::hours{24 * 30}), s(db.str(), [this] { return now; }) {
        network.slug = "ist-bochum";
        network.name = "zdi-Netzwerk IST.Bochum.NRW";
        network.contact_name = "Jörg Koordinator";
        network.contact_email = "joerg@ist-bochum.example";
        event.capacity = capacity;
        event.registration_opens = event.start - std::chrono::hours{24 * 60};
        event.registration_closes = event.start - std::chrono::hours{24};
        update();
    }
    void update() { s.upsert({&network, 1}, {&event, 1}); }
    store::registration_result add(const std::string& who, std::optional<std::string> key = std::nullopt) {
        return s.register_person("mint-barcamp-2027", {who, who + "@example.org", "", "de", std::move(key)});
    }
};

// Someone who may change every network (as the command line does).
inline store::actor op(std::string name = "operator") { return store::actor::operator_named(std::move(name)); }

inline std::vector<std::string> kinds(store::store& s) {
    std::vector<std::string> out;
    for (const auto& m : s.outbox()) out.emplace_back(calendar::to_string(m.kind));
    return out;
}

}  // namespace tp::testing
