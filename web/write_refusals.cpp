#include "web/write_refusals.hpp"

namespace tp::web {

std::string refusal_text(write_refusal why, std::string_view other, lang l) {
    const bool de = l == lang::de;
    const std::string quoted = "„" + std::string(other) + "“";
    const std::string quoted_en = "'" + std::string(other) + "'";
    switch (why) {
        case write_refusal::event_slug_taken:
            return de ? "Den Kurznamen " + quoted + " hat schon eine Veranstaltung."
                      : "Another event has the short name " + quoted_en + ".";
        case write_refusal::series_slug_taken:
            return de ? "Den Kurznamen " + quoted + " hat schon eine Reihe."
                      : "Another series has the short name " + quoted_en + ".";
        case write_refusal::date_taken:
            return de ? "Ein Termin der Reihe bekäme die Adresse der Veranstaltung " + quoted +
                            ", die nicht zu dieser Reihe gehört. Bitte wählen Sie einen anderen Kurznamen."
                      : "A date of the series would take the address of the event " + quoted_en +
                            ", which is not part of this series. Please choose another short name.";
        case write_refusal::network_fixed:
            return de ? "Gespeichertes bleibt im Netzwerk " + quoted + "; es kann nicht in ein anderes wechseln."
                      : "Once saved, it stays in the network " + quoted_en + "; it cannot move to another one.";
        case write_refusal::identity_fixed:
            return de ? "Mit dieser Regel stünden die Termine anders in den Kalendern (einzeln statt als Reihe oder "
                        "umgekehrt), und wer schon angemeldet ist, sähe seinen Termin doppelt. Legen Sie für die neue "
                        "Regel bitte eine neue Reihe an."
                      : "With this rule, calendars would hold the dates differently (one by one instead of as a "
                        "series, or the other way round), and people already registered would see their date twice. "
                        "Please create a new series for the new rule.";
        case write_refusal::not_your_network:
            return de ? "Dieses Netzwerk verwalten Sie nicht." : "You do not manage this network.";
    }
    return {};
}

}  // namespace tp::web
