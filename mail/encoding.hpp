#pragma once
// MIME content transfer encodings (RFC 2045 6.7, 6.8).
#include <string>
#include <string_view>

namespace tp::mail {

// Base64 without line breaks.
[[nodiscard]] std::string base64(std::string_view data);
// Base64 in lines of 76 characters, each ending in CRLF (a MIME body).
[[nodiscard]] std::string base64_lines(std::string_view data);
// Quoted-printable for UTF-8 text: line breaks (LF or CRLF) become CRLF, lines stay within 76 characters through
// soft breaks, '=' and every non-ASCII octet are encoded, as is whitespace before a line break and a '.' or
// "From " at the start of a line (some transports mangle those).
[[nodiscard]] std::string quoted_printable(std::string_view text);

}  // namespace tp::mail
