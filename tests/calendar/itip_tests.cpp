#include <catch2/catch.hpp>

#include "calendar/ics_lint.hpp"
#include "calendar/itip.hpp"
#include "calendar/ics_text.hpp"
#include "sample_event.hpp"

using namespace tp::calendar;
using tp::testing::sample_event;

namespace {

std::string unfolded(std::string text) {
    for (std::size_t p; (p = text.find("\r\n ")) != std::string::npos;) text.erase(p, 3);
    return text;
}

itip_message message(itip_method method) {
    itip_message m;
    m.method = method;
    m.organizer = {"MINT-Region Nord, Team", "team@mint-nord.example"};
    m.attendee = {"Anna Müller", "anna@example.org"};
    m.base_url = "https://tp.test";
    m.stamp = sample_event().updated_at + std::chrono::hours{1};
    return m;
}

bool has_line(const std::string& text, const std::string& line) {
    return unfolded(text).find("\r\n" + line + "\r\n") != std::string::npos;
}

}  // namespace

TEST_CASE("an invitation is a REQUEST with organiser, one accepted attendee and the private join link") {
    auto e = sample_event();
    e.format = event_format::hybrid;
    e.join_url = "https://meet.example/secret-room";
    e.sequence = 2;
    const auto text = write_itip(e, message(itip_method::request));
    CHECK(lint_ics(text).empty());
    CHECK(has_line(text, "METHOD:REQUEST"));
    CHECK(has_line(text, "UID:" + e.uid));
    CHECK(has_line(text, "SEQUENCE:2"));
    CHECK(has_line(text, "ORGANIZER;CN=\"MINT-Region Nord, Team\":mailto:team@mint-nord.example"));
    CHECK(has_line(
        text, "ATTENDEE;CN=Anna Müller;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:anna@example.org"));
    CHECK(has_line(text, "STATUS:CONFIRMED"));
    CHECK(has_line(text, "DTSTAMP:20270622T120000Z"));
    CHECK(has_line(text, "DTSTART;TZID=Europe/Berlin:20270920T100000"));
    CHECK(text.find("BEGIN:VTIMEZONE") != std::string::npos);
    CHECK(unfolded(text).find("https://meet.example/secret-room") != std::string::npos);
    CHECK(text.find("X-WR-CALNAME") == std::string::npos);  // a message, not a feed
}

TEST_CASE("a cancellation is a CANCEL with STATUS:CANCELLED and no join link") {
    auto e = sample_event();
    e.join_url = "https://meet.example/secret-room";
    e.sequence = 1;
    auto m = message(itip_method::cancel);
    m.sequence = 2;  // a personal cancellation goes above the event's own
    const auto text = write_itip(e, m);
    CHECK(lint_ics(text).empty());
    CHECK(has_line(text, "METHOD:CANCEL"));
    CHECK(has_line(text, "SEQUENCE:2"));
    CHECK(has_line(text, "STATUS:CANCELLED"));
    CHECK(has_line(text, "ATTENDEE;CN=Anna Müller;ROLE=REQ-PARTICIPANT:mailto:anna@example.org"));
    CHECK(unfolded(text).find("secret-room") == std::string::npos);
}

TEST_CASE("names with quotes or line breaks cannot break the parameter") {
    auto m = message(itip_method::request);
    m.attendee.name = "Eve\"\r\nATTENDEE:mailto:x@y.de";
    const auto text = write_itip(sample_event(), m);
    CHECK(lint_ics(text).empty());
    CHECK(has_line(text,
                   "ATTENDEE;CN=Eve'ATTENDEE mailto x@y.de;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:"
                   "mailto:anna@example.org"));
}

TEST_CASE("names in parameters carry no semicolon or colon (node-ical and ts-ics split there), commas stay quoted") {
    const auto [name, cn] = GENERATE(table<std::string, std::string>({
        {"Anna Müller", "Anna Müller"},
        {"Müller; Anna", "Müller Anna"},
        {"Dr.: Anna Müller", "Dr. Anna Müller"},
        {"Team ; : Nord", "Team Nord"},
        {"Müller, Anna", "\"Müller, Anna\""},
        {"Müller, Anna; Dr.", "\"Müller, Anna Dr.\""},
    }));
    CAPTURE(name);
    auto m = message(itip_method::request);
    m.attendee.name = name;
    const auto text = write_itip(sample_event(), m);
    CHECK(lint_ics(text).empty());
    CHECK(has_line(text, "ATTENDEE;CN=" + cn +
                             ";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:"
                             "mailto:anna@example.org"));
}

TEST_CASE("the organiser is never the recipient: a network contact who registers sees the sender as organiser") {
    const itip_party contact{"Jörg Koordinator", "joerg@ist-bochum.example"};
    const itip_party sender{"zdi-Netzwerk", "noreply@treffpunkt.example"};
    CHECK(organizer_for(contact, sender, "anna@example.org").email == "joerg@ist-bochum.example");
    CHECK(organizer_for(contact, sender, "joerg@ist-bochum.example").email == "noreply@treffpunkt.example");
    CHECK(organizer_for(contact, sender, "Joerg@IST-Bochum.example").email == "noreply@treffpunkt.example");
    CHECK(organizer_for(contact, sender, "Joerg@IST-Bochum.example").name == "zdi-Netzwerk");
}

TEST_CASE("an all-day invitation needs no VTIMEZONE") {
    auto e = sample_event();
    e.all_day = true;
    const auto text = write_itip(e, message(itip_method::request));
    CHECK(lint_ics(text).empty());
    CHECK(text.find("BEGIN:VTIMEZONE") == std::string::npos);
    CHECK(has_line(text, "DTSTART;VALUE=DATE:20270920"));
}

TEST_CASE("what one person receives for one event only rises: each withdrawal adds two, its CANCEL in between") {
    const auto [event_sequence, withdrawals, withdrawal, expected] = GENERATE(table<int, int, bool, int>({
        {0, 0, false, 0},  // the first invitation
        {0, 1, true, 1},   // cancelled: CANCEL one above the event's
        {0, 1, false, 2},  // registered again: the new REQUEST above that CANCEL
        {0, 2, true, 3},   // cancelled again
        {3, 1, false, 5},  // the event changed three times since
        {3, 1, true, 4},   // rejected after coming back: still above the REQUEST of 0 + 2
    }));
    CAPTURE(event_sequence, withdrawals, withdrawal);
    CHECK(personal_sequence(event_sequence, withdrawals, withdrawal) == expected);
}
