#include <catch2/catch.hpp>

#include "web/listing_query.hpp"
#include "web/query_string.hpp"
#include "web/validate.hpp"

using namespace tp;

TEST_CASE("field rules accept good values and name the problem with bad ones") {
    const auto [which, value, ok] = GENERATE(table<std::string, std::string, bool>({
        {"slug", "mint-barcamp-2027", true},
        {"slug", "", false},
        {"slug", "Mint", false},
        {"slug", "-start", false},
        {"slug", "end-", false},
        {"slug", "ümlaut", false},
        {"slug", std::string(81, 'a'), false},
        {"line", "MINT & Mädchen 🎉", true},
        {"line", "two\nlines", false},
        {"line", std::string(301, 'x'), false},
        {"line",
         [] {
             std::string s;
             for (int i = 0; i < 300; ++i) s += "ä";
             return s;
         }(),
         true},
        {"text", "para 1\n\npara 2\ttab", true},
        {"text", std::string("nul\0", 4), false},
        {"text", std::string(20001, 'x'), false},
        {"line", "Grüße \xff", false},
        {"text", "Zeile\n\xc3", false},
        {"text", "Zeile\nGrüße", true},
        {"email", "anna.mueller@ist-bochum.de", true},
        {"email", "a@b", false},
        {"email", "no-at.example.org", false},
        {"email", "two@@example.org", false},
        {"email", "spa ce@example.org", false},
        {"email", "a@example..org", false},
        {"email", "x@example.org\r\nBcc: victim@example.org", false},
        {"url", "https://www.mint-regionen.de/", true},
        {"url", "http://127.0.0.1:8080/x?y=1", true},
        {"url", "javascript:alert(1)", false},
        {"url", "ftp://example.org/", false},
        {"url", "www.example.org", false},
        {"url", "https://", false},
    }));
    CAPTURE(which, value);
    std::string issue;
    if (which == "slug") issue = web::check_slug(value);
    if (which == "line") issue = web::check_line(value);
    if (which == "text") issue = web::check_text(value);
    if (which == "email") issue = web::check_email(value);
    if (which == "url") issue = web::check_web_url(value);
    CHECK(issue.empty() == ok);
}

TEST_CASE("listing queries parse network, kinds and language") {
    const auto parsed =
        web::parse_listing_query("kind=webinar&network=ist-bochum&kind=barcamp&kind=webinar&lang=en&x=1");
    REQUIRE(std::holds_alternative<web::listing_query>(parsed));
    const auto& q = std::get<web::listing_query>(parsed);
    CHECK(q.network == "ist-bochum");
    CHECK(q.kinds == std::vector{calendar::event_kind::barcamp, calendar::event_kind::webinar});
    CHECK(q.language == web::lang::en);
    CHECK(web::encode_filter(q) == "network=ist-bochum&kind=barcamp&kind=webinar");
    const auto empty = web::parse_listing_query("network=&kind=");
    REQUIRE(std::holds_alternative<web::listing_query>(empty));
    CHECK_FALSE(std::get<web::listing_query>(empty).network);
}

TEST_CASE("the home page's query adds a text search, a month and a page, which feeds do not take") {
    const auto parsed = web::parse_listing_query("q=+Barcamp%20Hamburg+&month=2027-09&page=3&network=ist-bochum");
    REQUIRE(std::holds_alternative<web::listing_query>(parsed));
    const auto& q = std::get<web::listing_query>(parsed);
    CHECK(q.search == "Barcamp Hamburg");
    CHECK(q.month == date::year{2027} / date::September);
    CHECK(q.page == 3);
    CHECK(web::encode_filter(q) == "network=ist-bochum");
    CHECK(web::encode_listing(q) == "network=ist-bochum&q=Barcamp%20Hamburg&month=2027-09&page=3");
    auto first = q;
    first.page = 1;
    first.month.reset();
    CHECK(web::encode_listing(first) == "network=ist-bochum&q=Barcamp%20Hamburg");
    const auto plain = std::get<web::listing_query>(web::parse_listing_query("q=&month=&page="));
    CHECK(plain.search.empty());
    CHECK_FALSE(plain.month);
    CHECK(plain.page == 1);
}

TEST_CASE("bad query values give a message") {
    const auto [query, expected] = GENERATE(table<std::string, std::string>({
        {"month=2027-13", "month: '2027-13'"},
        {"month=2027-9", "month: '2027-9'"},
        {"month=September", "month: 'September'"},
        {"page=0", "page: '0'"},
        {"page=-1", "page: '-1'"},
        {"page=2x", "page: '2x'"},
        {"page=100001", "page: '100001'"},
        {"q=%07", "control characters"},
        {"q=" + std::string(101, 'x'), "q: is longer than 100 characters"},
        {"kind=party", "kind: 'party' is not one of"},
        {"kind=Barcamp", "kind: 'Barcamp'"},
        {"lang=fr", "lang: 'fr'"},
        {"network=a&network=b", "only once"},
        {"network=%3Cscript%3E", "is not a network name"},
        {"network=%ZZ", "malformed"},
    }));
    CAPTURE(query);
    const auto parsed = web::parse_listing_query(query);
    REQUIRE(std::holds_alternative<std::string>(parsed));
    CHECK_THAT(std::get<std::string>(parsed), Catch::Contains(expected));
    const auto german = web::parse_listing_query(query, web::lang::de);
    REQUIRE(std::holds_alternative<std::string>(german));
    CHECK(std::get<std::string>(german) != std::get<std::string>(parsed));  // said in German
}

TEST_CASE("query strings decode like browsers encode forms") {
    using P = web::query_params;
    const auto [text, expected] = GENERATE(table<std::string, std::optional<P>>({
        {"", P{}},
        {"a=1", P{{"a", "1"}}},
        {"a=1&b=x+y&c=%C3%A4%2B", P{{"a", "1"}, {"b", "x y"}, {"c", "ä+"}}},
        {"&&a&b=", P{{"a", ""}, {"b", ""}}},
        {"k%3D=v%26", P{{"k=", "v&"}}},
        {"a=%", std::nullopt},
        {"a=%4", std::nullopt},
        {"a=%G1", std::nullopt},
        {"a=%C3", std::nullopt},
        {"a=%FF", std::nullopt},
    }));
    CAPTURE(text);
    // A copy without a terminating NUL in reach, as requests arrive.
    const std::vector<char> buffer(text.begin(), text.end());
    CHECK(web::parse_query_string(std::string_view(buffer.data(), buffer.size())) == expected);
}

TEST_CASE("the language a query asks for is read on its own, also when the rest is wrong") {
    CHECK(web::language_of_query("kind=party&lang=en") == web::lang::en);
    CHECK(web::language_of_query("lang=de&month=13") == web::lang::de);
    CHECK_FALSE(web::language_of_query("kind=party"));
    CHECK_FALSE(web::language_of_query("lang=fr"));
    CHECK_FALSE(web::language_of_query("lang=%ZZ"));
}
