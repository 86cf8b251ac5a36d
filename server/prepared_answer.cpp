#include "server/prepared_answer.hpp"

#include <sstream>
#include <stdexcept>

#include "server/csrf.hpp"

namespace tp::server {

std::string wire_head(const response& res) {
    if (splits_lines(res)) throw std::invalid_argument("a header value with a line break is never prepared");
    std::ostringstream out;
    out << res.base();
    auto head = std::move(out).str();
    if (head.ends_with("\r\n\r\n")) head.resize(head.size() - 2);
    return head;
}

void append_request_fields(std::string& out, std::string_view date, bool close, std::string_view fresh_token,
                           bool secure_cookie) {
    out.append("Date: ").append(date).append("\r\n");
    if (close) out.append("Connection: close\r\n");
    if (!fresh_token.empty())
        out.append("Set-Cookie: ").append(csrf_cookie_field(fresh_token, secure_cookie)).append("\r\n");
    out.append("\r\n");
}

}  // namespace tp::server
