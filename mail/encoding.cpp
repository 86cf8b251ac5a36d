#include "mail/encoding.hpp"

#include <cstdint>

namespace tp::mail {
namespace {

constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::size_t max_line = 76;

std::string hex_escape(unsigned char c) {
    constexpr std::string_view digits = "0123456789ABCDEF";
    return {'=', digits[c >> 4], digits[c & 15]};
}

// The encoded form of one octet of a line, given where it stands.
std::string encode_octet(std::string_view line, std::size_t i) {
    const auto c = static_cast<unsigned char>(line[i]);
    const bool last = i + 1 == line.size();
    const bool at_start = i == 0;
    if (c == '=' || c >= 0x7f || (c < 0x20 && c != '\t')) return hex_escape(c);
    if ((c == ' ' || c == '\t') && last) return hex_escape(c);
    if (at_start && (c == '.' || (c == 'F' && line.substr(0, 5) == "From "))) return hex_escape(c);
    return std::string(1, static_cast<char>(c));
}

void append_line(std::string& out, std::string_view line) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const auto piece = encode_octet(line, i);
        // Keep room for the soft break's '=' unless this is the line's last piece.
        const std::size_t room = i + 1 == line.size() ? max_line : max_line - 1;
        if (width + piece.size() > room) {
            out += "=\r\n";
            width = 0;
        }
        out += piece;
        width += piece.size();
    }
    out += "\r\n";
}

}  // namespace

std::string base64(std::string_view data) {
    std::string out;
    out.reserve((data.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < data.size(); i += 3) {
        const auto n = (std::uint32_t{static_cast<unsigned char>(data[i])} << 16) |
                       (std::uint32_t{static_cast<unsigned char>(data[i + 1])} << 8) |
                       std::uint32_t{static_cast<unsigned char>(data[i + 2])};
        for (const int shift : {18, 12, 6, 0}) out += alphabet[(n >> shift) & 63];
    }
    if (const auto rest = data.size() - i; rest > 0) {
        auto n = std::uint32_t{static_cast<unsigned char>(data[i])} << 16;
        if (rest == 2) n |= std::uint32_t{static_cast<unsigned char>(data[i + 1])} << 8;
        out += alphabet[(n >> 18) & 63];
        out += alphabet[(n >> 12) & 63];
        out += rest == 2 ? alphabet[(n >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

std::string base64_lines(std::string_view data) {
    const auto flat = base64(data);
    std::string out;
    out.reserve(flat.size() + flat.size() / max_line * 2 + 2);
    for (std::size_t i = 0; i < flat.size(); i += max_line) {
        out.append(flat, i, max_line);
        out += "\r\n";
    }
    return out;
}

std::string quoted_printable(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        auto line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (end == text.size() && line.empty()) break;  // no empty line after a final line break
        append_line(out, line);
        start = end + 1;
    }
    return out;
}

}  // namespace tp::mail
