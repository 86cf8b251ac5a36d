// The whole application without a socket: the input is the bytes a client sends, read by the same Beast parser
// and limits as the server, then routed by app::handle over a database with the demo data (networks, events,
// series, a barcamp programme). Properties: nothing throws past handle(), no request makes a 500 (a 500 is a
// bug: bad input must get a 4xx that says why), every answer with a body says its Content-Type, and every answer
// is counted under a label of the route table (or one of the router's own refusals).
#include <boost/beast/http.hpp>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>

#include "check.hpp"
#include "server/app.hpp"
#include "server/demo_data.hpp"
#include "server/http_server.hpp"
#include "server/routes.hpp"
#include "web/import_document.hpp"

namespace {

namespace http = boost::beast::http;
using tp::fuzz::require;

const tp::calendar::sys_seconds fixed_now{std::chrono::seconds{1'798'761'600}};  // 2027-01-01T00:00:00Z

std::string database_path() {
    const char* dir = std::getenv("TMPDIR");
    return std::string(dir != nullptr ? dir : "/tmp") + "/treffpunkt-fuzz-router-" + std::to_string(getpid()) + ".db";
}

void remove_database() {
    const auto path = database_path();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

struct world {
    tp::store::store db{database_path(), [] { return fixed_now; }};
    tp::server::app application{db, {"http://127.0.0.1:8080", 0, {}}, [] { return fixed_now; }};

    world() {
        std::atexit(remove_database);
        const auto parsed =
            tp::web::parse_import(tp::server::demo_document(date::local_days{date::year{2026} / 12 / 1}));
        require(parsed.errors.empty(), "the demo data imports");
        db.upsert(parsed.document.networks, parsed.document.events, parsed.document.series);
        tp::server::add_demo_programme(db);
    }
};

world& the_world() {
    static world w;
    return w;
}

// The request as the server's parser reads it, or nothing when the server would refuse the bytes themselves.
std::unique_ptr<tp::server::request_parser> parse(std::string_view bytes) {
    const tp::server::server_limits limits;
    auto parser = std::make_unique<tp::server::request_parser>();
    parser->header_limit(limits.header_limit);
    parser->body_limit(limits.body_limit);
    parser->eager(true);
    boost::beast::error_code ec;
    const auto used = parser->put(boost::asio::buffer(bytes.data(), bytes.size()), ec);
    if (ec || used == 0 || !parser->is_done()) return nullptr;
    return parser;
}

// The labels answers are counted under: one per route of the table, and the router's and the server's own.
bool known_label(std::string_view label) {
    for (const auto& r : tp::server::route_table())
        if (r.label == label) return true;
    for (const std::string_view own :
         {"not_found", "method_not_allowed", "bad_request", "rejected", "unavailable", "forbidden", "refused", "error"})
        if (own == label) return true;
    return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto& w = the_world();
    const auto parser = parse(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!parser) return 0;
    const auto result = w.application.handle(parser->get(), "203.0.113.7");
    const auto status = result.res.result_int();
    require(status >= 200 && status < 600, "a real status");
    require(status != 500, "no request makes a 500");
    require(!result.route.empty(), "every answer is counted under a route");
    const bool has_body = tp::server::shared_body::size(result.res.body()) > 0;
    require(!has_body || result.res.count(http::field::content_type) > 0, "a body has a Content-Type");
    require(known_label(result.route), "every answer is counted under a route of the table or a refusal");
    return 0;
}
