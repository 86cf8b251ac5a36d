#include "web/listing_strings.hpp"

namespace tp::web {
namespace {

const listing_strings german{
    .search = "Suche",
    .search_hint = "Titel, Netzwerk oder Ort, etwa „Robotik Bochum“",
    .months = "Monate",
    .pages = "Seiten",
    .page_of = "Seite {page} von {pages}",
    .previous_page = "Vorherige Seite",
    .next_page = "Nächste Seite",
    .previous_month = "Zurück: {month}",
    .next_month = "Weiter: {month}",
    .results = "{count} Veranstaltungen gefunden für „{search}“.",
    .result_one = "Eine Veranstaltung gefunden für „{search}“.",
    .no_results = "Keine Veranstaltung gefunden für „{search}“. Versuchen Sie ein anderes Wort oder alle Netzwerke.",
    .no_events_in_month = "In diesem Monat gibt es keine passenden Veranstaltungen.",
    .event_count = "{count} Veranstaltungen",
    .event_count_one = "1 Veranstaltung",
};

const listing_strings english{
    .search = "Search",
    .search_hint = "Title, network or place, such as “robotics Bochum”",
    .months = "Months",
    .pages = "Pages",
    .page_of = "Page {page} of {pages}",
    .previous_page = "Previous page",
    .next_page = "Next page",
    .previous_month = "Back: {month}",
    .next_month = "Next: {month}",
    .results = "{count} events found for “{search}”.",
    .result_one = "One event found for “{search}”.",
    .no_results = "No event found for “{search}”. Try another word or all networks.",
    .no_events_in_month = "There are no matching events in this month.",
    .event_count = "{count} events",
    .event_count_one = "1 event",
};

}  // namespace

const listing_strings& listing_strings_for(lang l) { return l == lang::de ? german : english; }

}  // namespace tp::web
