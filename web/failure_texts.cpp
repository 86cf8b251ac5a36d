#include "web/failure_texts.hpp"

namespace tp::web {

std::string_view failure_text(failure f, lang l) {
    const bool de = l == lang::de;
    switch (f) {
        case failure::not_found: return de ? "Das gibt es nicht (mehr)." : "This does not exist (any more).";
        case failure::conflict:
            return de ? "Das ist im jetzigen Zustand nicht möglich; bitte laden Sie die Seite neu."
                      : "This is not possible in the current state; please reload the page.";
        case failure::forbidden:
            return de ? "Das gehört zu einem Netzwerk, das Sie nicht verwalten."
                      : "This belongs to a network you do not manage.";
        case failure::invalid: return de ? "Die Angaben wurden nicht angenommen." : "The data was not accepted.";
        case failure::unavailable:
            return de ? "Der Server kann gerade nichts speichern (sein Speicher ist voll oder nicht beschreibbar). "
                        "Nichts wurde gespeichert; bitte versuchen Sie es in ein paar Minuten noch einmal."
                      : "The server cannot save anything at the moment (its storage is full or not writable). "
                        "Nothing was saved; please try again in a few minutes.";
        case failure::internal:
            return de ? "Ein Fehler im Server; er wurde protokolliert." : "Internal error; it has been logged.";
        case failure::malformed: return de ? "Diese Anfrage ist fehlerhaft." : "The request is malformed.";
        case failure::needs_host:
            return de ? "Eine HTTP/1.1-Anfrage braucht eine Host-Kopfzeile."
                      : "An HTTP/1.1 request needs a Host header.";
        case failure::header_too_large:
            return de ? "Die Kopfzeilen der Anfrage sind zu groß." : "Request header fields too large.";
        case failure::body_too_large: return de ? "Die Anfrage ist zu groß." : "Request body too large.";
        case failure::too_many_connections:
            return de ? "Zu viele Verbindungen; bitte versuchen Sie es gleich noch einmal."
                      : "Too many connections; please try again in a moment.";
    }
    return {};
}

std::string failure_text_both(failure f) {
    return std::string(failure_text(f, lang::de)) + "\n" + std::string(failure_text(f, lang::en));
}

std::string registration_state_conflict(calendar::registration_status state, lang l) {
    using calendar::registration_status;
    const bool de = l == lang::de;
    const auto adjective = [&]() -> std::string_view {
        switch (state) {
            case registration_status::pending: return de ? "unbestätigte" : "unconfirmed";
            case registration_status::confirmed: return de ? "bestätigte" : "confirmed";
            case registration_status::waitlisted: return de ? "wartende" : "waiting";
            case registration_status::cancelled: return de ? "stornierte" : "cancelled";
            case registration_status::expired: return de ? "abgelaufene" : "expired";
            case registration_status::rejected: return de ? "abgelehnte" : "rejected";
        }
        return {};
    }();
    return de ? "Für eine " + std::string(adjective) + " Anmeldung ist dieser Schritt nicht möglich."
              : std::string(std::string_view("aeiou").find(adjective.front()) != std::string_view::npos ? "An "
                                                                                                        : "A ") +
                    std::string(adjective) + " registration cannot take this step.";
}

std::string too_many_requests_text(unsigned seconds, bool per_link, lang l) {
    const auto wait = std::to_string(seconds);
    if (l == lang::de)
        return std::string(per_link ? "Zu viele Anfragen über diesen Link" : "Zu viele Anfragen von dieser Adresse") +
               "; bitte versuchen Sie es in " + wait + " Sekunden noch einmal.";
    return std::string(per_link ? "Too many requests from this link" : "Too many requests from this address") +
           "; please try again in " + wait + " seconds.";
}

}  // namespace tp::web
