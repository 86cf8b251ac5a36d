#include "server/demo_data.hpp"

#include <boost/json.hpp>

#include "calendar/zoned.hpp"

namespace tp::server {
namespace {

namespace json = boost::json;

std::string at(date::local_days d, int hour, int minute = 0) {
    return calendar::format_iso_local(date::local_seconds{d} + std::chrono::hours{hour} + std::chrono::minutes{minute});
}

bool in_christmas_holidays(date::local_days d) {
    const date::year_month_day ymd{d};
    return (ymd.month() == date::December && ymd.day() >= date::day{20}) ||
           (ymd.month() == date::January && ymd.day() <= date::day{6});
}

// The first `wd` on or after d; if that falls into the Christmas holidays (20 December - 6 January), the first
// `wd` after them.
date::local_days next(date::local_days d, date::weekday wd) {
    auto day = d + (wd - date::weekday{d});
    if (!in_christmas_holidays(day)) return day;
    const date::year_month_day ymd{day};
    const auto year = ymd.month() == date::December ? ymd.year() + date::years{1} : ymd.year();
    const date::local_days after{year / date::January / 7};
    return after + (wd - date::weekday{after});
}

json::object network(const char* slug, const char* name, const char* region, const char* website, const char* contact,
                     const char* email, const char* description) {
    return {{"slug", slug},
            {"name", name},
            {"region", region},
            {"website", website},
            {"contact_name", contact},
            {"contact_email", email},
            {"description", description}};
}

struct event_spec {
    const char* slug;
    const char* network;
    const char* kind;
    const char* title;
    const char* description;
    const char* format;
    const char* venue;
    const char* address;
    std::optional<int> capacity;
};

json::object event(const event_spec& s, const std::string& start, const std::string& end, date::local_days today) {
    json::object e{{"slug", s.slug},
                   {"network", s.network},
                   {"kind", s.kind},
                   {"title", s.title},
                   {"description", s.description},
                   {"start", start},
                   {"end", end},
                   {"time_zone", "Europe/Berlin"},
                   {"all_day", false},
                   {"format", s.format},
                   {"venue", s.venue},
                   {"address", s.address},
                   {"status", "published"}};
    if (s.capacity)
        e["capacity"] = *s.capacity;
    else
        e["capacity"] = nullptr;
    if (std::string_view(s.format) != "in_person") e["join_url"] = std::string("https://meet.example.org/") + s.slug;
    e["registration_opens"] = at(today - date::days{14}, 9);
    e["registration_closes"] = start.substr(0, 10) + "T08:00";
    return e;
}

json::array networks() {
    return {
        network("ist-bochum", "zdi-Netzwerk IST.Bochum.NRW", "Nordrhein-Westfalen", "https://www.ist-bochum.de/",
                "Anna Müller", "kontakt@ist-bochum.example",
                "Das zdi-Netzwerk IST.Bochum.NRW bringt Schulen, Hochschulen und Unternehmen in Bochum zusammen, "
                "damit Jugendliche MINT ausprobieren können."),
        network("mint-thueringen", "MINT-Regionen Thüringen", "Thüringen", "https://www.mint-thueringen.example/",
                "Jens Köhler", "netzwerk@mint-thueringen.example",
                "Die Thüringer MINT-Regionen tauschen sich über Angebote für Schülerinnen und Schüler aus."),
        network("mint-emscher-lippe", "MINT Büro Emscher-Lippe", "Nordrhein-Westfalen",
                "https://www.mint-emscher-lippe.example/", "Leyla Demir", "mint@emscher-lippe.example",
                "Das MINT Büro koordiniert Angebote in Bottrop, Gelsenkirchen und dem Kreis Recklinghausen."),
        network("mint-regionen", "Netzwerk MINT-Regionen (bundesweit)", "Deutschland", "https://www.mint-regionen.de/",
                "Geschäftsstelle MINT-Regionen", "info@mint-regionen.example",
                "Das bundesweite Netzwerk der regionalen MINT-Bildungsnetzwerke: Barcamp, Dialogforum, Webinare."),
    };
}

// Questions as organisers ask them, none required: the demo's API registrations send no answers.
json::array barcamp_questions() {
    return {json::object{{"key", "essen"},
                         {"label", "Essen"},
                         {"type", "single_choice"},
                         {"options", json::array{"vegetarisch", "vegan", "egal"}}},
            json::object{{"key", "session-idee"}, {"label", "Ihre Session-Idee"}, {"type", "text"}}};
}

json::array webinar_questions() {
    return {json::object{{"key", "rolle"},
                         {"label", "Sie sind …"},
                         {"type", "single_choice"},
                         {"options", json::array{"Lehrkraft", "Netzwerkkoordination", "Unternehmen oder Hochschule",
                                                 "Sonstiges"}}},
            json::object{{"key", "frage"}, {"label", "Ihre Frage an die Referentin"}, {"type", "text"}}};
}

json::array events(date::local_days today) {
    using namespace date;
    const auto barcamp_year = year_month_day{today}.month() < September ? year_month_day{today}.year()
                                                                        : year_month_day{today}.year() + years{1};
    const auto barcamp_day = next(local_days{barcamp_year / September / 14}, Saturday);
    const auto dialog_day = next(today + days{45}, Thursday);
    const auto webinar = [&](int weeks) { return next(today + days{7 * weeks}, Wednesday); };
    json::array out{
        event({"mint-barcamp", "mint-regionen", "barcamp", "MINT:Barcamp",
               "Das Barcamp der MINT-Regionen: Sessions werden am Tag selbst vorgeschlagen.\n\nFür Koordinatorinnen, "
               "Koordinatoren und alle, die MINT-Bildung in ihrer Region gestalten.",
               "in_person", "Körber-Forum", "Kehrwieder 12, 20457 Hamburg", 120},
              at(barcamp_day, 10), at(barcamp_day, 17), today),
        event({"koerber-dialog-mint-regionen", "mint-regionen", "meeting", "Körber-Dialog MINT-Regionen",
               "Zwei Tage Austausch, Impulse und Workshops mit rund 200 Gästen aus Bildung, Wirtschaft und Politik.",
               "in_person", "Umweltforum Berlin", "Pufendorfstraße 11, 10249 Berlin", 200},
              at(dialog_day, 10), at(dialog_day + days{1}, 15), today),
        event({"webinar-mint-und-maedchen", "mint-regionen", "webinar", "Webinar: MINT & Mädchen",
               "Wie gewinnen wir mehr Mädchen für MINT? Erfahrungen, Formate und Material.", "online", "", "", 100},
              at(webinar(1), 16), at(webinar(1), 17, 30), today),
        event({"webinar-dsgvo-fuer-netzwerke", "mint-regionen", "webinar", "Webinar: DSGVO für Netzwerke",
               "Datenschutz bei Anmeldungen, Fotos und Newslettern – was Netzwerke wissen müssen.", "online", "", "",
               100},
              at(webinar(3), 16), at(webinar(3), 17, 30), today),
        event({"webinar-newsletter-gestalten", "mint-regionen", "webinar", "Webinar: Newsletter gestalten",
               "Newsletter, die gelesen werden: Aufbau, Sprache, Technik.", "online", "", "", std::nullopt},
              at(webinar(5), 16), at(webinar(5), 17), today),
        event({"zdi-lehrkraeftetag-bochum", "ist-bochum", "meeting", "zdi-Lehrkräftetag Bochum",
               "Fortbildung und Vernetzung für Lehrkräfte: Labore, Workshops, Kooperationen.", "hybrid",
               "Ruhr-Universität Bochum", "Universitätsstraße 150, 44801 Bochum", 80},
              at(next(today + days{30}, Friday), 9), at(next(today + days{30}, Friday), 15), today),
        event({"mint-stammtisch-gelsenkirchen", "mint-emscher-lippe", "meeting", "MINT-Stammtisch Gelsenkirchen",
               "Der Stammtisch fällt diesmal aus.", "in_person", "Wissenschaftspark",
               "Munscheidstraße 14, "
               "45886 Gelsenkirchen",
               25},
              at(next(today + days{12}, Thursday), 18), at(next(today + days{12}, Thursday), 20), today),
    };
    for (auto& e : out) {
        auto& o = e.as_object();
        if (o["slug"] == "mint-stammtisch-gelsenkirchen") o["status"] = "cancelled";
        if (o["slug"] == "mint-barcamp") o["questions"] = barcamp_questions();
        if (o["slug"] == "webinar-mint-und-maedchen") o["questions"] = webinar_questions();
    }
    const auto open_day = next(today + days{25}, Friday);
    json::object labs{{"slug", "tag-der-offenen-labore"},
                      {"network", "mint-thueringen"},
                      {"kind", "meeting"},
                      {"title", "Tage der offenen Labore Thüringen"},
                      {"description", "Zwei Tage lang öffnen Labore in Jena, Ilmenau und Erfurt ihre Türen."},
                      {"start", calendar::format_iso_date(open_day)},
                      {"end", calendar::format_iso_date(open_day + days{1})},
                      {"time_zone", "Europe/Berlin"},
                      {"all_day", true},
                      {"format", "in_person"},
                      {"venue", "Verschiedene Orte"},
                      {"address", "Jena, Ilmenau, Erfurt"},
                      {"capacity", nullptr}};
    out.push_back(labs);
    return out;
}

// The last Tuesday of the month that `d` lies in.
date::local_days last_tuesday(date::local_days d) {
    const date::year_month_day ymd{d};
    return date::local_days{ymd.year() / ymd.month() / date::Tuesday[date::last]};
}

// The alumni exchange round: every second month on the last Tuesday, 17:00-18:30, online; it began two months
// ago, skips its fourth date and moves its third by two days.
json::array series(date::local_days today) {
    using namespace date;
    const date::year_month_day now{today};
    const auto first = last_tuesday(local_days{(now.year() / now.month() - months{2}) / 1});
    const auto third = last_tuesday(local_days{(now.year() / now.month() + months{2}) / 1});
    const auto fourth = last_tuesday(local_days{(now.year() / now.month() + months{4}) / 1});
    json::object alumni{
        {"slug", "alumni-austauschrunde"},
        {"network", "mint-regionen"},
        {"kind", "exchange_round"},
        {"title", "Alumni-Austauschrunde"},
        {"description",
         "Ehemalige und aktive Koordinatorinnen und Koordinatoren tauschen sich aus: alle zwei "
         "Monate am letzten Dienstag, online."},
        {"rrule", "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TU"},
        {"start", at(first, 17)},
        {"end", at(first, 18, 30)},
        {"time_zone", "Europe/Berlin"},
        {"format", "online"},
        {"join_url", "https://meet.example.org/alumni"},
        {"capacity", 30},
        {"exdates", json::array{at(fourth, 17)}},
        {"overrides", json::array{json::object{{"original_start", at(third, 17)},
                                               {"start", at(third + days{2}, 17)},
                                               {"end", at(third + days{2}, 18, 30)},
                                               {"title", "Alumni-Austauschrunde (verschoben auf Donnerstag)"}}}}};
    return {alumni};
}

}  // namespace

std::string demo_document(date::local_days today) {
    return json::serialize(
        json::object{{"networks", networks()}, {"events", events(today)}, {"series", series(today)}});
}

void add_demo_programme(store::store& s) {
    const std::string slug = "mint-barcamp";
    const auto barcamp = s.event_by_slug(slug).value();
    const auto& zone = *calendar::find_zone(barcamp.time_zone);
    const auto day = calendar::local_day_of(barcamp.start, zone);
    const auto at = [&](int hour) { return calendar::resolve_local(day + std::chrono::hours{hour}, zone); };
    const auto actor = store::actor::operator_named("demo");
    const std::int64_t rooms[] = {s.add_room(slug, "Forum", 120, actor), s.add_room(slug, "Studio", 30, actor),
                                  s.add_room(slug, "Werkstatt", 16, actor)};
    const std::int64_t slots[] = {s.add_slot(slug, at(11), at(11) + std::chrono::minutes{45}, actor),
                                  s.add_slot(slug, at(12), at(12) + std::chrono::minutes{45}, actor),
                                  s.add_slot(slug, at(14), at(14) + std::chrono::minutes{45}, actor)};
    using k = calendar::session_kind;
    const calendar::session_proposal board[] = {
        {"MINT & Mädchen: was wirkt?", "Erfahrungen aus drei Regionen, dann offene Runde.", "Leyla Demir",
         k::discussion},
        {"Calliope im Sachunterricht", "Wir programmieren gemeinsam die ersten Schritte.", "Jonas Berger", k::workshop},
        {"Förderanträge ohne Frust", "", "Katrin Vogt", k::talk},
        {"Löten für Einsteiger", "Mit Bausätzen zum Mitnehmen.", "Jonas Berger", k::hands_on},
        {"Newsletter, die gelesen werden", "", "Sabine Hoff", k::discussion},
    };
    std::vector<store::placement> plan;
    for (std::size_t i = 0; i < std::size(board); ++i) {
        const auto id = s.add_session(slug, board[i], actor);
        if (i < 4) plan.push_back({id, rooms[i % 3], slots[i / 2 + (i == 3 ? 1 : 0)]});
    }
    (void)s.place_sessions(slug, plan, actor);
}

}  // namespace tp::server
