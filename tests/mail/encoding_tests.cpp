#include <catch2/catch.hpp>

#include "mail/encoding.hpp"
#include "mail/decode.hpp"

using namespace tp::mail;

TEST_CASE("base64 matches the RFC 4648 test vectors") {
    const std::pair<std::string_view, std::string_view> table[] = {
        {"", ""},
        {"f", "Zg=="},
        {"fo", "Zm8="},
        {"foo", "Zm9v"},
        {"foob", "Zm9vYg=="},
        {"fooba", "Zm9vYmE="},
        {"foobar", "Zm9vYmFy"},
        {"\xff\xfe", "//4="},
    };
    for (const auto& [in, out] : table) {
        CAPTURE(in);
        CHECK(base64(in) == out);
    }
}

TEST_CASE("base64 lines are 76 characters with CRLF and decode to the input") {
    std::string data;
    for (int i = 0; i < 1000; ++i) data += static_cast<char>(i % 256);
    const auto lines = base64_lines(data);
    std::size_t start = 0;
    while (start < lines.size()) {
        const auto end = lines.find("\r\n", start);
        REQUIRE(end != std::string::npos);
        CHECK(end - start <= 76);
        start = end + 2;
    }
    CHECK(testing::decode_base64(lines) == data);
}

TEST_CASE("quoted-printable encodes what it must and nothing else") {
    const std::pair<std::string_view, std::string_view> table[] = {
        {"Hallo", "Hallo\r\n"},
        {"Grüße", "Gr=C3=BC=C3=9Fe\r\n"},
        {"a=b", "a=3Db\r\n"},
        {"trailing \nspace", "trailing=20\r\nspace\r\n"},
        {"tab\t", "tab=09\r\n"},
        {".\n", "=2E\r\n"},
        {"From here", "=46rom here\r\n"},
        {"one\r\ntwo", "one\r\ntwo\r\n"},
        {"two\n\nbreaks\n", "two\r\n\r\nbreaks\r\n"},
        {"bell\x07", "bell=07\r\n"},
    };
    for (const auto& [in, out] : table) {
        CAPTURE(in);
        CHECK(quoted_printable(in) == out);
    }
}

TEST_CASE("quoted-printable keeps lines within 76 characters and round-trips") {
    const std::string_view inputs[] = {
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "ääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääää",
        "Eine Zeile mit = Zeichen und Umlauten öäü, die deutlich länger ist als sechsundsiebzig Zeichen am Stück.",
        "exactly seventy-six characters long line aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    };
    for (const auto in : inputs) {
        CAPTURE(in);
        const auto encoded = quoted_printable(in);
        std::size_t start = 0;
        while (start < encoded.size()) {
            const auto end = encoded.find("\r\n", start);
            CHECK(end - start <= 76);
            start = end + 2;
        }
        CHECK(testing::decode_quoted_printable(encoded) == std::string(in) + "\r\n");
    }
}
