// Form bodies (application/x-www-form-urlencoded) as browsers and robots send them: the decoder and every reader
// of a form built on it. Properties: decoded text is valid UTF-8; encoding the pairs again and decoding gives
// the same pairs; the readers never throw.
#include <cstdint>
#include <string>
#include <string_view>

#include "calendar/ics_text.hpp"
#include "check.hpp"
#include "web/event_form.hpp"
#include "web/query_string.hpp"
#include "web/registration_input.hpp"
#include "web/session_form.hpp"

namespace {

std::string percent_encoded(std::string_view s) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : s) {
        const auto b = static_cast<unsigned char>(c);
        out += '%';
        out += hex[b >> 4];
        out += hex[b & 15];
    }
    return out;
}

std::string encoded(const tp::web::query_params& pairs) {
    std::string out;
    for (const auto& [key, value] : pairs) {
        if (!out.empty()) out += '&';
        out += percent_encoded(key) + '=' + percent_encoded(value);
    }
    return out;
}

void check_decoder(std::string_view body) {
    using tp::fuzz::require;
    const auto pairs = tp::web::parse_query_string(body);
    if (!pairs) return;
    for (const auto& [key, value] : *pairs) {
        require(tp::calendar::valid_utf8(key) == key, "a decoded key is valid UTF-8");
        require(tp::calendar::valid_utf8(value) == value, "a decoded value is valid UTF-8");
    }
    const auto again = tp::web::parse_query_string(encoded(*pairs));
    require(again.has_value() && *again == *pairs, "encoding the pairs again decodes to the same pairs");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    check_decoder(body);
    (void)tp::web::read_registration_form(body);
    auto fields = tp::web::fields_of_body(body);
    (void)tp::web::check_proposal(fields, tp::web::lang::de);
    (void)tp::web::check_room(fields, tp::web::lang::en);
    (void)tp::web::check_slot(fields, "Europe/Berlin", tp::web::lang::de);
    (void)tp::web::read_event_form(fields);
    return 0;
}
