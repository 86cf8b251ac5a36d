#include "web/session_export.hpp"

#include "calendar/zoned.hpp"
#include "web/barcamp_parts.hpp"
#include "web/dates.hpp"

namespace tp::web {

export_table session_table(const calendar::event& barcamp, const calendar::programme& p, lang l) {
    const bool de = l == lang::de;
    export_table t;
    t.header = {de ? "Titel" : "Title",   de ? "Art" : "Kind",  de ? "Leitung" : "Host",
                de ? "Stimmen" : "Votes", de ? "Raum" : "Room", de ? "Tag" : "Day",
                de ? "Von" : "From",      de ? "Bis" : "To",    de ? "Beschreibung" : "Description"};
    using k = cell_kind;
    t.kinds = {k::text, k::text, k::text, k::number, k::text, k::date, k::time, k::time, k::text};
    const auto& zone = barcamp::zone_of(barcamp);
    for (const auto& s : p.sessions) {
        std::vector<std::string> row{s.title, std::string(kind_label(s.kind, l)), s.host, std::to_string(s.votes)};
        if (calendar::is_scheduled(p, s)) {
            const auto& slot = *calendar::find_slot(p, *s.slot);
            const auto from = calendar::to_local(slot.start, zone);
            row.insert(row.end(),
                       {calendar::find_room(p, *s.room)->name, calendar::format_iso_date(date::floor<date::days>(from)),
                        format_time(from), format_time(calendar::to_local(slot.end, zone))});
        } else {
            row.insert(row.end(), 4, std::string{});
        }
        row.push_back(s.description);
        t.rows.push_back(std::move(row));
    }
    return t;
}

}  // namespace tp::web
