#pragma once
// One-click subscription links of the big web calendars for a feed (an https URL): Google Calendar takes the
// webcal:// address as `cid`, Outlook.com and Outlook of Microsoft 365 take the https address as `url`.
#include <string>
#include <string_view>

namespace tp::web {

[[nodiscard]] std::string google_subscribe_url(std::string_view base_url, std::string_view feed);
// `host` is "outlook.live.com" (personal accounts) or "outlook.office.com" (work and school accounts).
[[nodiscard]] std::string outlook_subscribe_url(std::string_view host, std::string_view base_url, std::string_view feed,
                                                std::string_view name);

}  // namespace tp::web
