#include "server/http_server.hpp"

#include <boost/asio/post.hpp>

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
    : pool_(pool), acceptor_(std::move(acceptor)), app_(application), log_(log), limits_(limits),
      port_(acceptor_.local_endpoint().port()), writers_(limits.writer_threads) {}

http_server::~http_server() { writers_.join(); }

void http_server::start() {
    asio::post(acceptor_.get_executor(), [this] { do_accept(); });
}

void http_server::do_accept() {
    acceptor_.async_accept(pool_.next(), [this](boost::system::error_code ec, connection_socket socket) {
        if (stopping()) return;  // the socket closes as it goes out of scope
        if (ec) {
            std::cerr << "accept: " << ec.message() << std::endl;
        } else {
            socket.set_option(tcp::no_delay(true), ec);
            auto s = std::make_shared<session>(std::move(socket), *this);
            {
                std::lock_guard lock(sessions_mutex_);
                sessions_[s.get()] = s;
            }
            s->run();
        }
        do_accept();
    });
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
    for (auto& s : live) s->stop();
    pool_.release();
}

void http_server::forget(const session* s) {
    std::lock_guard lock(sessions_mutex_);
    sessions_.erase(s);
}

}  // namespace tp::server
