#pragma once
// A published in-person event in Berlin for writer tests; callers change what they need.
#include "calendar/types.hpp"
#include "calendar/zoned.hpp"

namespace tp::testing {

inline calendar::event sample_event(std::string slug = "mint-barcamp-2027") {
    calendar::event e;
    e.id = 1;
    e.uid = slug + "@treffpunkt.test";
    e.slug = std::move(slug);
    e.network_slug = "ist-bochum";
    e.network_name = "zdi-Netzwerk IST.Bochum.NRW";
    e.kind = calendar::event_kind::barcamp;
    e.title = "MINT:Barcamp";
    e.description = "Sessions, proposed on the day.";
    const auto& berlin = *calendar::find_zone("Europe/Berlin");
    e.start = calendar::resolve_local(calendar::parse_local_date_time("2027-09-20T10:00"), berlin);
    e.end = calendar::resolve_local(calendar::parse_local_date_time("2027-09-20T17:00"), berlin);
    e.venue = "Körber-Forum";
    e.address = "Kehrwieder 12, 20457 Hamburg";
    e.capacity = 120;
    e.created_at = e.start - std::chrono::hours{24 * 90};
    e.updated_at = e.created_at + std::chrono::hours{3};
    return e;
}

}  // namespace tp::testing
