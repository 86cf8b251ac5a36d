#include "server/conditional.hpp"
#include "web/http_text.hpp"

#include <date/date.h>
#include <sodium.h>

#include <sstream>

namespace tp::server {

using web::trim_ows;
namespace {

std::string_view opaque(std::string_view tag) {
    tag = trim_ows(tag);
    if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
    return tag;
}

bool etag_listed(std::string_view list, std::string_view etag) {
    if (trim_ows(list) == "*") return true;
    while (!list.empty()) {
        const auto comma = list.find(',');
        if (opaque(list.substr(0, comma)) == opaque(etag)) return true;
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
    return false;
}

}  // namespace

std::string strong_etag(std::string_view body) {
    unsigned char hash[16];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(body.data()), body.size(), nullptr, 0);
    char hex[sizeof hash * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return "\"" + std::string(hex) + "\"";
}

std::string http_date(sys_seconds t) { return date::format("%a, %d %b %Y %H:%M:%S GMT", t); }

namespace {

// Letters, digits, blanks, commas, colons and hyphens: all any of the three date forms uses. Anything else (a
// sign, a dot, an exponent) could reach date::parse's seconds, which reads them as a floating value.
bool date_characters_only(std::string_view s) {
    for (const char c : s) {
        const bool alnum = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        if (!alnum && c != ' ' && c != ',' && c != ':' && c != '-') return false;
    }
    return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Exactly one time of day, HH:MM:SS in digits, followed by a blank or the end: date::parse reads %S as a
// floating value and produced NaN from "00:00: a" (fuzz_router).
bool time_is_digits(std::string_view s) {
    const auto c = s.find(':');  // the first colon, after HH
    if (c == std::string_view::npos || c < 2 || c + 6 > s.size()) return false;
    for (const auto i : {c - 2, c - 1, c + 1, c + 2, c + 4, c + 5})
        if (!is_digit(s[i])) return false;
    const bool ends = c + 6 == s.size() || s[c + 6] == ' ';
    return ends && s[c + 3] == ':' && s.find(':', c + 4) == std::string_view::npos;
}

}  // namespace

std::optional<sys_seconds> parse_http_date(std::string_view s) {
    s = trim_ows(s);
    if (!date_characters_only(s) || !time_is_digits(s)) return std::nullopt;
    const std::string text(s);  // once, not once per format: calendar clients send this with every poll
    for (const char* fmt : {"%a, %d %b %Y %H:%M:%S GMT", "%A, %d-%b-%y %H:%M:%S GMT", "%a %b %d %H:%M:%S %Y"}) {
        std::istringstream in{text};
        sys_seconds t;
        in >> date::parse(fmt, t);
        if (!in.fail()) return t;
    }
    return std::nullopt;
}

bool not_modified(std::string_view if_none_match, std::string_view if_modified_since, std::string_view etag,
                  sys_seconds last_modified) {
    if (!trim_ows(if_none_match).empty()) return etag_listed(if_none_match, etag);
    if (trim_ows(if_modified_since).empty()) return false;
    const auto since = parse_http_date(if_modified_since);
    return since && last_modified <= *since;
}

}  // namespace tp::server
