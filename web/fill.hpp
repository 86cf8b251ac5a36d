#pragma once
// Placeholders in our own strings: fill("{n} E-Mails", {{"n", "3"}}) is "3 E-Mails". Values are inserted as they
// are (escaping is the page's business) and are never searched for further placeholders.
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace tp::web {

[[nodiscard]] std::string fill(std::string_view pattern,
                               std::initializer_list<std::pair<std::string_view, std::string>> values);

}  // namespace tp::web
