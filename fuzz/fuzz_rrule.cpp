// RRULE text as organisers type it and imports carry it. Properties: parsing either succeeds or throws
// invalid_rrule (nothing else); the canonical text parses to the same rule; expanding a parsed rule over a
// year stays within the limits and yields occurrences in order.
#include <cstdint>
#include <string_view>

#include "calendar/rrule.hpp"
#include "calendar/rrule_expand.hpp"
#include "calendar/zoned.hpp"
#include "check.hpp"

namespace {

void check_expansion(const tp::calendar::rrule& rule) {
    using namespace std::chrono;
    using tp::fuzz::require;
    const auto& zone = *tp::calendar::find_zone("Europe/Berlin");
    const auto first = tp::calendar::parse_local_date_time("2027-03-28T02:30");  // in the spring DST gap
    const tp::calendar::sys_seconds from{seconds{1'798'761'600}};                // 2027-01-01
    const auto to = from + hours{24 * 366};
    const auto occurrences = tp::calendar::expand(rule, first, zone, from, to, 400);
    require(occurrences.size() <= 400, "the limit holds");
    for (std::size_t i = 1; i < occurrences.size(); ++i)
        require(occurrences[i - 1].start < occurrences[i].start, "occurrences come in order, without repeats");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using tp::fuzz::require;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    tp::calendar::rrule rule;
    try {
        rule = tp::calendar::parse_rrule(text);
    } catch (const tp::calendar::invalid_rrule& e) {
        require(*e.what() != '\0', "a refused rule says why");
        return 0;
    }
    const auto canonical = tp::calendar::to_string(rule);
    require(tp::calendar::parse_rrule(canonical) == rule, "the canonical text parses to the same rule");
    check_expansion(rule);
    return 0;
}
