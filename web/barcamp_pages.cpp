// The participants' sessions page and the public plan.
#include "web/barcamp_pages.hpp"

#include "calendar/session_ics.hpp"
#include "web/barcamp_parts.hpp"
#include "web/dates.hpp"
#include "web/layout.hpp"

namespace tp::web {
namespace {

using barcamp::say;

std::string sessions_path(const calendar::registration& r) { return "/r/" + r.token + "/sessions"; }

// A one-button form posting `action` for a session.
html session_button(const page_context& ctx, const calendar::registration& r, const std::string& csrf,
                    std::string_view action, std::int64_t session, const std::string& label) {
    return tag("form", {{"method", "post"}, {"action", href(ctx, sessions_path(r))}, {"class", "inline"}},
               barcamp::csrf_input(csrf) + barcamp::hidden("action", action) +
                   barcamp::hidden("session", std::to_string(session)) +
                   tag("button", {{"type", "submit"}}, text(label)));
}

html proposal_form(const page_context& ctx, const calendar::registration& r, const form_again& again,
                   const std::string& csrf) {
    const auto l = ctx.language;
    html fields = barcamp::csrf_input(csrf) + barcamp::hidden("action", "propose");
    fields += barcamp::input_field({"propose", "title", say(l, "Titel", "Title"), "text"}, again);
    fields += barcamp::input_field(
        {"propose", "host", say(l, "Wer leitet die Session?", "Who hosts the session?"), "text"}, again, r.name);
    fields +=
        barcamp::select_field({"propose", "kind", say(l, "Art", "Kind"), ""}, barcamp::kind_choices(l), "talk", again);
    fields += barcamp::input_field(
        {"propose", "description", say(l, "Worum geht es? (optional)", "What is it about? (optional)"), "textarea"},
        again);
    return tag("section", {{"aria-labelledby", "propose-heading"}},
               tag("h2", {{"id", "propose-heading"}}, text(say(l, "Session vorschlagen", "Propose a session"))) +
                   barcamp::form_problem(again, "propose", l) +
                   tag("form", {{"method", "post"}, {"action", href(ctx, sessions_path(r))}, {"class", "stacked"}},
                       fields + tag("button", {{"type", "submit"}}, text(say(l, "Vorschlagen", "Propose")))));
}

// Where and when a scheduled session takes place: "Aula, Montag, 20. September 2027, 10:00–10:45 Uhr".
std::string placed_at(const calendar::event& e, const calendar::programme& p, const calendar::barcamp_session& s,
                      lang l) {
    return calendar::find_room(p, *s.room)->name + ", " +
           barcamp::slot_label(*calendar::find_slot(p, *s.slot), barcamp::zone_of(e), l, true);
}

html session_item(const page_context& ctx, const calendar::registration& r, const calendar::event& e,
                  const calendar::programme& p, const calendar::barcamp_session& s, bool can_act,
                  const std::string& csrf) {
    const auto l = ctx.language;
    html body = barcamp::session_summary(s, l, true);
    if (calendar::is_scheduled(p, s)) body += tag("p", {{"class", "meta"}}, text(placed_at(e, p, s, l)));
    if (can_act) {
        body += s.my_vote
                    ? session_button(ctx, r, csrf, "unvote", s.id, say(l, "Stimme zurücknehmen", "Take back my vote"))
                    : session_button(ctx, r, csrf, "vote", s.id, say(l, "Dafür stimmen", "Vote for it"));
        if (s.mine) body += session_button(ctx, r, csrf, "withdraw", s.id, say(l, "Zurückziehen", "Withdraw"));
    }
    return tag("li", {{"id", "session-" + std::to_string(s.id)}, {"class", s.my_vote ? "session voted" : "session"}},
               body);
}

// Why someone cannot propose or vote (yet): not confirmed, or the barcamp is over.
std::string closed_reason(const calendar::registration& r, const calendar::event& e, calendar::sys_seconds now,
                          lang l) {
    if (r.status != calendar::registration_status::confirmed)
        return say(l, "Vorschlagen und abstimmen können Sie, sobald Ihre Anmeldung bestätigt ist.",
                   "You can propose and vote once your registration is confirmed.");
    if (e.status == calendar::event_status::cancelled || now >= e.end)
        return say(l, "Das Barcamp ist vorbei; Vorschläge und Stimmen sind geschlossen.",
                   "The barcamp is over; proposals and votes are closed.");
    return "";
}

// Links to the plan (unless on it), its feed and its schedule JSON.
html plan_links(const page_context& ctx, const calendar::event& e, bool to_plan) {
    const auto l = ctx.language;
    const std::string base = "/events/" + e.slug;
    const html plan =
        to_plan ? tag("li", link(href(ctx, base + "/sessions"), text(say(l, "Zum Sessionplan", "The session plan"))))
                : html{};
    return tag("ul", {{"class", "actions"}},
               plan +
                   tag("li", link(webcal_url(ctx.base_url, base + "/sessions.ics"),
                                  text(say(l, "Sessions abonnieren", "Subscribe to the sessions")))) +
                   tag("li", link(base + "/schedule.json",
                                  text(say(l, "Plan für Konferenz-Apps (JSON)", "Plan for conference apps (JSON)")))));
}

}  // namespace

html participant_sessions_page(const page_context& ctx, const calendar::registration& r, const calendar::event& e,
                               const calendar::programme& p, const form_again& again, const std::string& csrf) {
    const auto l = ctx.language;
    const auto title = say(l, "Sessions: ", "Sessions: ") + e.title;
    html body =
        tag("h1", text(title)) + tag("p", link(href(ctx, "/r/" + r.token),
                                               text(say(l, "Zurück zu Ihrer Anmeldung", "Back to your registration"))));
    body += plan_links(ctx, e, true);
    if (again.form == "notice")
        body += tag("p", {{"class", "notice error"}, {"role", "alert"}}, text(again.problems.at("")));
    const auto reason = closed_reason(r, e, ctx.now, l);
    if (!reason.empty())
        body += tag("p", {{"class", "notice"}}, text(reason));
    else
        body += proposal_form(ctx, r, again, csrf);
    html items;
    for (const auto& s : p.sessions) items += session_item(ctx, r, e, p, s, reason.empty(), csrf);
    body += tag("h2", text(say(l, "Vorgeschlagene Sessions", "Proposed sessions")));
    body += p.sessions.empty() ? tag("p", text(say(l, "Noch keine Vorschläge.", "No proposals yet.")))
                               : tag("ul", {{"class", "sessions"}}, items);
    return layout(ctx, {title, "", ""}, body);
}

namespace {

// How to take part, and the form that mails one's link again (the same answer for every address).
html how_to_take_part(const page_context& ctx, const calendar::event& e, const plan_form& form) {
    const auto l = ctx.language;
    html body = tag("h2", {{"id", "take-part"}}, text(say(l, "So machen Sie mit", "How to take part")));
    body += tag("p", text(say(l,
                              "Alle mit bestätigter Anmeldung schlagen Sessions vor und stimmen ab: über den Link "
                              "„Sessions vorschlagen und abstimmen“ auf ihrer Anmeldeseite. Jede Person hat eine "
                              "Stimme je Session; das Team plant die Sessions mit den meisten Stimmen in die "
                              "größten Räume.",
                              "Everyone with a confirmed registration proposes sessions and votes: through the link "
                              "“Propose and vote on sessions” on their registration page. Each person has one vote "
                              "per session; the team puts the sessions with the most votes into the largest rooms.")));
    body += tag("h3", text(say(l, "Link erneut senden", "Send my link again")));
    if (form.resend == "sent")
        body += tag("p", {{"class", "notice"}, {"role", "status"}},
                    text(say(l, "Ist die Adresse für diese Veranstaltung angemeldet, ist der Link unterwegs.",
                             "If the address is registered for this event, the link is on its way.")));
    const bool invalid = form.resend == "invalid";
    const auto input = invalid ? void_tag("input", {{"id", "resend-email"},
                                                    {"name", "email"},
                                                    {"type", "email"},
                                                    {"value", form.email},
                                                    {"autocomplete", "email"},
                                                    {"aria-invalid", "true"},
                                                    {"aria-describedby", "resend-email-error"}})
                               : void_tag("input", {{"id", "resend-email"},
                                                    {"name", "email"},
                                                    {"type", "email"},
                                                    {"value", form.email},
                                                    {"autocomplete", "email"},
                                                    {"required", "required"}});
    html field = tag("label", {{"for", "resend-email"}}, text(say(l, "E-Mail-Adresse", "Email address"))) + input;
    if (invalid)
        field += tag("p", {{"class", "error"}, {"id", "resend-email-error"}},
                     text(say(l, "Das ist keine gültige E-Mail-Adresse.", "That is not a valid email address.")));
    body +=
        tag("form", {{"method", "post"}, {"action", href(ctx, "/events/" + e.slug + "/resend")}, {"class", "stacked"}},
            barcamp::csrf_input(form.csrf) + field +
                tag("button", {{"type", "submit"}}, text(say(l, "Link senden", "Send the link"))));
    return tag("section", {{"aria-labelledby", "take-part"}, {"class", "take-part"}}, body);
}

}  // namespace

html plan_page(const page_context& ctx, const calendar::event& e, const calendar::programme& p, const plan_form& form) {
    const auto l = ctx.language;
    const auto title = say(l, "Sessionplan: ", "Session plan: ") + e.title;
    html body = tag("h1", text(title)) +
                tag("p", link(href(ctx, "/events/" + e.slug), text(e.title)) + text(" · " + format_when(e, l)));
    body += plan_links(ctx, e, false) + barcamp::plan_grid(ctx, e, p);
    html open;
    for (const auto& s : p.sessions)
        if (!calendar::is_scheduled(p, s))
            open += tag("li", {{"id", "session-" + std::to_string(s.id)}}, barcamp::session_summary(s, l, true));
    if (!open.str().empty())
        body += tag("h2", text(say(l, "Noch nicht eingeplant", "Not scheduled yet"))) +
                tag("ul", {{"class", "sessions"}}, open);
    body += how_to_take_part(ctx, e, form);
    return layout(ctx, {title, "/events/" + e.slug + "/sessions.ics", ""}, body);
}

}  // namespace tp::web
