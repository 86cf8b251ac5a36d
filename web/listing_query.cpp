#include "web/listing_query.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <algorithm>

#include "web/query_string.hpp"
#include "web/url_text.hpp"
#include "web/validate.hpp"

namespace tp::web {

std::variant<listing_query, std::string> parse_listing_query(std::string_view encoded, lang messages) {
    const bool de = messages == lang::de;
    listing_query q;
    const auto params = parse_query_string(encoded);
    if (!params) return std::string(de ? "Die Adresse ist fehlerhaft kodiert." : "the query string is malformed");
    std::vector<calendar::event_kind> kinds;
    for (const auto& [key, value] : *params) {
        if (key == "network") {
            if (value.empty()) continue;  // "all networks" in the filter form
            if (q.network && *q.network != value)
                return std::string(de ? "Bitte nur ein Netzwerk angeben." : "give network only once");
            if (!check_slug(value).empty())
                return de ? "„" + value + "“ ist kein Netzwerkname." : "network: '" + value + "' is not a network name";
            q.network = value;
        } else if (key == "kind") {
            if (value.empty()) continue;
            const auto k = calendar::parse_event_kind(value);
            if (!k)
                return de ? "„" + value +
                                "“ ist keine Art von Veranstaltung (barcamp, exchange_round, webinar, meeting)."
                          : "kind: '" + value + "' is not one of barcamp, exchange_round, webinar, meeting";
            kinds.push_back(*k);
        } else if (key == "lang") {
            q.language = parse_lang(value);
            if (!q.language)
                return de ? "„" + value + "“ ist keine Sprache dieser Seiten (de, en)."
                          : "lang: '" + value + "' is not one of de, en";
        }
    }
    for (auto k : calendar::all_event_kinds)
        if (std::find(kinds.begin(), kinds.end(), k) != kinds.end()) q.kinds.push_back(k);
    return q;
}

std::string encode_filter(const listing_query& q) {
    std::string out;
    const auto add = [&out](std::string_view key, std::string_view value) {
        if (!out.empty()) out += '&';
        out.append(key).append("=").append(boost::urls::encode(url_text(value), boost::urls::unreserved_chars));
    };
    if (q.network) add("network", *q.network);
    for (auto k : q.kinds) add("kind", calendar::to_string(k));
    return out;
}

}  // namespace tp::web
