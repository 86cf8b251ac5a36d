#pragma once
// The HTTP/1.1 server: an acceptor plus one session per connection, each on one io_context of the pool.
// Limits: header and body size; an idle, a request and a response deadline; a cap on connections in all and per
// client address. At the cap, an idle keep-alive connection makes room (as nginx does); when none is idle, the
// newcomer gets a 503 and is closed. shutdown() stops accepting, closes idle connections, lets requests in
// flight finish (with Connection: close) and then lets io_context::run() return.
#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "server/access_log.hpp"
#include "server/app.hpp"
#include "server/io_pool.hpp"

namespace tp::server {

struct server_limits {
    std::uint32_t header_limit = 8 * 1024;
    std::uint64_t body_limit = 64 * 1024;
    std::chrono::milliseconds idle_timeout{30'000};   // a keep-alive connection waiting for its next request
    std::chrono::milliseconds read_timeout{20'000};   // a whole request, from its first byte (slowloris)
    std::chrono::milliseconds write_timeout{30'000};  // a whole response (a slow reader)
    std::size_t max_connections = 16'384;             // needs as many file descriptors (main raises the limit)
    std::size_t max_connections_per_address = 0;      // 0: no cap (behind a reverse proxy all share one address)
    // Threads for POSTs that wait for the store's write queue (organisers' changes, logins with their slow
    // password hash), so the I/O threads keep serving. Registrations need none: they answer when their batch
    // commits (app::handle_later), and a rush forms batches as large as the number of requests waiting.
    unsigned blocking_threads = 8;
};

class session;
using connection_executor = boost::asio::io_context::executor_type;
using connection_socket = boost::asio::basic_stream_socket<boost::asio::ip::tcp, connection_executor>;

// A listening socket on `endpoint` (port 0: the OS picks one). Throws on failure.
[[nodiscard]] boost::asio::ip::tcp::acceptor listen_on(boost::asio::io_context& ioc,
                                                       const boost::asio::ip::tcp::endpoint& endpoint);

class http_server {
public:
    // The acceptor must belong to pool.first(). shutdown() also releases the pool.
    http_server(io_pool& pool, boost::asio::ip::tcp::acceptor&& acceptor, app& application, access_log& log,
                server_limits limits = {});
    ~http_server();

    [[nodiscard]] unsigned short port() const { return port_; }
    void start();
    void shutdown();  // thread-safe, idempotent

    // For sessions.
    [[nodiscard]] app& application() { return app_; }
    [[nodiscard]] access_log& log() { return log_; }
    [[nodiscard]] const server_limits& limits() const { return limits_; }
    [[nodiscard]] bool stopping() const { return stopping_.load(std::memory_order_acquire); }
    [[nodiscard]] boost::asio::thread_pool& blocking() { return blocking_; }
    void forget(const session* s);

private:
    void do_accept();
    void on_accept(boost::system::error_code ec, connection_socket socket);
    // Registers a new connection within the caps (closing an idle one to make room); false: refuse it.
    bool admit(const std::shared_ptr<session>& s);

    io_pool& pool_;
    boost::asio::ip::tcp::acceptor acceptor_;
    app& app_;
    access_log& log_;
    server_limits limits_;
    unsigned short port_ = 0;
    std::atomic<bool> stopping_{false};
    std::mutex sessions_mutex_;
    std::unordered_map<const session*, std::weak_ptr<session>> sessions_;
    std::unordered_map<std::string, std::size_t> per_address_;
    boost::asio::thread_pool blocking_;
};

}  // namespace tp::server
