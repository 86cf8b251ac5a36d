#include <catch2/catch.hpp>

#include <future>

#include "e2e/fixture_server.hpp"

using namespace tp;
using namespace std::chrono_literals;
namespace http = testing::http;

namespace {
server::server_limits short_timeouts() {
    server::server_limits l;
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

TEST_CASE("idle and trickling clients are cut off by the read timeout") {
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
