#pragma once
// One client connection: read a request (fresh parser, limits, deadline), answer it, repeat while kept alive.
#include <boost/beast/core.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/http.hpp>

#include <array>
#include <atomic>
#include <memory>
#include <optional>

#include "server/http_server.hpp"
#include "server/prepared_answer.hpp"
#include "server/request_clock.hpp"
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
    // A prepared answer (prepared_answer.hpp): one gather write of its bytes and the fields of this request.
    void send_prepared(prepared_hit hit);
    // A prepared answer whose body is a sealed memfd: the head (gather_[0, head_buffers)) with MSG_MORE, then the
    // body by sendfile(2), waiting for room under the write deadline; what the kernel refuses goes from memory.
    void send_head_then_file(std::size_t head_buffers, bool keep_alive);
    void send_file_part(bool keep_alive);
    void write_gathered(std::size_t buffers, bool keep_alive);
    // Counts and logs the answer, ready at `now`; returns `now` (its write deadline runs from it).
    request_time finished(request_time now, std::string_view route, unsigned status, std::uint64_t bytes);
    void on_write(bool keep_alive, boost::beast::error_code ec, std::size_t bytes);
    void do_close();

    boost::beast::basic_stream<boost::asio::ip::tcp, connection_executor> stream_;
    boost::beast::flat_buffer buffer_;
    request_arena arena_;  // the request's fields; declared before the parser, which must go first
    std::optional<request_parser> parser_;
    http_server& server_;
    std::string client_;     // the peer's address (per-address connection cap)
    std::string requester_;  // who sent the current request: the peer, or X-Forwarded-For from a trusted proxy
    std::shared_ptr<response> pending_;  // the response being written
    // A prepared answer being written: its bytes, this request's fields, the buffers of the gather write (head,
    // fields, and the body or a spliced page's pieces), and a new visitor's CSRF token.
    std::shared_ptr<const prepared_answer> sending_;
    std::string fields_;
    std::array<boost::asio::const_buffer, 2 + 2 * (spliced_page::max_tokens + 1) + 1> gather_{};
    spliced_page::trailer_bytes trailer_{};
    std::string fresh_token_;
    std::size_t file_sent_ = 0;                               // of sending_->file
    std::chrono::steady_clock::time_point write_deadline_{};  // of the answer being written
    boost::asio::steady_timer file_deadline_;                 // while sendfile waits for room
    std::chrono::steady_clock::time_point started_;           // the request's first bytes
    std::chrono::steady_clock::time_point ended_;  // the last answer's end: the next idle deadline runs from it
    std::chrono::sys_seconds wall_{};              // the request's wall time (request_clock.hpp)
    std::string_view method_, target_;             // into the parsed request, which lives until the next read
    std::atomic<bool> idle_{false};                // waiting for the first byte of the next request
};

}  // namespace tp::server
