#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "sample_event.hpp"
#include "web/event_form.hpp"
#include "web/form_messages.hpp"
#include "web/series_form.hpp"

using namespace tp;
using web::lang;

namespace {

// Words of the import's English that no German message keeps.
bool reads_english(const std::string& s) {
    for (const char* word : {"must", " is not", "required", " the ", "appears", "needs", "only ", "happens", "does not",
                             "write each", " or "})
        if (s.find(word) != std::string::npos) return true;
    return false;
}

struct bad_input {
    const char* field;
    const char* value;
};

void check_both_languages(const web::field_messages& problems, const std::string& what) {
    REQUIRE_FALSE(problems.empty());
    for (const auto& [field, english] : problems) {
        INFO(what << " -> " << field << ": " << english);
        const auto german = web::form_message(english, lang::de);
        INFO("German: " << german);
        CHECK_FALSE(reads_english(german));
        CHECK(german != english);  // a row of the table fits
        const auto in_english = web::form_message(english, lang::en);
        CHECK(in_english.find("ü") == std::string::npos);
        CHECK_FALSE(in_english.empty());
        CHECK((in_english[0] < 'a' || in_english[0] > 'z'));
    }
}

}  // namespace

TEST_CASE("every problem the event form can show reads German for German visitors") {
    const bad_input table[] = {
        {"slug", ""},
        {"slug", "Mit Leerzeichen"},
        {"slug", "-anfang"},
        {"title", ""},
        {"time_zone", "Mars/Olympus"},
        {"start", "2027-03-28T02:30"},  // the clocks move forward in Berlin
        {"start", "2027-10-31T02:30"},  // and back
        {"start", "2027-02-30T10:00"},
        {"start", "morgen"},
        {"start", "2027-09-20T25:00"},
        {"end", "2027-09-20T09:00"},
        {"join_url", "ftp://example.org"},
        {"info_url", "keine-adresse"},
        {"capacity", "viele"},
        {"reminders", "7 Tage"},
        {"reminders", "1m"},
        {"reminders", "1d, 1d"},
        {"registration_closes", "2027-01-01T00:00"},
        {"title", "Zeile\x01zwei"},
    };
    for (const auto& row : table) {
        auto f = web::fields_of(testing::sample_event());
        f["registration_opens"] = "2027-06-01T09:00";
        f[row.field] = row.value;
        check_both_languages(web::read_event_form(f).problems, std::string(row.field) + "=" + row.value);
    }
}

TEST_CASE("the question rows' problems read German too") {
    const std::vector<std::pair<std::string, std::string>> table[] = {
        {{"q0.type", "single_choice"}, {"q0.options", "nur eine"}},
        {{"q0.type", "multiple_choice"}, {"q0.options", "a\na"}},
    };
    for (const auto& rows : table) {
        auto f = web::fields_of(testing::sample_event());
        f["q0.label"] = "Frage";
        for (const auto& [k, v] : rows) f[k] = v;
        check_both_languages(web::read_event_form(f).problems, rows.back().second);
    }
}

TEST_CASE("every problem of the series form reads German for German visitors") {
    const bad_input table[] = {
        {"rrule", ""},
        {"rrule", "FREQ=HOURLY"},
        {"rrule", "FREQ=SOMETIMES"},
        {"rrule", "FREQ=MONTHLY;BYDAY=0TU"},
        {"rrule", "FREQ=WEEKLY;BYDAY=XX"},
        {"rrule", "FREQ=MONTHLY;COUNT=3;UNTIL=20280101T000000Z"},
        {"rrule", "INTERVAL=2"},
        {"rrule", "FREQ=WEEKLY;BYMONTHDAY=3"},
        {"rrule", "FREQ=MONTHLY;UNTIL=20281301"},
        {"exdates", "2027-09-21T10:00"},
        {"overrides", "2027-09-20T10:00 nach Dienstag"},
        {"start", "2027-09-21T10:00"},  // not a Monday of the rule below
    };
    for (const auto& row : table) {
        web::form_fields f{{"slug", "alumni-runde"},
                           {"network", "ist-bochum"},
                           {"kind", "exchange_round"},
                           {"title", "Alumni"},
                           {"time_zone", "Europe/Berlin"},
                           {"format", "online"},
                           {"status", "draft"},
                           {"start", "2027-09-20T10:00"},
                           {"end", "2027-09-20T11:00"},
                           {"rrule", "FREQ=WEEKLY;BYDAY=MO"}};
        f[row.field] = row.value;
        check_both_languages(web::read_series_form(f).problems, std::string(row.field) + "=" + row.value);
    }
}

TEST_CASE("English problems keep their words and start with a capital letter") {
    CHECK(web::form_message("must be after start", lang::en) == "Must be after start");
    CHECK(web::form_message("must be after start", lang::de) == "Das Ende liegt vor dem Beginn.");
    CHECK(web::form_message("is required; is longer than 200 characters", lang::de) ==
          "Bitte ausfüllen. Höchstens 200 Zeichen.");
    CHECK(web::form_message("", lang::de).empty());
    CHECK(web::form_message("Diese Adresse hat schon „Treffen“.", lang::de) == "Diese Adresse hat schon „Treffen“.");
}
