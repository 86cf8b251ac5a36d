#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include "sample_event.hpp"
#include "web/attendee_export.hpp"

using namespace tp;
using rs = calendar::registration_status;

namespace {

calendar::attendee person(std::string name, rs status, std::optional<int> position = std::nullopt) {
    calendar::attendee a;
    a.registration.name = std::move(name);
    a.registration.email = "x@example.org";
    a.registration.status = status;
    a.registration.position = position;
    a.registration.created_at = testing::sample_event().start - std::chrono::hours{24 * 10};
    return a;
}

}  // namespace

TEST_CASE("cells a spreadsheet would run as formulas are neutralised") {
    const std::pair<std::string, std::string> table[] = {
        {"=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")"},
        {"+49 170 1234", "'+49 170 1234"},
        {"-2+3", "'-2+3"},
        {"@SUM(A1)", "'@SUM(A1)"},
        {"\tTab", "'\tTab"},
        {"\rCR", "'\rCR"},
        {"Anna", "Anna"},
        {"", ""},
        {"a=b", "a=b"},
    };
    for (const auto& [in, out] : table) {
        CAPTURE(in);
        CHECK(web::neutralise_formula(in) == out);
    }
}

TEST_CASE("CSV for German Excel: BOM, semicolons, quoting, CRLF, commas on request") {
    web::export_table t{{"Name", "Organisation"},
                        {{"Müller, Anna", "Schule \"Am See\"; Bochum"}, {"Ben", "Zeile\nzwei"}}};
    const auto csv = web::to_csv(t, ';');
    CHECK(csv ==
          "\xEF\xBB\xBFName;Organisation\r\nMüller, Anna;\"Schule \"\"Am See\"\"; Bochum\"\r\nBen;\"Zeile\nzwei\"\r\n");
    const auto comma = web::to_csv(t, ',');
    CHECK(comma.find("\"Müller, Anna\",\"Schule \"\"Am See\"\"; Bochum\"\r\n") != std::string::npos);
}

TEST_CASE("the attendee table has a column per question and times in the event's zone") {
    auto e = testing::sample_event();
    calendar::question food;
    food.key = "essen";
    food.label = "Essen";
    e.questions = {food};
    auto anna = person("Anna", rs::confirmed);
    anna.registration.answers_given = {{"essen", {"vegan", "glutenfrei"}}};
    anna.confirmed_at = e.start - std::chrono::hours{24};
    anna.checked_in_at = e.start + std::chrono::minutes{5};
    const std::vector<calendar::attendee> list{anna, person("Ben", rs::waitlisted, 1)};
    const auto t = web::attendee_table({{e, list}}, web::lang::de, false);
    CHECK(t.header == std::vector<std::string>{"Name", "E-Mail", "Organisation", "Status", "Wartelistenplatz",
                                               "Angemeldet", "Bestätigt", "Eingecheckt", "Essen"});
    CHECK(t.rows[0] == std::vector<std::string>{"Anna", "x@example.org", "", "bestätigt", "", "2027-09-10 10:00",
                                                "2027-09-19 10:00", "2027-09-20 10:05", "vegan, glutenfrei"});
    CHECK(t.rows[1][3] == "Warteliste");
    CHECK(t.rows[1][4] == "1");
    const auto network = web::attendee_table({{e, list}, {e, list}}, web::lang::en, true);
    CHECK(network.header.front() == "Event");
    CHECK(network.header.size() == 10);  // no question columns across events
    CHECK(network.rows.size() == 4);
    CHECK(network.rows[0][0] == "MINT:Barcamp");
}

TEST_CASE("the JSON export uses machine names and UTC times") {
    const auto e = testing::sample_event();
    const std::vector<calendar::attendee> list{person("Anna", rs::waitlisted, 3)};
    const auto v = boost::json::parse(web::attendees_json(e, list));
    CHECK(v.at("event").at("slug").as_string() == "mint-barcamp-2027");
    CHECK(v.at("event").at("start").as_string() == "2027-09-20T08:00:00Z");
    const auto& a = v.at("attendees").at(0);
    CHECK(a.at("status").as_string() == "waitlisted");
    CHECK(a.at("position").as_int64() == 3);
    CHECK(a.at("registered_at").as_string() == "2027-09-10T08:00:00Z");
    CHECK(a.at("checked_in_at").is_null());
}
