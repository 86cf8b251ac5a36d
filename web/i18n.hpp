#pragma once
// German and English: language choice and the strings pages show.
#include <optional>
#include <string_view>

#include "calendar/types.hpp"

namespace tp::web {

enum class lang { de, en };

[[nodiscard]] std::string_view code(lang l);
[[nodiscard]] std::optional<lang> parse_lang(std::string_view code);
// The best of our languages for an Accept-Language header (RFC 9110 12.5.4, q-values); German when none fits.
[[nodiscard]] lang negotiate(std::string_view accept_language);

struct strings {
    std::string_view site_name, tagline, skip_to_content, main_navigation, events, networks, upcoming_events, no_events,
        filter, filter_events, network, all_networks, kind, format, show, subscribe, subscribe_hint, subscribe_webcal,
        subscribe_https, when, where, online, seats, seats_unlimited, registration, registration_opens,
        registration_closes, more_information, add_to_calendar, download_ics, google_calendar, cancelled,
        cancelled_notice, region, website, contact, events_of_network, time_zone_note, not_found_title, not_found_text,
        bad_request_title, back_home, language_switch, footer_text, past_event, organised_by, series, schedule,
        upcoming_dates, no_upcoming_dates, part_of_series, all_events_feed, my_events_feed, admin_navigation,
        admin_tagline, admin_overview, admin_new_event, admin_new_series, admin_public_pages, full_waitlist_badge,
        seats_few, seats_few_one, seats_free, seats_free_one, changed_dates, date_skipped, date_cancelled, date_moved,
        subscribe_apple, subscribe_google, subscribe_outlook, subscribe_office, copy, copied, howto_title, howto_google,
        howto_outlook, howto_apple;
};
[[nodiscard]] const strings& strings_for(lang l);

[[nodiscard]] std::string_view kind_name(calendar::event_kind k, lang l);
[[nodiscard]] std::string_view kind_name_plural(calendar::event_kind k, lang l);
[[nodiscard]] std::string_view format_name(calendar::event_format f, lang l);

}  // namespace tp::web
