#include <catch2/catch.hpp>

#include "web/audit_words.hpp"

using namespace tp;
using web::lang;

TEST_CASE("audit entries read as words: actions, changes old to new, people by name") {
    const std::map<std::int64_t, std::string> names{{12, "Ülkü Yılmaz"}};
    struct row {
        const char* action;
        const char* detail;
        const char* german_action;
        const char* german_detail;
        const char* english_detail;
    };
    const row table[] = {
        {"create_event", "published", "Veranstaltung angelegt", "veröffentlicht", "published"},
        {"update_event",
         R"([{"field":"place","from":"in_person, Zeche Hannover","to":"in_person, Zeche Zollern"},{"field":"description"}])",
         "Veranstaltung geändert", "Ort: vor Ort, Zeche Hannover → vor Ort, Zeche Zollern; Beschreibung",
         "Place: in person, Zeche Hannover → in person, Zeche Zollern; Description"},
        {"update_event", R"([{"field":"capacity","from":"20","to":"-"}])", "Veranstaltung geändert",
         "Plätze: 20 → unbegrenzt", "Seats: 20 → no limit"},
        {"update_event", R"([{"field":"status","from":"draft","to":"published"}])", "Veranstaltung geändert",
         "Status: Entwurf → veröffentlicht", "Status: draft → published"},
        {"reject", "registration #12", "Anmeldung abgelehnt", "Ülkü Yılmaz", "Ülkü Yılmaz"},
        {"check_in", "registration #99", "Eingecheckt", "registration #99", "registration #99"},  // not in the list
        {"update_event", "place, time", "Veranstaltung geändert", "place, time", "place, time"},  // an older entry
        {"something_new", "[broken", "something_new", "[broken", "[broken"},
    };
    for (const auto& r : table) {
        INFO(r.action << " " << r.detail);
        CHECK(web::audit_action_words(r.action, lang::de) == r.german_action);
        CHECK(web::audit_detail_words(r.detail, names, lang::de) == r.german_detail);
        CHECK(web::audit_detail_words(r.detail, names, lang::en) == r.english_detail);
    }
    CHECK(web::audit_action_words("check_in", lang::en) == "Checked in");
}
