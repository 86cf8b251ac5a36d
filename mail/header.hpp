#pragma once
// RFC 5322 header values from untrusted text: RFC 2047 encoded words for non-ASCII, no line breaks ever.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace tp::mail {

struct mailbox {
    std::string name;     // display name, any UTF-8 ("Müller, Anna"); may be empty
    std::string address;  // local@domain
};

// Unstructured text (Subject): printable ASCII stays as it is; anything else becomes =?UTF-8?B?...?= words of at
// most 75 characters, split between characters, folded with CRLF SP. Line breaks and other control characters
// become spaces, invalid UTF-8 becomes U+FFFD: nothing a person typed can start a header of its own.
[[nodiscard]] std::string encode_unstructured(std::string_view text);
// "Name: value" folded at spaces (RFC 5322 2.2.3: a CRLF before a space) so no line exceeds 78 characters where a
// space allows; lines already folded stay. A line without a space to fold at stays whole (998 at most).
[[nodiscard]] std::string fold_field(std::string_view field);

// An address fit for a header and for SMTP: one @, no spaces, quotes, angle brackets or control characters.
[[nodiscard]] bool valid_address(std::string_view address);

// "Name" <address> (the name quoted or encoded as needed), or just <address> without a name. Throws
// std::invalid_argument for an invalid address.
[[nodiscard]] std::string format_mailbox(const mailbox& m);

// RFC 5322 3.3 date in UTC: "Sun, 22 Nov 2026 10:13:41 +0000".
[[nodiscard]] std::string format_date(std::chrono::sys_seconds t);

// The domain part of an address ("" when there is none).
[[nodiscard]] std::string_view domain_of(std::string_view address);

}  // namespace tp::mail
