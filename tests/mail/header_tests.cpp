#include <catch2/catch.hpp>

#include <date/date.h>

#include "calendar/ics_text.hpp"
#include "mail/decode.hpp"
#include "mail/header.hpp"

using namespace tp::mail;

namespace {

// Every physical line of a folded header value fits in 76 characters, and every word in 75.
void check_folding(const std::string& value) {
    std::size_t start = 0;
    while (start <= value.size()) {
        auto end = value.find("\r\n", start);
        if (end == std::string::npos) end = value.size();
        CHECK(end - start <= 76);
        start = end + 2;
    }
}

}  // namespace

TEST_CASE("unstructured header text: ASCII stays, the rest becomes encoded words") {
    const std::pair<std::string_view, std::string_view> table[] = {
        {"Anmeldung", "Anmeldung"},
        {"Registration confirmed", "Registration confirmed"},
        {"Bestätigung", "=?UTF-8?B?QmVzdMOkdGlndW5n?="},
        {"=?UTF-8?B?x?=", "=?UTF-8?B?PT9VVEYtOD9CP3g/PQ==?="},  // looks like an encoded word: encoded itself
    };
    for (const auto& [in, out] : table) {
        CAPTURE(in);
        CHECK(encode_unstructured(in) == out);
    }
}

TEST_CASE("header text never carries a line break or control character") {
    const std::string_view attacks[] = {"Hallo\r\nBcc: all@example.org", "a\nb", "a\rb", "tab\there", "nul\0x"};
    for (const auto in : attacks) {
        CAPTURE(in);
        const auto out = encode_unstructured(in);
        CHECK(out.find_first_of(std::string_view("\r\n\t\0", 4)) == std::string::npos);
    }
    CHECK(encode_unstructured("Hallo\r\nBcc: x") == "Hallo  Bcc: x");
}

TEST_CASE("long non-ASCII text folds into words that never split a character") {
    std::string subject;
    for (int i = 0; i < 40; ++i) subject += "Grüße ";
    subject += "€😀";
    const auto encoded = encode_unstructured(subject);
    check_folding(encoded);
    CHECK(testing::decode_words(encoded) == subject);
    // Each word on its own decodes to whole characters.
    std::size_t at = 0;
    while ((at = encoded.find("=?UTF-8?B?", at)) != std::string::npos) {
        const auto close = encoded.find("?=", at + 10);
        CHECK(close - at + 2 <= 75);
        const auto word = testing::decode_base64(encoded.substr(at + 10, close - at - 10));
        CHECK(tp::calendar::valid_utf8(word) == word);
        at = close;
    }
}

TEST_CASE("invalid UTF-8 in header text becomes U+FFFD") {
    CHECK(testing::decode_words(encode_unstructured("a\xff"
                                                    "b")) ==
          "a\xEF\xBF\xBD"
          "b");
}

TEST_CASE("addresses: valid and invalid") {
    const std::pair<std::string_view, bool> table[] = {
        {"anna@example.org", true},
        {"a.b+tag@sub.example.de", true},
        {"x@y", true},
        {"", false},
        {"no-at", false},
        {"@example.org", false},
        {"anna@", false},
        {"a@b@c", false},
        {"a b@c.de", false},
        {"a\r\n@c.de", false},
        {"<a@b.de>", false},
        {"a\"b@c.de", false},
        {"a,b@c.de", false},
        {"m\xc3\xbc@c.de", false},
    };
    for (const auto& [in, ok] : table) {
        CAPTURE(in);
        CHECK(valid_address(in) == ok);
    }
}

TEST_CASE("mailboxes quote or encode the display name") {
    const std::pair<mailbox, std::string_view> table[] = {
        {{"", "a@b.de"}, "<a@b.de>"},
        {{"Anna Schmidt", "anna@b.de"}, "Anna Schmidt <anna@b.de>"},
        {{"O'Brien, Pat", "p@b.de"}, "\"O'Brien, Pat\" <p@b.de>"},
        {{"Say \"hi\"", "p@b.de"}, "\"Say \\\"hi\\\"\" <p@b.de>"},
        {{"Anna Müller", "anna@b.de"}, "=?UTF-8?B?QW5uYSBNw7xsbGVy?= <anna@b.de>"},
        {{"Evil\r\nBcc: x@y.de", "p@b.de"}, "\"Evil  Bcc: x@y.de\" <p@b.de>"},
    };
    for (const auto& [in, out] : table) {
        CAPTURE(in.name);
        CHECK(format_mailbox(in) == out);
    }
    CHECK_THROWS_AS(format_mailbox({"x", "a@b.de\r\nBcc: c@d.de"}), std::invalid_argument);
    CHECK_THROWS_AS(format_mailbox({"x", "nobody"}), std::invalid_argument);
}

TEST_CASE("dates follow RFC 5322 in UTC") {
    using namespace date::literals;
    using namespace std::chrono;
    CHECK(format_date(date::sys_days{2026_y / 11 / 22} + 10h + 13min + 41s) == "Sun, 22 Nov 2026 10:13:41 +0000");
    CHECK(format_date(date::sys_days{2027_y / 3 / 1}) == "Mon, 01 Mar 2027 00:00:00 +0000");
    CHECK(domain_of("anna@example.org") == "example.org");
    CHECK(domain_of("nobody").empty());
}

TEST_CASE("a header field folds at spaces within 78 characters, and only there") {
    const auto [field, expected] = GENERATE(table<std::string, std::string>({
        {"Subject: short", "Subject: short"},
        {"Message-ID: <outbox-123456.0123456789abcdef0123456789abcdef@treffpunkt.example>",
         "Message-ID:\r\n <outbox-123456.0123456789abcdef0123456789abcdef@treffpunkt.example>"},
        {"Content-Type: multipart/related; type=\"text/html\"; boundary=\"=_tp_rel_b3V0Ym94LTEyMzQ1\"",
         "Content-Type: multipart/related; type=\"text/html\";\r\n boundary=\"=_tp_rel_b3V0Ym94LTEyMzQ1\""},
        {"To: =?UTF-8?B?w6RmdHNzdGVsbGUgdW5kIEtvb3JkaW5hdGlvbg==?=\r\n "
         "=?UTF-8?B?aHNjaHVsZSBmw7xyIGFuZ2V3YW5kdGUgV2lzc2Vuc2NoYWZ0ZW4=?= <a@b.example>",
         "To: =?UTF-8?B?w6RmdHNzdGVsbGUgdW5kIEtvb3JkaW5hdGlvbg==?=\r\n "
         "=?UTF-8?B?aHNjaHVsZSBmw7xyIGFuZ2V3YW5kdGUgV2lzc2Vuc2NoYWZ0ZW4=?=\r\n <a@b.example>"},
        {"X-Long: " + std::string(90, 'x'), "X-Long:\r\n " + std::string(90, 'x')},  // as far as it goes
        {"X-Longer:" + std::string(90, 'x'), "X-Longer:" + std::string(90, 'x')},    // nowhere to fold
    }));
    CHECK(tp::mail::fold_field(field) == expected);
}
