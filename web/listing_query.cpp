#include "web/listing_query.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <algorithm>

#include "web/query_string.hpp"
#include "web/url_text.hpp"
#include "web/validate.hpp"

namespace tp::web {

namespace {

std::optional<date::year_month> parse_month(std::string_view v) {
    const auto digits = [&](std::size_t from, std::size_t n) {
        int out = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (v[i] < '0' || v[i] > '9') return -1;
            out = out * 10 + (v[i] - '0');
        }
        return out;
    };
    if (v.size() != 7 || v[4] != '-') return std::nullopt;
    const int y = digits(0, 4), m = digits(5, 2);
    if (y < 0 || m < 1 || m > 12) return std::nullopt;
    return date::year{y} / date::month{static_cast<unsigned>(m)};
}

std::optional<int> parse_page(std::string_view v) {
    if (v.empty() || v.size() > 6) return std::nullopt;
    int out = 0;
    for (char c : v) {
        if (c < '0' || c > '9') return std::nullopt;
        out = out * 10 + (c - '0');
    }
    if (out < 1 || out > max_page) return std::nullopt;
    return out;
}

std::string_view trimmed(std::string_view v) {
    const auto first = v.find_first_not_of(' ');
    if (first == std::string_view::npos) return {};
    return v.substr(first, v.find_last_not_of(' ') - first + 1);
}

// The home page's own parameters: q, month, page. An empty string when the value is fine.
std::string read_page_parameter(listing_query& q, const std::string& key, const std::string& value, bool de) {
    if (key == "q") {
        q.search = std::string(trimmed(value));
        const auto problem = check_line(q.search, max_search_length);
        if (problem.empty()) return {};
        if (!de) return "q: " + problem;
        if (problem.find("UTF-8") != std::string::npos) return "Der Suchtext ist kein gültiger Text (UTF-8).";
        if (problem.find("control") != std::string::npos) return "Der Suchtext enthält Steuerzeichen.";
        return "Der Suchtext ist zu lang (höchstens " + std::to_string(max_search_length) + " Zeichen).";
    }
    if (value.empty()) return {};  // "any month", "first page"
    if (key == "month") {
        q.month = parse_month(value);
        if (q.month) return {};
        return de ? "„" + value + "“ ist kein Monat (JJJJ-MM, etwa 2027-09)."
                  : "month: '" + value + "' is not a month (YYYY-MM, such as 2027-09)";
    }
    const auto page = parse_page(value);
    if (page) {
        q.page = *page;
        return {};
    }
    return de ? "„" + value + "“ ist keine Seitenzahl (1 bis " + std::to_string(max_page) + ")."
              : "page: '" + value + "' is not a page number (1 to " + std::to_string(max_page) + ")";
}

}  // namespace

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
        } else if (key == "q" || key == "month" || key == "page") {
            auto problem = read_page_parameter(q, key, value, de);
            if (!problem.empty()) return problem;
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

std::optional<lang> language_of_query(std::string_view encoded) {
    const auto params = parse_query_string(encoded);
    if (!params) return std::nullopt;
    for (const auto& [key, value] : *params)
        if (key == "lang") return parse_lang(value);
    return std::nullopt;
}

namespace {

void add(std::string& out, std::string_view key, std::string_view value) {
    if (!out.empty()) out += '&';
    out.append(key).append("=").append(boost::urls::encode(url_text(value), boost::urls::unreserved_chars));
}

}  // namespace

std::string encode_filter(const listing_query& q) {
    std::string out;
    if (q.network) add(out, "network", *q.network);
    for (auto k : q.kinds) add(out, "kind", calendar::to_string(k));
    return out;
}

std::string encode_listing(const listing_query& q) {
    auto out = encode_filter(q);
    if (!q.search.empty()) add(out, "q", q.search);
    if (q.month) add(out, "month", date::format("%Y-%m", *q.month));
    if (q.page > 1) add(out, "page", std::to_string(q.page));
    return out;
}

}  // namespace tp::web
