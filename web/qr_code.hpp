#pragma once
// A QR code as inline SVG (libqrencode, Debian libqrencode-dev): one path of dark modules, a quiet zone of four
// modules, crisp at any size, readable by any phone's camera. `label` names it for screen readers.
#include <string>
#include <string_view>

#include "web/html.hpp"

namespace tp::web {

// Throws std::invalid_argument when the text does not fit a QR code (about 2 kB at error correction M).
[[nodiscard]] html qr_code_svg(std::string_view text, std::string_view label);
// The same code as a PNG (1-bit grey: small and quick to compress, `scale` pixels per module, zlib for the
// compression), for e-mail, where inline SVG is not shown. Throws as above.
[[nodiscard]] std::string qr_code_png(std::string_view text, int scale = 6);

}  // namespace tp::web
