#pragma once
// The route table: one entry per route with its methods, path pattern, metrics label, what it needs before its
// handler runs, and the handler. The router (app::route) answers 404 and 405 (with Allow) itself; log redaction,
// the fuzz target, `treffpunkt routes` and the OpenAPI check read the same table.
//
// A pattern is a path whose segments are literal ("events"), a parameter ("{slug}"), or a parameter with a
// literal prefix or suffix ("{slug}.ics", "attendees.{format}"). A parameter matches one non-empty segment
// without '.', so "/events/{slug}" and "/events/{slug}.ics" never both match. "{token}" is a secret: the
// registration's link, a personal feed; logs show it as "[hidden]".
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "server/http_types.hpp"
#include "server/later.hpp"

namespace tp::server {

enum method : unsigned { GET = 1, POST = 2, PUT = 4 };  // GET allows HEAD too

// What a route needs before its handler runs; the router answers when it is missing.
enum class needs {
    nothing,
    session,       // a signed-in organiser, else 303 to the login page
    event_admin,   // a session, and the {slug} event in a network the organiser manages, else 404 / 403
    bearer,        // an API token, else 401
    bearer_event,  // a token, and the {slug} event in a network its organiser manages, else 404 / 403
};

struct request_context;  // app.hpp: what the router found (segments, parameters, organiser, event)
class app;
using route_handler = handled (*)(app&, const request&, request_context&);
// A handler whose write completes later (later.hpp): it answers through the later_reply, exactly once.
using later_handler = void (*)(app&, const request&, request_context&, later_reply);

struct route {
    unsigned methods;
    std::string_view pattern;
    std::string_view label;  // for metrics: one per route
    needs need;
    route_handler handler;
    // A POST to a route outside /api/ comes from one of our forms: the router checks its CSRF token (400 in the
    // visitor's language). Only a form that must be shown again with the input kept checks it itself.
    bool form_keeps_input = false;
    // Set instead of `handler` for a route whose write the store's queue completes later.
    later_handler later = nullptr;
    [[nodiscard]] bool router_checks_csrf() const {
        return (methods & POST) && !pattern.starts_with("/api/") && !form_keeps_input;
    }
};

// Every route of the server (route_table.cpp).
[[nodiscard]] std::span<const route> route_table();

// The path parameters of `segments` (decoded, no empty last one) under `pattern`, in order; nullopt when the
// pattern does not match.
[[nodiscard]] std::optional<std::vector<std::string>> match_route(std::string_view pattern,
                                                                  const std::vector<std::string>& segments);

// A pattern parsed once: its pieces, and how specific each is.
class compiled_pattern {
public:
    explicit compiled_pattern(std::string_view pattern);
    // The parameters of `segments`, in order, or nullopt when they do not match.
    [[nodiscard]] std::optional<std::vector<std::string>> match(const std::vector<std::string>& segments) const;
    [[nodiscard]] bool matches(const std::vector<std::string>& segments) const;
    // Piece by piece, whether this pattern is more specific than `other` (both matching the same path).
    [[nodiscard]] bool more_specific_than(const compiled_pattern& other) const;

private:
    struct piece {
        std::string_view prefix, suffix;  // a literal piece: all in prefix
        bool parameter;
        int rank;  // 2 literal, 1 parameter with a prefix or suffix, 0 bare parameter
    };
    std::vector<piece> pieces_;
};

// A table's patterns parsed once, for the router: finds the most specific route for a path (a literal segment
// beats a parameter with a prefix or suffix, which beats a bare one), whatever the table's order.
class route_index {
public:
    explicit route_index(std::span<const route> table);
    struct found {
        const route* entry;
        std::vector<std::string> args;
    };
    [[nodiscard]] std::optional<found> find(const std::vector<std::string>& segments) const;

private:
    std::vector<std::pair<const route*, compiled_pattern>> routes_;
};

// "GET, HEAD, POST" for a method set.
[[nodiscard]] std::string allow_header(unsigned methods);
// Whether the method is one of the set (HEAD with GET).
[[nodiscard]] bool allows(unsigned methods, http::verb verb);
// Each route's pattern up to and including its {token} segment ("/r/{token}", "/feeds/{token}.ics",
// "/admin/events/{slug}/door/{id}/{token}"), once each, for log redaction.
[[nodiscard]] std::vector<std::string> secret_paths(std::span<const route> table);

}  // namespace tp::server
