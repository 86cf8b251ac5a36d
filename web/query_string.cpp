#include "web/query_string.hpp"

#include "calendar/ics_text.hpp"

namespace tp::web {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::optional<std::string> decode(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out += ' ';
        } else if (s[i] == '%') {
            const int hi = i + 1 < s.size() ? hex_value(s[i + 1]) : -1;
            const int lo = i + 2 < s.size() ? hex_value(s[i + 2]) : -1;
            if (hi < 0 || lo < 0) return std::nullopt;
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else {
            out += s[i];
        }
    }
    if (calendar::valid_utf8(out) != out) return std::nullopt;
    return out;
}

}  // namespace

std::optional<query_params> parse_query_string(std::string_view text) {
    query_params out;
    while (!text.empty()) {
        const auto amp = text.find('&');
        const auto piece = text.substr(0, amp);
        text = amp == std::string_view::npos ? std::string_view{} : text.substr(amp + 1);
        if (piece.empty()) continue;
        const auto eq = piece.find('=');
        auto key = decode(piece.substr(0, eq));
        auto value = eq == std::string_view::npos ? std::optional<std::string>{""} : decode(piece.substr(eq + 1));
        if (!key || !value) return std::nullopt;
        out.emplace_back(std::move(*key), std::move(*value));
    }
    return out;
}

}  // namespace tp::web
