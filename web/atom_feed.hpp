#pragma once
// An Atom feed (RFC 4287) of new and changed events, for newsletter tools and feed readers: one entry per event,
// the most recently changed first, each with its page, when and where in words, and its description. Entries are
// identified by their page's address, which stays as long as the event does.
#include <span>
#include <string>
#include <string_view>

#include "calendar/types.hpp"
#include "web/i18n.hpp"

namespace tp::web {

struct atom_feed {
    std::string title;
    std::string self_path;       // "/feed.atom", "/networks/ist-bochum/feed.atom"
    std::string alternate_path;  // the page it follows: "/", "/networks/ist-bochum"
};

// "Treffpunkt: new and changed events", or the network's: "<name>: new and changed events".
[[nodiscard]] std::string atom_title(lang l, std::string_view network_name = {});

// `events` in the order the entries go (newest change first). The feed's updated is the newest entry's, or
// `empty_since` when there is none.
[[nodiscard]] std::string atom_xml(const atom_feed& feed, std::span<const calendar::event> events,
                                   std::string_view base_url, lang l, calendar::sys_seconds empty_since);

}  // namespace tp::web
