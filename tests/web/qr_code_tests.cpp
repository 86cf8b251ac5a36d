#include <catch2/catch.hpp>
#include <zlib.h>

#include <cstdint>

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

TEST_CASE("the same code as a PNG: valid chunks, a quiet zone, the finder pattern where it belongs") {
    const std::string url = "https://treffpunkt.example/admin/events/mint-barcamp/door/12/abcdef0123456789";
    const int scale = 5;
    const auto png = tp::web::qr_code_png(url, scale);
    REQUIRE(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
    const auto be32 = [&](std::size_t at) {
        std::uint32_t v = 0;
        for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(png[at + i]);
        return v;
    };
    REQUIRE(png.substr(12, 4) == "IHDR");
    const auto side = be32(16);
    CHECK(be32(20) == side);
    CHECK(side % scale == 0);
    const auto ihdr_crc = crc32(0, reinterpret_cast<const Bytef*>(png.data() + 12), 4 + 13);
    CHECK(be32(29) == ihdr_crc);
    const auto idat_length = be32(33);
    REQUIRE(png.substr(37, 4) == "IDAT");
    const auto row_bytes = (side + 7) / 8;  // one bit per pixel
    std::string rows(static_cast<std::size_t>(side) * (row_bytes + 1), '\0');
    auto size = static_cast<uLongf>(rows.size());
    REQUIRE(uncompress(reinterpret_cast<Bytef*>(rows.data()), &size, reinterpret_cast<const Bytef*>(png.data() + 41),
                       idat_length) == Z_OK);
    REQUIRE(size == rows.size());
    // Undo the row filters a reader meets here: 0 (none) and 2 (up: add the byte above).
    std::string pixels(rows.size(), '\0');
    for (std::uint32_t y = 0; y < side; ++y) {
        const auto filter = rows[y * (row_bytes + 1)];
        REQUIRE((filter == 0 || (filter == 2 && y > 0)));
        for (std::uint32_t i = 1; i <= row_bytes; ++i) {
            const auto at = y * (row_bytes + 1) + i;
            const auto above = filter == 2 ? static_cast<unsigned char>(pixels[at - row_bytes - 1]) : 0;
            pixels[at] = static_cast<char>(static_cast<unsigned char>(rows[at]) + above);
        }
    }
    const auto pixel = [&](std::uint32_t x, std::uint32_t y) {
        const auto byte = static_cast<unsigned char>(pixels[y * (row_bytes + 1) + 1 + x / 8]);
        return (byte >> (7 - x % 8)) & 1 ? 255 : 0;
    };
    const std::uint32_t mid = scale / 2;                    // inside a module, away from its first row
    CHECK(pixel(0, 0) == 255);                              // quiet zone
    CHECK(pixel(4 * scale + mid, 4 * scale + mid) == 0);    // the finder pattern's dark corner
    CHECK(pixel(5 * scale + mid, 5 * scale + mid) == 255);  // its light ring
    CHECK(pixel(6 * scale + mid, 6 * scale + mid) == 0);    // its dark centre
    CHECK(pixel(6 * scale + mid, 10 * scale - 1) == 255);   // the ring's last pixel row below the centre
    CHECK(pixel(4 * scale, 11 * scale - 1) == 0);           // the pattern's bottom edge, last pixel row
    CHECK(png.substr(png.size() - 8, 4) == "IEND");
}
