#include "web/qr_code.hpp"

#include <qrencode.h>
#include <zlib.h>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

namespace tp::web {

namespace {

constexpr int quiet_zone = 4;  // modules of light border the standard asks for

struct qr_free {
    void operator()(QRcode* q) const { QRcode_free(q); }
};

// One "h" path segment per run of dark modules in a row: short, and no seams between neighbours.
std::string dark_modules(const QRcode& q) {
    std::string path;
    for (int y = 0; y < q.width; ++y) {
        for (int x = 0; x < q.width;) {
            const auto dark = [&](int at) { return (q.data[y * q.width + at] & 1) != 0; };
            if (!dark(x)) {
                ++x;
                continue;
            }
            int end = x;
            while (end < q.width && dark(end)) ++end;
            path += "M" + std::to_string(x + quiet_zone) + " " + std::to_string(y + quiet_zone) + "h" +
                    std::to_string(end - x) + "v1h-" + std::to_string(end - x) + "z";
            x = end;
        }
    }
    return path;
}

std::unique_ptr<QRcode, qr_free> encode(std::string_view text) {
    const std::string input(text);
    std::unique_ptr<QRcode, qr_free> q(QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!q) throw std::invalid_argument("the text does not fit a QR code");
    return q;
}

void big_endian(std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

// A PNG chunk: length, type, data, CRC-32 of type and data (zlib's crc32 is PNG's).
void chunk(std::string& out, std::string_view type, const std::string& data) {
    big_endian(out, static_cast<std::uint32_t>(data.size()));
    const std::string typed = std::string(type) + data;
    out += typed;
    big_endian(out, static_cast<std::uint32_t>(
                        crc32(0, reinterpret_cast<const Bytef*>(typed.data()), static_cast<uInt>(typed.size()))));
}

// One module row's pixels, one bit per pixel (1: white), left to right from the high bit.
std::string pixel_row(const QRcode& q, int my, int scale, int side) {
    std::string row(static_cast<std::size_t>((side + 7) / 8), '\0');
    for (int x = 0; x < side; ++x) {
        const int mx = x / scale - quiet_zone;
        const bool dark = my >= 0 && mx >= 0 && my < q.width && mx < q.width && (q.data[my * q.width + mx] & 1);
        if (!dark) row[static_cast<std::size_t>(x / 8)] |= static_cast<char>(0x80 >> (x % 8));
    }
    return row;
}

// The image's rows. Each module row is drawn once (filter 0); the `scale - 1` rows repeating it use filter 2
// ("up"), whose bytes are all zero, which zlib compresses to almost nothing without searching.
std::string pixel_rows(const QRcode& q, int scale, int side) {
    const auto row_bytes = static_cast<std::size_t>((side + 7) / 8);
    const std::string repeat = '\x02' + std::string(row_bytes, '\0');
    std::string rows;
    rows.reserve(static_cast<std::size_t>(side) * (row_bytes + 1));
    for (int my = -quiet_zone; my < q.width + quiet_zone; ++my) {
        rows += '\0';
        rows += pixel_row(q, my, scale, side);
        for (int i = 1; i < scale; ++i) rows += repeat;
    }
    return rows;
}

struct deflate_end {
    void operator()(z_stream* z) const { deflateEnd(z); }
};

// zlib with a 2 KiB window and small hash tables: its state (about 16 KiB instead of 256 KiB) then comes from
// the heap instead of fresh zeroed pages, which cost more than the compression. Rows repeat within a few hundred
// bytes, so the image is as small as with the defaults.
std::string deflated(std::string raw) {
    z_stream z{};
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 11, 4, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("zlib could not start");
    const std::unique_ptr<z_stream, deflate_end> ending(&z);
    std::string out(deflateBound(&z, static_cast<uLong>(raw.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(raw.data());
    z.avail_in = static_cast<uInt>(raw.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    if (deflate(&z, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("zlib could not compress the QR code");
    out.resize(z.total_out);
    return out;
}

}  // namespace

std::string qr_code_png(std::string_view text, int scale) {
    const auto q = encode(text);
    const int side = (q->width + 2 * quiet_zone) * scale;
    std::string header;
    big_endian(header, static_cast<std::uint32_t>(side));
    big_endian(header, static_cast<std::uint32_t>(side));
    header += std::string("\x01\x00\x00\x00\x00", 5);  // 1-bit grey, deflate, adaptive filters, no interlace
    std::string png("\x89PNG\r\n\x1a\n", 8);
    chunk(png, "IHDR", header);
    chunk(png, "IDAT", deflated(pixel_rows(*q, scale, side)));
    chunk(png, "IEND", "");
    return png;
}

html qr_code_svg(std::string_view text, std::string_view label) {
    const auto q = encode(text);
    const auto size = std::to_string(q->width + 2 * quiet_zone);
    return tag("svg",
               {{"xmlns", "http://www.w3.org/2000/svg"},
                {"viewBox", "0 0 " + size + " " + size},
                {"class", "qr"},
                {"role", "img"},
                {"aria-label", label},
                {"shape-rendering", "crispEdges"}},
               tag("rect", {{"width", size}, {"height", size}, {"fill", "#fff"}}, html{}) +
                   tag("path", {{"d", dark_modules(*q)}, {"fill", "#000"}}, html{}));
}

}  // namespace tp::web
