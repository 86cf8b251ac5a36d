#include <catch2/catch.hpp>

#include "calendar/ics_text.hpp"

using namespace tp::calendar;

namespace {
std::vector<std::string> physical(const std::string& folded) {
    std::vector<std::string> lines;
    for (std::size_t pos = 0; pos < folded.size();) {
        const auto eol = folded.find("\r\n", pos);
        REQUIRE(eol != std::string::npos);
        lines.push_back(folded.substr(pos, eol - pos));
        pos = eol + 2;
    }
    return lines;
}
std::string unfold(const std::vector<std::string>& lines) {
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) out += i == 0 ? lines[i] : lines[i].substr(1);
    return out;
}
bool valid(const std::string& s) { return valid_utf8(s) == s; }
}  // namespace

TEST_CASE("TEXT values escape backslash, semicolon, comma and newlines") {
    const auto [in, out] = GENERATE(table<std::string, std::string>({
        {"plain", "plain"},
        {"a,b;c\\d\n", "a\\,b\\;c\\\\d\\n"},
        {"line1\r\nline2", "line1\\nline2"},
        {"line1\rline2", "line1\\nline2"},
        {"Zeit: 10:00", "Zeit: 10:00"},
        {"tab\there", "tab here"},
        {std::string("nul\0byte", 8), "nulbyte"},
        {"bell\x07", "bell"},
        {"Müller 🎉", "Müller 🎉"},
        {"bad \xC3 byte", "bad \xEF\xBF\xBD byte"},
        // Blanks at either end go: libical drops them on reading (found by fuzz/fuzz_ics_writer).
        {"  padded title \t", "padded title"},
        {"\x01 after a dropped control", "after a dropped control"},
        {" \xDBo", "\xEF\xBF\xBDo"},
        {"\n indented\n", "\\n indented\\n"},
        {"   ", ""},
    }));
    CAPTURE(in);
    CHECK(escape_text(in) == out);
}

TEST_CASE("parameter values are quoted when they hold a comma, colons and semicolons become spaces") {
    CHECK(param_value("Europe/Berlin") == "Europe/Berlin");
    CHECK(param_value("Müller, Anna") == "\"Müller, Anna\"");
    CHECK(param_value("a:b") == "a b");
    CHECK(param_value("a; b") == "a b");
    CHECK(param_value("say \"hi\"") == "say 'hi'");
}

TEST_CASE("folding keeps every physical line within 75 octets and valid UTF-8") {
    // Put a multi-byte character across octet offsets 73..76 of the first line and of continuations.
    const std::string head = "SUMMARY";
    const auto chars = GENERATE(as<std::string>{}, "ä", "€", "🎉", "a");
    const auto pad = GENERATE(range(62, 70));
    std::string value(static_cast<std::size_t>(pad), 'x');
    for (int i = 0; i < 40; ++i) value += chars;
    std::string out;
    append_line(out, head, value);
    const auto lines = physical(out);
    CAPTURE(chars, pad);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        CHECK(lines[i].size() <= 75);
        CHECK(valid(lines[i]));
        if (i > 0) CHECK(lines[i][0] == ' ');
    }
    CHECK(unfold(lines) == head + ":" + value);
}

TEST_CASE("short lines are not folded and end in CRLF") {
    std::string out;
    append_line(out, "VERSION", "2.0");
    CHECK(out == "VERSION:2.0\r\n");
    std::string exact;
    append_line(exact, "X", std::string(73, 'y'));  // 75 octets exactly
    CHECK(exact.find("\r\n ") == std::string::npos);
    std::string over;
    append_line(over, "X", std::string(74, 'y'));
    CHECK(physical(over).size() == 2);
}

TEST_CASE("invalid UTF-8 sequences are replaced, valid ones kept") {
    CHECK(valid_utf8("ok ä 🎉") == "ok ä 🎉");
    CHECK(valid_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong
    CHECK(valid_utf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
    CHECK(valid_utf8("\xF0\x9F\x8E") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // truncated
}
