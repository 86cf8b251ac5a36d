#pragma once
// One client connection: read a request (fresh parser, limits, deadline), answer it, repeat while kept alive.
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <memory>
#include <optional>

#include "server/http_server.hpp"

namespace tp::server {

class session : public std::enable_shared_from_this<session> {
public:
    session(boost::asio::ip::tcp::socket&& socket, http_server& server);
    ~session();
    void run();
    // Called on shutdown: closes the connection now if it waits for a request, else after the response.
    void stop();

private:
    void do_read();
    void on_read(boost::beast::error_code ec, std::size_t bytes);
    void answer_error(http::status status, std::string message);
    void do_write(response res, std::string_view route);
    void on_write(bool keep_alive, boost::beast::error_code ec, std::size_t bytes);
    void do_close();

    boost::beast::tcp_stream stream_;
    boost::beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    http_server& server_;
    std::string client_;
    std::shared_ptr<response> pending_;  // the response being written
    std::chrono::steady_clock::time_point started_;
    std::string method_, target_;
    bool busy_ = false;  // between a complete request and the end of its response
};

}  // namespace tp::server
