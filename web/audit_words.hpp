#pragma once
// The audit log in the visitor's language: an action's name ("update_event" -> "Veranstaltung geändert") and its
// detail: the store's list of changes ([{"field", "from", "to"}]) becomes "Ort: Zeche Hannover → Zeche Zollern",
// "registration #12" becomes the person's name. Older or unknown details are shown as they are.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "web/i18n.hpp"

namespace tp::web {

[[nodiscard]] std::string audit_action_words(std::string_view action, lang l);
// `names` maps registration ids to the names the list knows (a forgotten person's is anonymised there too).
[[nodiscard]] std::string audit_detail_words(std::string_view detail, const std::map<std::int64_t, std::string>& names,
                                             lang l);

}  // namespace tp::web
