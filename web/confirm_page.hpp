#pragma once
// The step between a destructive button and what it does (reject, remove, reset, forget, message everyone): the
// page says what will happen and who is told, then sends the same POST once more with confirmed=yes.
#include <string>
#include <utility>
#include <vector>

#include "web/html.hpp"
#include "web/links.hpp"

namespace tp::web {

struct confirm_step {
    std::string title;                                        // a question: "Anmeldung von Anna Müller ablehnen?"
    std::vector<std::string> effects;                         // what happens, who is told, how many mails
    std::string action;                                       // where the form posts (a path, href() applied)
    std::vector<std::pair<std::string, std::string>> fields;  // the original form's fields, sent again
    std::string button;                                       // "Ja, ablehnen"
    std::string back;                                         // "Abbrechen" leads here (a path)
    std::string reason_label;                                 // not empty: an optional reason, sent as "reason"
};

// The form field that says the person has seen the confirmation page.
inline constexpr std::string_view confirmed_field = "confirmed";

[[nodiscard]] html confirm_page(const page_context& ctx, const confirm_step& step, const std::string& csrf);

}  // namespace tp::web
