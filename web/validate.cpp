#include "web/validate.hpp"

#include <boost/url/parse.hpp>

#include "calendar/ics_text.hpp"
#include "web/url_text.hpp"

namespace tp::web {
namespace {

bool is_control(unsigned char c) { return c < 0x20 || c == 0x7F; }

std::string too_long(std::size_t max) { return "is longer than " + std::to_string(max) + " characters"; }

// Code points, not bytes: "ä" is one character to the person typing it.
std::size_t characters(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

}  // namespace

std::string check_slug(std::string_view s) {
    if (s.empty() || s.size() > 80) return "must be 1 to 80 characters";
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return "may contain only a-z, 0-9 and '-'";
    if (s.front() == '-' || s.back() == '-') return "must not start or end with '-'";
    return {};
}

std::string check_line(std::string_view s, std::size_t max) {
    if (calendar::valid_utf8(s) != s) return "is not valid UTF-8";
    if (characters(s) > max) return too_long(max);
    for (char c : s)
        if (is_control(static_cast<unsigned char>(c))) return "must be one line without control characters";
    return {};
}

std::string check_text(std::string_view s, std::size_t max) {
    if (calendar::valid_utf8(s) != s) return "is not valid UTF-8";
    if (characters(s) > max) return too_long(max);
    for (char c : s)
        if (is_control(static_cast<unsigned char>(c)) && c != '\n' && c != '\r' && c != '\t')
            return "contains control characters";
    return {};
}

std::string check_email(std::string_view s) {
    if (s.size() > max_email_length) return too_long(max_email_length);
    const auto at = s.rfind('@');
    if (at == std::string_view::npos || at == 0 || at + 1 == s.size()) return "is not an email address";
    const auto domain = s.substr(at + 1);
    if (domain.find('.') == std::string_view::npos || domain.front() == '.' || domain.back() == '.' ||
        domain.find("..") != std::string_view::npos)
        return "is not an email address";
    for (char c : s)
        if (is_control(static_cast<unsigned char>(c)) || c == ' ' || c == '<' || c == '>' || c == ',' || c == ';' ||
            c == '"' || c == '(' || c == ')')
            return "is not an email address";
    if (s.substr(0, at).find('@') != std::string_view::npos) return "is not an email address";
    return {};
}

std::string check_web_url(std::string_view s) {
    if (s.size() > max_url_length) return too_long(max_url_length);
    const auto parsed = boost::urls::parse_absolute_uri(url_text(s));
    if (!parsed) return "is not an absolute URL";
    const auto scheme = parsed->scheme();
    if (scheme != "http" && scheme != "https") return "must start with http:// or https://";
    if (parsed->encoded_host().empty()) return "has no host";
    return {};
}

}  // namespace tp::web
