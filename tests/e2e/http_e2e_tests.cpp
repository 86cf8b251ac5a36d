#include <catch2/catch.hpp>

#include <future>

#include "e2e/fixture_server.hpp"

using namespace tp;
using namespace std::chrono_literals;
namespace http = testing::http;

namespace {
server::server_limits short_timeouts() {
    server::server_limits l;
    l.idle_timeout = 1s;
    l.read_timeout = 1s;
    l.write_timeout = 2s;
    return l;
}
}  // namespace

TEST_CASE("keep-alive serves several requests on one connection") {
    testing::fixture_server s;
    testing::http_connection c(s.port());
    for (int i = 0; i < 3; ++i) CHECK(c.request(http::verb::get, "/healthz").result() == http::status::ok);
    CHECK(c.request(http::verb::get, "/calendar.ics").result() == http::status::ok);
}

TEST_CASE("oversized headers get 431, oversized bodies 413, and the connection closes") {
    testing::fixture_server s;
    {
        testing::http_connection c(s.port());
        const auto res = c.request(http::verb::get, "/", {{"X-Padding", std::string(9000, 'x')}});
        CHECK(res.result() == http::status::request_header_fields_too_large);
        CHECK(c.closed_by_server(2000));
    }
    {
        testing::http_connection c(s.port());
        const auto res = c.request(http::verb::post, "/", {}, std::string(70 * 1024, 'y'));
        CHECK(res.result() == http::status::payload_too_large);
        CHECK(c.closed_by_server(2000));
    }
}

TEST_CASE("other methods get 405 with Allow") {
    testing::fixture_server s;
    testing::http_connection c(s.port());
    for (auto verb : {http::verb::post, http::verb::put, http::verb::delete_}) {
        const auto res = c.request(verb, "/calendar.ics", {}, "x=1");
        CHECK(res.result() == http::status::method_not_allowed);
        CHECK(res[http::field::allow] == "GET, HEAD");
    }
    CHECK(c.request(http::verb::post, "/nowhere", {}, "x").result() == http::status::not_found);
}

TEST_CASE("malformed requests get 400") {
    testing::fixture_server s;
    const auto [raw, label] = GENERATE(table<std::string, std::string>({
        {"GARBAGE\r\n\r\n", "no request line"},
        {"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\n", "bad Content-Length"},
        {"GET / HTTP/9.9\r\nHost: a\r\n\r\n", "unknown version"},
        {"GET /%ZZ HTTP/1.1\r\nHost: a\r\n\r\n", "bad escape in target"},
    }));
    CAPTURE(label);
    testing::http_connection c(s.port());
    c.send_raw(raw);
    CHECK(c.read_response().result() == http::status::bad_request);
}

TEST_CASE("idle and trickling clients are cut off by the idle and read timeouts") {
    testing::fixture_server s(short_timeouts());
    {
        testing::http_connection idle(s.port());
        const auto start = std::chrono::steady_clock::now();
        CHECK(idle.closed_by_server(5000));
        CHECK(std::chrono::steady_clock::now() - start < 4s);
    }
    {
        testing::http_connection slow(s.port());
        slow.send_raw("GET / HTTP/1.1\r\nHost: a\r\n");  // never finishes its headers
        CHECK(slow.closed_by_server(5000));
    }
    CHECK(testing::get(s.port(), "/healthz").result() == http::status::ok);  // others are still served
    CHECK_THAT(testing::get(s.port(), "/metrics").body(),
               Catch::Contains("treffpunkt_http_requests_total{route=\"rejected\",status=\"408\"} 1"));
}

TEST_CASE("shutdown closes idle connections and lets run() return") {
    testing::fixture_server s;
    testing::http_connection idle(s.port());
    CHECK(idle.request(http::verb::get, "/healthz").result() == http::status::ok);
    auto stopped = std::async(std::launch::async, [&s] { s.stop(); });
    CHECK(stopped.wait_for(5s) == std::future_status::ready);
    CHECK(idle.closed_by_server(2000));
    CHECK_THROWS(testing::http_connection(s.port()));  // no longer accepting
}

TEST_CASE("shutdown finishes a request in flight, then closes") {
    testing::fixture_server s;
    testing::http_connection busy(s.port());
    busy.send_raw("GET /calendar.ics HTTP/1.1\r\nHost: a\r\n");  // half a request
    std::this_thread::sleep_for(100ms);
    auto stopped = std::async(std::launch::async, [&s] { s.stop(); });
    CHECK(stopped.wait_for(300ms) == std::future_status::timeout);  // waits for the request
    busy.send_raw("\r\n");
    const auto res = busy.read_response();
    CHECK(res.result() == http::status::ok);
    CHECK(res[http::field::connection] == "close");
    CHECK(res.body().find("END:VCALENDAR") != std::string::npos);
    CHECK(stopped.wait_for(5s) == std::future_status::ready);
}

namespace {
server::server_limits capped(std::size_t total, std::size_t per_address = 0) {
    server::server_limits l;
    l.max_connections = total;
    l.max_connections_per_address = per_address;
    return l;
}

}  // namespace

TEST_CASE("at the connection cap an idle keep-alive connection makes room for a newcomer") {
    testing::fixture_server s(capped(3));
    std::vector<std::unique_ptr<testing::http_connection>> idle;
    for (int i = 0; i < 3; ++i) {
        idle.push_back(std::make_unique<testing::http_connection>(s.port()));
        CHECK(idle.back()->request(http::verb::get, "/healthz").result() == http::status::ok);
    }
    testing::http_connection newcomer(s.port());
    CHECK(newcomer.request(http::verb::get, "/healthz").result() == http::status::ok);
    int closed = 0;
    for (auto& c : idle) closed += c->closed_by_server(500) ? 1 : 0;
    CHECK(closed >= 1);
}

TEST_CASE("at the cap with no idle connection a newcomer gets 503 and the others go on") {
    testing::fixture_server s(capped(2));
    testing::http_connection first(s.port()), second(s.port());
    first.send_raw("GET /healthz HTTP/1.1\r\nHost: a\r\n");  // mid-request: not idle, not to be closed
    second.send_raw("GET /healthz HTTP/1.1\r\nHost: a\r\n");
    std::this_thread::sleep_for(100ms);
    testing::http_connection newcomer(s.port());
    const auto refused = newcomer.read_response();
    CHECK(refused.result() == http::status::service_unavailable);
    CHECK_THAT(refused.body(), Catch::Contains("Too many connections"));
    CHECK(newcomer.closed_by_server(2000));
    first.send_raw("\r\n");
    second.send_raw("\r\n");
    CHECK(first.read_response().result() == http::status::ok);
    CHECK(second.read_response().result() == http::status::ok);
}

TEST_CASE("the per-address cap refuses a client's extra connections and frees the slot when one closes") {
    testing::fixture_server s(capped(100, 2));
    auto first = std::make_unique<testing::http_connection>(s.port());
    testing::http_connection second(s.port());
    CHECK(first->request(http::verb::get, "/healthz").result() == http::status::ok);
    CHECK(second.request(http::verb::get, "/healthz").result() == http::status::ok);
    {
        testing::http_connection third(s.port());
        CHECK(third.read_response().result() == http::status::service_unavailable);
    }
    first.reset();
    for (int attempt = 0;; ++attempt) {  // the server notices the close on its own thread
        try {
            testing::http_connection again(s.port());
            if (again.request(http::verb::get, "/healthz").result() == http::status::ok) break;
        } catch (const std::exception&) {  // refused while the old one still counted: the write may fail
        }
        REQUIRE(attempt < 50);
        std::this_thread::sleep_for(20ms);
    }
}

TEST_CASE("an HTTP/1.1 request without Host gets 400, and /metrics answers loopback peers only") {
    testing::fixture_server s;
    {
        testing::http_connection c(s.port());
        c.send_raw("GET /healthz HTTP/1.1\r\n\r\n");
        CHECK(c.read_response().result() == http::status::bad_request);
    }
    CHECK(testing::get(s.port(), "/metrics").result() == http::status::ok);  // from 127.0.0.1
    server::request req{http::verb::get, "/metrics", 11};
    req.set(http::field::host, "treffpunkt.example");
    CHECK(s.application().handle(req, "192.0.2.7", "192.0.2.7").res.result() == http::status::not_found);
    CHECK(s.application().handle(req, "192.0.2.7", "127.0.0.1").res.result() == http::status::ok);
    CHECK(s.application().handle(req, "127.0.0.1", "192.0.2.7").res.result() == http::status::not_found);
}
