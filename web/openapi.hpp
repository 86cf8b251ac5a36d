#pragma once
// The OpenAPI 3 description of the JSON API, served at /api/v1/openapi.json (a test calls every operation in it
// on the real server and checks the answer is one the document lists).
#include <string_view>

namespace tp::web {

[[nodiscard]] std::string_view openapi_document();

}  // namespace tp::web
