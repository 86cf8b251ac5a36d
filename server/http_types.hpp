#pragma once
// Requests and responses as handlers see them: Beast messages, testable without a socket.
#include <boost/beast/http.hpp>

#include <memory_resource>
#include <optional>
#include <string>

#include "server/request_arena.hpp"
#include "server/shared_body.hpp"

namespace tp::server {

namespace http = boost::beast::http;
// A request's fields live in its connection's request_arena; one made elsewhere (tests, fuzzing) on the heap.
using request_allocator = std::pmr::polymorphic_allocator<char>;
using request = http::request<http::string_body, http::basic_fields<request_allocator>>;
using request_parser = http::request_parser<http::string_body, request_allocator>;
using response = http::response<shared_body>;

// A new parser for a connection's next request, its fields in `arena`, once the last request's are forgotten
// (nothing may still refer to them).
void renew_parser(std::optional<request_parser>& parser, request_arena& arena);

// A response with a body and content type; Content-Length is set.
[[nodiscard]] response make_response(http::status status, std::string content_type,
                                     std::shared_ptr<const std::string> body);
[[nodiscard]] response make_response(http::status status, std::string content_type, std::string body);
// A plain-text response.
[[nodiscard]] response text_response(http::status status, std::string body);
// 405 with the Allow header, e.g. method_not_allowed("GET, HEAD").
[[nodiscard]] response method_not_allowed(std::string_view allow);

// Whether a header value carries CR or LF (response splitting): such an answer is never sent.
[[nodiscard]] bool splits_lines(const response& res);

// A response and the fixed label it is counted under in /metrics.
struct handled {
    response res;
    std::string_view route;
};

inline constexpr const char* html_type = "text/html; charset=utf-8";
inline constexpr const char* calendar_type = "text/calendar; charset=utf-8";

}  // namespace tp::server
