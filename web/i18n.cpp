#include "web/i18n.hpp"
#include "web/http_text.hpp"

#include <cstdlib>
#include <string>

namespace tp::web {
namespace {

const strings german{
    .site_name = "Treffpunkt",
    .tagline = "Termine der MINT-Regionen",
    .skip_to_content = "Zum Inhalt springen",
    .main_navigation = "Hauptnavigation",
    .events = "Veranstaltungen",
    .networks = "Netzwerke",
    .upcoming_events = "Kommende Veranstaltungen",
    .no_events = "Zurzeit sind keine Veranstaltungen geplant.",
    .filter = "Filtern",
    .filter_events = "Veranstaltungen filtern",
    .network = "Netzwerk",
    .all_networks = "Alle Netzwerke",
    .kind = "Art",
    .format = "Format",
    .show = "Anzeigen",
    .subscribe = "Kalender abonnieren",
    .subscribe_hint = "Neue und geänderte Termine erscheinen von selbst in Ihrem Kalender.",
    .subscribe_webcal = "In Kalender-App abonnieren (webcal)",
    .subscribe_https = "Adresse des Kalenders",
    .when = "Wann",
    .where = "Wo",
    .online = "Online",
    .seats = "Plätze",
    .seats_unlimited = "unbegrenzt",
    .registration = "Anmeldung",
    .registration_opens = "Anmeldung ab",
    .registration_closes = "Anmeldeschluss",
    .more_information = "Weitere Informationen",
    .add_to_calendar = "In den Kalender eintragen",
    .download_ics = "Kalenderdatei (.ics) herunterladen",
    .google_calendar = "In Google Kalender eintragen",
    .cancelled = "Abgesagt",
    .cancelled_notice = "Diese Veranstaltung wurde abgesagt.",
    .region = "Region",
    .website = "Website",
    .contact = "Kontakt",
    .events_of_network = "Veranstaltungen des Netzwerks",
    .time_zone_note = "Zeitzone",
    .not_found_title = "Seite nicht gefunden",
    .not_found_text = "Diese Seite gibt es nicht (mehr). Vielleicht finden Sie das Gesuchte in der Übersicht.",
    .bad_request_title = "Ungültige Anfrage",
    .back_home = "Zur Übersicht",
    .language_switch = "English",
    .footer_text = "Treffpunkt – Veranstaltungen der MINT-Regionen",
    .past_event = "Diese Veranstaltung hat bereits stattgefunden.",
    .organised_by = "Veranstaltet von",
    .series = "Reihe",
    .schedule = "Rhythmus",
    .upcoming_dates = "Nächste Termine",
    .no_upcoming_dates = "Zurzeit sind keine weiteren Termine geplant.",
    .part_of_series = "Teil der Reihe",
    .all_events_feed = "Treffpunkt – alle Veranstaltungen",
    .my_events_feed = "Treffpunkt – meine Termine",
    .admin_navigation = "Verwaltung",
    .admin_tagline = "Verwaltung",
    .admin_overview = "Übersicht",
    .admin_new_event = "Neue Veranstaltung",
    .admin_new_series = "Neue Reihe",
    .admin_public_pages = "Öffentliche Seiten",
    .full_waitlist_badge = "ausgebucht – Warteliste",
    .seats_few = "noch {n} Plätze",
    .seats_few_one = "noch 1 Platz",
    .seats_free = "{n} Plätze frei",
    .seats_free_one = "1 Platz frei",
    .changed_dates = "Geänderte Termine",
    .date_skipped = "{date} entfällt.",
    .date_cancelled = "{date} ist abgesagt.",
    .date_moved = "{date} ist verschoben auf {new}.",
    .subscribe_apple = "Apple Kalender, Thunderbird und andere",
    .subscribe_google = "Google Kalender",
    .subscribe_outlook = "Outlook.com",
    .subscribe_office = "Outlook (Microsoft 365)",
    .copy = "Kopieren",
    .copied = "Kopiert",
    .howto_title = "So geht es von Hand",
    .howto_google =
        "Google Kalender im Browser: links bei „Weitere Kalender“ auf +, dann „Per URL“, die Adresse "
        "einfügen.",
    .howto_outlook = "Outlook: „Kalender hinzufügen“, dann „Aus dem Internet abonnieren“, die Adresse einfügen.",
    .howto_apple =
        "iPhone und iPad: Einstellungen › Kalender › Accounts › Account hinzufügen › Andere › "
        "Kalenderabo hinzufügen, die Adresse einfügen.",
};

const strings english{
    .site_name = "Treffpunkt",
    .tagline = "Events of the STEM regions",
    .skip_to_content = "Skip to content",
    .main_navigation = "Main navigation",
    .events = "Events",
    .networks = "Networks",
    .upcoming_events = "Upcoming events",
    .no_events = "No events are planned at the moment.",
    .filter = "Filter",
    .filter_events = "Filter events",
    .network = "Network",
    .all_networks = "All networks",
    .kind = "Kind",
    .format = "Format",
    .show = "Show",
    .subscribe = "Subscribe to the calendar",
    .subscribe_hint = "New and changed events appear in your calendar by themselves.",
    .subscribe_webcal = "Subscribe in a calendar app (webcal)",
    .subscribe_https = "Calendar address",
    .when = "When",
    .where = "Where",
    .online = "Online",
    .seats = "Seats",
    .seats_unlimited = "unlimited",
    .registration = "Registration",
    .registration_opens = "Registration opens",
    .registration_closes = "Registration closes",
    .more_information = "More information",
    .add_to_calendar = "Add to calendar",
    .download_ics = "Download calendar file (.ics)",
    .google_calendar = "Add to Google Calendar",
    .cancelled = "Cancelled",
    .cancelled_notice = "This event has been cancelled.",
    .region = "Region",
    .website = "Website",
    .contact = "Contact",
    .events_of_network = "Events of this network",
    .time_zone_note = "Time zone",
    .not_found_title = "Page not found",
    .not_found_text = "This page does not exist (any more). The overview may have what you are looking for.",
    .bad_request_title = "Bad request",
    .back_home = "Back to the overview",
    .language_switch = "Deutsch",
    .footer_text = "Treffpunkt – events of the STEM regions",
    .past_event = "This event has already taken place.",
    .organised_by = "Organised by",
    .series = "Series",
    .schedule = "Schedule",
    .upcoming_dates = "Upcoming dates",
    .no_upcoming_dates = "No further dates are planned at the moment.",
    .part_of_series = "Part of the series",
    .all_events_feed = "Treffpunkt – all events",
    .my_events_feed = "Treffpunkt – my events",
    .admin_navigation = "Administration",
    .admin_tagline = "Administration",
    .admin_overview = "Overview",
    .admin_new_event = "New event",
    .admin_new_series = "New series",
    .admin_public_pages = "Public pages",
    .full_waitlist_badge = "full – waiting list",
    .seats_few = "only {n} seats left",
    .seats_few_one = "only 1 seat left",
    .seats_free = "{n} seats free",
    .seats_free_one = "1 seat free",
    .changed_dates = "Changed dates",
    .date_skipped = "{date} is skipped.",
    .date_cancelled = "{date} is cancelled.",
    .date_moved = "{date} has moved to {new}.",
    .subscribe_apple = "Apple Calendar, Thunderbird and others",
    .subscribe_google = "Google Calendar",
    .subscribe_outlook = "Outlook.com",
    .subscribe_office = "Outlook (Microsoft 365)",
    .copy = "Copy",
    .copied = "Copied",
    .howto_title = "How to do it by hand",
    .howto_google =
        "Google Calendar in a browser: next to “Other calendars” click +, then “From URL”, paste the "
        "address.",
    .howto_outlook = "Outlook: “Add calendar”, then “Subscribe from web”, paste the address.",
    .howto_apple =
        "iPhone and iPad: Settings › Calendar › Accounts › Add Account › Other › Add Subscribed "
        "Calendar, paste the address.",
};

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// q of "de;q=0.8" style parameters; 1 when absent, 0 when malformed.
double quality(std::string_view params) {
    const auto q = params.find("q=");
    if (q == std::string_view::npos) return 1.0;
    const std::string value(trim_ows(params.substr(q + 2)));
    char* end = nullptr;
    const double v = std::strtod(value.c_str(), &end);
    return end == value.c_str() || v < 0 || v > 1 ? 0.0 : v;
}

}  // namespace

std::string_view code(lang l) { return l == lang::en ? "en" : "de"; }

std::optional<lang> parse_lang(std::string_view c) {
    if (c == "de") return lang::de;
    if (c == "en") return lang::en;
    return std::nullopt;
}

lang negotiate(std::string_view header) {
    lang best = lang::de;
    double best_q = 0.0;
    while (!header.empty()) {
        const auto comma = header.find(',');
        const auto item = trim_ows(header.substr(0, comma));
        header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
        const auto semi = item.find(';');
        const std::string range = lower(trim_ows(item.substr(0, semi)));
        const double q = semi == std::string_view::npos ? 1.0 : quality(item.substr(semi + 1));
        const std::string primary = range.substr(0, range.find('-'));
        const auto candidate = parse_lang(primary);
        if (candidate && q > best_q) {
            best = *candidate;
            best_q = q;
        } else if (range == "*" && q > best_q) {
            best = lang::de;
            best_q = q;
        }
    }
    return best;
}

const strings& strings_for(lang l) { return l == lang::en ? english : german; }

std::string_view kind_name(calendar::event_kind k, lang l) {
    const bool en = l == lang::en;
    switch (k) {
        case calendar::event_kind::barcamp: return "Barcamp";
        case calendar::event_kind::exchange_round: return en ? "Exchange round" : "Austauschrunde";
        case calendar::event_kind::webinar: return "Webinar";
        case calendar::event_kind::meeting: return en ? "Meeting" : "Tagung";
    }
    return "";
}

std::string_view kind_name_plural(calendar::event_kind k, lang l) {
    const bool en = l == lang::en;
    switch (k) {
        case calendar::event_kind::barcamp: return "Barcamps";
        case calendar::event_kind::exchange_round: return en ? "Exchange rounds" : "Austauschrunden";
        case calendar::event_kind::webinar: return en ? "Webinars" : "Webinare";
        case calendar::event_kind::meeting: return en ? "Meetings" : "Tagungen";
    }
    return "";
}

std::string_view format_name(calendar::event_format f, lang l) {
    const bool en = l == lang::en;
    switch (f) {
        case calendar::event_format::in_person: return en ? "In person" : "Vor Ort";
        case calendar::event_format::online: return "Online";
        case calendar::event_format::hybrid: return en ? "Hybrid (on site and online)" : "Hybrid (vor Ort und online)";
    }
    return "";
}

}  // namespace tp::web
