#include <catch2/catch.hpp>

#include <regex>

#include "web/qr_code.hpp"

using tp::web::qr_code_svg;

TEST_CASE("a QR code is an SVG with a quiet zone and the three finder patterns, the same for the same text") {
    const auto url =
        "https://treffpunkt.example/admin/events/mint-barcamp-2027/door/42/0123456789abcdef0123456789abcdef";
    const auto svg = qr_code_svg(url, "QR-Code für den Einlass").str();
    CHECK(svg == qr_code_svg(url, "QR-Code für den Einlass").str());
    CHECK(svg != qr_code_svg(std::string(url) + "0", "x").str());
    std::smatch size;
    REQUIRE(std::regex_search(svg, size, std::regex(R"(viewBox="0 0 (\d+) \1")")));
    const int modules = std::stoi(size[1]) - 8;  // four light modules each side
    CHECK((modules - 21) % 4 == 0);              // versions grow by four modules
    CHECK(modules >= 21);
    // The finder patterns' top rows: seven dark modules at the top left, top right and bottom left.
    CHECK(svg.find("M4 4h7v1h-7z") != std::string::npos);
    CHECK(svg.find("M" + std::to_string(4 + modules - 7) + " 4h7v1h-7z") != std::string::npos);
    CHECK(svg.find("M4 " + std::to_string(4 + modules - 7) + "h7v1h-7z") != std::string::npos);
    CHECK(svg.find(R"(role="img" aria-label="QR-Code für den Einlass")") != std::string::npos);
}

TEST_CASE("text too long for a QR code is refused") {
    CHECK_THROWS_AS(qr_code_svg(std::string(4000, 'x'), "x"), std::invalid_argument);
}
