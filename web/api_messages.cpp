#include "web/api_messages.hpp"

namespace tp::web {

std::string api_text(api_message m, lang l, std::string_view name) {
    const bool de = l == lang::de;
    const std::string quoted = "'" + std::string(name) + "'";
    switch (m) {
        case api_message::send_json:
            return de ? "Bitte die Anmeldung als application/json senden."
                      : "send the registration as application/json";
        case api_message::fields_need_attention:
            return de ? "Einige Felder sind nicht in Ordnung." : "some fields need attention";
        case api_message::token_not_valid: return de ? "Der API-Token ist nicht gültig." : "the API token is not valid";
        case api_message::send_token:
            return de ? "Bitte einen API-Token senden: Authorization: Bearer <token>"
                      : "send an API token: Authorization: Bearer <token>";
        case api_message::no_such_route: return de ? "Diesen API-Pfad gibt es nicht." : "there is no such API route";
        case api_message::no_such_event:
            return de ? "Die Veranstaltung " + quoted + " gibt es nicht." : "there is no event " + quoted;
        case api_message::no_such_series:
            return de ? "Die Reihe " + quoted + " gibt es nicht." : "there is no series " + quoted;
        case api_message::no_such_registration:
            return de ? "Zu diesem Link gibt es keine Anmeldung." : "there is no registration with this link";
        case api_message::event_has_no_such_registration:
            return de ? "Diese Anmeldung gehört nicht zu der Veranstaltung." : "the event has no such registration";
        case api_message::may_not_manage_event:
            return de ? "Dieser Token darf das Netzwerk der Veranstaltung nicht verwalten."
                      : "this token may not manage the event's network";
        case api_message::may_not_manage_series:
            return de ? "Dieser Token darf das Netzwerk der Reihe nicht verwalten."
                      : "this token may not manage the series' network";
        case api_message::registered_already:
            return de ? "Diese Adresse ist schon angemeldet; wir haben ihren Link noch einmal geschickt."
                      : "this address is registered already; we sent its link again";
        case api_message::key_reused:
            return de ? "Dieser Idempotency-Key wurde für eine andere Anfrage benutzt; bitte einen neuen senden."
                      : "this Idempotency-Key was used for another request; send a new key";
        case api_message::slug_fixed:
            return de ? "muss der eigene Kurzname " + quoted + " bleiben (Adressen ändern sich nie)"
                      : "must be its own, " + quoted + " (addresses never change)";
    }
    return {};
}

std::string_view api_window_text(calendar::registration_window w, lang l) {
    const bool de = l == lang::de;
    using calendar::registration_window;
    switch (w) {
        case registration_window::not_yet_open:
            return de ? "Die Anmeldung ist noch nicht offen." : "registration is not open yet";
        case registration_window::closed: return de ? "Die Anmeldung ist geschlossen." : "registration has closed";
        case registration_window::event_cancelled:
            return de ? "Die Veranstaltung ist abgesagt." : "the event has been cancelled";
        case registration_window::event_past:
            return de ? "Die Veranstaltung hat schon begonnen." : "the event has already begun";
        case registration_window::not_published:
            return de ? "Die Veranstaltung ist nicht veröffentlicht." : "the event is not published";
        case registration_window::open: break;
    }
    return de ? "Die Anmeldung ist offen." : "registration is open";
}

}  // namespace tp::web
