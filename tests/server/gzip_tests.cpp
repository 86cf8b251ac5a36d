#include <catch2/catch.hpp>

#include "server/gzip.hpp"
#include "tests/server/gunzip.hpp"

using namespace tp::server;

TEST_CASE("gzip gives a gzip stream that inflates to the same bytes, smaller for a page") {
    std::string page;
    for (int i = 0; i < 200; ++i)
        page += "<li><a href=\"/events/veranstaltung-" + std::to_string(i) + "\">MINT</a></li>\n";
    const auto packed = gzip(page);
    CHECK(packed.substr(0, 2) == "\x1f\x8b");
    CHECK(packed.size() < page.size() / 4);
    CHECK(gunzip(packed) == page);
    CHECK(gunzip(gzip("")).empty());
    CHECK(gzip(page) == packed);  // the same bytes each time: made once per version, the ETag-free cache can share it
}

TEST_CASE("Accept-Encoding allows gzip only where it names it (or *) with a weight above zero") {
    const auto [header, allowed] = GENERATE(table<std::string, bool>({
        {"gzip", true},
        {"gzip, deflate, br", true},
        {"br;q=1.0, gzip;q=0.8, *;q=0.1", true},
        {"GZIP", true},
        {"x-gzip", true},
        {"*", true},
        {"gzip;q=0.001", true},
        {" gzip ; q=1 ", true},
        {"", false},
        {"identity", false},
        {"br, deflate", false},
        {"gzip;q=0", false},
        {"gzip;q=0.000", false},
        {"*;q=0", false},
        {"*, gzip;q=0", false},  // named and refused beats the wildcard
        {"gzipped", false},
        {"gzip;q=abc", false},
        {"gzip;q=1.5", false},
    }));
    CAPTURE(header);
    CHECK(accepts_gzip(header) == allowed);
}
