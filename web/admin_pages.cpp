#include "web/admin_pages.hpp"
#include "web/fill.hpp"

#include <algorithm>

#include "web/admin_strings.hpp"
#include "web/answers_shown.hpp"
#include "web/audit_words.hpp"
#include "web/search_fold.hpp"
#include "web/dates.hpp"
#include "web/layout.hpp"

namespace tp::web {
namespace {

using rs = calendar::registration_status;

html hidden(std::string_view name, std::string_view value) {
    return void_tag("input", {{"type", "hidden"}, {"name", name}, {"value", value}});
}

// A one-button POST form: every change an organiser makes is a POST with the CSRF token.
html action_button(const page_context& ctx, const std::string& action, std::string_view label, std::string_view back,
                   const std::string& csrf) {
    return tag("form", {{"method", "post"}, {"action", href(ctx, action)}, {"class", "inline"}},
               hidden("csrf", csrf) + hidden("back", back) + tag("button", {{"type", "submit"}}, text(label)));
}

// A wide table that scrolls sideways on its own on a phone; keyboard users reach it (tabindex) by its name.
html scroll_region(std::string_view label, const html& table) {
    return tag("div", {{"class", "scroll"}, {"tabindex", "0"}, {"role", "region"}, {"aria-label", label}}, table);
}

std::string registration_action(const calendar::event& e, const calendar::attendee& a, std::string_view what) {
    return "/admin/events/" + e.slug + "/registrations/" + std::to_string(a.registration.id) + "/" + std::string(what);
}

// At the door (`door`) nobody is rejected: that is for the attendee list, with its confirmation step.
html actions_of(const page_context& ctx, const calendar::event& e, const calendar::attendee& a, std::string_view back,
                const std::string& csrf, bool door = false) {
    const auto& s = admin_strings_for(ctx.language);
    const auto button = [&](std::string_view what, std::string_view label) {
        return action_button(ctx, registration_action(e, a, what), label, back, csrf);
    };
    html out;
    const auto status = a.registration.status;
    if (status == rs::pending) out += button("confirm", s.confirm);
    if (status == rs::waitlisted) out += button("promote", s.promote);
    if (status == rs::confirmed)
        out += a.checked_in_at ? button("undo-check-in", s.undo) : button("check-in", s.check_in);
    if (calendar::is_active(status) && !door) out += button("reject", s.reject);
    return out;
}

std::string local_time(std::optional<calendar::sys_seconds> t, const calendar::event& e, lang l) {
    return t ? format_instant(*t, e.time_zone, l) : std::string{};
}

// "Essen: vegan · Workshops: Robotik, Chemie" in the questions' order; a ticked box reads "ja".
html answers_of(const calendar::event& e, const calendar::registration& r, lang l) {
    html out;
    for (const auto& [label, shown] : answers_shown(e, r, admin_strings_for(l).yes))
        out += tag("li", tag("span", {{"class", "meta"}}, text(label + ": ")) + text(shown));
    return out.str().empty() ? html{} : tag("ul", {{"class", "answers"}}, out);
}

// Name with e-mail and organisation beneath; status with place and delivery beneath; the answers; check-in;
// the actions. Five columns fit a laptop; on a phone each row becomes a card (the stylesheet).
html attendee_row(const page_context& ctx, const calendar::event& e, const calendar::attendee& a,
                  const std::string& csrf) {
    const auto& s = admin_strings_for(ctx.language);
    const auto& r = a.registration;
    const auto state = std::string(delivery_label(a.delivery, ctx.language));
    const auto delivery = a.delivery_error.empty() ? state : state + ": " + a.delivery_error;
    html person = tag("strong", text(r.name)) + tag("span", {{"class", "meta"}}, text(r.email));
    if (!r.organisation.empty()) person += tag("span", {{"class", "meta"}}, text(r.organisation));
    html status = text(status_label(r.status, ctx.language));
    if (r.position)
        status += tag("span", {{"class", "meta"}}, text(fill(s.waiting_place, {{"n", std::to_string(*r.position)}})));
    if (!delivery.empty()) status += tag("span", {{"class", "meta"}}, text(delivery));
    return tag("tr", tag("td", person) + tag("td", status) + tag("td", answers_of(e, r, ctx.language)) +
                         tag("td", {{"data-label", s.checked_in}}, text(local_time(a.checked_in_at, e, ctx.language))) +
                         tag("td", {{"class", "row-actions"}}, actions_of(ctx, e, a, "list", csrf)));
}

html filter_form(const page_context& ctx, const calendar::event& e, const attendee_filter& f) {
    const auto& s = admin_strings_for(ctx.language);
    html options = tag("option", {{"value", ""}}, text(s.all));
    for (const auto status : {rs::confirmed, rs::pending, rs::waitlisted, rs::cancelled, rs::expired, rs::rejected}) {
        const auto value = calendar::to_string(status);
        options += f.status == status ? tag("option", {{"value", value}, {"selected", "selected"}},
                                            text(status_label(status, ctx.language)))
                                      : tag("option", {{"value", value}}, text(status_label(status, ctx.language)));
    }
    return tag("form", {{"method", "get"}, {"action", href(ctx, "/admin/events/" + e.slug)}, {"class", "filter row"}},
               tag("label", {{"for", "status"}}, text(s.status)) +
                   tag("select", {{"id", "status"}, {"name", "status"}}, options) +
                   tag("label", {{"for", "q"}}, text(s.search)) +
                   void_tag("input", {{"id", "q"}, {"name", "q"}, {"type", "search"}, {"value", f.search}}) +
                   tag("button", {{"type", "submit"}}, text(s.filter)));
}

// A barcamp's programme page (rooms, slots, the grid editor).
html programme_link(const page_context& ctx, const calendar::event& e) {
    if (e.kind != calendar::event_kind::barcamp) return {};
    return text(" · ") + link(href(ctx, "/admin/events/" + e.slug + "/sessions"),
                              text(ctx.language == lang::de ? "Sessionprogramm" : "Session programme"));
}

html export_links(const page_context& ctx, const calendar::event& e) {
    const auto& s = admin_strings_for(ctx.language);
    const auto base = "/admin/events/" + e.slug;
    return tag("p", text(std::string(s.export_label) + ": ") + link(href(ctx, base + "/attendees.csv"), text("CSV")) +
                        text(" · ") + link(href(ctx, base + "/attendees.xlsx"), text("Excel")) + text(" · ") +
                        link(href(ctx, base + "/attendees.json"), text("JSON")) + text(" · ") +
                        link(href(ctx, base + "/checkin"), text(s.checkin_title)) + text(" · ") +
                        link(href(ctx, base + "/checkin-list"), text(s.checkin_list)) + text(" · ") +
                        link(href(ctx, base + "/edit"), text(s.edit_event)) + text(" · ") +
                        link(href(ctx, base + "/audit"), text(s.audit)) + programme_link(ctx, e));
}

// A message to every confirmed and pending registration, sent through the outbox.
html message_form(const page_context& ctx, const calendar::event& e, const std::string& csrf) {
    const auto& s = admin_strings_for(ctx.language);
    return tag("h2", text(s.message_title)) +
           tag("form",
               {{"method", "post"},
                {"action", href(ctx, "/admin/events/" + e.slug + "/message")},
                {"class", "stacked"}},
               hidden("csrf", csrf) + tag("label", {{"for", "m-subject"}}, text(s.message_subject)) +
                   void_tag("input", {{"id", "m-subject"},
                                      {"name", "subject"},
                                      {"type", "text"},
                                      {"required", "required"},
                                      {"maxlength", "200"}}) +
                   tag("label", {{"for", "m-body"}}, text(s.message_body)) +
                   tag("textarea", {{"id", "m-body"}, {"name", "body"}, {"rows", "6"}, {"required", "required"}}, {}) +
                   tag("button", {{"type", "submit"}}, text(s.message_send)));
}

}  // namespace

html login_page(const page_context& ctx, const login_form& form) {
    const auto& s = admin_strings_for(ctx.language);
    html body = tag("h1", text(s.login_title));
    if (!form.error.empty()) body += tag("p", {{"class", "error"}, {"role", "alert"}}, text(form.error));
    body += tag("form", {{"method", "post"}, {"action", href(ctx, "/admin/login")}, {"class", "stacked card"}},
                hidden("csrf", form.csrf) + tag("label", {{"for", "email"}}, text(s.email)) +
                    void_tag("input", {{"id", "email"},
                                       {"name", "email"},
                                       {"type", "email"},
                                       {"autocomplete", "username"},
                                       {"required", "required"},
                                       {"value", form.email}}) +
                    tag("label", {{"for", "password"}}, text(s.password)) +
                    void_tag("input", {{"id", "password"},
                                       {"name", "password"},
                                       {"type", "password"},
                                       {"autocomplete", "current-password"},
                                       {"required", "required"}}) +
                    tag("button", {{"type", "submit"}}, text(s.login)));
    body += tag("p", link(href(ctx, "/admin/reset"), text(s.forgot_password)));
    return layout(ctx, {std::string(s.login_title), "", ""}, body);
}

std::vector<calendar::attendee> only_matching(std::vector<calendar::attendee> all, const attendee_filter& f) {
    const auto needle = fold_for_search(f.search);
    std::erase_if(all, [&](const calendar::attendee& a) {
        if (f.status && a.registration.status != *f.status) return true;
        const auto& r = a.registration;
        return !search_matches(needle, r.name) && !search_matches(needle, r.email) &&
               !search_matches(needle, r.organisation);
    });
    return all;
}

html attendee_page(const page_context& ctx, const calendar::event& e, const std::vector<calendar::attendee>& shown,
                   const attendee_filter& f, const std::string& csrf) {
    const auto& s = admin_strings_for(ctx.language);
    html rows;
    for (const auto& a : shown) rows += attendee_row(ctx, e, a, csrf);
    const auto head = tag(
        "tr", tag("th", {{"scope", "col"}}, text(s.person)) + tag("th", {{"scope", "col"}}, text(s.status)) +
                  tag("th", {{"scope", "col"}}, text(s.answers)) + tag("th", {{"scope", "col"}}, text(s.checked_in)) +
                  tag("th", {{"scope", "col"}}, text(s.actions)));
    const auto body = tag("h1", text(e.title)) + tag("p", text(format_when(e, ctx.language))) + export_links(ctx, e) +
                      filter_form(ctx, e, f) +
                      scroll_region(s.attendees, tag("table", {{"class", "attendees people"}},
                                                     tag("thead", head) + tag("tbody", rows))) +
                      message_form(ctx, e, csrf);
    return admin_layout(ctx, {std::string(s.attendees) + ": " + e.title, "", ""}, body);
}

html checkin_page(const page_context& ctx, const calendar::event& e, const door_list& list, const std::string& search,
                  const std::string& csrf) {
    const auto& s = admin_strings_for(ctx.language);
    const auto& shown = list.shown;
    html body =
        tag("h1", text(std::string(s.checkin_title) + ": " + e.title)) +
        tag("p", {{"class", "door-count"}},
            tag("strong", text(std::to_string(list.arrived) + std::string(s.checkin_of) +
                               std::to_string(list.expected) + std::string(s.checkin_here)))) +
        tag("form", {{"method", "get"}, {"action", href(ctx, "/admin/events/" + e.slug + "/checkin")}},
            tag("label", {{"for", "q"}}, text(s.checkin_search)) +
                void_tag("input",
                         {{"id", "q"}, {"name", "q"}, {"type", "search"}, {"value", search}, {"autocomplete", "off"}}) +
                tag("button", {{"type", "submit"}}, text(s.search)));
    html items;
    for (const auto& a : shown) {
        const auto state = a.checked_in_at ? std::string(s.arrived) + " " + local_time(a.checked_in_at, e, ctx.language)
                                           : std::string(status_label(a.registration.status, ctx.language));
        const bool unconfirmed = a.registration.status == calendar::registration_status::pending;
        const auto line = tag("strong", text(a.registration.name)) +
                          text((a.registration.organisation.empty() ? "" : " " + a.registration.organisation) + " — ") +
                          (unconfirmed ? tag("em", text(state)) : text(state)) +
                          actions_of(ctx, e, a, "checkin?q=" + percent_encode(search), csrf, true);
        items += unconfirmed ? tag("li", {{"class", "unconfirmed"}}, line) : tag("li", line);
    }
    body += shown.empty() ? tag("p", text(s.nobody_found)) : tag("ul", {{"class", "checkin"}}, items);
    return admin_layout(ctx, {std::string(s.checkin_title) + ": " + e.title, "", ""}, body);
}

html door_page(const page_context& ctx, const calendar::event& e, const calendar::attendee* a,
               const std::string& csrf) {
    const auto& s = admin_strings_for(ctx.language);
    const auto title = std::string(s.checkin_title) + ": " + e.title;
    const auto back = link(href(ctx, "/admin/events/" + e.slug + "/checkin"), text(s.checkin_title));
    if (a == nullptr)
        return admin_layout(
            ctx, {title, "", ""},
            tag("h1", text(s.door_unknown_title)) + tag("p", text(s.door_unknown_text)) + tag("p", back));
    const auto& r = a->registration;
    const auto state = a->checked_in_at ? std::string(s.arrived) + " " + local_time(a->checked_in_at, e, ctx.language)
                                        : std::string(status_label(r.status, ctx.language));
    html body = tag("p", text(e.title)) + tag("h1", text(r.name));
    if (!r.organisation.empty()) body += tag("p", text(r.organisation));
    body += tag("p", {{"class", "door-state"}}, tag("strong", text(state)));
    body += tag("div", {{"class", "door-actions"}},
                actions_of(ctx, e, *a, "checkin?q=" + percent_encode(r.name), csrf, true));
    return admin_layout(ctx, {title, "", ""}, body + tag("p", back));
}

html forgotten_page(const page_context& ctx, int registrations) {
    const auto& s = admin_strings_for(ctx.language);
    const auto body = tag("h1", text(s.forget_title)) +
                      tag("p", text(std::string(s.forgotten) + ": " + std::to_string(registrations))) +
                      tag("p", link(href(ctx, "/admin"), text(s.your_events)));
    return admin_layout(ctx, {std::string(s.forget_title), "", ""}, body);
}

html audit_page(const page_context& ctx, const calendar::event& e, const std::vector<audit_line>& lines,
                const std::map<std::int64_t, std::string>& names) {
    const auto& s = admin_strings_for(ctx.language);
    html rows;
    for (const auto& l : lines)
        rows += tag("tr", tag("td", text(format_instant(l.at, e.time_zone, ctx.language))) + tag("td", text(l.actor)) +
                              tag("td", text(audit_action_words(l.action, ctx.language))) +
                              tag("td", text(audit_detail_words(l.detail, names, ctx.language))));
    const auto head = tag(
        "tr", tag("th", text(s.when)) + tag("th", text(s.who)) + tag("th", text(s.what)) + tag("th", text(s.details)));
    const auto body =
        tag("h1", text(std::string(s.audit) + ": " + e.title)) +
        scroll_region(s.audit, tag("table", {{"class", "attendees"}}, tag("thead", head) + tag("tbody", rows)));
    return admin_layout(ctx, {std::string(s.audit) + ": " + e.title, "", ""}, body);
}

html checkin_list_page(const page_context& ctx, const calendar::event& e, const door_list& list) {
    const auto& s = admin_strings_for(ctx.language);
    html rows;
    for (const auto& a : list.shown) {
        const bool unconfirmed = a.registration.status == rs::pending;
        const auto name = a.registration.name +
                          (unconfirmed ? " (" + std::string(status_label(rs::pending, ctx.language)) + ")" : "");
        rows += tag("tr", tag("td", text(a.checked_in_at ? "☑" : "☐")) + tag("td", text(name)) +
                              tag("td", text(a.registration.organisation)));
    }
    const auto head = tag("tr", tag("th", text(s.arrived)) + tag("th", text(s.name)) + tag("th", text(s.organisation)));
    const auto body = tag("h1", text(e.title)) +
                      tag("p", text(format_when(e, ctx.language) + ". " + std::string(s.print_hint))) +
                      tag("table", {{"class", "checkin-list"}}, tag("thead", head) + tag("tbody", rows));
    return admin_layout(ctx, {std::string(s.checkin_list) + ": " + e.title, "", ""}, body);
}

}  // namespace tp::web
