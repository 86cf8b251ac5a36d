#include <catch2/catch.hpp>

#include <future>
#include <thread>
#include <map>

#include "e2e/fixture_server.hpp"
#include "sample_event.hpp"
#include "server/sealed_body.hpp"
#include "server/conditional.hpp"

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

namespace {

long requests_counted(unsigned short port, const std::string& route, unsigned status) {
    const auto text = testing::get(port, "/metrics").body();
    const std::string line =
        "treffpunkt_http_requests_total{route=\"" + route + "\",status=\"" + std::to_string(status) + "\"} ";
    const auto at = text.find(line);
    return at == std::string::npos ? 0 : std::stol(text.substr(at + line.size()));
}

// The fields of an answer but Date and Set-Cookie, which differ per request.
std::map<std::string, std::string> lasting_fields(const testing::client_response& res) {
    std::map<std::string, std::string> out;
    for (const auto& f : res)
        if (f.name() != http::field::date && f.name() != http::field::set_cookie)
            out[std::string(f.name_string())] = std::string(f.value());
    return out;
}

}  // namespace

TEST_CASE("a GET asked again goes out prepared: the same answer with its own Date, counted and kept alive") {
    testing::fixture_server s;
    const auto home = testing::get(s.port(), "/").body();
    const auto at = home.find("href=\"/events/");
    REQUIRE(at != std::string::npos);
    const auto event = home.substr(at + 6, home.find('"', at + 6) - at - 6);
    const auto [target, route] = GENERATE_REF(table<std::string, std::string>(
        {{"/calendar.ics", "feed"}, {"/", "index"}, {event, "event"}, {"/networks", "networks"}}));
    CAPTURE(target);
    testing::http_connection c(s.port());
    const testing::header_list asked{{"Accept-Encoding", "gzip"},
                                     {"Cookie", "tp_csrf=0123456789abcdef0123456789abcdef"}};
    const auto counted = requests_counted(s.port(), route, 200);
    const auto first = c.request(http::verb::get, target, asked);
    const auto second = c.request(http::verb::get, target, asked);  // from the prepared answer
    CHECK(requests_counted(s.port(), route, 200) == counted + 2);
    CHECK(second.result() == http::status::ok);
    CHECK(lasting_fields(second) == lasting_fields(first));
    CHECK(second.body() == first.body());
    CHECK(server::parse_http_date(second[http::field::date]));
    CHECK(second.keep_alive());
    const auto head = c.request(http::verb::head, target, asked);
    CHECK(head[http::field::content_length] == first[http::field::content_length]);
    CHECK(head.body().empty());
    if (const auto etag = first[http::field::etag]; !etag.empty()) {
        auto revalidate = asked;
        revalidate.emplace_back("If-None-Match", std::string(etag));
        const auto current = c.request(http::verb::get, target, revalidate);
        CHECK(current.result() == http::status::not_modified);
        CHECK(current[http::field::etag] == etag);
        CHECK(current.body().empty());
    }
    auto closing = asked;
    closing.emplace_back("Connection", "close");
    const auto last = c.request(http::verb::get, target, closing);
    CHECK(last.body() == first.body());
    CHECK(last[http::field::connection] == "close");
    CHECK(c.closed_by_server(2000));
}

TEST_CASE("pipelined GETs each get their prepared answer in order, and a new visitor a new token") {
    testing::fixture_server s;
    (void)testing::get(s.port(), "/calendar.ics");
    (void)testing::get(s.port(), "/networks");
    testing::http_connection c(s.port());
    c.send_raw(
        "GET /calendar.ics HTTP/1.1\r\nHost: a\r\n\r\nGET /networks HTTP/1.1\r\nHost: a\r\n\r\n"
        "GET /calendar.ics HTTP/1.1\r\nHost: a\r\n\r\n");
    const auto one = c.read_response(), two = c.read_response(), three = c.read_response();
    CHECK(one[http::field::content_type] == "text/calendar; charset=utf-8");
    CHECK(two[http::field::content_type] == "text/html; charset=utf-8");
    CHECK(three.body() == one.body());
    const auto home = testing::get(s.port(), "/").body();
    const auto at = home.find("href=\"/events/");
    const auto event = home.substr(at + 6, home.find('"', at + 6) - at - 6);
    for (int i = 0; i < 2; ++i) {  // the second from the prepared page: its own token, in its cookie and its form
        const auto page = testing::get(s.port(), event);
        const std::string cookie(page[http::field::set_cookie]);
        REQUIRE(cookie.starts_with("tp_csrf="));
        CHECK_THAT(page.body(), Catch::Contains("value=\"" + cookie.substr(8, 32) + "\""));
    }
}

TEST_CASE("a large feed goes out by sendfile from its sealed copy, byte for byte, to a slow reader too") {
    testing::fixture_server s;
    calendar::network big;
    big.slug = "grosses-netz";
    big.name = "Großes Netz";
    std::vector<calendar::event> many;
    for (int i = 0; i < 150; ++i) {
        auto e = testing::sample_event("runde-" + std::to_string(i));
        e.network_slug = big.slug;
        e.start += std::chrono::days{i};
        e.end += std::chrono::days{i};
        many.push_back(e);
    }
    s.db().upsert(std::array{big}, many);
    const std::string target = "/networks/grosses-netz/calendar.ics";
    const auto first = testing::get(s.port(), target);  // answered by the handler, from memory
    REQUIRE(first.body().size() >= server::sealed_body::threshold);
    testing::http_connection quick(s.port());
    for (int i = 0; i < 2; ++i) CHECK(quick.request(http::verb::get, target).body() == first.body());

    // A reader with a small window: the socket's buffer fills, and sendfile waits for room.
    boost::asio::io_context ioc;
    boost::asio::ip::tcp::socket slow(ioc);
    slow.open(boost::asio::ip::tcp::v4());
    slow.set_option(boost::asio::socket_base::receive_buffer_size(4096));
    slow.connect({boost::asio::ip::make_address("127.0.0.1"), s.port()});
    const std::string ask = "GET " + target + " HTTP/1.1\r\nHost: a\r\n\r\n";
    boost::asio::write(slow, boost::asio::buffer(ask + ask));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    boost::beast::flat_buffer buffer;
    for (int i = 0; i < 2; ++i) {  // and the connection goes on after it
        http::response_parser<http::string_body> parser;
        parser.body_limit(16 * 1024 * 1024);
        http::read(slow, buffer, parser);
        CHECK(parser.get().body() == first.body());
    }
}
