#include <catch2/catch.hpp>

#include "calendar/zoned.hpp"
#include "web/series_changes.hpp"

using namespace tp;

namespace {
date::local_seconds wall(const char* text) { return calendar::parse_local_date_time(text); }
}  // namespace

TEST_CASE("a series page lists the skipped, cancelled and moved dates still to come") {
    const auto& berlin = *calendar::find_zone("Europe/Berlin");
    calendar::series s;
    s.time_zone = "Europe/Berlin";
    s.exdates = {wall("2027-01-26T17:00"), wall("2027-04-27T17:00")};  // the first one is past
    calendar::series_override moved;
    moved.original_start = wall("2027-05-25T17:00");
    moved.start = calendar::resolve_local(wall("2027-05-27T17:00"), berlin);
    calendar::series_override cancelled;
    cancelled.original_start = wall("2027-03-30T17:00");
    cancelled.status = calendar::event_status::cancelled;
    calendar::series_override retitled;  // same time, other title: not a changed date
    retitled.original_start = wall("2027-06-29T17:00");
    retitled.start = calendar::resolve_local(wall("2027-06-29T17:00"), berlin);
    s.overrides = {cancelled, moved, retitled};
    const web::page_context ctx{web::lang::de, false, "http://127.0.0.1:8080",
                                "/",           "",    calendar::resolve_local(wall("2027-02-01T00:00"), berlin)};
    const auto html = web::series_changes(ctx, s).str();
    CHECK_THAT(html, Catch::Contains("<h2 id=\"changed-dates\">Geänderte Termine</h2><ul class=\"changes\">"
                                     "<li>Dienstag, 30. März 2027, 17:00 Uhr ist abgesagt.</li>"
                                     "<li>Dienstag, 27. April 2027, 17:00 Uhr entfällt.</li>"
                                     "<li>Dienstag, 25. Mai 2027, 17:00 Uhr ist verschoben auf "
                                     "Donnerstag, 27. Mai 2027, 17:00 Uhr.</li></ul>"));
    CHECK(html.find("Januar") == std::string::npos);
    CHECK(html.find("29. Juni") == std::string::npos);
    auto english = ctx;
    english.language = web::lang::en;
    CHECK_THAT(web::series_changes(english, s).str(), Catch::Contains("Tuesday, 27 April 2027, 17:00 is skipped."));
    s.exdates.clear();
    s.overrides.clear();
    CHECK(web::series_changes(ctx, s).str().empty());
}
