#include "web/registration_strings.hpp"

namespace tp::web {
namespace {

const registration_strings german{
    .heading = "Anmeldung",
    .name = "Name",
    .email = "E-Mail-Adresse",
    .organisation = "Organisation",
    .optional = "(freiwillig)",
    .consent_before = "Ich habe die ",
    .consent_link = "Datenschutzhinweise",
    .consent_after = " gelesen und bin einverstanden, dass meine Angaben für diese Veranstaltung gespeichert werden.",
    .submit = "Anmelden",
    .seats_left = "Freie Plätze",
    .full_waitlist =
        "Alle Plätze sind vergeben. Sie können sich auf die Warteliste setzen lassen; wird ein Platz "
        "frei, rücken Sie automatisch nach.",
    .not_yet_open = "Die Anmeldung beginnt am",
    .closed = "Die Anmeldung ist geschlossen.",
    .cancelled = "Die Veranstaltung wurde abgesagt; eine Anmeldung ist nicht möglich.",
    .past = "Die Veranstaltung hat bereits begonnen.",
    .field_error_intro = "Bitte prüfen Sie die markierten Angaben.",
    .csrf_error = "Das Formular war zu alt. Bitte senden Sie es noch einmal ab.",
    .inbox_title = "Bitte bestätigen Sie Ihre Anmeldung",
    .inbox_text =
        "Wir haben Ihnen eine E-Mail geschickt. Öffnen Sie den Link darin, um Ihre Anmeldung zu bestätigen; "
        "bis dahin halten wir Ihren Platz 48 Stunden frei.",
    .waitlist_title = "Sie stehen auf der Warteliste",
    .waitlist_text =
        "Alle Plätze sind vergeben. Wird ein Platz frei, rücken Sie automatisch nach und bekommen eine "
        "E-Mail. Ihren Platz auf der Warteliste sehen Sie über den Link in unserer E-Mail.",
    .repeated_title = "Diese Adresse ist bereits angemeldet",
    .repeated_text = "Wir haben den Link zu dieser Anmeldung noch einmal an die Adresse geschickt.",
    .manage_title = "Ihre Anmeldung",
    .status_pending = "Noch nicht bestätigt: Bitte öffnen Sie den Bestätigungslink.",
    .status_confirmed = "Bestätigt. Wir freuen uns auf Sie!",
    .status_waitlisted = "Auf der Warteliste.",
    .status_cancelled = "Abgemeldet.",
    .status_expired = "Verfallen: Die Anmeldung wurde nicht rechtzeitig bestätigt.",
    .status_rejected = "Abgelehnt.",
    .position = "Platz auf der Warteliste",
    .confirm_title = "Anmeldung bestätigen",
    .confirm_text = "Bitte bestätigen Sie Ihre Anmeldung mit einem Klick.",
    .confirm_button = "Anmeldung bestätigen",
    .cancel_title = "Abmelden",
    .cancel_text = "Möchten Sie sich wirklich abmelden? Ihr Platz geht an die nächste Person auf der Warteliste.",
    .cancel_button = "Ja, abmelden",
    .cancel_link = "Abmelden",
    .cancelled_title = "Sie sind abgemeldet",
    .cancelled_text = "Ihre Anmeldung ist storniert. Schade, dass Sie nicht dabei sein können.",
    .unknown_link = "Dieser Link ist ungültig oder abgelaufen.",
    .privacy_title = "Datenschutzhinweise",
    .privacy_text =
        "Wir speichern Name, E-Mail-Adresse und Organisation nur, um diese Veranstaltung durchzuführen, "
        "und schicken Ihnen dazu E-Mails. Sie können sich jederzeit über den Link in unseren E-Mails "
        "abmelden.",
    .honeypot_label = "Bitte leer lassen",
    .personal_feed_title = "Ihr persönlicher Kalender",
    .personal_feed_text =
        "Alle Veranstaltungen, für die Sie bestätigt angemeldet sind, mit den Zugangslinks der "
        "Online-Termine. Geben Sie diese Adresse nicht weiter.",
    .personal_feed_reset = "Adresse weitergegeben? Neue Adresse erzeugen",
    .door_title = "Ihr Code für den Einlass",
    .door_text = "Zeigen Sie diesen Code am Eingang; das Team scannt ihn mit dem Handy. Ausdrucken geht auch.",
    .door_label = "QR-Code für den Einlass",
    .inbox_sent_to = "Wir haben eine E-Mail an {email} geschickt.",
    .inbox_hold_until =
        "Öffnen Sie den Link darin, um Ihre Anmeldung zu bestätigen. Ihr Platz ist bis {until} für Sie "
        "reserviert; danach geben wir ihn frei.",
    .inbox_spam =
        "Keine E-Mail da? Sie kommt meist innerhalb weniger Minuten. Sehen Sie bitte auch im Spam-Ordner "
        "nach. Stimmt die Adresse nicht, melden Sie sich einfach noch einmal an.",
    .repeated_sent_to = "Wir haben den Link zu dieser Anmeldung noch einmal an {email} geschickt.",
    .submit_waitlist = "Ausgebucht – auf die Warteliste",
    .my_calendar_title = "In meinen Kalender",
    .my_calendar_text =
        "Google und Outlook öffnen den Termin zum Speichern; Apple Kalender, Thunderbird und andere "
        "öffnen die Datei, die Sie herunterladen.",
    .calendar_google = "Google Kalender",
    .calendar_outlook = "Outlook.com",
    .calendar_office = "Outlook (Microsoft 365)",
    .calendar_other = "Apple Kalender und andere (.ics)",
    .yes = "ja",
    .answers_change = "Antworten ändern",
    .answers_title = "Ihre Antworten ändern",
    .answers_text = "Bis zum Anmeldeschluss können Sie Ihre Antworten ändern. Wir schicken deshalb keine E-Mail.",
    .answers_save = "Antworten speichern",
    .answers_saved = "Ihre Antworten sind gespeichert.",
    .answers_back = "Zurück zu Ihrer Anmeldung",
    .sessions_link = "Sessions vorschlagen und abstimmen",
    .event_label = "Veranstaltung",
    .alarm_title = "Mit Erinnerung abonnieren (Apple Kalender, Thunderbird):",
    .alarm_minutes = "30 Minuten vorher",
    .alarm_hour = "1 Stunde vorher",
    .alarm_day = "1 Tag vorher",
    .unsubscribe_title = "Nachrichten an alle abbestellen",
    .unsubscribe_text =
        "Sie bekommen dann keine Nachrichten der Veranstalter an alle Teilnehmenden und keine Hinweise auf "
        "geänderte Zeiten oder Orte mehr. Ihre Anmeldung bleibt bestehen; eine Absage der Veranstaltung "
        "erfahren Sie weiterhin.",
    .unsubscribe_button = "Abbestellen",
    .unsubscribe_done = "Abbestellt. Ihre Anmeldung bleibt bestehen.",
};

const registration_strings english{
    .heading = "Registration",
    .name = "Name",
    .email = "Email address",
    .organisation = "Organisation",
    .optional = "(optional)",
    .consent_before = "I have read the ",
    .consent_link = "privacy notice",
    .consent_after = " and agree that my details are stored for this event.",
    .submit = "Register",
    .seats_left = "Seats left",
    .full_waitlist =
        "All seats are taken. You can join the waiting list; when a seat frees up, you move up by "
        "yourself.",
    .not_yet_open = "Registration opens on",
    .closed = "Registration has closed.",
    .cancelled = "The event has been cancelled; registration is not possible.",
    .past = "The event has already begun.",
    .field_error_intro = "Please check the marked fields.",
    .csrf_error = "The form was too old. Please send it again.",
    .inbox_title = "Please confirm your registration",
    .inbox_text =
        "We have sent you an email. Open the link in it to confirm your registration; we hold your seat "
        "for 48 hours until then.",
    .waitlist_title = "You are on the waiting list",
    .waitlist_text =
        "All seats are taken. When a seat frees up, you move up by yourself and get an email. The link "
        "in our email shows your place on the waiting list.",
    .repeated_title = "This address is registered already",
    .repeated_text = "We have sent the link to this registration to the address again.",
    .manage_title = "Your registration",
    .status_pending = "Not confirmed yet: please open the confirmation link.",
    .status_confirmed = "Confirmed. We look forward to seeing you!",
    .status_waitlisted = "On the waiting list.",
    .status_cancelled = "Cancelled.",
    .status_expired = "Expired: the registration was not confirmed in time.",
    .status_rejected = "Rejected.",
    .position = "Place on the waiting list",
    .confirm_title = "Confirm your registration",
    .confirm_text = "Please confirm your registration with one click.",
    .confirm_button = "Confirm registration",
    .cancel_title = "Cancel",
    .cancel_text = "Do you really want to cancel? Your seat goes to the next person on the waiting list.",
    .cancel_button = "Yes, cancel",
    .cancel_link = "Cancel registration",
    .cancelled_title = "You have cancelled",
    .cancelled_text = "Your registration is cancelled. A pity you cannot make it.",
    .unknown_link = "This link is not valid or has expired.",
    .privacy_title = "Privacy notice",
    .privacy_text =
        "We store name, email address and organisation only to run this event, and send you emails "
        "about it. You can cancel at any time through the link in our emails.",
    .honeypot_label = "Leave this empty",
    .personal_feed_title = "Your personal calendar",
    .personal_feed_text =
        "Every event you hold a confirmed seat for, with the join links of online events. Do not "
        "share this address.",
    .personal_feed_reset = "Shared the address by mistake? Make a new one",
    .door_title = "Your code for the entrance",
    .door_text = "Show this code at the entrance; the team scans it with a phone. A printout works too.",
    .door_label = "QR code for the entrance",
    .inbox_sent_to = "We have sent an email to {email}.",
    .inbox_hold_until =
        "Open the link in it to confirm your registration. Your seat is held for you until {until}; "
        "after that we free it.",
    .inbox_spam =
        "No email? It usually arrives within a few minutes. Please look in your spam folder too. If the "
        "address is wrong, simply register again.",
    .repeated_sent_to = "We have sent the link to this registration to {email} again.",
    .submit_waitlist = "Full – join the waiting list",
    .my_calendar_title = "Add to my calendar",
    .my_calendar_text =
        "Google and Outlook open the event to save it; Apple Calendar, Thunderbird and others open the "
        "file you download.",
    .calendar_google = "Google Calendar",
    .calendar_outlook = "Outlook.com",
    .calendar_office = "Outlook (Microsoft 365)",
    .calendar_other = "Apple Calendar and others (.ics)",
    .yes = "yes",
    .answers_change = "Change your answers",
    .answers_title = "Change your answers",
    .answers_text = "You can change your answers until registration closes. We send no email for this.",
    .answers_save = "Save answers",
    .answers_saved = "Your answers are saved.",
    .answers_back = "Back to your registration",
    .sessions_link = "Propose and vote on sessions",
    .event_label = "Event",
    .alarm_title = "Subscribe with a reminder (Apple Calendar, Thunderbird):",
    .alarm_minutes = "30 minutes before",
    .alarm_hour = "1 hour before",
    .alarm_day = "1 day before",
    .unsubscribe_title = "Stop messages to everyone",
    .unsubscribe_text =
        "You will no longer receive the organisers' messages to all participants or notices of changed times "
        "or places. Your registration stays; you will still hear if the event is cancelled.",
    .unsubscribe_button = "Stop these messages",
    .unsubscribe_done = "Stopped. Your registration stays.",
};

}  // namespace

std::string alarm_problem(std::string_view asked, lang l) {
    return l == lang::de ? "„" + std::string(asked) + "“ ist keine Erinnerung: 15m bis 2d, etwa 30m, 2h oder 1d."
                         : "alarm: '" + std::string(asked) + "' is not a reminder: 15m to 2d, such as 30m, 2h or 1d";
}

const registration_strings& registration_strings_for(lang l) { return l == lang::en ? english : german; }

}  // namespace tp::web
