#include "web/qr_code.hpp"

#include <qrencode.h>

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

}  // namespace

html qr_code_svg(std::string_view text, std::string_view label) {
    const std::string input(text);
    std::unique_ptr<QRcode, qr_free> q(QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!q) throw std::invalid_argument("the text does not fit a QR code");
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
