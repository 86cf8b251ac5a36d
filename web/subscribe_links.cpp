#include "web/subscribe_links.hpp"

#include "web/links.hpp"

namespace tp::web {

std::string google_subscribe_url(std::string_view base_url, std::string_view feed) {
    return "https://calendar.google.com/calendar/r?cid=" + percent_encode(webcal_url(base_url, feed));
}

std::string outlook_subscribe_url(std::string_view host, std::string_view base_url, std::string_view feed,
                                  std::string_view name) {
    return "https://" + std::string(host) +
           "/calendar/0/addfromweb?url=" + percent_encode(std::string(base_url) + std::string(feed)) +
           "&name=" + percent_encode(name);
}

}  // namespace tp::web
