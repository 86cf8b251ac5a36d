#pragma once
// The barcamp's pages: the participants' page to propose and vote (behind their manage link), the public plan
// (a grid on wide screens, a list per slot on phones, printable), and the organisers' programme page with the
// grid editor, which works without JavaScript.
#include <string>
#include <vector>

#include "calendar/barcamp.hpp"
#include "calendar/registration.hpp"
#include "web/event_form.hpp"
#include "web/html.hpp"
#include "web/links.hpp"

namespace tp::web {

// A form shown again after a problem: which one, what was typed and what is wrong next to each field.
struct form_again {
    std::string form;  // "propose", "room", "slot", "session"; empty: none
    form_fields fields{};
    field_messages problems{};  // "" for a problem of the whole form
};

[[nodiscard]] std::string_view kind_label(calendar::session_kind k, lang l);

// `notice` is shown above (e.g. why a vote was refused); empty: none.
[[nodiscard]] html participant_sessions_page(const page_context& ctx, const calendar::registration& r,
                                             const calendar::event& e, const calendar::programme& p,
                                             const form_again& again, const std::string& csrf);

// The public plan: how to take part (propose, vote), a form to get one's link again, the grid with the
// sessions' descriptions, and what is not placed yet. `resend` is what the resend form says after a POST:
// "" (nothing sent yet), "sent" (the same answer whether or not the address is registered) or "invalid".
struct plan_form {
    std::string csrf;
    std::string resend{};
    std::string email{};
};
[[nodiscard]] html plan_page(const page_context& ctx, const calendar::event& e, const calendar::programme& p,
                             const plan_form& form);

[[nodiscard]] html programme_admin_page(const page_context& ctx, const calendar::event& e, const calendar::programme& p,
                                        const form_again& again, const std::string& csrf);

}  // namespace tp::web
