#include "web/audit_words.hpp"

#include <boost/json.hpp>

#include <charconv>
#include <utility>

namespace tp::web {
namespace {

namespace json = boost::json;

using words = std::pair<const char*, const char*>;  // German, English

std::string pick(const std::map<std::string_view, words>& table, std::string_view key, lang l) {
    const auto found = table.find(key);
    if (found == table.end()) return std::string(key);
    return l == lang::en ? found->second.second : found->second.first;
}

const std::map<std::string_view, words>& actions() {
    static const std::map<std::string_view, words> table{
        {"create_event", {"Veranstaltung angelegt", "Event created"}},
        {"update_event", {"Veranstaltung geändert", "Event changed"}},
        {"confirm", {"Anmeldung bestätigt", "Registration confirmed"}},
        {"reject", {"Anmeldung abgelehnt", "Registration rejected"}},
        {"promote", {"Von der Warteliste nachgerückt", "Moved up from the waiting list"}},
        {"check_in", {"Eingecheckt", "Checked in"}},
        {"undo_check_in", {"Check-in zurückgenommen", "Check-in undone"}},
        {"message", {"Nachricht an alle", "Message to everyone"}},
        {"add_room", {"Raum hinzugefügt", "Room added"}},
        {"remove_room", {"Raum entfernt", "Room removed"}},
        {"add_slot", {"Zeit hinzugefügt", "Time slot added"}},
        {"remove_slot", {"Zeit entfernt", "Time slot removed"}},
        {"add_session", {"Session eingetragen", "Session entered"}},
        {"remove_session", {"Session entfernt", "Session removed"}},
        {"place_sessions", {"Sessions eingeplant", "Sessions placed"}},
    };
    return table;
}

const std::map<std::string_view, words>& fields() {
    static const std::map<std::string_view, words> table{
        {"title", {"Titel", "Title"}},
        {"description", {"Beschreibung", "Description"}},
        {"time", {"Zeit", "Time"}},
        {"place", {"Ort", "Place"}},
        {"join_url", {"Zugangslink", "Join link"}},
        {"info_url", {"Informationslink", "Information link"}},
        {"capacity", {"Plätze", "Seats"}},
        {"registration_window", {"Anmeldezeitraum", "Registration period"}},
        {"status", {"Status", "Status"}},
        {"kind", {"Art", "Kind"}},
        {"questions", {"Fragen", "Questions"}},
        {"reminders", {"Erinnerungen", "Reminders"}},
        // values of status and place
        {"draft", {"Entwurf", "draft"}},
        {"published", {"veröffentlicht", "published"}},
        {"cancelled", {"abgesagt", "cancelled"}},
        {"in_person", {"vor Ort", "in person"}},
        {"online", {"online", "online"}},
        {"hybrid", {"hybrid", "hybrid"}},
        {"-", {"unbegrenzt", "no limit"}},
    };
    return table;
}

// A value: known words translated ("published", "in_person, Zeche" -> "vor Ort, Zeche"), the rest as it is.
std::string value_words(std::string_view value, lang l) {
    const auto comma = value.find(", ");
    const auto first = value.substr(0, comma);
    const auto rest = comma == std::string_view::npos ? std::string_view{} : value.substr(comma);
    return pick(fields(), first, l) + std::string(rest);
}

std::string changes_words(const json::array& changes, lang l) {
    std::string out;
    for (const auto& c : changes) {
        if (!c.is_object()) continue;
        const auto& o = c.get_object();
        const auto* field = o.if_contains("field");
        if (!field || !field->is_string()) continue;
        std::string line = pick(fields(), field->get_string(), l);
        const auto* from = o.if_contains("from");
        const auto* to = o.if_contains("to");
        if (from && to && from->is_string() && to->is_string())
            line += ": " + value_words(from->get_string(), l) + " → " + value_words(to->get_string(), l);
        out += (out.empty() ? "" : "; ") + line;
    }
    return out;
}

}  // namespace

std::string audit_action_words(std::string_view action, lang l) { return pick(actions(), action, l); }

std::string audit_detail_words(std::string_view detail, const std::map<std::int64_t, std::string>& names, lang l) {
    constexpr std::string_view registration = "registration #";
    if (detail.starts_with(registration)) {
        std::int64_t id = 0;
        const auto digits = detail.substr(registration.size());
        const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
        if (const auto found = names.find(id); error == std::errc{} && found != names.end()) return found->second;
        return std::string(detail);
    }
    if (detail.starts_with("[")) {
        boost::system::error_code ec;
        const auto parsed = json::parse(detail, ec);
        if (!ec && parsed.is_array()) return changes_words(parsed.get_array(), l);
    }
    return pick(fields(), detail, l);  // a single known word ("published"), else as it is
}

}  // namespace tp::web
