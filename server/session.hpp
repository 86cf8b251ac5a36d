#pragma once
// One client connection: read a request (fresh parser, limits, deadline), answer it, repeat while kept alive.
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <memory>
#include <optional>

#include "server/http_server.hpp"
#include "web/failure_texts.hpp"

namespace tp::server {

// A connection's handlers all run on one single-threaded io_context, so no strand; and a concrete executor type
// (connection_executor, http_server.hpp) rather than any_io_executor, whose type erasure on every operation cost
// about 7% per cached feed (perf).

class session : public std::enable_shared_from_this<session> {
public:
    session(connection_socket&& socket, http_server& server);
    ~session();
    void run();
    // Closes the connection if it waits for its next request: on shutdown (a busy one closes after its response,
    // as do_read sees the server stopping) and to make room at the connection cap.
    void close_if_idle();
    // Instead of run(): answers 503 with `message` at once and closes (the server is at its connection cap).
    void refuse();  // 503: too many connections
    [[nodiscard]] bool idle() const { return idle_.load(std::memory_order_relaxed); }
    [[nodiscard]] const std::string& client() const { return client_; }

private:
    void do_read();
    void on_first_bytes(boost::beast::error_code ec, std::size_t bytes);
    void read_request();
    void on_read(boost::beast::error_code ec, std::size_t bytes);
    void answer(handled result);  // on the connection's io_context
    void answer_later();
    void answer_error(http::status status, web::failure why);
    void do_write(response res, std::string_view route);
    void on_write(bool keep_alive, boost::beast::error_code ec, std::size_t bytes);
    void do_close();

    boost::beast::basic_stream<boost::asio::ip::tcp, connection_executor> stream_;
    boost::beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    http_server& server_;
    std::string client_;     // the peer's address (per-address connection cap)
    std::string requester_;  // who sent the current request: the peer, or X-Forwarded-For from a trusted proxy
    std::shared_ptr<response> pending_;  // the response being written
    std::chrono::steady_clock::time_point started_;
    std::string_view method_, target_;  // into the parsed request, which lives until the next read
    std::atomic<bool> idle_{false};     // waiting for the first byte of the next request
};

}  // namespace tp::server
