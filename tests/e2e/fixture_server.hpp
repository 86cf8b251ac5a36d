#pragma once
// A test server loaded with tests/fixtures/conformance.json.
#include "e2e/http_client.hpp"
#include "e2e/test_server.hpp"

namespace tp::testing {

inline const std::string& conformance_json() {
    static const std::string json = read_file(std::string(TREFFPUNKT_FIXTURES) + "/conformance.json");
    return json;
}

struct fixture_server : test_server {
    explicit fixture_server(server::server_limits limits = {}, unsigned rate_limit = 0)
        : test_server(limits, 2, rate_limit) {
        import_into(db(), conformance_json());
    }
};

}  // namespace tp::testing
