#pragma once
// The import's rules (one validation for files, the API and the admin forms) word their problems in English,
// e.g. "must be after start" or "'2027-03-28T02:30' does not exist in Europe/Berlin (...)". The admin forms show
// them in the visitor's language: German through this table, English as written with a capital letter. A text
// the table does not know (the store's refusals come in the page's language already) stays as it is.
#include <string>

#include "web/i18n.hpp"

namespace tp::web {

[[nodiscard]] std::string form_message(const std::string& english, lang l);

}  // namespace tp::web
