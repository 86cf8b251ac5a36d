#include "web/confirm_strings.hpp"

namespace tp::web {
namespace {

const confirm_strings german{
    .cancel = "Abbrechen",
    .nobody_mailed = "Niemand bekommt eine E-Mail.",
    .no_undo = "Das lässt sich nicht rückgängig machen.",
    .reject_title = "Anmeldung von {name} ablehnen?",
    .reject_mail = "{name} ({email}) bekommt eine E-Mail, dass die Anmeldung abgelehnt ist.",
    .reject_invitation = "Die Kalendereinladung wird zurückgezogen: der Termin verschwindet aus dem Kalender.",
    .reject_seat = "Der Platz wird frei: wer auf der Warteliste vorne steht, rückt nach und bekommt eine E-Mail.",
    .reject_reason = "Begründung (freiwillig, steht in der E-Mail)",
    .reject_button = "Ja, ablehnen",
    .message_title = "Nachricht an alle Angemeldeten senden?",
    .message_count =
        "{n} E-Mails gehen hinaus: an alle bestätigten ({confirmed}) und noch nicht bestätigten "
        "({pending}) Anmeldungen.",
    .message_nobody = "Niemand ist angemeldet: es geht keine E-Mail hinaus.",
    .message_subject = "Betreff: {subject}",
    .message_button = "Ja, senden",
    .forget_title = "Alle Daten zu {email} löschen?",
    .forget_count =
        "{n} Anmeldungen mit dieser Adresse werden anonymisiert: Name, Adresse, Organisation, Antworten "
        "und vorgeschlagene Sessions.",
    .forget_active = "{n} davon sind noch aktiv: sie werden abgesagt, frei gewordene Plätze gehen an die Warteliste.",
    .forget_none = "Zu dieser Adresse gibt es keine Anmeldung: es wird nichts gelöscht.",
    .forget_button = "Ja, endgültig löschen",
    .remove_session_title = "Session „{title}“ entfernen?",
    .remove_session_effect =
        "Sie verschwindet aus den Vorschlägen, aus dem Plan und aus dem Session-Kalender; "
        "ihre {votes} Stimmen gehen verloren.",
    .remove_room_title = "Raum „{name}“ entfernen?",
    .remove_slot_title = "Zeitfenster {when} entfernen?",
    .remove_part_effect = "{n} Sessions darin verlieren ihren Platz im Plan und stehen wieder bei den Vorschlägen.",
    .remove_button = "Ja, entfernen",
    .feed_title = "Neue Kalenderadresse erzeugen?",
    .feed_effect =
        "Die bisherige Adresse hört sofort auf zu funktionieren: Kalender, die sie abonniert haben, "
        "bekommen keine Termine mehr.",
    .feed_then = "Danach abonnieren Sie die neue Adresse, die auf Ihrer Seite steht.",
    .feed_button = "Ja, neue Adresse erzeugen",
};

const confirm_strings english{
    .cancel = "Cancel",
    .nobody_mailed = "Nobody receives an email.",
    .no_undo = "This cannot be undone.",
    .reject_title = "Reject the registration of {name}?",
    .reject_mail = "{name} ({email}) receives an email saying the registration is rejected.",
    .reject_invitation = "The calendar invitation is withdrawn: the date disappears from their calendar.",
    .reject_seat = "The seat becomes free: the first person on the waiting list moves up and receives an email.",
    .reject_reason = "Reason (optional, included in the email)",
    .reject_button = "Yes, reject",
    .message_title = "Send the message to everyone registered?",
    .message_count = "{n} emails go out: to every confirmed ({confirmed}) and unconfirmed ({pending}) registration.",
    .message_nobody = "Nobody is registered: no email goes out.",
    .message_subject = "Subject: {subject}",
    .message_button = "Yes, send",
    .forget_title = "Delete all data of {email}?",
    .forget_count =
        "{n} registrations with this address are anonymised: name, address, organisation, answers and "
        "proposed sessions.",
    .forget_active = "{n} of them are still active: they are cancelled, and freed seats go to the waiting list.",
    .forget_none = "There is no registration with this address: nothing is deleted.",
    .forget_button = "Yes, delete for good",
    .remove_session_title = "Remove the session “{title}”?",
    .remove_session_effect =
        "It leaves the proposals, the plan and the sessions calendar; its {votes} votes are "
        "lost.",
    .remove_room_title = "Remove the room “{name}”?",
    .remove_slot_title = "Remove the time slot {when}?",
    .remove_part_effect = "{n} sessions in it lose their place in the plan and return to the proposals.",
    .remove_button = "Yes, remove",
    .feed_title = "Create a new calendar address?",
    .feed_effect = "The current address stops working at once: calendars subscribed to it receive no more dates.",
    .feed_then = "Then subscribe to the new address shown on your page.",
    .feed_button = "Yes, create a new address",
};

}  // namespace

const confirm_strings& confirm_strings_for(lang l) { return l == lang::de ? german : english; }

}  // namespace tp::web
