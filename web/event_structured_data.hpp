#pragma once
// What search engines and messengers read from an event page: schema.org Event as JSON-LD (Google's Event rich
// results: name, startDate and endDate with the offset, eventStatus, eventAttendanceMode, location, organizer,
// offers, description, url), and the Open Graph and Twitter card fields a pasted link is shown with.
// Nothing private: an online event's location is its public page, never the join link.
#include <string>
#include <string_view>

#include "calendar/types.hpp"
#include "web/i18n.hpp"
#include "web/seat_info.hpp"

namespace tp::web {

// The JSON-LD text, safe inside <script type="application/ld+json"> ("</" and "<!--" never appear).
[[nodiscard]] std::string event_json_ld(const calendar::event& e, const calendar::network& n, const seat_info& seats,
                                        std::string_view base_url);

// A street address as schema.org's PostalAddress: "Kehrwieder 12, 20457 Hamburg" → street, postal code and
// locality (in Germany); an address in another shape stays whole as the street address.
struct postal_address {
    std::string street, postal_code, locality;
};
[[nodiscard]] postal_address split_address(std::string_view address);

// The card a messenger shows for a page: og:title, og:description, og:url, og:type, og:site_name, og:locale and
// twitter:card, as <meta> elements.
struct share_card {
    std::string title;
    std::string description;
    std::string url;  // absolute
};
[[nodiscard]] std::string share_card_meta(const share_card& card, lang l);

// At most `bytes` of UTF-8 text, not cut inside a character.
[[nodiscard]] std::string utf8_prefix(std::string_view text, std::size_t bytes);

// An event's card description: the date in words, the place, and the start of its description.
[[nodiscard]] std::string event_card_description(const calendar::event& e, lang l);

}  // namespace tp::web
