#pragma once
// The real server on 127.0.0.1 with an OS-chosen port, its own temporary database and I/O threads.
// Stops (gracefully) when the object goes.
#include <fstream>
#include <sstream>

#include "server/http_server.hpp"
#include "temp_path.hpp"
#include "web/import_document.hpp"

namespace tp::testing {

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void import_into(store::store& s, const std::string& json) {
    const auto parsed = web::parse_import(json);
    if (!parsed.errors.empty()) throw std::runtime_error("fixture: " + parsed.errors.front());
    s.upsert(parsed.document.networks, parsed.document.events, parsed.document.series);
}

class test_server {
public:
    // The POST limit is off unless asked for: tests send many requests from one address.
    explicit test_server(server::server_limits limits = {}, unsigned threads = 2, unsigned rate_limit = 0)
        : store_(db_.str()),
          pool_(threads),
          acceptor_(server::listen_on(pool_.first(), {boost::asio::ip::make_address("127.0.0.1"), 0})),
          port_(acceptor_.local_endpoint().port()),
          app_(store_, {"http://127.0.0.1:" + std::to_string(port_), rate_limit}, [this] { return now; }),
          server_(pool_, std::move(acceptor_), app_, log_, limits) {
        server_.start();
        pool_.start();
    }
    test_server(const test_server&) = delete;
    test_server& operator=(const test_server&) = delete;
    ~test_server() { stop(); }

    // Graceful shutdown; returns once every I/O thread has returned from run().
    void stop() {
        server_.shutdown();
        pool_.join();
    }

    [[nodiscard]] unsigned short port() const { return port_; }
    [[nodiscard]] store::store& db() { return store_; }
    [[nodiscard]] const std::string& db_path() const { return db_.str(); }
    [[nodiscard]] server::app& application() { return app_; }

    // The app's clock: "upcoming" on pages is relative to this.
    calendar::sys_seconds now{std::chrono::seconds{1'798'761'600}};  // 2027-01-01T00:00:00Z

private:
    temp_path db_;
    store::store store_;
    server::io_pool pool_;
    boost::asio::ip::tcp::acceptor acceptor_;
    unsigned short port_;
    server::access_log log_{"off"};
    server::app app_;
    server::http_server server_;
};

}  // namespace tp::testing
