#pragma once
// Decoders for the tests: the reverse of mail/encoding, written independently of it.
#include <stdexcept>
#include <string>
#include <string_view>

namespace tp::mail::testing {

inline std::string decode_base64(std::string_view s) {
    constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    unsigned bits = 0;
    int count = 0;
    for (const char c : s) {
        if (c == '=' || c == '\r' || c == '\n') continue;
        const auto v = alphabet.find(c);
        if (v == std::string_view::npos) throw std::invalid_argument("not base64");
        bits = (bits << 6) | static_cast<unsigned>(v);
        count += 6;
        if (count >= 8) {
            count -= 8;
            out += static_cast<char>((bits >> count) & 0xff);
        }
    }
    return out;
}

inline std::string decode_quoted_printable(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '=') {
            out += s[i];
        } else if (s.substr(i + 1, 2) == "\r\n") {
            i += 2;  // soft line break
        } else {
            out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        }
    }
    return out;
}

// Decodes every =?UTF-8?B?...?= word of a header value and drops the folding between them.
inline std::string decode_words(std::string_view value) {
    std::string out;
    std::size_t i = 0;
    while (i < value.size()) {
        const auto open = value.find("=?UTF-8?B?", i);
        if (open == std::string_view::npos) {
            out += value.substr(i);
            break;
        }
        auto between = value.substr(i, open - i);
        if (between.find_first_not_of("\r\n ") != std::string_view::npos) out += between;
        const auto close = value.find("?=", open + 10);
        out += decode_base64(value.substr(open + 10, close - open - 10));
        i = close + 2;
    }
    return out;
}

}  // namespace tp::mail::testing
