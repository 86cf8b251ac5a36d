#include <catch2/catch.hpp>

#include "sample_event.hpp"
#include "web/mail_texts.hpp"

using namespace tp;
using namespace std::chrono;
using calendar::itip_method;
using rs = calendar::registration_status;

namespace {

struct fixture {
    calendar::event event = testing::sample_event();
    calendar::network network;
    calendar::registration reg;
    fixture() {
        network.name = "zdi-Netzwerk IST.Bochum.NRW";
        reg.token = "0123456789abcdef0123456789abcdef";
        reg.name = "Anna Müller";
        reg.email = "anna@example.org";
        reg.status = rs::pending;
        reg.expires_at = event.start - days{30};
        event.join_url = "https://meet.example/secret";
        event.format = calendar::event_format::hybrid;
    }
    std::string reason;
    std::optional<calendar::event> before;
    std::string door_url;
    web::mail_text render(const std::string& kind, bool was_confirmed = false) {
        web::mail_input in{calendar::parse_message_kind(kind).value(),
                           reg,
                           event,
                           network,
                           "https://tp.test",
                           was_confirmed,
                           std::nullopt,
                           "",
                           "",
                           reason,
                           before,
                           door_url};
        return web::render_mail(in).value();
    }
};

}  // namespace

TEST_CASE("each message kind has its subject, main link and invitation") {
    struct row {
        const char* kind;
        rs status;
        bool was_confirmed;
        const char* subject_de;
        const char* link;  // expected in the text; "" for none beyond the manage link
        std::optional<itip_method> invitation;
    };
    const row table[] = {
        {"confirm_request", rs::pending, false, "Bitte bestätigen: MINT:Barcamp",
         "/r/0123456789abcdef0123456789abcdef/confirm", std::nullopt},
        {"resend", rs::pending, false, "Ihr Link zur Anmeldung: MINT:Barcamp",
         "/r/0123456789abcdef0123456789abcdef/confirm", std::nullopt},
        {"resend", rs::confirmed, true, "Ihr Link zur Anmeldung: MINT:Barcamp", "/r/0123456789abcdef0123456789abcdef\n",
         std::nullopt},
        {"waitlisted", rs::waitlisted, false, "Warteliste: MINT:Barcamp", "/r/0123456789abcdef0123456789abcdef\n",
         std::nullopt},
        {"promoted", rs::pending, false, "Ein Platz ist frei: MINT:Barcamp",
         "/r/0123456789abcdef0123456789abcdef/confirm", std::nullopt},
        {"confirmed", rs::confirmed, true, "Anmeldung bestätigt: MINT:Barcamp", "/r/0123456789abcdef0123456789abcdef\n",
         itip_method::request},
        {"cancelled", rs::cancelled, true, "Abmeldung bestätigt: MINT:Barcamp", "/events/mint-barcamp-2027\n",
         itip_method::cancel},
        {"cancelled", rs::cancelled, false, "Abmeldung bestätigt: MINT:Barcamp", "/events/mint-barcamp-2027\n",
         std::nullopt},
        {"rejected", rs::rejected, true, "Anmeldung abgelehnt: MINT:Barcamp", "/events/mint-barcamp-2027\n",
         itip_method::cancel},
        {"reminder", rs::confirmed, true, "Erinnerung: MINT:Barcamp, morgen", "/r/0123456789abcdef0123456789abcdef\n",
         std::nullopt},
        {"event_changed", rs::confirmed, true, "Geändert: MINT:Barcamp", "/r/0123456789abcdef0123456789abcdef\n",
         itip_method::request},
        {"event_changed", rs::waitlisted, false, "Geändert: MINT:Barcamp", "/r/0123456789abcdef0123456789abcdef\n",
         std::nullopt},
        {"event_cancelled", rs::confirmed, true, "Abgesagt: MINT:Barcamp", "/events/mint-barcamp-2027\n",
         itip_method::cancel},
        {"event_cancelled", rs::pending, false, "Abgesagt: MINT:Barcamp", "/events/mint-barcamp-2027\n", std::nullopt},
    };
    for (const auto& r : table) {
        CAPTURE(r.kind, calendar::to_string(r.status));
        fixture f;
        f.reg.status = r.status;
        const auto m = f.render(r.kind, r.was_confirmed);
        CHECK(m.subject == r.subject_de);
        CHECK(m.text.find("https://tp.test" + std::string(r.link)) != std::string::npos);
        CHECK(m.invitation == r.invitation);
        CHECK(m.text.starts_with("Hallo Anna Müller,\n"));
        CHECK(m.html.starts_with("<!DOCTYPE html><html lang=\"de\">"));
        // Only a person holding a seat sees the private join link.
        const bool join = r.status == rs::confirmed && std::string(r.kind) != "event_cancelled";
        CHECK((m.text.find("meet.example/secret") != std::string::npos) == join);
        CHECK((m.html.find("meet.example/secret") != std::string::npos) == join);
    }
}

TEST_CASE("a rejection carries the organiser's reason, escaped in HTML, and says nothing when none was given") {
    fixture f;
    CHECK(f.render("rejected").text.find("Begründung") == std::string::npos);
    f.reason = "Nur für Lehrkräfte <aus> Bochum.";
    const auto m = f.render("rejected");
    CHECK(m.text.find("Begründung: Nur für Lehrkräfte <aus> Bochum.") != std::string::npos);
    CHECK(m.html.find("Begründung: Nur für Lehrkräfte &lt;aus&gt; Bochum.") != std::string::npos);
    f.reg.language = "en";
    CHECK(f.render("rejected").text.find("The reason given: Nur für") != std::string::npos);
    CHECK(f.render("confirmed").text.find("reason") == std::string::npos);  // only rejections carry it
}

TEST_CASE("a change mail says what changed, before and now, and only that") {
    fixture f;
    f.reg.status = rs::confirmed;
    f.before = f.event;
    f.event.start += std::chrono::hours{2};
    f.event.end += std::chrono::hours{2};
    const auto moved = f.render("event_changed", true);
    CHECK(moved.text.find("Zeit – vorher: Montag, 20. September 2027, 10:00–17:00 Uhr; jetzt: Montag, 20. September "
                          "2027, 12:00–19:00 Uhr") != std::string::npos);
    CHECK(moved.text.find("Ort – vorher") == std::string::npos);  // the place stayed
    f.before = f.event;
    f.event.venue = "Aula <Nord>";
    const auto placed = f.render("event_changed", true);
    CHECK(placed.text.find("Ort – vorher: Körber-Forum, Kehrwieder 12") != std::string::npos);
    CHECK(placed.html.find("jetzt: Aula &lt;Nord&gt;") != std::string::npos);
    CHECK(placed.text.find("Zeit – vorher") == std::string::npos);
    f.reg.language = "en";
    CHECK(f.render("event_changed", true).text.find("Place – before: Körber-Forum") != std::string::npos);
    f.before.reset();  // an older message without "before" still reads
    CHECK(f.render("event_changed", true).text.find("before:") == std::string::npos);
}

TEST_CASE("a confirmation carries the check-in code as a picture, and only a confirmation") {
    fixture f;
    f.door_url = "https://tp.test/admin/events/mint-barcamp-2027/door/1/abc";
    f.reg.status = rs::confirmed;
    const auto confirmed = f.render("confirmed", true);
    CHECK(confirmed.door_code);
    CHECK(confirmed.html.find("<img src=\"cid:door-code@treffpunkt.invalid\" alt=\"QR-Code für den Einlass\"") !=
          std::string::npos);
    CHECK(confirmed.text.find("Ihren Code für den Einlass zeigt diese E-Mail in der HTML-Ansicht") !=
          std::string::npos);
    CHECK_FALSE(f.render("reminder", true).door_code);
    f.door_url.clear();  // the event has ended, or no code is wanted
    CHECK_FALSE(f.render("confirmed", true).door_code);
}

TEST_CASE("English registrants get English mail with English links") {
    fixture f;
    f.reg.language = "en";
    const auto m = f.render("confirm_request");
    CHECK(m.subject == "Please confirm: MINT:Barcamp");
    CHECK(m.text.starts_with("Hello Anna Müller,\n"));
    CHECK(m.text.find("https://tp.test/r/0123456789abcdef0123456789abcdef/confirm?lang=en") != std::string::npos);
    CHECK(m.html.find("lang=\"en\"") != std::string::npos);
}

TEST_CASE("reminder subjects say how soon") {
    const std::pair<seconds, const char*> table[] = {
        {days{1}, "Erinnerung: MINT:Barcamp, morgen"},
        {days{7}, "Erinnerung: MINT:Barcamp, in 7 Tagen"},
        {hours{2}, "Erinnerung: MINT:Barcamp, in 2 Stunden"},
        {minutes{90}, "Erinnerung: MINT:Barcamp, in Kürze"},
    };
    for (const auto& [offset, subject] : table) {
        fixture f;
        f.reg.status = rs::confirmed;
        web::mail_input in{calendar::message_kind::reminder,
                           f.reg,
                           f.event,
                           f.network,
                           "https://tp.test",
                           true,
                           offset,
                           "",
                           "",
                           "",
                           {}};
        CHECK(web::render_mail(in)->subject == subject);
    }
}

TEST_CASE("what people typed is escaped in HTML and organiser messages keep their lines") {
    fixture f;
    f.reg.name = "<script>alert(1)</script>";
    f.reg.status = rs::confirmed;
    web::mail_input in{calendar::message_kind::organiser_message,
                       f.reg,
                       f.event,
                       f.network,
                       "https://tp.test",
                       true,
                       std::nullopt,
                       "Raum <b>2</b>",
                       "Zeile eins\nZeile <i>zwei</i>",
                       "",
                       {},
                       ""};
    const auto m = web::render_mail(in).value();
    CHECK(m.subject == "Raum <b>2</b> (MINT:Barcamp)");  // a header: encoded later, not HTML
    CHECK(m.html.find("<script>") == std::string::npos);
    CHECK(m.html.find("&lt;script&gt;") != std::string::npos);
    CHECK(m.html.find("<p>Zeile eins</p><p>Zeile &lt;i&gt;zwei&lt;/i&gt;</p>") != std::string::npos);
    CHECK(m.text.find("Zeile eins\nZeile <i>zwei</i>") != std::string::npos);
}

TEST_CASE("a kind that is no registration's renders nothing here") {
    fixture f;
    web::mail_input in{calendar::message_kind::organiser_invite,
                       f.reg,
                       f.event,
                       f.network,
                       "https://tp.test",
                       false,
                       std::nullopt,
                       "",
                       "",
                       "",
                       {},
                       ""};
    CHECK_FALSE(web::render_mail(in));
}

TEST_CASE("messages that lost their point are not sent") {
    fixture f;
    const auto before = f.event.start - hours{1};
    struct row {
        const char* kind;
        rs status;
        calendar::event_status event_status;
        calendar::sys_seconds now;
        bool stale;
    };
    const row table[] = {
        {"reminder", rs::confirmed, calendar::event_status::published, before, false},
        {"reminder", rs::cancelled, calendar::event_status::published, before, true},
        {"reminder", rs::confirmed, calendar::event_status::cancelled, before, true},
        {"reminder", rs::confirmed, calendar::event_status::published, f.event.start, true},
        {"confirm_request", rs::pending, calendar::event_status::published, before, false},
        {"confirm_request", rs::confirmed, calendar::event_status::published, before, true},
        {"promoted", rs::expired, calendar::event_status::published, before, true},
        {"organiser_message", rs::confirmed, calendar::event_status::published, before, false},
        {"organiser_message", rs::cancelled, calendar::event_status::published, before, true},
        {"cancelled", rs::cancelled, calendar::event_status::published, before, false},
        {"event_cancelled", rs::confirmed, calendar::event_status::cancelled, before, false},
    };
    for (const auto& r : table) {
        CAPTURE(r.kind, calendar::to_string(r.status));
        f.reg.status = r.status;
        f.event.status = r.event_status;
        CHECK(web::stale_reason(calendar::parse_message_kind(r.kind).value(), f.reg, f.event, r.now).has_value() ==
              r.stale);
    }
}
