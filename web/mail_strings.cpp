#include "web/mail_strings.hpp"

namespace tp::web {
namespace {

const mail_strings german{
    .greeting = "Hallo {name},",
    .when = "Wann",
    .where = "Wo",
    .online = "Online",
    .join = "Zugangslink (nur für Sie)",
    .page = "Zur Veranstaltung",
    .manage = "Anmeldung ansehen oder abmelden",
    .cannot_come =
        "Falls Sie nicht kommen können, melden Sie sich bitte ab, damit jemand von der Warteliste "
        "nachrücken kann.",
    .footer =
        "Sie erhalten diese E-Mail, weil Sie sich bei {network} für diese Veranstaltung angemeldet haben. "
        "Antworten erreichen das Organisationsteam.",
    .signature = "Viele Grüße\n{network}",
    .confirm_request = {"Bitte bestätigen: {title}",
                        "vielen Dank für Ihre Anmeldung. Bitte bestätigen Sie sie mit dem Link unten; bis {until} "
                        "halten wir Ihren Platz frei.",
                        "Anmeldung bestätigen"},
    .resend = {"Ihr Link zur Anmeldung: {title}",
               "Ihre Adresse ist für diese Veranstaltung bereits angemeldet. Hier ist noch einmal Ihr Link.",
               "Zur Anmeldung"},
    .waitlisted = {"Warteliste: {title}",
                   "alle Plätze sind vergeben; Sie stehen auf Platz {position} der Warteliste. Wird ein Platz frei, "
                   "rücken Sie automatisch nach und bekommen eine E-Mail.",
                   "Platz auf der Warteliste ansehen"},
    .promoted = {"Ein Platz ist frei: {title}",
                 "gute Nachricht: Ein Platz ist für Sie frei geworden. Bitte bestätigen Sie bis {until}, sonst geht "
                 "er an die nächste Person auf der Warteliste.",
                 "Platz bestätigen"},
    .confirmed = {"Anmeldung bestätigt: {title}", "Ihre Anmeldung ist bestätigt. Wir freuen uns auf Sie!", ""},
    .cancelled = {"Abmeldung bestätigt: {title}",
                  "Sie haben sich abgemeldet. Schade, dass Sie nicht dabei sein können.", ""},
    .rejected = {"Anmeldung abgelehnt: {title}",
                 "leider können wir Ihre Anmeldung für diese Veranstaltung nicht annehmen. Bei Fragen antworten Sie "
                 "einfach auf diese E-Mail.",
                 ""},
    .reminder = {"Erinnerung: {title}, {relative}", "wir erinnern Sie an Ihre Anmeldung und freuen uns auf Sie.", ""},
    .event_changed = {"Geändert: {title}",
                      "die Veranstaltung, für die Sie angemeldet sind, hat sich geändert. So sieht sie jetzt aus:", ""},
    .event_cancelled = {"Abgesagt: {title}", "die Veranstaltung, für die Sie angemeldet sind, wurde leider abgesagt.",
                        ""},
    .organiser_message = {"{subject} ({title})", "", ""},
    .reminder_tomorrow = "morgen",
    .reminder_in_days = "in {n} Tagen",
    .reminder_in_hours = "in {n} Stunden",
    .reminder_soon = "in Kürze",
    .invitation_note = "Die Einladung in dieser E-Mail trägt den Termin in Ihren Kalender ein.",
    .rejection_reason = "Begründung: {reason}",
    .change_time = "Zeit – vorher: {before}; jetzt: {now}",
    .change_place = "Ort – vorher: {before}; jetzt: {now}",
    .door_title = "Ihr Code für den Einlass",
    .door_text = "Zeigen Sie diesen Code am Einlass; das Team scannt ihn mit dem Handy. Ausgedruckt geht es auch.",
    .door_text_plain =
        "Ihren Code für den Einlass zeigt diese E-Mail in der HTML-Ansicht; Ihre Anmeldeseite zeigt "
        "ihn auch.",
    .door_alt = "QR-Code für den Einlass",
};

const mail_strings english{
    .greeting = "Hello {name},",
    .when = "When",
    .where = "Where",
    .online = "Online",
    .join = "Join link (just for you)",
    .page = "Event page",
    .manage = "See your registration or cancel",
    .cannot_come = "If you cannot come, please cancel so that someone from the waiting list can take your seat.",
    .footer =
        "You receive this email because you registered for this event with {network}. Replies reach the "
        "organisers.",
    .signature = "Best regards\n{network}",
    .confirm_request = {"Please confirm: {title}",
                        "thank you for registering. Please confirm with the link below; we hold your seat until "
                        "{until}.",
                        "Confirm registration"},
    .resend = {"Your registration link: {title}",
               "Your address is already registered for this event. Here is your link again.", "Open registration"},
    .waitlisted = {"Waiting list: {title}",
                   "all seats are taken; you are number {position} on the waiting list. When a seat frees up, you "
                   "move up by yourself and get an email.",
                   "See your place on the waiting list"},
    .promoted = {"A seat is free: {title}",
                 "good news: a seat has become free for you. Please confirm by {until}, otherwise it goes to the "
                 "next person on the waiting list.",
                 "Confirm your seat"},
    .confirmed = {"Registration confirmed: {title}", "Your registration is confirmed. We look forward to seeing you!",
                  ""},
    .cancelled = {"Cancellation confirmed: {title}", "You have cancelled your registration. Sorry you cannot come.",
                  ""},
    .rejected = {"Registration declined: {title}",
                 "unfortunately we cannot accept your registration for this event. If you have questions, just reply "
                 "to this email.",
                 ""},
    .reminder = {"Reminder: {title}, {relative}",
                 "this is a reminder of your registration; we look forward to seeing "
                 "you.",
                 ""},
    .event_changed = {"Changed: {title}", "the event you registered for has changed. This is how it looks now:", ""},
    .event_cancelled = {"Cancelled: {title}", "unfortunately, the event you registered for has been cancelled.", ""},
    .organiser_message = {"{subject} ({title})", "", ""},
    .reminder_tomorrow = "tomorrow",
    .reminder_in_days = "in {n} days",
    .reminder_in_hours = "in {n} hours",
    .reminder_soon = "soon",
    .invitation_note = "The invitation in this email puts the event into your calendar.",
    .rejection_reason = "The reason given: {reason}",
    .change_time = "Time – before: {before}; now: {now}",
    .change_place = "Place – before: {before}; now: {now}",
    .door_title = "Your code for the entrance",
    .door_text = "Show this code at the entrance; the team scans it with a phone. A printout works too.",
    .door_text_plain =
        "This email shows your code for the entrance in its HTML view; your registration page shows "
        "it too.",
    .door_alt = "QR code for the entrance",
};

}  // namespace

const mail_strings& mail_strings_for(lang l) { return l == lang::en ? english : german; }

}  // namespace tp::web
