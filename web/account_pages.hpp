#pragma once
// Organisers' account pages: setting a password from a one-time link, asking for a reset link, and the admins'
// invitation form.
#include <string>
#include <vector>

#include "web/html.hpp"
#include "web/links.hpp"
#include "web/network_choice.hpp"

namespace tp::web {

// The form behind an invitation or reset link; `error` shown above it. An invalid link gets an error page instead.
[[nodiscard]] html password_page(const page_context& ctx, const std::string& token, const std::string& csrf,
                                 const std::string& error);
// Asks for the email a reset link goes to; `sent`: the answer after the POST (the same whether or not the address
// belongs to an account).
[[nodiscard]] html reset_page(const page_context& ctx, const std::string& csrf, bool sent);
// For admins: invite an organiser for some networks (an email with a link to set a password).
[[nodiscard]] html invite_form(const page_context& ctx, const std::vector<network_choice>& networks,
                               const std::string& csrf);
[[nodiscard]] html invited_page(const page_context& ctx, const std::string& email);

}  // namespace tp::web
