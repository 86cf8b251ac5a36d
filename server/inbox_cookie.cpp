#include "server/inbox_cookie.hpp"

#include <charconv>
#include <sodium.h>

#include "server/auth.hpp"

namespace tp::server {
namespace {

constexpr std::string_view cookie_name = "tp_registered";
constexpr std::size_t longest_email = 254;  // RFC 5321's path limit, as the form checks it
constexpr int base64_variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

char letter_of(web::registration_reply r) {
    switch (r) {
        case web::registration_reply::pending: return 'p';
        case web::registration_reply::waitlisted: return 'w';
        case web::registration_reply::repeated: break;
    }
    return 'r';
}

std::optional<web::registration_reply> reply_of(char letter) {
    if (letter == 'p') return web::registration_reply::pending;
    if (letter == 'w') return web::registration_reply::waitlisted;
    if (letter == 'r') return web::registration_reply::repeated;
    return std::nullopt;
}

std::string base64(const std::string& bytes) {
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), base64_variant), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                      base64_variant);
    out.resize(out.find('\0'));
    return out;
}

std::optional<std::string> unbase64(std::string_view text) {
    std::string out(text.size(), '\0');
    std::size_t length = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                          &length, nullptr, base64_variant) != 0)
        return std::nullopt;
    out.resize(length);
    return out;
}

// "p.1790000000.YW5uYUBleGFtcGxlLm9yZw": the reply, the end of the hold in Unix seconds ("-": none), the address.
std::string encode(const web::inbox_note& note) {
    const auto until = note.held_until ? std::to_string(note.held_until->time_since_epoch().count()) : "-";
    return std::string(1, letter_of(note.reply)) + "." + until + "." + base64(note.email);
}

}  // namespace

std::string registered_path(const std::string& slug) { return "/events/" + slug + "/registered"; }

void set_inbox_cookie(response& res, const web::inbox_note& note, const std::string& slug, bool secure) {
    res.insert(http::field::set_cookie, std::string(cookie_name) + "=" + encode(note) +
                                            "; Path=" + registered_path(slug) +
                                            "; Max-Age=3600; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : ""));
}

std::optional<web::inbox_note> inbox_note_of(const request& req) {
    const auto value = cookie_value(req, cookie_name);
    const auto first = value.find('.'), second = value.find('.', first + 1);
    if (first != 1 || second == std::string_view::npos) return std::nullopt;
    web::inbox_note note;
    const auto reply = reply_of(value[0]);
    const auto email = unbase64(value.substr(second + 1));
    if (!reply || !email || email->empty() || email->size() > longest_email) return std::nullopt;
    note.reply = *reply;
    note.email = *email;
    const std::string_view until(value.data() + first + 1, second - first - 1);
    if (until == "-") return note;
    long long seconds = 0;
    const auto [end, error] = std::from_chars(until.data(), until.data() + until.size(), seconds);
    if (error != std::errc{} || end != until.data() + until.size()) return std::nullopt;
    note.held_until = calendar::sys_seconds{std::chrono::seconds{seconds}};
    return note;
}

}  // namespace tp::server
