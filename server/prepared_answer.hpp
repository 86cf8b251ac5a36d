#pragma once
// A cached answer as the bytes that go on the wire: the status line and header fields of its 200 and of its 304,
// made once per version, and the body beside them. A session sends one with a single gather write and adds only
// what differs per request (append_request_fields): Date, Connection: close, and a new visitor's CSRF cookie.
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "server/http_types.hpp"
#include "server/sealed_body.hpp"
#include "server/spliced_page.hpp"

namespace tp::server {

struct prepared_answer {
    std::uint64_t version = 0;      // of the cache entry it was made from
    bool by_page_version = false;   // pages compare with the page version (data, seats, minute); feeds the data version
    std::string_view route;         // the metrics label
    std::string head;               // "HTTP/1.1 200 OK\r\n" and the fields, each line with its CRLF; no blank line
    std::string head_not_modified;  // the 304 the same way; empty when the answer has no validators
    std::string etag;
    std::chrono::sys_seconds last_modified{};
    std::shared_ptr<const std::string> body;      // and, when large, the same in a sealed memfd for sendfile
    std::shared_ptr<const sealed_body> file;      // (sealed_body.hpp); or, for a page with forms:
    std::shared_ptr<const spliced_page> spliced;  // the page the visitor's token goes into
    bool gzipped = false;                         // spliced: its gzip form
    bool secure_cookie = false;                   // spliced: a new token's cookie is Secure (https)

    [[nodiscard]] std::size_t body_size() const { return spliced ? spliced->size(gzipped) : body ? body->size() : 0; }
};

// A prepared answer that fits a request: the 304 or the 200, and for a spliced page the visitor's token (a view
// into the request; empty: a new token and its cookie go with the answer).
struct prepared_hit {
    std::shared_ptr<const prepared_answer> answer;
    bool not_modified = false;
    std::string_view token;
};

// The status line and fields of `res` as they go on the wire, without the blank line that ends them. Throws
// std::invalid_argument for a header value with CR or LF (splits_lines).
[[nodiscard]] std::string wire_head(const response& res);

// The fields that differ per request, and the blank line: Date; Connection: close when the connection ends; the
// CSRF cookie for a visitor who gets `fresh_token` (else empty).
void append_request_fields(std::string& out, std::string_view date, bool close, std::string_view fresh_token,
                           bool secure_cookie);

}  // namespace tp::server
