#include <catch2/catch.hpp>

#include "web/registration_input.hpp"

using namespace tp;

TEST_CASE("a registration body decodes") {
    const auto r = web::parse_registration_json(
        R"({"name": " Anna Müller ", "email": "anna@ist-bochum.de", "organisation": "IST", "consent": true,
            "answers": {}})");
    REQUIRE(std::holds_alternative<web::registration_input>(r));
    const auto& in = std::get<web::registration_input>(r);
    CHECK(in.name == "Anna Müller");
    CHECK(in.email == "anna@ist-bochum.de");
    CHECK(in.organisation == "IST");
}

TEST_CASE("every bad field gets its own message") {
    const auto [body, field, message] = GENERATE(table<std::string, std::string, std::string>({
        {"", "body", "is not valid JSON"},
        {"[]", "body", "must be a JSON object"},
        {"{\"name\": \"\xC3\x28\"}", "body", "is not valid JSON"},
        {R"({"email": "a@b.de", "consent": true})", "name", "is required"},
        {R"({"name": "", "email": "a@b.de", "consent": true})", "name", "is required"},
        {R"({"name": 5, "email": "a@b.de", "consent": true})", "name", "must be text"},
        {R"({"name": "A\u0007", "email": "a@b.de", "consent": true})", "name", "control characters"},
        {R"({"name": "A", "consent": true})", "email", "is required"},
        {R"({"name": "A", "email": "not-an-address", "consent": true})", "email", "is not an email address"},
        {R"({"name": "A", "email": "a@b.de\r\nBcc: x@y.de", "consent": true})", "email", "control characters"},
        {R"({"name": "A", "email": "a@b.de"})", "consent", "must be true"},
        {R"({"name": "A", "email": "a@b.de", "consent": "yes"})", "consent", "must be true"},
        {R"({"name": "A", "email": "a@b.de", "consent": true, "answers": 3})", "answers", "must be an object"},
        {R"({"name": "A", "email": "a@b.de", "consent": true, "admin": true})", "admin", "is not a known field"},
    }));
    CAPTURE(body);
    const auto r = web::parse_registration_json(body);
    REQUIRE(std::holds_alternative<web::field_errors>(r));
    const auto& errors = std::get<web::field_errors>(r);
    REQUIRE(errors.count(field) == 1);
    CHECK_THAT(errors.at(field), Catch::Contains(message));
}

TEST_CASE("a name longer than 200 characters is refused") {
    const std::string body = R"({"name": ")" + std::string(201, 'x') + R"(", "email": "a@b.de", "consent": true})";
    const auto r = web::parse_registration_json(body);
    REQUIRE(std::holds_alternative<web::field_errors>(r));
    CHECK(std::get<web::field_errors>(r).count("name") == 1);
}
