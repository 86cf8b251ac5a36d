#include "calendar/ics_text.hpp"

namespace tp::calendar {
namespace {

constexpr std::size_t max_octets = 75;
constexpr std::string_view replacement = "\xEF\xBF\xBD";

unsigned char byte_at(std::string_view s, std::size_t i) { return static_cast<unsigned char>(s[i]); }

bool is_continuation(std::string_view s, std::size_t i) { return i < s.size() && (byte_at(s, i) & 0xC0) == 0x80; }

}  // namespace

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
    const unsigned char b = byte_at(s, i);
    if (b < 0x80) return 1;
    std::size_t n = 0;
    unsigned min_second = 0x80, max_second = 0xBF;
    if (b >= 0xC2 && b <= 0xDF)
        n = 2;
    else if (b >= 0xE0 && b <= 0xEF) {
        n = 3;
        if (b == 0xE0) min_second = 0xA0;  // no overlong forms
        if (b == 0xED) max_second = 0x9F;  // no surrogates
    } else if (b >= 0xF0 && b <= 0xF4) {
        n = 4;
        if (b == 0xF0) min_second = 0x90;
        if (b == 0xF4) max_second = 0x8F;  // nothing above U+10FFFF
    } else
        return 0;
    if (i + n > s.size()) return 0;
    const unsigned second = byte_at(s, i + 1);
    if (second < min_second || second > max_second) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (!is_continuation(s, i + k)) return 0;
    return n;
}

std::string valid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = utf8_sequence_length(text, i);
        if (n == 0) {
            out += replacement;
            ++i;
        } else {
            out.append(text.substr(i, n));
            i += n;
        }
    }
    return out;
}

std::string escape_text(std::string_view raw) {
    const std::string text = valid_utf8(raw);
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
            case '\\': out += "\\\\"; break;
            case ';': out += "\\;"; break;
            case ',': out += "\\,"; break;
            case '\r':
                if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
                out += "\\n";
                break;
            case '\n': out += "\\n"; break;
            case '\t': out += ' '; break;
            default:
                if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out += c;
        }
    }
    const auto first = out.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    return out.substr(first, out.find_last_not_of(' ') - first + 1);
}

std::string param_value(std::string_view raw) {
    std::string value;
    bool needs_quotes = false;
    for (char c : valid_utf8(raw)) {
        if (c == '"') c = '\'';
        if (c == ';' || c == ':') c = ' ';  // valid when quoted, but node-ical and ts-ics split there
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) continue;
        if (c == ' ' && (value.empty() || value.back() == ' ')) continue;  // one space where there were several
        needs_quotes = needs_quotes || c == ',';
        value += c;
    }
    if (!value.empty() && value.back() == ' ') value.pop_back();
    return needs_quotes ? "\"" + value + "\"" : value;
}

void append_line(std::string& out, std::string_view head, std::string_view value) {
    std::string line;
    line.reserve(head.size() + value.size() + 1);
    line.append(head).append(":").append(value);
    std::size_t used = 0;  // octets on the current physical line
    for (std::size_t i = 0; i < line.size();) {
        std::size_t n = utf8_sequence_length(line, i);
        if (n == 0) n = 1;  // callers pass valid UTF-8; never loop forever on a stray byte
        if (used + n > max_octets) {
            out += "\r\n ";
            used = 1;
        }
        out.append(line, i, n);
        used += n;
        i += n;
    }
    out += "\r\n";
}

}  // namespace tp::calendar
