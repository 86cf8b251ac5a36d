#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "server/spliced_page.hpp"
#include "tests/server/gunzip.hpp"

using tp::server::spliced_page;

namespace {

const std::string placeholder = "0123456789abcdef0123456789abcdef";

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

std::string long_page(const std::string& between) {
    std::string page = "<!DOCTYPE html><title>MINT & Mädchen</title>";
    for (int i = 0; i < 300; ++i) page += "<li>Termin " + std::to_string(i) + " im Ruhrgebiet</li>\n";
    return page + between + page;
}

// What the gather buffers hold, joined.
std::string joined(const spliced_page& page, const std::string& token, bool gzipped) {
    spliced_page::trailer_bytes trailer{};
    std::vector<boost::asio::const_buffer> parts(page.buffer_count());
    const auto n = page.buffers(token, gzipped, trailer, parts);
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out.append(static_cast<const char*>(parts[i].data()), parts[i].size());
    return out;
}

}  // namespace

TEST_CASE("A spliced page carries each visitor's token wherever the placeholder was, plain and gzipped") {
    const auto [name, page] = GENERATE(table<std::string, std::string>({
        {"no token", long_page("")},
        {"one token", long_page("<input name=csrf value=\"" + placeholder + "\">")},
        {"two tokens", long_page("<input value=" + placeholder + ">") + placeholder + "<form>" + placeholder},
        {"tokens at both ends", placeholder + long_page("") + placeholder},
        {"adjacent tokens", long_page(placeholder + placeholder)},
        {"only a token", placeholder},
        {"empty", ""},
    }));
    INFO(name);
    const spliced_page spliced(page, placeholder);
    for (const std::string token : {"fedcba9876543210fedcba9876543210", "00000000000000000000000000000000"}) {
        const auto expected = replace_all(page, placeholder, token);
        CHECK(spliced.page(token, false) == expected);
        CHECK(spliced.size(false) == expected.size());
        const auto packed = spliced.page(token, true);
        CHECK(packed.size() == spliced.size(true));
        CHECK(packed.substr(0, 2) == "\x1f\x8b");
        CHECK(gunzip(packed) == expected);  // zlib checks the combined CRC-32 and the size in the trailer
        CHECK(joined(spliced, token, true) == packed);
        CHECK(joined(spliced, token, false) == expected);
    }
}

TEST_CASE("The gzip form of a long page is much smaller than the page") {
    const spliced_page spliced(long_page(placeholder), placeholder);
    CHECK(spliced.tokens() == 1);
    CHECK(spliced.size(true) < spliced.size(false) / 5);
}

TEST_CASE("A spliced page refuses tokens and placeholders of another size") {
    CHECK_THROWS_AS(spliced_page("<p>x</p>", "short"), std::invalid_argument);
    const spliced_page spliced(long_page(placeholder), placeholder);
    CHECK_THROWS_AS(spliced.page("abc", false), std::invalid_argument);
    CHECK_THROWS_AS(spliced.page(placeholder + "0", true), std::invalid_argument);
    spliced_page::trailer_bytes trailer{};
    std::vector<boost::asio::const_buffer> too_few(1);
    CHECK_THROWS_AS(spliced.buffers(placeholder, false, trailer, too_few), std::length_error);
}
