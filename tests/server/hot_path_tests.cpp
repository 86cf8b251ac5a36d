// A request is parsed and its prepared answer found and put together without a single allocation: counted by replacing
// the global operator new of this test binary (the count is only read around the code under test).
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <new>

#include "cached_site.hpp"
#include "server/csrf.hpp"
#include "server/http_types.hpp"
#include "server/prepared_answer.hpp"

namespace {
std::atomic<long> allocations{0};
}  // namespace

void* operator new(std::size_t size) {
    allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    allocations.fetch_add(1, std::memory_order_relaxed);
    return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept { return operator new(size, tag); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void* operator new(std::size_t size, std::align_val_t align) {  // the request arena's spills
    allocations.fetch_add(1, std::memory_order_relaxed);
    const auto a = static_cast<std::size_t>(align);
    if (void* p = std::aligned_alloc(a, (size + a - 1) / a * a)) return p;
    throw std::bad_alloc();
}
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }

using namespace tp;
namespace http = tp::server::http;

TEST_CASE("finding a prepared answer and putting its request's fields and pieces together allocates nothing") {
    testing::cached_site f;
    const auto target = GENERATE(as<std::string>{}, "/calendar.ics", "/", "/events/barcamp", "/networks/ist-bochum");
    CAPTURE(target);
    auto req = testing::cached_site::request(target);
    req.set(http::field::accept_encoding, "gzip");
    req.set(http::field::cookie, "tp_csrf=0123456789abcdef0123456789abcdef");
    (void)f.a.handle(req, "127.0.0.1", "127.0.0.1");
    std::string fields;
    std::array<boost::asio::const_buffer, 24> gather{};
    server::spliced_page::trailer_bytes trailer{};
    REQUIRE(f.a.prepared(req, f.now));  // warm: the key's buffer has its size
    fields.reserve(256);

    const auto before = allocations.load();
    std::size_t sent = 0;
    for (int i = 0; i < 100; ++i) {
        const auto hit = f.a.prepared(req, f.now);
        if (!hit) break;
        fields.clear();
        server::append_request_fields(fields, "Thu, 03 Dec 2026 17:00:00 GMT", false, {}, false);
        std::size_t n = 0;
        gather[n++] = boost::asio::buffer(hit->answer->head);
        gather[n++] = boost::asio::buffer(fields);
        if (hit->answer->spliced)
            n += hit->answer->spliced->buffers(hit->token, hit->answer->gzipped, trailer, std::span(gather).subspan(n));
        else
            gather[n++] = boost::asio::buffer(*hit->answer->body);
        sent += n;
    }
    const auto counted = allocations.load() - before;
    CHECK(sent >= 300);  // every round found its answer
    CHECK(counted == 0);
}

TEST_CASE("parsing a connection's next request into its arena allocates nothing once the arena has its size") {
    const std::string browser =
        "GET /events/barcamp?lang=en HTTP/1.1\r\nHost: treffpunkt.example\r\n"
        "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0\r\n"
        "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
        "Accept-Language: de,en-US;q=0.7,en;q=0.3\r\nAccept-Encoding: gzip, deflate, br, zstd\r\n"
        "Cookie: tp_csrf=0123456789abcdef0123456789abcdef\r\nConnection: keep-alive\r\n"
        "If-None-Match: \"abc-gzip\"\r\nSec-Fetch-Dest: document\r\nSec-Fetch-Mode: navigate\r\n\r\n";
    const std::string wrk = "GET /calendar.ics HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n";
    const auto bytes = GENERATE_REF(as<std::string>{}, wrk, browser);
    server::request_arena arena;
    std::optional<server::request_parser> parser;
    auto parse = [&] {
        server::renew_parser(parser, arena);
        boost::beast::error_code ec;
        parser->put(boost::asio::buffer(bytes), ec);
        return !ec && parser->is_done();
    };
    REQUIRE(parse());
    REQUIRE(parse());  // the arena has grown to the request's size

    const auto before = allocations.load();
    int parsed = 0;
    for (int i = 0; i < 100; ++i) parsed += parse() ? 1 : 0;
    const auto counted = allocations.load() - before;
    CHECK(parsed == 100);
    CHECK(counted == 0);
    CHECK(parser->get().target().starts_with("/"));
    CHECK(parser->get()[server::http::field::host].size() > 0);
}
