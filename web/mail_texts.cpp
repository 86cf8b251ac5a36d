#include "web/mail_texts.hpp"

#include <vector>

#include "web/dates.hpp"
#include "web/fill.hpp"
#include "web/html.hpp"
#include "web/mail_strings.hpp"

namespace tp::web {
using mk = calendar::message_kind;

namespace {

using calendar::registration_status;

// The parts every message is made of; text and HTML are written from it.
struct mail_body {
    std::string subject;
    std::string greeting;
    std::vector<std::string> paragraphs;
    std::string action_label, action_url;                    // the main link, if any
    std::vector<std::pair<std::string, std::string>> facts;  // label, value (a value may be a link)
    std::vector<std::pair<std::string, std::string>> links;  // label, url
    std::string signature, footer;
    bool door_code = false;  // show the check-in code (HTML: the picture; text: where to find it)
};

const mail_kind_strings* kind_strings(const mail_strings& s, mk kind) {
    switch (kind) {
        case mk::confirm_request: return &s.confirm_request;
        case mk::resend: return &s.resend;
        case mk::waitlisted: return &s.waitlisted;
        case mk::promoted: return &s.promoted;
        case mk::confirmed: return &s.confirmed;
        case mk::cancelled: return &s.cancelled;
        case mk::rejected: return &s.rejected;
        case mk::reminder: return &s.reminder;
        case mk::event_changed: return &s.event_changed;
        case mk::event_cancelled: return &s.event_cancelled;
        case mk::organiser_message: return &s.organiser_message;
        case mk::organiser_invite:
        case mk::organiser_reset: break;  // render_organiser_mail
    }
    return nullptr;
}

std::string relative(const mail_strings& s, std::optional<std::chrono::seconds> offset) {
    const auto n = offset.value_or(std::chrono::days{1}).count();
    if (n == 86400) return std::string(s.reminder_tomorrow);
    if (n % 86400 == 0) return fill(s.reminder_in_days, {{"n", std::to_string(n / 86400)}});
    if (n % 3600 == 0) return fill(s.reminder_in_hours, {{"n", std::to_string(n / 3600)}});
    return std::string(s.reminder_soon);
}

std::string link_to(const mail_input& in, std::string_view path) {
    return in.base_url + std::string(path) + (in.registration.language == "en" ? "?lang=en" : "");
}

// Whether the person holds a seat now: only they see the private join link.
bool holds_seat(const mail_input& in) { return in.registration.status == registration_status::confirmed; }

std::optional<calendar::itip_method> invitation_of(const mail_input& in) {
    const bool holds = holds_seat(in);
    if ((in.kind == mk::confirmed || in.kind == mk::event_changed) && holds) return calendar::itip_method::request;
    if ((in.kind == mk::cancelled || in.kind == mk::rejected || in.kind == mk::event_cancelled) && in.was_confirmed)
        return calendar::itip_method::cancel;
    return std::nullopt;
}

std::string where_of(const calendar::event& e, const mail_strings& s) {
    std::string where = e.venue;
    if (!e.address.empty()) where += (where.empty() ? "" : ", ") + e.address;
    if (e.format != calendar::event_format::in_person) where += (where.empty() ? "" : " / ") + std::string(s.online);
    return where;
}

void add_facts(mail_body& b, const mail_input& in, const mail_strings& s, lang l) {
    b.facts.emplace_back(std::string(s.when), format_when(in.event, l));
    if (const auto where = where_of(in.event, s); !where.empty()) b.facts.emplace_back(std::string(s.where), where);
    if (in.event.join_url && holds_seat(in) && in.kind != mk::event_cancelled && in.kind != mk::cancelled)
        b.facts.emplace_back(std::string(s.join), *in.event.join_url);
}

// "Zeit – vorher: ..., jetzt: ..." and the same for the place, for what changed.
void add_changes(mail_body& b, const calendar::event& before, const calendar::event& now, const mail_strings& s,
                 lang l) {
    const auto was = format_when(before, l), is = format_when(now, l);
    if (was != is) b.paragraphs.push_back(fill(s.change_time, {{"before", was}, {"now", is}}));
    const auto was_at = where_of(before, s), is_at = where_of(now, s);
    if (was_at != is_at) b.paragraphs.push_back(fill(s.change_place, {{"before", was_at}, {"now", is_at}}));
}

std::string action_url(const mail_input& in, mk kind) {
    const auto manage = "/r/" + in.registration.token;
    if (kind == mk::confirm_request || kind == mk::promoted ||
        (kind == mk::resend && in.registration.status == registration_status::pending))
        return link_to(in, manage + "/confirm");
    return link_to(in, manage);
}

mail_body compose(const mail_input& in, const mail_kind_strings& k, lang l) {
    const auto& s = mail_strings_for(l);
    const auto until =
        in.registration.expires_at ? format_instant(*in.registration.expires_at, in.event.time_zone, l) : std::string{};
    const auto position = in.registration.position ? std::to_string(*in.registration.position) : std::string("?");
    mail_body b;
    b.subject = fill(
        k.subject,
        {{"title", in.event.title}, {"relative", relative(s, in.reminder_offset)}, {"subject", in.organiser_subject}});
    b.greeting = fill(s.greeting, {{"name", in.registration.name}});
    const auto intro = in.kind == mk::organiser_message ? in.organiser_body
                                                        : fill(k.intro, {{"until", until}, {"position", position}});
    b.paragraphs.push_back(intro);
    if (in.kind == mk::rejected && !in.reason.empty())
        b.paragraphs.push_back(fill(s.rejection_reason, {{"reason", in.reason}}));
    if (in.kind == mk::event_changed && in.before) add_changes(b, *in.before, in.event, s, l);
    if (invitation_of(in) == calendar::itip_method::request) b.paragraphs.emplace_back(s.invitation_note);
    if (in.kind == mk::reminder) b.paragraphs.emplace_back(s.cannot_come);
    if (in.kind == mk::confirmed && !in.door_url.empty() && holds_seat(in)) {
        b.door_code = true;
        b.paragraphs.emplace_back(s.door_text_plain);
    }
    if (!k.action.empty()) {
        b.action_label = k.action;
        b.action_url = action_url(in, in.kind);
    }
    add_facts(b, in, s, l);
    b.links.emplace_back(std::string(s.page), link_to(in, "/events/" + in.event.slug));
    const bool ended = in.kind == mk::cancelled || in.kind == mk::rejected || in.kind == mk::event_cancelled;
    if (!ended && b.action_url != link_to(in, "/r/" + in.registration.token))
        b.links.emplace_back(std::string(s.manage), link_to(in, "/r/" + in.registration.token));
    b.signature = fill(s.signature, {{"network", in.network.name}});
    b.footer = fill(s.footer, {{"network", in.network.name}});
    return b;
}

std::string to_text(const mail_body& b, const calendar::event& e) {
    std::string out = b.greeting + "\n\n";
    for (const auto& p : b.paragraphs) out += p + "\n\n";
    if (!b.action_url.empty()) out += b.action_label + ":\n" + b.action_url + "\n\n";
    out += e.title + "\n";
    for (const auto& [label, value] : b.facts) out += label + ": " + value + "\n";
    out += "\n";
    for (const auto& [label, url] : b.links) out += label + ": " + url + "\n";
    out += "\n" + b.signature + "\n\n-- \n" + b.footer + "\n";
    return out;
}

html paragraphs_html(const std::string& text) {
    html out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        out += text.substr(start, end - start).empty() ? html{} : tag("p", web::text(text.substr(start, end - start)));
        start = end + 1;
    }
    return out;
}

std::string to_html(const mail_body& b, const calendar::event& e, lang l) {
    html body = tag("p", text(b.greeting));
    for (const auto& p : b.paragraphs) body += paragraphs_html(p);
    if (!b.action_url.empty())
        body += tag("p", tag("a", {{"href", b.action_url}, {"style", "font-weight:bold"}}, text(b.action_label)));
    html facts;
    for (const auto& [label, value] : b.facts) {
        const bool url = value.starts_with("https://") || value.starts_with("http://");
        facts += tag("tr", tag("th", {{"style", "text-align:left;padding-right:1em"}}, text(label)) +
                               tag("td", url ? link(value, text(value)) : text(value)));
    }
    body += tag("h2", text(e.title)) + tag("table", facts);
    if (b.door_code) {
        const auto& s = mail_strings_for(l);
        body += tag("h2", text(s.door_title)) + tag("p", text(s.door_text)) +
                void_tag("img", {{"src", "cid:" + std::string(door_code_cid)},
                                 {"alt", s.door_alt},
                                 {"width", "240"},
                                 {"height", "240"}});
    }
    html links;
    for (const auto& [label, url] : b.links) links += tag("li", link(url, text(label)));
    body += tag("ul", links) + paragraphs_html(b.signature);
    body += tag("p", {{"style", "color:#555;font-size:small"}}, text(b.footer));
    const auto doc =
        raw_html("<!DOCTYPE html>") +
        tag("html", {{"lang", code(l)}},
            tag("head", raw_html("<meta charset=\"utf-8\">") + tag("title", text(b.subject))) + tag("body", body));
    return doc.str();
}

}  // namespace

std::optional<mail_text> render_mail(const mail_input& in) {
    const auto l = parse_lang(in.registration.language).value_or(lang::de);
    const auto* k = kind_strings(mail_strings_for(l), in.kind);
    if (k == nullptr) return std::nullopt;
    const auto body = compose(in, *k, l);
    return mail_text{body.subject, to_text(body, in.event), to_html(body, in.event, l), invitation_of(in),
                     body.door_code};
}

mail_text render_organiser_mail(mk kind, const std::string& name, const std::string& link) {
    const bool invite = kind == mk::organiser_invite;
    mail_body b;
    b.subject =
        invite ? "Einladung zu Treffpunkt / Invitation to Treffpunkt" : "Passwort zurücksetzen / Reset your password";
    b.greeting = "Hallo " + name + ",";
    b.paragraphs.emplace_back(invite
                                  ? "Sie wurden eingeladen, Veranstaltungen in Treffpunkt zu betreuen. Legen Sie über "
                                    "den Link Ihr Passwort fest; er gilt 72 Stunden und nur einmal."
                                  : "jemand (hoffentlich Sie) möchte Ihr Passwort zurücksetzen. Der Link gilt zwei "
                                    "Stunden und nur einmal. Wenn Sie das nicht waren, ignorieren Sie diese E-Mail.");
    b.paragraphs.emplace_back(invite ? "You have been invited to look after events in Treffpunkt. Set your password "
                                       "with the link; it works once, within 72 hours."
                                     : "Someone (hopefully you) asked to reset your password. The link works once, "
                                       "within two hours. If it was not you, ignore this email.");
    b.action_label = invite ? "Passwort festlegen / Set password" : "Neues Passwort / New password";
    b.action_url = link;
    b.signature = "Treffpunkt";
    b.footer = "Diese E-Mail wurde automatisch verschickt. / This email was sent automatically.";
    calendar::event none;
    none.title = "Treffpunkt";
    return {b.subject, to_text(b, none), to_html(b, none, lang::de), std::nullopt, false};
}

std::optional<std::string> stale_reason(mk kind, const calendar::registration& r, const calendar::event& e,
                                        calendar::sys_seconds now) {
    const bool answered = r.status != registration_status::pending;
    if ((kind == mk::confirm_request || kind == mk::promoted) && answered)
        return "the registration is " + std::string(calendar::to_string(r.status)) + " now";
    if (kind == mk::reminder) {
        if (r.status != registration_status::confirmed)
            return "the registration is " + std::string(calendar::to_string(r.status)) + " now";
        if (e.status != calendar::event_status::published)
            return "the event is " + std::string(calendar::to_string(e.status));
        if (now >= e.start) return "the event has started";
    }
    if (kind == mk::organiser_message && !calendar::is_active(r.status))
        return "the registration is " + std::string(calendar::to_string(r.status)) + " now";
    return std::nullopt;
}

}  // namespace tp::web
