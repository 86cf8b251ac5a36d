#include "server/http_types.hpp"

namespace tp::server {

void renew_parser(std::optional<request_parser>& parser, request_arena& arena) {
    parser.reset();
    arena.reset();
    parser.emplace(request::header_type(request_allocator(&arena)));
}

response make_response(http::status status, std::string content_type, std::shared_ptr<const std::string> body) {
    response res{status, 11};
    res.set(http::field::content_type, content_type);
    res.body() = std::move(body);
    res.content_length(shared_body::size(res.body()));
    return res;
}

response make_response(http::status status, std::string content_type, std::string body) {
    return make_response(status, std::move(content_type), std::make_shared<const std::string>(std::move(body)));
}

response text_response(http::status status, std::string body) {
    return make_response(status, "text/plain; charset=utf-8", std::move(body) + "\n");
}

bool splits_lines(const response& res) {
    for (const auto& field : res)
        if (field.value().find_first_of("\r\n") != std::string_view::npos) return true;
    return false;
}

response method_not_allowed(std::string_view allow) {
    auto res = text_response(http::status::method_not_allowed, "Use " + std::string(allow) + " here.");
    res.set(http::field::allow, allow);
    return res;
}

}  // namespace tp::server
