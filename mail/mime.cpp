#include "mail/mime.hpp"

#include <stdexcept>

#include "mail/encoding.hpp"

namespace tp::mail {
namespace {

// Base64 and quoted-printable never produce "=_", so these boundaries cannot occur inside a part.
std::string boundary(const message& m, std::string_view which) {
    return "=_tp_" + std::string(which) + "_" + base64(m.message_id).substr(0, 16);
}

// A list id of dot-atoms and an absolute http(s) URL without spaces, angle brackets or controls: nothing a
// header could be broken with.
bool valid_list(const message::mailing_list& l) {
    const auto clean = [](std::string_view s) {
        for (const char c : s)
            if (c <= 0x20 || c >= 0x7f || c == '<' || c == '>' || c == '"') return false;
        return !s.empty();
    };
    return clean(l.id) && clean(l.unsubscribe) &&
           (l.unsubscribe.starts_with("https://") || l.unsubscribe.starts_with("http://"));
}

void header(std::string& out, std::string_view name, std::string_view value) {
    if (name.size() + 2 + value.size() <= 78) {  // fits one line: nothing to fold
        out.append(name).append(": ").append(value).append("\r\n");
        return;
    }
    out.append(fold_field(std::string(name) + ": " + std::string(value))).append("\r\n");
}

void text_part(std::string& out, std::string_view type, std::string_view body) {
    header(out, "Content-Type", std::string(type) + "; charset=UTF-8");
    header(out, "Content-Transfer-Encoding", "quoted-printable");
    out += "\r\n";
    out += quoted_printable(body);
}

void calendar_inline(std::string& out, const calendar_part& c) {
    header(out, "Content-Type", "text/calendar; charset=UTF-8; method=" + c.method);
    header(out, "Content-Transfer-Encoding", "base64");
    out += "\r\n";
    out += base64_lines(c.ics);
}

void calendar_attachment(std::string& out, const calendar_part& c) {
    const auto name = c.method == "CANCEL" ? std::string("cancel.ics") : std::string("invite.ics");
    header(out, "Content-Type", "application/ics; name=\"" + name + "\"");
    header(out, "Content-Disposition", "attachment; filename=\"" + name + "\"");
    header(out, "Content-Transfer-Encoding", "base64");
    out += "\r\n";
    out += base64_lines(c.ics);
}

// The HTML part alone, or with its pictures as multipart/related.
void html_part(std::string& out, const message& m) {
    if (m.images.empty()) return text_part(out, "text/html", m.html);
    const auto b = boundary(m, "rel");
    header(out, "Content-Type", "multipart/related; type=\"text/html\"; boundary=\"" + b + "\"");
    out += "\r\n";
    out += "--" + b + "\r\n";
    text_part(out, "text/html", m.html);
    for (const auto& image : m.images) {
        if (!valid_address(image.content_id)) throw std::invalid_argument("not a Content-ID: " + image.content_id);
        out += "--" + b + "\r\n";
        header(out, "Content-Type", image.type);
        header(out, "Content-ID", "<" + image.content_id + ">");
        header(out, "Content-Disposition", "inline");
        header(out, "Content-Transfer-Encoding", "base64");
        out += "\r\n";
        out += base64_lines(image.data);
    }
    out += "--" + b + "--\r\n";
}

void alternatives(std::string& out, const message& m) {
    const auto b = boundary(m, "alt");
    header(out, "Content-Type", "multipart/alternative; boundary=\"" + b + "\"");
    out += "\r\n";
    out += "--" + b + "\r\n";
    text_part(out, "text/plain", m.text);
    out += "--" + b + "\r\n";
    html_part(out, m);
    if (m.calendar) {
        out += "--" + b + "\r\n";
        calendar_inline(out, *m.calendar);
    }
    out += "--" + b + "--\r\n";
}

bool valid_method(std::string_view method) { return method == "REQUEST" || method == "CANCEL" || method == "PUBLISH"; }

void envelope_headers(std::string& out, const message& m) {
    if (!valid_address(m.message_id)) throw std::invalid_argument("not a Message-ID: " + m.message_id);
    header(out, "Date", format_date(m.date));
    header(out, "From", format_mailbox(m.from));
    header(out, "To", format_mailbox(m.to));
    if (m.reply_to) header(out, "Reply-To", format_mailbox(*m.reply_to));
    header(out, "Message-ID", "<" + m.message_id + ">");
    header(out, "Subject", encode_unstructured(m.subject));
    if (m.automatic) header(out, "Auto-Submitted", "auto-generated");
    if (m.list) {
        if (!valid_list(*m.list)) throw std::invalid_argument("not a list id or unsubscribe URL");
        header(out, "List-Id", "<" + m.list->id + ">");
        header(out, "List-Unsubscribe", "<" + m.list->unsubscribe + ">");
        header(out, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
    header(out, "MIME-Version", "1.0");
}

}  // namespace

std::string render(const message& m) {
    if (m.calendar && !valid_method(m.calendar->method))
        throw std::invalid_argument("unknown iTIP method: " + m.calendar->method);
    std::string out;
    out.reserve(2 * (m.text.size() + m.html.size()) + (m.calendar ? 3 * m.calendar->ics.size() : 0) + 1024);
    envelope_headers(out, m);
    if (!m.calendar) {
        alternatives(out, m);
        return out;
    }
    const auto b = boundary(m, "mixed");
    header(out, "Content-Type", "multipart/mixed; boundary=\"" + b + "\"");
    out += "\r\n";
    out += "--" + b + "\r\n";
    alternatives(out, m);
    out += "--" + b + "\r\n";
    calendar_attachment(out, *m.calendar);
    out += "--" + b + "--\r\n";
    return out;
}

}  // namespace tp::mail
