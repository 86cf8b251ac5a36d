#include "mail/header.hpp"

#include <date/date.h>

#include <stdexcept>

#include "calendar/ics_text.hpp"
#include "mail/encoding.hpp"

namespace tp::mail {
namespace {

constexpr std::size_t max_word = 75;  // RFC 2047 2: an encoded word's length
constexpr std::string_view word_open = "=?UTF-8?B?", word_close = "?=";
// Base64 turns 3 octets into 4 characters: the octets one word can carry.
constexpr std::size_t octets_per_word = (max_word - word_open.size() - word_close.size()) / 4 * 3;

bool printable_ascii(std::string_view s) {
    for (const char c : s)
        if (c < 0x20 || c > 0x7e) return false;
    return s.find("=?") == std::string_view::npos;  // would read as an encoded word
}

// Control characters (line breaks included) become spaces; invalid UTF-8 becomes U+FFFD.
std::string one_line(std::string_view text) {
    auto s = calendar::valid_utf8(text);
    for (auto& c : s)
        if ((c >= 0 && c < 0x20) || c == 0x7f) c = ' ';
    return s;
}

std::string encoded_words(std::string_view s) {
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t end = i;
        while (end < s.size()) {
            const auto len = std::max<std::size_t>(1, calendar::utf8_sequence_length(s, end));
            if (end + len - i > octets_per_word) break;
            end += len;
        }
        if (!out.empty()) out += "\r\n ";
        out += word_open;
        out += base64(s.substr(i, end - i));
        out += word_close;
        i = end;
    }
    return out;
}

bool atext_phrase(std::string_view s) {
    for (const char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == ' ' || c == '-' || c == '.' || c == '_'))
            return false;
    return !s.empty() && s.front() != ' ' && s.back() != ' ';
}

std::string quoted(std::string_view s) {
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

}  // namespace

std::string encode_unstructured(std::string_view text) {
    const auto s = one_line(text);
    return printable_ascii(s) ? s : encoded_words(s);
}

std::string fold_field(std::string_view field) {
    constexpr std::size_t limit = 78;
    std::string out;
    std::size_t start = 0;
    while (start < field.size()) {
        auto end = field.find("\r\n", start);
        if (end == std::string_view::npos) end = field.size();
        auto line = field.substr(start, end - start);
        while (line.size() > limit) {
            const auto space = line.substr(0, limit + 1).find_last_of(' ');
            if (space == std::string_view::npos || space == 0) break;  // nowhere to fold
            out.append(line.substr(0, space)).append("\r\n");
            line.remove_prefix(space);  // the space starts the next line
        }
        out.append(line);
        if (end < field.size()) out.append("\r\n");
        start = end + 2;
    }
    return out;
}

bool valid_address(std::string_view a) {
    const auto at = a.rfind('@');
    if (at == std::string_view::npos || at == 0 || at + 1 == a.size() || a.size() > 254) return false;
    if (a.find('@') != at) return false;
    for (const char c : a)
        if (c <= 0x20 || c >= 0x7f || c == '<' || c == '>' || c == '"' || c == '(' || c == ')' || c == ',' ||
            c == ';' || c == ':' || c == '\\' || c == '[' || c == ']')
            return false;
    return true;
}

std::string format_mailbox(const mailbox& m) {
    if (!valid_address(m.address)) throw std::invalid_argument("not a mail address: " + one_line(m.address));
    const auto name = one_line(m.name);
    if (name.find_first_not_of(' ') == std::string::npos) return "<" + m.address + ">";
    const auto shown = atext_phrase(name) ? name : printable_ascii(name) ? quoted(name) : encoded_words(name);
    return shown + " <" + m.address + ">";
}

std::string format_date(std::chrono::sys_seconds t) { return date::format("%a, %d %b %Y %H:%M:%S +0000", t); }

std::string_view domain_of(std::string_view address) {
    const auto at = address.rfind('@');
    return at == std::string_view::npos ? std::string_view{} : address.substr(at + 1);
}

}  // namespace tp::mail
