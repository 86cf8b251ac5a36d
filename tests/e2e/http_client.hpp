#pragma once
// A blocking HTTP/1.1 client for tests. Asio's blocking reads ignore SO_RCVTIMEO, so waits that may not end
// (closed_by_server) poll with a deadline; every test also has ctest's timeout.
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <poll.h>
#include <sys/socket.h>

#include <string>
#include <utility>
#include <vector>

namespace tp::testing {

namespace http = boost::beast::http;
using client_response = http::response<http::string_body>;
using header_list = std::vector<std::pair<std::string, std::string>>;

class http_connection {
public:
    explicit http_connection(unsigned short port) : socket_(ioc_) {
        socket_.connect({boost::asio::ip::make_address("127.0.0.1"), port});
    }

    client_response request(http::verb method, const std::string& target, const header_list& headers = {},
                            const std::string& body = {}) {
        http::request<http::string_body> req{method, target, 11};
        req.set(http::field::host, "127.0.0.1");
        for (const auto& [k, v] : headers) req.set(k, v);
        if (!body.empty() || method == http::verb::post) {
            req.body() = body;
            req.prepare_payload();
        }
        http::write(socket_, req);
        return read_response(method == http::verb::head);
    }

    client_response read_response(bool head = false) {
        http::response_parser<http::string_body> parser;
        parser.body_limit(64 * 1024 * 1024);
        parser.skip(head);
        http::read(socket_, buffer_, parser);
        return parser.release();
    }

    void send_raw(const std::string& bytes) { boost::asio::write(socket_, boost::asio::buffer(bytes)); }

    // True when the server closes the connection (EOF or reset) within `deadline_ms`; unread response bytes
    // before the close are skipped.
    bool closed_by_server(int deadline_ms) {
        pollfd p{socket_.native_handle(), POLLIN, 0};
        char chunk[4096];
        for (;;) {
            if (::poll(&p, 1, deadline_ms) <= 0) return false;
            const auto n = ::recv(socket_.native_handle(), chunk, sizeof chunk, 0);
            if (n <= 0) return true;
        }
    }

private:
    boost::asio::io_context ioc_;
    boost::asio::ip::tcp::socket socket_;
    boost::beast::flat_buffer buffer_;
};

inline client_response get(unsigned short port, const std::string& target, const header_list& headers = {}) {
    http_connection c(port);
    return c.request(http::verb::get, target, headers);
}

}  // namespace tp::testing
