#include "server/http_server.hpp"

#include <csignal>

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <iostream>

#include "server/session.hpp"

namespace tp::server {

namespace asio = boost::asio;
using asio::ip::tcp;

tcp::acceptor listen_on(asio::io_context& ioc, const tcp::endpoint& endpoint) {
    tcp::acceptor acceptor(ioc);
    acceptor.open(endpoint.protocol());
    acceptor.set_option(asio::socket_base::reuse_address(true));
    acceptor.bind(endpoint);
    acceptor.listen(asio::socket_base::max_listen_connections);
    return acceptor;
}

http_server::http_server(io_pool& pool, tcp::acceptor&& acceptor, app& application, access_log& log,
                         server_limits limits)
    : pool_(pool),
      acceptor_(std::move(acceptor)),
      app_(application),
      log_(log),
      limits_(limits),
      port_(acceptor_.local_endpoint().port()),
      blocking_(limits.blocking_threads) {}

http_server::~http_server() { blocking_.join(); }

// sendfile(2) has no MSG_NOSIGNAL: a client that has gone would end the process with SIGPIPE (nginx ignores it
// too). Every write then fails with EPIPE instead, which closes just that connection.
void http_server::start() {
    std::signal(SIGPIPE, SIG_IGN);
    asio::post(acceptor_.get_executor(), [this] { do_accept(); });
}

// The handler runs on the acceptor's own executor (else it would run on the new socket's io_context), so
// accepting, the pause timer and shutdown's close never touch the acceptor from two threads at once.
void http_server::do_accept() {
    acceptor_.async_accept(pool_.next(), asio::bind_executor(acceptor_.get_executor(),
                                                             [this](boost::system::error_code ec, connection_socket s) {
                                                                 on_accept(ec, std::move(s));
                                                             }));
}

void http_server::on_accept(boost::system::error_code ec, connection_socket socket) {
    if (stopping()) return;  // the socket closes as it goes out of scope
    if (ec == asio::error::no_descriptors || ec == asio::error::no_buffer_space) {
        // Out of file descriptors: the waiting connection stays in the backlog; try again shortly.
        std::cerr << "accept: " << ec.message() << "; pausing 100 ms" << std::endl;
        auto pause = std::make_shared<asio::steady_timer>(acceptor_.get_executor(), std::chrono::milliseconds{100});
        pause->async_wait([this, pause](boost::system::error_code) { do_accept(); });
        return;
    }
    if (ec) {
        std::cerr << "accept: " << ec.message() << std::endl;
    } else {
        socket.set_option(tcp::no_delay(true), ec);
        auto s = std::make_shared<session>(std::move(socket), *this);
        if (admit(s))
            s->run();
        else
            s->refuse();
    }
    do_accept();
}

bool http_server::admit(const std::shared_ptr<session>& s) {
    std::shared_ptr<session> idle;
    {
        std::lock_guard lock(sessions_mutex_);
        const auto per_address_cap = limits_.max_connections_per_address;
        if (per_address_cap > 0 && per_address_[s->client()] >= per_address_cap) return false;
        if (sessions_.size() >= limits_.max_connections) {
            // A session whose destructor runs waits in forget() for this lock, so its members are still there;
            // no shared_ptr may die in here (its destructor would take the lock again).
            for (auto& [key, weak] : sessions_)
                if (key->idle() && (idle = weak.lock())) break;
            if (!idle) return false;
        }
        sessions_[s.get()] = s;
        ++per_address_[s->client()];
    }
    if (idle) idle->close_if_idle();  // outside the lock: its destructor may run here and forget() itself
    return true;
}

void http_server::forget(const session* s) {
    std::lock_guard lock(sessions_mutex_);
    if (sessions_.erase(s) == 0) return;  // refused at the door: never counted
    const auto it = per_address_.find(s->client());
    if (it != per_address_.end() && --it->second == 0) per_address_.erase(it);
}

void http_server::shutdown() {
    if (stopping_.exchange(true, std::memory_order_acq_rel)) return;
    asio::post(acceptor_.get_executor(), [this] {
        boost::system::error_code ec;
        acceptor_.close(ec);
    });
    std::vector<std::shared_ptr<session>> live;
    {
        std::lock_guard lock(sessions_mutex_);
        for (auto& [key, weak] : sessions_)
            if (auto s = weak.lock()) live.push_back(std::move(s));
    }
    for (auto& s : live) s->close_if_idle();
    pool_.release();
}

}  // namespace tp::server
