// The query of listings and feeds (?network=...&kind=...&lang=...), which calendar clients append to as they
// like. Properties: a query either parses or gets a message; a parsed filter, encoded canonically, parses to
// the same filter, and encoding that gives the same text.
#include <cstdint>
#include <string_view>

#include "check.hpp"
#include "web/listing_query.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using tp::fuzz::require;
    const std::string_view query(reinterpret_cast<const char*>(data), size);
    const auto parsed = tp::web::parse_listing_query(query);
    if (const auto* message = std::get_if<std::string>(&parsed)) {
        require(!message->empty(), "a refused query says why");
        return 0;
    }
    const auto& filter = std::get<tp::web::listing_query>(parsed);
    const auto canonical = tp::web::encode_filter(filter);
    const auto again = tp::web::parse_listing_query(canonical);
    require(std::holds_alternative<tp::web::listing_query>(again), "the canonical query parses");
    const auto& second = std::get<tp::web::listing_query>(again);
    require(second.network == filter.network && second.kinds == filter.kinds, "the canonical query means the same");
    require(tp::web::encode_filter(second) == canonical, "the canonical form is stable");
    return 0;
}
