#include "web/series_changes.hpp"

#include <map>

#include "calendar/zoned.hpp"
#include "web/dates.hpp"
#include "web/fill.hpp"
#include "web/i18n.hpp"

namespace tp::web {
html series_changes(const page_context& ctx, const calendar::series& s) {
    const auto& str = strings_for(ctx.language);
    const auto* zone = calendar::find_zone(s.time_zone);
    if (!zone) return {};
    const auto today = calendar::to_local(ctx.now, *zone);
    const auto words_of = [&](date::local_seconds t) {  // a date in words as the rule's wall time shows it
        return format_instant(calendar::resolve_local(t, *zone), s.time_zone, ctx.language);
    };
    std::map<date::local_seconds, std::string> lines;  // by original date
    for (const auto& skipped : s.exdates)
        if (skipped >= today) lines[skipped] = fill(str.date_skipped, {{"date", words_of(skipped)}});
    for (const auto& o : s.overrides) {
        if (o.original_start < today) continue;
        const auto date = words_of(o.original_start);
        if (o.status == calendar::event_status::cancelled)
            lines[o.original_start] = fill(str.date_cancelled, {{"date", date}});
        else if (o.start && calendar::to_local(*o.start, *zone) != o.original_start)
            lines[o.original_start] =
                fill(str.date_moved, {{"date", date}, {"new", format_instant(*o.start, s.time_zone, ctx.language)}});
    }
    if (lines.empty()) return {};
    html items;
    for (const auto& [when, words] : lines) items += tag("li", text(words));
    return tag(
        "section", {{"aria-labelledby", "changed-dates"}},
        tag("h2", {{"id", "changed-dates"}}, text(str.changed_dates)) + tag("ul", {{"class", "changes"}}, items));
}

}  // namespace tp::web
