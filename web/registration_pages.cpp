#include "calendar/ics_writer.hpp"
#include "web/answers_shown.hpp"
#include "web/dates.hpp"
#include "web/error_summary.hpp"
#include "web/fill.hpp"
#include "web/layout.hpp"
#include "web/registration_form.hpp"
#include "web/privacy_template.hpp"
#include "web/qr_code.hpp"
#include "web/registration_strings.hpp"

namespace tp::web {
namespace {

std::string_view status_text(calendar::registration_status st, const registration_strings& s) {
    using rs = calendar::registration_status;
    switch (st) {
        case rs::pending: return s.status_pending;
        case rs::confirmed: return s.status_confirmed;
        case rs::waitlisted: return s.status_waitlisted;
        case rs::cancelled: return s.status_cancelled;
        case rs::expired: return s.status_expired;
        case rs::rejected: break;
    }
    return s.status_rejected;
}

html event_line(const page_context& ctx, const calendar::event& e) {
    return tag("p", link(href(ctx, "/events/" + e.slug), text(e.title)) + raw_html("<br>") +
                        text(format_when(e, ctx.language)));
}

std::string inbox_lead(const inbox_note& note, const registration_strings& s) {
    using rr = registration_reply;
    if (note.email.empty())
        return std::string(note.reply == rr::pending      ? s.inbox_text
                           : note.reply == rr::waitlisted ? s.waitlist_text
                                                          : s.repeated_text);
    return fill(note.reply == rr::repeated ? s.repeated_sent_to : s.inbox_sent_to, {{"email", note.email}});
}

// The person's answers to the event's questions, in the questions' order.
html answer_facts(const calendar::event& e, const calendar::registration& r, const registration_strings& s) {
    html out;
    for (const auto& [label, shown] : answers_shown(e, r, s.yes))
        out += tag("dt", text(label)) + tag("dd", text(shown));
    return out;
}

// What the person can do next: confirm, change answers, the barcamp's sessions, cancel.
html manage_actions(const page_context& ctx, const calendar::registration& r, const calendar::event& e,
                    const registration_strings& s) {
    const auto item = [&](std::string_view step, std::string_view words) {
        return tag("li", link(href(ctx, "/r/" + r.token + std::string(step)), text(words)));
    };
    html actions;
    if (r.status == calendar::registration_status::pending) actions += item("/confirm", s.confirm_button);
    if (calendar::answers_changeable(e, r, ctx.now)) actions += item("/answers", s.answers_change);
    if (e.kind == calendar::event_kind::barcamp && r.status == calendar::registration_status::confirmed)
        actions += item("/sessions", s.sessions_link);
    if (calendar::is_active(r.status)) actions += item("/cancel", s.cancel_link);
    return actions.str().empty() ? html{} : tag("ul", {{"class", "actions"}}, actions);
}

// One clear choice: the big web calendars open the event to save, everything else takes the .ics file.
html my_calendar(const page_context& ctx, const calendar::event& e, const std::string& token,
                 const registration_strings& s) {
    const auto page_url = ctx.base_url + "/events/" + e.slug;
    const std::string ics = "/r/" + token + "/event.ics";  // with the join link, as the invitation has it
    const auto away = [](const std::string& url, std::string_view words) {
        return tag("li", tag("a", {{"href", url}, {"rel", "noopener"}}, text(words)));
    };
    const html items = away(google_calendar_url(e, page_url), s.calendar_google) +
                       away(outlook_event_url("outlook.live.com", e, page_url), s.calendar_outlook) +
                       away(outlook_event_url("outlook.office.com", e, page_url), s.calendar_office) +
                       tag("li", tag("a", {{"href", ics}, {"download", e.slug + ".ics"}}, text(s.calendar_other)));
    return tag("section", {{"aria-labelledby", "my-calendar"}},
               tag("h2", {{"id", "my-calendar"}}, text(s.my_calendar_title)) + tag("p", text(s.my_calendar_text)) +
                   tag("ul", {{"class", "actions"}}, items));
}

}  // namespace

html check_inbox_page(const page_context& ctx, const calendar::event& e, const inbox_note& note) {
    const auto& s = registration_strings_for(ctx.language);
    using rr = registration_reply;
    const auto title = note.reply == rr::pending      ? s.inbox_title
                       : note.reply == rr::waitlisted ? s.waitlist_title
                                                      : s.repeated_title;
    html body = tag("h1", text(title)) + tag("p", {{"role", "status"}}, text(inbox_lead(note, s)));
    if (!note.email.empty() && note.reply == rr::pending && note.held_until)
        body += tag("p", text(fill(s.inbox_hold_until,
                                   {{"until", format_instant(*note.held_until, e.time_zone, ctx.language)}})));
    if (!note.email.empty() && note.reply == rr::waitlisted) body += tag("p", text(s.waitlist_text));
    body += tag("p", text(s.inbox_spam)) + event_line(ctx, e);
    return layout(ctx, {std::string(title), "", ""}, body);
}

// The rare "new address" is a small link to a page that asks once more (web/confirm_steps.hpp).
html personal_feed_section(const page_context& ctx, const calendar::registration& r, const std::string& feed) {
    const auto& s = registration_strings_for(ctx.language);
    html body =
        tag("h2", {{"id", "personal-feed"}}, text(s.personal_feed_title)) + tag("p", text(s.personal_feed_text));
    body += tag("ul", {{"class", "actions"}},
                tag("li", link(webcal_url(ctx.base_url, feed), text(strings_for(ctx.language).subscribe_webcal))));
    html alarms;
    for (const auto& [query, words] : {std::pair{"alarm=30m", s.alarm_minutes}, std::pair{"alarm=1h", s.alarm_hour},
                                       std::pair{"alarm=1d", s.alarm_day}})
        alarms += tag("li", link(webcal_url(ctx.base_url, feed + "?" + query), text(words)));
    body += tag("p", {{"id", "alarm-choice"}}, text(s.alarm_title)) +
            tag("ul", {{"class", "inline-links"}, {"aria-labelledby", "alarm-choice"}}, alarms);
    body += tag("p", tag("code", text(ctx.base_url + feed)));
    body += tag("p", {{"class", "aside"}}, link(href(ctx, "/r/" + r.token + "/feed"), text(s.personal_feed_reset)));
    return tag("section", {{"aria-labelledby", "personal-feed"}}, body);
}

html manage_page(const page_context& ctx, const calendar::registration& r, const calendar::event& e,
                 const manage_extras& extras) {
    const auto& s = registration_strings_for(ctx.language);
    html facts = tag("dt", text(s.event_label)) + tag("dd", event_line(ctx, e)) + tag("dt", text(s.name)) +
                 tag("dd", text(r.name)) + tag("dt", text("Status")) + tag("dd", text(status_text(r.status, s)));
    if (r.position) facts += tag("dt", text(s.position)) + tag("dd", text(std::to_string(*r.position)));
    facts += answer_facts(e, r, s);
    html body = tag("h1", text(s.manage_title));
    if (extras.answers_saved) body += tag("p", {{"class", "notice saved"}, {"role", "status"}}, text(s.answers_saved));
    body += tag("dl", {{"class", "facts"}}, facts);
    body += manage_actions(ctx, r, e, s);
    if (r.status == calendar::registration_status::confirmed) body += my_calendar(ctx, e, r.token, s);
    if (!extras.door_url.empty())
        body += tag(
            "section", {{"class", "door-code"}},
            tag("h2", text(s.door_title)) + tag("p", text(s.door_text)) + qr_code_svg(extras.door_url, s.door_label));
    if (!extras.personal_feed.empty()) body += personal_feed_section(ctx, r, extras.personal_feed);
    return layout(ctx, {std::string(s.manage_title), "", ""}, body);
}

html answers_page(const page_context& ctx, const calendar::registration& r, const calendar::event& e,
                  const form_state& f) {
    const auto& s = registration_strings_for(ctx.language);
    html body = tag("h1", text(s.answers_title)) + event_line(ctx, e);
    if (!f.errors.empty()) body += error_summary(s.field_error_intro, question_problems(f, e.questions));
    body += tag("p", text(s.answers_text));
    html fields = csrf_field(f.csrf);
    for (const auto& q : e.questions) fields += question_field(ctx, f, q);
    fields += tag("button", {{"type", "submit"}}, text(s.answers_save));
    body += tag("form", {{"method", "post"}, {"action", href(ctx, "/r/" + r.token + "/answers")}}, fields);
    body += tag("p", link(href(ctx, "/r/" + r.token), text(s.answers_back)));
    return layout(ctx, {std::string(s.answers_title), "", ""}, body);
}

html unsubscribe_page(const page_context& ctx, const calendar::registration& r, const calendar::event& e,
                      const std::string& csrf, bool done) {
    const auto& s = registration_strings_for(ctx.language);
    html body = tag("h1", text(s.unsubscribe_title)) + event_line(ctx, e);
    if (done) {
        body += tag("p", {{"class", "notice saved"}, {"role", "status"}}, text(s.unsubscribe_done));
    } else {
        body += tag("p", text(s.unsubscribe_text));
        body += tag("form", {{"method", "post"}, {"action", href(ctx, "/r/" + r.token + "/unsubscribe")}},
                    csrf_field(csrf) + tag("button", {{"type", "submit"}}, text(s.unsubscribe_button)));
    }
    body += tag("p", link(href(ctx, "/r/" + r.token), text(s.answers_back)));
    return layout(ctx, {std::string(s.unsubscribe_title), "", ""}, body);
}

html confirm_step_page(const page_context& ctx, const calendar::registration& r, const calendar::event& e,
                       const std::string& csrf, bool cancel) {
    const auto& s = registration_strings_for(ctx.language);
    const auto title = cancel ? s.cancel_title : s.confirm_title;
    html form = raw_html("<input type=\"hidden\" name=\"csrf\" value=\"") + text(csrf) + raw_html("\">") +
                tag("button", {{"type", "submit"}}, text(cancel ? s.cancel_button : s.confirm_button));
    html body =
        tag("h1", text(title)) + event_line(ctx, e) + tag("p", text(cancel ? s.cancel_text : s.confirm_text)) +
        tag("form", {{"method", "post"}, {"action", href(ctx, "/r/" + r.token + (cancel ? "/cancel" : "/confirm"))}},
            form);
    return layout(ctx, {std::string(title), "", ""}, body);
}

namespace {

// Paragraphs at blank lines; a single line break stays one.
html paragraphs(std::string_view notice) {
    html out;
    std::size_t start = 0;
    while (start < notice.size()) {
        auto end = notice.find("\n\n", start);
        if (end == std::string_view::npos) end = notice.size();
        html lines;
        std::size_t line_start = start;
        while (line_start < end) {
            auto line_end = std::min(notice.find('\n', line_start), end);
            if (!lines.str().empty()) lines += raw_html("<br>");
            lines += text(notice.substr(line_start, line_end - line_start));
            line_start = line_end + 1;
        }
        if (!lines.str().empty()) out += tag("p", lines);
        start = end + 2;
    }
    return out;
}

}  // namespace

html privacy_page(const page_context& ctx, std::string_view notice) {
    const auto& s = registration_strings_for(ctx.language);
    const auto body = notice.find_first_not_of(" \r\n\t") == std::string_view::npos ? privacy_template(ctx.language)
                                                                                    : paragraphs(notice);
    return layout(ctx, {std::string(s.privacy_title), "", ""}, tag("h1", text(s.privacy_title)) + body);
}

}  // namespace tp::web
