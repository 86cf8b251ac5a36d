#pragma once
// Reading the parts of an admin request: query and form parameters, numeric ids.
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>

#include "server/http_types.hpp"
#include "store/store.hpp"
#include "web/query_string.hpp"

namespace tp::server {

// The first value of `key` ("" when missing).
[[nodiscard]] inline std::string param(const web::query_params& params, std::string_view key) {
    for (const auto& [k, v] : params)
        if (k == key) return v;
    return {};
}

// The request target's query parameters (none when malformed).
[[nodiscard]] inline web::query_params query_of(const request& req) {
    const std::string_view target = req.target();
    const auto q = target.find('?');
    if (q == std::string_view::npos) return {};
    return web::parse_query_string(target.substr(q + 1)).value_or(web::query_params{});
}

// An organiser's action by its name in URLs: confirm, reject, promote, check-in, undo-check-in.
[[nodiscard]] inline std::optional<store::organiser_action> action_named(std::string_view name) {
    using store::organiser_action;
    if (name == "confirm") return organiser_action::confirm;
    if (name == "reject") return organiser_action::reject;
    if (name == "promote") return organiser_action::promote;
    if (name == "check-in") return organiser_action::check_in;
    if (name == "undo-check-in") return organiser_action::undo_check_in;
    return std::nullopt;
}

// Whether the form comes from a confirmation page (web/confirm_page.hpp): destructive actions ask once more.
[[nodiscard]] inline bool confirmed(const web::query_params& fields) { return param(fields, "confirmed") == "yes"; }

[[nodiscard]] inline std::optional<std::int64_t> parse_id(std::string_view s) {
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
    if (ec != std::errc{} || end != s.data() + s.size() || id <= 0) return std::nullopt;
    return id;
}

}  // namespace tp::server
