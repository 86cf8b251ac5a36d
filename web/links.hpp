#pragma once
// Addresses pages link to: language-keeping hrefs, webcal:// subscriptions, Google Calendar templates.
#include <string>
#include <string_view>

#include "calendar/types.hpp"
#include "web/i18n.hpp"

namespace tp::web {

// What every page needs to know about the request it answers.
struct page_context {
    lang language = lang::de;
    bool lang_in_query = false;  // the visitor chose a language by ?lang=: keep it in links
    std::string base_url;        // http://127.0.0.1:8080, no trailing slash
    std::string path;            // of this page, for the language switch
    std::string filter_query;    // this page's own filter (encoded, no lang), kept by the language switch
    calendar::sys_seconds now{};
};

// path + query, with lang=.. added when the visitor chose the language by query.
[[nodiscard]] std::string href(const page_context& ctx, std::string_view path, std::string_view query = {});
// This page in the other language.
[[nodiscard]] std::string switch_language_href(const page_context& ctx);
// base_url's host with the webcal scheme, e.g. webcal://127.0.0.1:8080/calendar.ics
[[nodiscard]] std::string webcal_url(std::string_view base_url, std::string_view path_and_query);
[[nodiscard]] std::string google_calendar_url(const calendar::event& e, std::string_view page_url);
// Outlook on the web's "new event" page filled in with the event (times in UTC); `host` is outlook.live.com or
// outlook.office.com.
[[nodiscard]] std::string outlook_event_url(std::string_view host, const calendar::event& e, std::string_view page_url);
[[nodiscard]] std::string percent_encode(std::string_view s);

}  // namespace tp::web
