#include <catch2/catch.hpp>

#include "calendar/zoned.hpp"
#include "sample_event.hpp"
#include "web/event_listing.hpp"
#include "web/search_memo.hpp"

using namespace tp;

namespace {

const auto* berlin = calendar::find_zone("Europe/Berlin");

calendar::event at(std::string slug, std::string title, const char* local_start) {
    auto e = testing::sample_event();
    e.slug = std::move(slug);
    e.title = std::move(title);
    e.network_name = "zdi-Netzwerk IST.Bochum.NRW";
    e.venue = "Zeche Hannover";
    e.address = "Günnigfelder Str. 251, 44793 Bochum";
    e.start = calendar::resolve_local(calendar::parse_local_date_time(local_start), *berlin);
    e.end = e.start + std::chrono::hours{2};
    return e;
}

std::vector<std::string> slugs(const web::listing_selection& s) {
    std::vector<std::string> out;
    for (const auto& e : s.shown) out.push_back(e.slug);
    return out;
}

std::vector<calendar::event> sample() {
    auto hamburg = at("barcamp", "MINT:Barcamp", "2027-09-18T10:00");
    hamburg.network_name = "Netzwerk MINT-Regionen (bundesweit)";
    hamburg.venue = "Körber-Forum";
    hamburg.address = "Kehrwieder 12, 20457 Hamburg";
    // Midnight on 1 October in Berlin is still 30 September in UTC: the month is the event's local one.
    return {at("robotik", "Robotik-Werkstatt", "2027-09-02T14:00"), hamburg,
            at("maedchen", "Webinar: MINT & Mädchen", "2027-10-01T00:30"),
            at("oeztuerk", "Gespräch mit Ülkü Öztürk", "2027-12-05T18:00")};
}

}  // namespace

TEST_CASE("the search finds every word in title, network, venue or address, ignoring case and accents") {
    web::search_memo memo;
    const auto events = sample();
    const auto [search, expected] = GENERATE(table<std::string, std::vector<std::string>>({
        {"", {"robotik", "barcamp"}},  // the first month with events
        {"barcamp", {"barcamp"}},
        {"HAMBURG", {"barcamp"}},          // the address
        {"körber", {"barcamp"}},           // the venue
        {"korber", {"barcamp"}},           // without the umlaut
        {"bundesweit", {"barcamp"}},       // the network's name
        {"madchen", {"maedchen"}},         // title, folded
        {"ozturk ulku", {"oeztuerk"}},     // every word, in any order
        {"zeche werkstatt", {"robotik"}},  // venue and title together
        {"zeche hamburg", {}},             // no event has both
        {"kein-treffer", {}},
    }));
    CAPTURE(search);
    web::listing_query q;
    q.search = search;
    CHECK(slugs(web::select_listing(events, q, memo)) == expected);
}

TEST_CASE("the listing shows one month, the first with events unless another is asked for, with counts") {
    web::search_memo memo;
    const auto events = sample();
    web::listing_query q;
    auto s = web::select_listing(events, q, memo);
    CHECK(s.month == date::year{2027} / date::September);
    CHECK(s.matching == 4);
    REQUIRE(s.months.size() == 3);
    CHECK(s.months[0].month == date::year{2027} / date::September);
    CHECK(s.months[0].events == 2);
    CHECK(s.months[1].month == date::year{2027} / date::October);  // local month, not UTC's September
    CHECK(s.months[2].month == date::year{2027} / date::December);
    q.month = date::year{2027} / date::December;
    CHECK(slugs(web::select_listing(events, q, memo)) == std::vector<std::string>{"oeztuerk"});
    q.month = date::year{2027} / date::November;  // asked for, but empty: shown empty, the months still listed
    s = web::select_listing(events, q, memo);
    CHECK(s.shown.empty());
    CHECK(s.month == date::year{2027} / date::November);
    CHECK(s.months.size() == 3);
}

TEST_CASE("a month with many events is split into pages, and a page past the last shows the last") {
    web::search_memo memo;
    std::vector<calendar::event> events;
    for (int i = 0; i < 25; ++i)
        events.push_back(at("e" + std::to_string(i), "Treffen " + std::to_string(i), "2027-09-10T10:00"));
    web::listing_query q;
    q.page = 3;
    auto s = web::select_listing(events, q, memo, 10);
    CHECK(s.pages == 3);
    CHECK(s.page == 3);
    CHECK(slugs(s) == std::vector<std::string>{"e20", "e21", "e22", "e23", "e24"});
    q.page = 9;
    s = web::select_listing(events, q, memo, 10);
    CHECK(s.page == 3);
    CHECK(s.shown.size() == 5);
    q.page = 1;
    CHECK(web::select_listing(events, q, memo, 10).shown.size() == 10);
}

TEST_CASE("the memo folds as fold_for_search does and keeps at most its capacity") {
    web::search_memo memo(2);
    CHECK(memo.folded("Ülkü Yılmaz") == "ulku yilmaz");
    CHECK(memo.folded("Ülkü Yılmaz") == "ulku yilmaz");
    CHECK(memo.folded("JÖRG") == "jorg");
    CHECK(memo.folded("Öztürk") == "ozturk");  // a third text: the memo starts again
    CHECK(memo.size() <= 2);
}

TEST_CASE("the API's pages run across months, count what the search matches, and past the last show nothing") {
    web::search_memo memo;
    std::vector<calendar::event> events;
    for (int i = 0; i < 25; ++i)
        events.push_back(at("e" + std::to_string(i), (i % 5 == 0 ? "Robotik " : "Treffen ") + std::to_string(i),
                            i < 12 ? "2027-09-10T10:00" : "2027-11-10T10:00"));
    struct row {
        std::string search;
        int page;
        std::vector<std::string> shown;
        int pages;
        std::size_t matching;
    };
    const auto r = GENERATE(values<row>({
        {"", 1, {"e0", "e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9"}, 3, 25},
        {"", 2, {"e10", "e11", "e12", "e13", "e14", "e15", "e16", "e17", "e18", "e19"}, 3, 25},  // both months
        {"", 3, {"e20", "e21", "e22", "e23", "e24"}, 3, 25},
        {"", 4, {}, 3, 25},
        {"robotik", 1, {"e0", "e5", "e10", "e15", "e20"}, 1, 5},
        {"robotik", 2, {}, 1, 5},
        {"nirgends", 1, {}, 1, 0},
    }));
    CAPTURE(r.search, r.page);
    const auto s = web::select_page(events, r.search, r.page, memo, 10);
    std::vector<std::string> shown;
    for (const auto& e : s.shown) shown.push_back(e.slug);
    CHECK(shown == r.shown);
    CHECK(s.pages == r.pages);
    CHECK(s.matching == r.matching);
}
