// A prepared answer is found and put together without a single allocation: counted by replacing the global
// operator new of this test binary (the count is only read around the code under test).
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <new>

#include "cached_site.hpp"
#include "server/csrf.hpp"
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
