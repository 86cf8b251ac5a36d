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
    explicit setup(std::optional<int> capacity)
        : now(sample_event().start - std::chrono::hours{24 * 30}), s(db.str(), [this] { return now; }) {
        calendar::network n;
        n.slug = "ist-bochum";
        n.name = "zdi-Netzwerk IST.Bochum.NRW";
        n.contact_name = "Jörg Koordinator";
        n.contact_email = "joerg@ist-bochum.example";
        auto e = sample_event();
        e.capacity = capacity;
        e.registration_opens = e.start - std::chrono::hours{24 * 60};
        e.registration_closes = e.start - std::chrono::hours{24};
        s.upsert({&n, 1}, {&e, 1});
    }
    store::registration_result add(const std::string& who, std::optional<std::string> key = std::nullopt) {
        return s.register_person("mint-barcamp-2027", {who, who + "@example.org", "", "de", std::move(key)});
    }
};

inline std::vector<std::string> kinds(store::store& s) {
    std::vector<std::string> out;
    for (const auto& m : s.outbox()) out.push_back(m.kind);
    return out;
}

}  // namespace tp::testing
