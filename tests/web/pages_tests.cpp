#include <catch2/catch.hpp>

#include "sample_event.hpp"
#include "web/admin_pages.hpp"
#include "web/barcamp_pages.hpp"
#include "web/event_form.hpp"
#include "web/pages.hpp"
#include "web/registration_form.hpp"
#include "web/validate.hpp"

using namespace tp;

namespace {
calendar::network hostile_network() {
    calendar::network n;
    n.slug = "ist-bochum";
    n.name = "<script>alert(1)</script> Netzwerk";
    n.contact_email = "a@b.de";
    n.website = "https://example.org/?a=1&b=2";
    return n;
}
// The home page's selection of `events` without search, month or page.
web::listing_selection listed(const std::vector<calendar::event>& events, const web::listing_query& q = {}) {
    static web::search_memo memo;
    return web::select_listing(events, q, memo);
}
web::page_context context(web::lang l = web::lang::de, bool in_query = false) {
    return {l, in_query, "http://127.0.0.1:8080", "/", "", calendar::sys_seconds{}};
}
}  // namespace

TEST_CASE("nothing from the database reaches a page unescaped") {
    auto e = testing::sample_event();
    e.title = "<img src=x onerror=alert(1)>";
    e.description = "\"quoted\" & <b>bold</b>\n\nsecond paragraph";
    e.network_name = hostile_network().name;
    const std::vector events{e};
    const std::vector networks{hostile_network()};
    for (const auto& page : {web::event_page(context(), e, networks[0]).str(),
                             web::event_list_page(context(), networks, listed(events), {}).str(),
                             web::network_page(context(), networks[0], events).str()}) {
        CHECK(page.find("<script>") == std::string::npos);
        CHECK(page.find("<img") == std::string::npos);
        CHECK(page.find("<b>bold") == std::string::npos);
    }
    const auto event_html = web::event_page(context(), e, networks[0]).str();
    CHECK_THAT(event_html, Catch::Contains("&lt;img src=x onerror=alert(1)&gt;"));
    CHECK_THAT(event_html,
               Catch::Contains("<p>&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;</p><p>second paragraph</p>"));
}

TEST_CASE("the event page offers the calendar in every form") {
    const auto e = testing::sample_event();
    const auto page = web::event_page(context(), e, hostile_network()).str();
    CHECK_THAT(page, Catch::Contains("<html lang=\"de\">"));
    CHECK_THAT(page, Catch::Contains("Montag, 20. September 2027, 10:00–17:00 Uhr"));
    CHECK_THAT(page, Catch::Contains("href=\"/events/mint-barcamp-2027.ics\""));
    CHECK_THAT(page, Catch::Contains("href=\"webcal://127.0.0.1:8080/events/mint-barcamp-2027.ics\""));
    CHECK_THAT(page,
               Catch::Contains("https://calendar.google.com/calendar/render?action=TEMPLATE&amp;text=MINT%3ABarcamp"
                               "&amp;dates=20270920T080000Z/20270920T150000Z"));
    CHECK_THAT(page, Catch::Contains("<dt>Plätze</dt><dd>120</dd>"));
    CHECK_THAT(page, Catch::Contains("<main id=\"main\""));
    CHECK_THAT(page, Catch::Contains("<nav aria-label=\"Hauptnavigation\">"));
}

TEST_CASE("cancelled and online events say so, the join link stays private") {
    auto e = testing::sample_event();
    e.status = calendar::event_status::cancelled;
    e.format = calendar::event_format::online;
    e.join_url = "https://meet.example/secret";
    const auto page = web::event_page(context(web::lang::en), e, hostile_network()).str();
    CHECK_THAT(page, Catch::Contains("This event has been cancelled."));
    CHECK_THAT(page, Catch::Contains("<dt>Where</dt><dd>Online</dd>"));
    CHECK(page.find("secret") == std::string::npos);
}

TEST_CASE("a language chosen by query is kept in links") {
    const auto e = testing::sample_event();
    const std::vector events{e};
    const std::vector networks{hostile_network()};
    web::listing_query filter;
    filter.network = "ist-bochum";
    filter.kinds = {calendar::event_kind::barcamp};
    auto ctx = context(web::lang::en, true);
    ctx.filter_query = web::encode_filter(filter);
    const auto page = web::event_list_page(ctx, networks, listed(events, filter), filter).str();
    CHECK_THAT(page, Catch::Contains("href=\"/events/mint-barcamp-2027?lang=en\""));
    CHECK_THAT(page, Catch::Contains("href=\"/?network=ist-bochum&amp;kind=barcamp&amp;lang=de\""));
    CHECK_THAT(page, Catch::Contains("<option value=\"ist-bochum\" selected>"));
    CHECK_THAT(page, Catch::Contains("value=\"barcamp\" checked"));
    CHECK_THAT(page, Catch::Contains("webcal://127.0.0.1:8080/calendar.ics?network=ist-bochum&amp;kind=barcamp"));
    CHECK_THAT(page, Catch::Contains("<h2>September 2027</h2>"));
}

TEST_CASE("empty lists and errors read as sentences") {
    const std::vector<calendar::event> none;
    const std::vector<calendar::network> no_networks;
    CHECK_THAT(web::event_list_page(context(), no_networks, listed(none), {}).str(),
               Catch::Contains("Zurzeit sind keine Veranstaltungen geplant."));
    CHECK_THAT(web::error_page(context(web::lang::en), 404, "").str(), Catch::Contains("Page not found"));
    CHECK_THAT(web::error_page(context(), 400, "kind: <x>").str(), Catch::Contains("kind: &lt;x&gt;"));
}

TEST_CASE("the grid editor's time menu shows each slot's time under its day") {
    const auto e = testing::sample_event();
    calendar::programme p;
    const auto at = [](const char* local) {
        return calendar::resolve_local(calendar::parse_local_date_time(local), *calendar::find_zone("Europe/Berlin"));
    };
    p.rooms = {{1, "Aula", 80}};
    p.slots = {{7, at("2027-09-20T10:00"), at("2027-09-20T10:45")},
               {8, at("2027-09-21T09:30"), at("2027-09-21T10:15")}};
    calendar::barcamp_session s;
    s.id = 3;
    s.title = "Robotik im Sachunterricht";
    s.slot = 8;
    p.sessions = {s};
    const auto page = web::programme_admin_page(context(), e, p, {}, "csrf").str();
    CHECK_THAT(page,
               Catch::Contains("<optgroup label=\"Montag, 20. September 2027\"><option value=\"7\">10:00–10:45 Uhr"));
    CHECK_THAT(page, Catch::Contains("<optgroup label=\"Dienstag, 21. September 2027\">"
                                     "<option value=\"8\" selected=\"selected\">09:30–10:15 Uhr"));
    const auto english = web::programme_admin_page(context(web::lang::en), e, p, {}, "csrf").str();
    CHECK_THAT(english, Catch::Contains("<optgroup label=\"Tuesday, 21 September 2027\">"));
}

TEST_CASE("the event form speaks in words and lists its problems at the top, linked to their fields") {
    auto f = web::fields_of(testing::sample_event());
    f["status"] = "draft";
    f["end"] = "2027-09-20T09:00";
    const web::field_messages problems{{"end", "must be after start"}, {"reminders", "at most 5"}};
    const std::vector<web::network_choice> networks{{"ist-bochum", "zdi-Netzwerk IST.Bochum.NRW"}};
    const web::event_form_page_input in{f, problems, networks, "csrf", true, false};
    const auto de = web::event_form_page(context(), in).str();
    CHECK_THAT(de, Catch::Contains("<option value=\"ist-bochum\" selected=\"selected\">zdi-Netzwerk IST.Bochum.NRW"));
    CHECK_THAT(de, Catch::Contains("<option value=\"exchange_round\">Austauschrunde</option>"));
    CHECK_THAT(de, Catch::Contains("<option value=\"online\">Online</option>"));
    CHECK_THAT(de, Catch::Contains("<select id=\"f-time_zone\" name=\"time_zone\"><option value=\"Europe/Berlin\" "
                                   "selected=\"selected\">Europe/Berlin</option><optgroup label=\"Alle Zeitzonen\">"));
    CHECK_THAT(de, Catch::Contains("<option value=\"America/New_York\">"));
    CHECK_THAT(de, Catch::Contains("autofocus=\"autofocus\""));
    CHECK_THAT(de, Catch::Contains("<li><a href=\"#f-end\">Ende: Das Ende liegt vor dem Beginn.</a></li>"));
    CHECK_THAT(de, Catch::Contains("<li><a href=\"#f-reminders\">Erinnerungen vor Beginn: Höchstens 5.</a></li>"));
    CHECK_THAT(de, Catch::Contains("aria-describedby=\"f-end-error\""));
    CHECK_THAT(de, Catch::Contains("name=\"publish\" value=\"yes\""));  // a draft: publishing is a step
    CHECK_THAT(de, Catch::Contains("<input type=\"hidden\" name=\"status\" value=\"draft\">"));
    CHECK(de.find(">meeting<") == std::string::npos);
    const auto en = web::event_form_page(context(web::lang::en), in).str();
    CHECK_THAT(en, Catch::Contains("<li><a href=\"#f-end\">End: Must be after start</a></li>"));
    CHECK_THAT(en, Catch::Contains("<option value=\"exchange_round\">Exchange round</option>"));
    f["status"] = "published";
    const web::event_form_page_input saved{f, {}, networks, "csrf", false, true};
    const auto after = web::event_form_page(context(), saved).str();
    CHECK_THAT(after, Catch::Contains("<strong>Gespeichert.</strong> Öffentlich und in den Kalendern: "
                                      "<a href=\"/events/mint-barcamp-2027\">"));
    CHECK_THAT(after, Catch::Contains("<option value=\"published\" selected=\"selected\">Veröffentlicht</option>"));
    CHECK(after.find("name=\"publish\"") == std::string::npos);
}

TEST_CASE("the registration form: limits agree with the server, a choice's problem belongs to its group") {
    auto e = testing::sample_event();
    e.questions = {{"essen", "Essen", calendar::question_type::single_choice, {"vegan", "mit Fleisch"}, true},
                   {"thema", "Thema", calendar::question_type::text, {}, false}};
    web::form_state f;
    f.errors = {{"name", "Bitte ausfüllen."}, {"q.essen", "Bitte wählen."}};
    const auto page = web::registration_section(context(), e, calendar::registration_window::open, {}, f).str();
    CHECK_THAT(page, Catch::Contains("name=\"name\" type=\"text\" autocomplete=\"name\" maxlength=\"" +
                                     std::to_string(web::max_name_length) + "\""));
    CHECK_THAT(page, Catch::Contains("name=\"email\" type=\"email\" autocomplete=\"email\" maxlength=\"" +
                                     std::to_string(web::max_email_length) + "\""));
    CHECK_THAT(page, Catch::Contains("name=\"q.thema\" type=\"text\" autocomplete=\"off\" maxlength=\"" +
                                     std::to_string(web::max_answer_length) + "\""));
    CHECK_THAT(page, Catch::Contains("<fieldset class=\"field choice invalid\" id=\"f-q-essen\" "
                                     "aria-describedby=\"f-q-essen-error\"><legend>Essen</legend>"));
    CHECK_THAT(page, Catch::Contains("<li><a href=\"#f-name\">Name: Bitte ausfüllen.</a></li>"
                                     "<li><a href=\"#f-q-essen-0\">Essen: Bitte wählen.</a></li>"));
    // The server refuses one character more than the form allows, and takes the limit itself.
    const std::string longest(web::max_name_length, 'a');
    web::registration_input at_limit{longest, "a@b.de", longest};
    CHECK(web::check_registration(at_limit, true).empty());
    at_limit.name += "a";
    CHECK(web::check_registration(at_limit, true).count("name") == 1);
}

TEST_CASE("lists say when an event is full or few seats are left, series pages give every count") {
    auto full = testing::sample_event("voll");
    full.id = 1;
    auto few = testing::sample_event("fast-voll");
    few.id = 2;
    auto roomy = testing::sample_event("viel-platz");
    roomy.id = 3;
    auto last = testing::sample_event("letzter-platz");
    last.id = 4;
    const std::vector events{full, few, roomy, last};
    const web::seat_map seats{{1, {0, true}}, {2, {3, false}}, {3, {80, false}}, {4, {1, false}}};
    const auto page = web::event_list_page(context(), {}, listed(events), {}, seats).str();
    CHECK_THAT(page, Catch::Contains("<span class=\"badge full\">ausgebucht – Warteliste</span>"));
    CHECK_THAT(page, Catch::Contains("<span class=\"seats\">noch 3 Plätze</span>"));
    CHECK_THAT(page, Catch::Contains("<span class=\"seats\">noch 1 Platz</span>"));
    CHECK(page.find("80 Pl") == std::string::npos);  // plenty left: nothing to say
    const auto english = web::event_list_page(context(web::lang::en), {}, listed(events), {}, seats).str();
    CHECK_THAT(english, Catch::Contains(">full – waiting list<"));
    CHECK_THAT(english, Catch::Contains(">only 3 seats left<"));
    const auto every = web::event_items(context(), events, seats, {.every_seat_count = true}).str();
    CHECK_THAT(every, Catch::Contains(">80 Plätze frei<"));
    CHECK_THAT(every, Catch::Contains(">1 Platz frei<"));
    full.status = calendar::event_status::cancelled;  // a cancelled event is not "full"
    CHECK(web::event_items(context(), std::vector{full}, seats, {}).str().find("ausgebucht") == std::string::npos);
}

TEST_CASE("a full event's button says so") {
    const auto e = testing::sample_event();
    const auto page = web::registration_section(context(), e, calendar::registration_window::open, {0, true}, {}).str();
    CHECK_THAT(page, Catch::Contains("<button type=\"submit\">Ausgebucht – auf die Warteliste</button>"));
}

TEST_CASE("a feed is one click away in Google Calendar and Outlook, and its address can be copied") {
    const auto page = web::network_page(context(), hostile_network(), {}).str();
    CHECK_THAT(page, Catch::Contains("href=\"https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2F127.0.0.1%3A8080"
                                     "%2Fnetworks%2Fist-bochum%2Fcalendar.ics\""));
    CHECK_THAT(page, Catch::Contains("href=\"https://outlook.live.com/calendar/0/addfromweb?url=http%3A%2F%2F127.0.0.1"
                                     "%3A8080%2Fnetworks%2Fist-bochum%2Fcalendar.ics&amp;name="));
    CHECK_THAT(page, Catch::Contains("href=\"https://outlook.office.com/calendar/0/addfromweb?url="));
    CHECK_THAT(page, Catch::Contains("<input id=\"feed-url\" type=\"text\" readonly=\"readonly\" "
                                     "value=\"http://127.0.0.1:8080/networks/ist-bochum/calendar.ics\">"));
    CHECK_THAT(page, Catch::Contains("data-copy=\"feed-url\" data-done=\"Kopiert\""));  // hidden until the script
    CHECK_THAT(page, Catch::Contains("<summary>So geht es von Hand</summary>"));
    CHECK(page.find("<script>") == std::string::npos);  // the network's name stays text
}

TEST_CASE("the default privacy notice is a complete template with the operator's parts marked") {
    const auto de = web::privacy_page(context()).str();
    for (const char* part : {"<h2>Verantwortlich</h2>", "<h2>Rechtsgrundlagen</h2>", "<h2>Speicherdauer</h2>",
                             "<h2>Ihre Rechte</h2>", "Art. 6 Abs. 1 lit. b DSGVO", "Art. 77 DSGVO",
                             "<mark class=\"placeholder\">[Name der Organisation]</mark>"}) {
        INFO(part);
        CHECK_THAT(de, Catch::Contains(part));
    }
    const auto en = web::privacy_page(context(web::lang::en)).str();
    CHECK_THAT(en, Catch::Contains("<h2>Controller</h2>"));
    CHECK_THAT(en, Catch::Contains("<mark class=\"placeholder\">[Name of the organisation]</mark>"));
    const auto own = web::privacy_page(context(), "Unser Text.\n\nZweiter Absatz.").str();
    CHECK_THAT(own, Catch::Contains("<p>Unser Text.</p><p>Zweiter Absatz.</p>"));
    CHECK(own.find("placeholder") == std::string::npos);
}

TEST_CASE("the attendee list shows each person's answers in the questions' order") {
    auto e = testing::sample_event();
    e.questions = {{"essen", "Essen", calendar::question_type::single_choice, {"vegan", "mit Fleisch"}, true},
                   {"workshops", "Workshops", calendar::question_type::multiple_choice, {"Robotik", "Chemie"}, false},
                   {"foto", "Fotos erlaubt", calendar::question_type::checkbox, {}, false}};
    calendar::attendee a;
    a.registration.name = "Ülkü Yılmaz";
    a.registration.email = "uelkue@schule.example";
    a.registration.status = calendar::registration_status::waitlisted;
    a.registration.position = 2;
    a.registration.answers_given = {{"foto", {"yes"}}, {"workshops", {"Robotik", "Chemie"}}, {"essen", {"vegan"}}};
    const auto page = web::attendee_page(context(), e, {a}, {}, "csrf").str();
    CHECK_THAT(page, Catch::Contains("<ul class=\"answers\"><li><span class=\"meta\">Essen: </span>vegan</li>"
                                     "<li><span class=\"meta\">Workshops: </span>Robotik, Chemie</li>"
                                     "<li><span class=\"meta\">Fotos erlaubt: </span>ja</li></ul>"));
    CHECK_THAT(page, Catch::Contains("Platz 2 auf der Warteliste"));
    CHECK_THAT(page, Catch::Contains("<th scope=\"col\">Angaben</th>"));
}

TEST_CASE("a registration's page shows the answers and one clear way into one's calendar") {
    auto e = testing::sample_event();
    e.questions = {{"essen", "Essen", calendar::question_type::single_choice, {"vegan", "mit Fleisch"}, true},
                   {"foto", "Fotos erlaubt", calendar::question_type::checkbox, {}, false}};
    calendar::registration r;
    r.token = "0123456789abcdef0123456789abcdef";
    r.name = "Jörg Öztürk";
    r.status = calendar::registration_status::confirmed;
    r.answers_given = {{"foto", {"yes"}}, {"essen", {"vegan"}}};
    const auto page = web::manage_page(context(), r, e).str();
    CHECK_THAT(page, Catch::Contains("<dt>Essen</dt><dd>vegan</dd><dt>Fotos erlaubt</dt><dd>ja</dd>"));
    CHECK_THAT(page, Catch::Contains("<h2 id=\"my-calendar\">In meinen Kalender</h2>"));
    CHECK_THAT(page, Catch::Contains(
                         "href=\"https://calendar.google.com/calendar/render?action=TEMPLATE&amp;text=MINT%3ABarcamp"));
    CHECK_THAT(page,
               Catch::Contains("href=\"https://outlook.live.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction"
                               "%2Fcompose&amp;rru=addevent&amp;subject=MINT%3ABarcamp&amp;startdt=2027-09-20T08:00:00Z"
                               "&amp;enddt=2027-09-20T15:00:00Z"));
    CHECK_THAT(page, Catch::Contains("<a href=\"/r/0123456789abcdef0123456789abcdef/event.ics\" download=\"mint-barcamp-2027.ics\">"
                                     "Apple Kalender und andere (.ics)</a>"));
    r.status = calendar::registration_status::pending;  // not yet: no calendar choice
    CHECK(web::manage_page(context(), r, e).str().find("my-calendar") == std::string::npos);
}

TEST_CASE("a registration's page offers to change the answers while registration is open, and says when saved") {
    auto e = testing::sample_event();
    e.questions = {{"essen", "Essen", calendar::question_type::single_choice, {"vegan", "mit, Fleisch"}, true}};
    calendar::registration r;
    r.token = "0123456789abcdef0123456789abcdef";
    r.status = calendar::registration_status::confirmed;
    r.answers_given = {{"essen", {"vegan"}}};
    const std::string change = "<a href=\"/r/0123456789abcdef0123456789abcdef/answers\">Antworten ändern</a>";
    CHECK_THAT(web::manage_page(context(), r, e).str(), Catch::Contains(change));
    CHECK_THAT(web::manage_page(context(), r, e).str(), !Catch::Contains("gespeichert"));
    CHECK_THAT(web::manage_page(context(), r, e, {"", "", true}).str(),
               Catch::Contains("<p class=\"notice saved\" role=\"status\">Ihre Antworten sind gespeichert.</p>"));
    auto closed = e;
    closed.registration_closes = calendar::sys_seconds{};
    CHECK_THAT(web::manage_page(context(), r, closed).str(), !Catch::Contains(change));
    r.status = calendar::registration_status::cancelled;
    CHECK_THAT(web::manage_page(context(), r, e).str(), !Catch::Contains(change));
}

TEST_CASE("the answers page is filled with the person's answers and shows problems at the top and at the field") {
    auto e = testing::sample_event();
    e.questions = {{"essen", "Essen", calendar::question_type::single_choice, {"vegan", "mit, Fleisch"}, true},
                   {"frage", "Ihre Frage", calendar::question_type::text, {}, false}};
    calendar::registration r;
    r.token = "0123456789abcdef0123456789abcdef";
    web::form_state f{{}, false, {{"essen", {"mit, Fleisch"}}, {"frage", {"Wie & warum?"}}}, {}, "tok"};
    const auto page = web::answers_page(context(), r, e, f).str();
    CHECK_THAT(page, Catch::Contains("action=\"/r/0123456789abcdef0123456789abcdef/answers\""));
    CHECK_THAT(page, Catch::Contains("value=\"mit, Fleisch\" checked>"));
    CHECK_THAT(page, Catch::Contains("value=\"Wie &amp; warum?\""));
    CHECK_THAT(page, Catch::Contains("name=\"csrf\" value=\"tok\""));
    CHECK_THAT(page, !Catch::Contains("summary"));
    f.errors["q.essen"] = "Bitte wählen Sie eine Antwort.";
    const auto again = web::answers_page(context(web::lang::en), r, e, f).str();
    CHECK_THAT(again, Catch::Contains("href=\"#f-q-essen-0\""));
    CHECK_THAT(again, Catch::Contains("aria-describedby=\"f-q-essen-error\""));
    CHECK_THAT(again, Catch::Contains("Change your answers"));
}

TEST_CASE("the home page searches, shows one month with the others linked, and keeps the filters in every link") {
    std::vector<calendar::event> events;
    for (int month = 0; month < 3; ++month) {
        auto e = testing::sample_event("treffen-" + std::to_string(month));
        e.start += std::chrono::days{31 * month};
        e.end += std::chrono::days{31 * month};
        events.push_back(e);
    }
    web::listing_query q;
    q.network = "ist-bochum";
    q.month = date::year{2027} / date::October;
    const auto page = web::event_list_page(context(), {}, listed(events, q), q).str();
    CHECK_THAT(page, Catch::Contains("<nav class=\"months\" aria-label=\"Monate\">"));
    CHECK_THAT(page, Catch::Contains("<a href=\"/?network=ist-bochum&amp;month=2027-10\" aria-current=\"page\">"
                                     "Oktober 2027 <span class=\"meta\">(1 Veranstaltung)</span></a>"));
    CHECK_THAT(page, Catch::Contains("href=\"/events/treffen-1\""));
    CHECK(page.find("href=\"/events/treffen-0\"") == std::string::npos);
    CHECK_THAT(page, Catch::Contains(">Zurück: September 2027</a>"));
    CHECK_THAT(page, Catch::Contains("<a href=\"/?network=ist-bochum&amp;month=2027-11\">Weiter: November 2027</a>"));
    CHECK_THAT(page, Catch::Contains("webcal://127.0.0.1:8080/calendar.ics?network=ist-bochum\""));  // no month

    q.search = "gibt es nicht";
    const auto none = web::event_list_page(context(web::lang::en), {}, listed(events, q), q).str();
    CHECK_THAT(none, Catch::Contains("No event found for “gibt es nicht”."));
    CHECK_THAT(none, Catch::Contains("<input type=\"search\" id=\"q\" name=\"q\" value=\"gibt es nicht\""));
    CHECK(none.find("<nav class=\"months\"") == std::string::npos);
}
