#include "web/admin_strings.hpp"

#include "calendar/registration.hpp"

namespace tp::web {
namespace {

const admin_strings german{
    .login_title = "Anmeldung für Organisatorinnen und Organisatoren",
    .email = "E-Mail-Adresse",
    .password = "Passwort",
    .login = "Anmelden",
    .logout = "Abmelden",
    .wrong_login = "E-Mail-Adresse oder Passwort stimmen nicht.",
    .wait_login = "Zu viele Fehlversuche. Bitte warten Sie einen Moment und versuchen Sie es dann noch einmal.",
    .your_events = "Ihre Veranstaltungen",
    .no_events = "Für Ihre Netzwerke gibt es keine Veranstaltungen.",
    .attendees = "Teilnehmende",
    .confirmed = "bestätigt",
    .pending = "unbestätigt",
    .waiting = "Warteliste",
    .status = "Status",
    .all = "alle",
    .search = "Suche",
    .filter = "Anzeigen",
    .name = "Name",
    .organisation = "Organisation",
    .position = "Platz",
    .delivery = "E-Mail",
    .checked_in = "Eingecheckt",
    .actions = "Aktionen",
    .confirm = "Bestätigen",
    .reject = "Ablehnen",
    .promote = "Nachrücken lassen",
    .check_in = "Ist da",
    .undo = "Rückgängig",
    .export_label = "Export",
    .checkin_title = "Check-in",
    .checkin_search = "Name suchen",
    .checkin_list = "Check-in-Liste zum Ausdrucken",
    .print_hint = "Bestätigte Teilnehmende, nach Namen sortiert.",
    .arrived = "angekommen",
    .nobody_found = "Niemand gefunden.",
    .network_export = "Alle Teilnehmenden des Netzwerks (CSV)",
    .signed_in_as = "Angemeldet als",
    .new_event = "Neue Veranstaltung anlegen",
    .edit_event = "Bearbeiten",
    .audit = "Änderungen",
    .when = "Wann",
    .who = "Wer",
    .what = "Was",
    .details = "Einzelheiten",
    .message_title = "Nachricht an alle Angemeldeten",
    .message_subject = "Betreff",
    .message_body = "Text",
    .message_send = "Senden",
    .forget_title = "Daten einer Person löschen (auf Anfrage)",
    .forget_button = "Alle Anmeldungen dieser Adresse löschen",
    .forgotten = "Gelöschte Anmeldungen",
    .forgot_password = "Passwort vergessen?",
    .series_title = "Ihre Reihen",
    .new_series = "Neue Reihe anlegen",
    .busy_login = "Gerade melden sich viele an. Bitte versuchen Sie es in einer Sekunde noch einmal.",
    .invalid_link = "Dieser Link ist ungültig, abgelaufen oder schon benutzt.",
    .passwords_differ = "Die beiden Passwörter sind verschieden.",
    .password_too_short = "Das Passwort braucht mindestens 10 Zeichen.",
    .invalid_choice = "Ungültige Auswahl.",
    .subject_empty = "Der Betreff fehlt.",
    .text_empty = "Der Text fehlt.",
    .text_invalid = "Bitte nur lesbaren Text eingeben: ohne Steuerzeichen, der Betreff höchstens 200 Zeichen.",
    .unknown_network = "Dieses Netzwerk gibt es nicht: ",
    .checkin_of = " von ",
    .checkin_here = " da",
    .door_unknown_title = "Code nicht erkannt",
    .door_unknown_text =
        "Dieser Code gehört zu keiner Anmeldung dieser Veranstaltung. Bitte suchen Sie den Namen in "
        "der Liste.",
    .upcoming = "Kommende Veranstaltungen",
    .past_events = "Vergangene Veranstaltungen ({n})",
    .seats_taken = "{taken} von {total} Plätzen vergeben",
    .seats_unlimited = "{taken} Anmeldungen (ohne Obergrenze)",
    .unconfirmed_n = "davon {n} unbestätigt",
    .waiting_n = "{n} auf der Warteliste",
    .public_page = "Öffentliche Seite",
    .exports_title = "Exporte",
    .event_column = "Veranstaltung",
    .no_upcoming = "Keine kommenden Veranstaltungen.",
    .person = "Person",
    .answers = "Angaben",
    .yes = "ja",
    .waiting_place = "Platz {n} auf der Warteliste",
};

const admin_strings english{
    .login_title = "Sign in for organisers",
    .email = "Email address",
    .password = "Password",
    .login = "Sign in",
    .logout = "Sign out",
    .wrong_login = "The email address or the password is wrong.",
    .wait_login = "Too many failed attempts. Please wait a moment, then try again.",
    .your_events = "Your events",
    .no_events = "Your networks have no events.",
    .attendees = "Attendees",
    .confirmed = "confirmed",
    .pending = "unconfirmed",
    .waiting = "waiting list",
    .status = "Status",
    .all = "all",
    .search = "Search",
    .filter = "Show",
    .name = "Name",
    .organisation = "Organisation",
    .position = "Place",
    .delivery = "Email",
    .checked_in = "Checked in",
    .actions = "Actions",
    .confirm = "Confirm",
    .reject = "Reject",
    .promote = "Promote",
    .check_in = "Arrived",
    .undo = "Undo",
    .export_label = "Export",
    .checkin_title = "Check-in",
    .checkin_search = "Find a name",
    .checkin_list = "Printable check-in list",
    .print_hint = "Confirmed attendees by name.",
    .arrived = "arrived",
    .nobody_found = "Nobody found.",
    .network_export = "All attendees of the network (CSV)",
    .signed_in_as = "Signed in as",
    .new_event = "Create an event",
    .edit_event = "Edit",
    .audit = "Changes",
    .when = "When",
    .who = "Who",
    .what = "What",
    .details = "Details",
    .message_title = "Message to everyone registered",
    .message_subject = "Subject",
    .message_body = "Text",
    .message_send = "Send",
    .forget_title = "Delete a person's data (on request)",
    .forget_button = "Delete every registration of this address",
    .forgotten = "Registrations deleted",
    .forgot_password = "Forgot your password?",
    .series_title = "Your series",
    .new_series = "Create a series",
    .busy_login = "Many people are signing in right now. Please try again in a second.",
    .invalid_link = "This link is invalid, expired or used already.",
    .passwords_differ = "The two passwords differ.",
    .password_too_short = "The password needs at least 10 characters.",
    .invalid_choice = "Invalid choice.",
    .subject_empty = "The subject is empty.",
    .text_empty = "The text is empty.",
    .text_invalid = "Please enter readable text only: no control characters, a subject of at most 200 characters.",
    .unknown_network = "There is no network called ",
    .checkin_of = " of ",
    .checkin_here = " here",
    .door_unknown_title = "Code not recognised",
    .door_unknown_text = "This code belongs to no registration of this event. Please look the name up in the list.",
    .upcoming = "Upcoming events",
    .past_events = "Past events ({n})",
    .seats_taken = "{taken} of {total} seats taken",
    .seats_unlimited = "{taken} registrations (no limit)",
    .unconfirmed_n = "{n} of them unconfirmed",
    .waiting_n = "{n} on the waiting list",
    .public_page = "Public page",
    .exports_title = "Exports",
    .event_column = "Event",
    .no_upcoming = "No upcoming events.",
    .person = "Person",
    .answers = "Answers",
    .yes = "yes",
    .waiting_place = "place {n} on the waiting list",
};

}  // namespace

const admin_strings& admin_strings_for(lang l) { return l == lang::en ? english : german; }

std::string_view event_status_label(calendar::event_status s, lang l) {
    const bool de = l == lang::de;
    switch (s) {
        case calendar::event_status::draft: return de ? "Entwurf" : "Draft";
        case calendar::event_status::published: return de ? "veröffentlicht" : "published";
        case calendar::event_status::cancelled: return de ? "abgesagt" : "cancelled";
    }
    return {};
}

std::string_view status_label(calendar::registration_status s, lang l) {
    using rs = calendar::registration_status;
    const bool de = l == lang::de;
    switch (s) {
        case rs::pending: return de ? "unbestätigt" : "unconfirmed";
        case rs::confirmed: return de ? "bestätigt" : "confirmed";
        case rs::waitlisted: return de ? "Warteliste" : "waiting list";
        case rs::cancelled: return de ? "abgemeldet" : "cancelled";
        case rs::expired: return de ? "verfallen" : "expired";
        case rs::rejected: return de ? "abgelehnt" : "rejected";
    }
    return {};
}

std::string_view delivery_label(std::string_view state, lang l) {
    const bool de = l == lang::de;
    if (state == "queued") return de ? "wartet auf Versand" : "waiting to be sent";
    if (state == "sending") return de ? "wird gesendet" : "sending";
    if (state == "sent") return de ? "zugestellt" : "delivered";
    if (state == "failed") return de ? "fehlgeschlagen" : "failed";
    if (state == "skipped") return de ? "nicht nötig" : "not needed";
    return state;
}

std::string_view account_problem_text(calendar::account_problem p, lang l) {
    const bool de = l == lang::de;
    using calendar::account_problem;
    switch (p) {
        case account_problem::password_short: return admin_strings_for(l).password_too_short;
        case account_problem::name_empty: return de ? "Bitte einen Namen eingeben." : "Please enter a name.";
        case account_problem::not_an_email:
            return de ? "Das ist keine E-Mail-Adresse." : "That is not an email address.";
        case account_problem::email_taken:
            return de ? "Mit dieser E-Mail-Adresse gibt es schon ein Konto."
                      : "An account with this email exists already.";
        case account_problem::unknown_network:
            return de ? "Eines der Netzwerke gibt es nicht." : "One of the networks does not exist.";
        case account_problem::unknown_organiser:
            return de ? "Zu dieser E-Mail-Adresse gibt es kein Konto." : "There is no account with this email.";
    }
    return {};
}

}  // namespace tp::web
