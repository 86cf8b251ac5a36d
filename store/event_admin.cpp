// Events changed by organisers: the same write as an import, plus an audit entry of who changed what.

#include <boost/json.hpp>

#include "calendar/zoned.hpp"
#include "store/registration_steps.hpp"
#include "store/rows.hpp"
#include "store/event_store.hpp"
#include "store/writes.hpp"

namespace tp::store {
namespace {

namespace json = boost::json;

// "2027-09-20T10:00" in the event's zone: how the audit shows times (the page formats them further).
std::string local_text(calendar::sys_seconds t, const std::string& zone) {
    const auto* z = calendar::find_zone(zone);
    return calendar::format_iso_local(z ? z->to_local(t) : date::local_seconds{t.time_since_epoch()});
}

std::string place_text(const calendar::event& e) {
    std::string out(calendar::to_string(e.format));
    for (const auto* part : {&e.venue, &e.address})
        if (!part->empty()) out += ", " + *part;
    return out;
}

std::string seats_text(const std::optional<int>& capacity) { return capacity ? std::to_string(*capacity) : "-"; }

// What changed, as the audit keeps it: [{"field": "place", "from": "in_person, Zeche Hannover", "to": ...}].
// Long texts (description, questions) and links name only the field.
std::string changed_fields(const calendar::event& a, const calendar::event& b) {
    json::array out;
    const auto note = [&out](bool changed, const char* field, std::string from = {}, std::string to = {}) {
        if (!changed) return;
        json::object change{{"field", field}};
        if (from != to) change["from"] = from, change["to"] = to;
        out.push_back(std::move(change));
    };
    note(a.title != b.title, "title", a.title, b.title);
    note(a.description != b.description, "description");
    note(a.start != b.start || a.end != b.end || a.all_day != b.all_day || a.time_zone != b.time_zone, "time",
         local_text(a.start, a.time_zone) + " – " + local_text(a.end, a.time_zone),
         local_text(b.start, b.time_zone) + " – " + local_text(b.end, b.time_zone));
    note(a.format != b.format || a.venue != b.venue || a.address != b.address, "place", place_text(a), place_text(b));
    note(a.join_url != b.join_url, "join_url");
    note(a.info_url != b.info_url, "info_url");
    note(a.capacity != b.capacity, "capacity", seats_text(a.capacity), seats_text(b.capacity));
    note(a.registration_opens != b.registration_opens || a.registration_closes != b.registration_closes,
         "registration_window");
    note(a.status != b.status, "status", std::string(calendar::to_string(a.status)),
         std::string(calendar::to_string(b.status)));
    note(a.kind != b.kind, "kind", std::string(calendar::to_string(a.kind)), std::string(calendar::to_string(b.kind)));
    note(a.questions != b.questions, "questions");
    note(a.reminders != b.reminders, "reminders");
    return out.empty() ? std::string{} : json::serialize(out);
}

}  // namespace

void write_audit(connection& c, calendar::sys_seconds now, const std::string& actor,
                 std::optional<std::int64_t> event_id, const std::string& action, const std::string& detail) {
    auto add = c.prepare("INSERT INTO audit_log (at, actor, event_id, action, detail) VALUES (?, ?, ?, ?, ?)");
    add->bind(1, to_db(now));
    add->bind(2, actor);
    bind_optional(*add, 3, event_id);
    add->bind(4, action);
    add->bind(5, detail);
    add->exec();
}

namespace {

// Who may write a row with this slug: creating needs a free slug, changing an existing row its network's manager.
void check_save(const actor& by, event_store::save_mode mode, std::string_view what, const std::string& slug,
                const std::optional<std::string>& old_network, const std::string& new_network) {
    if (mode == event_store::save_mode::create && old_network)
        throw field_refusal(field_refusal::kind::slug_taken, "slug", slug,
                            std::string(what) + " '" + slug + "' exists already; choose another short name");
    if (mode == event_store::save_mode::change && !old_network)
        throw not_found_error(std::string(what) + " '" + slug + "' does not exist");
    if (old_network) by.require(*old_network, std::string(what) + " '" + slug + "'");
    by.require(new_network, std::string(what) + " '" + slug + "'");
}

}  // namespace

void event_store::save_event(const calendar::event& e, const actor& by, save_mode mode) {
    db_.write([&](connection& c, sys_seconds now) {
        const auto old = event_for_update(c, e.slug);
        check_save(by, mode, "event", e.slug, old ? std::optional(old->event.network_slug) : std::nullopt,
                   e.network_slug);
        try {
            upsert_event(c, e, now, nullptr);
        } catch (const SQLite::Exception& ex) {
            throw import_error("event '" + e.slug + "': " + ex.what());
        }
        const auto saved = event_for_update(c, e.slug).value();
        const auto changes = old ? changed_fields(old->event, saved.event) : std::string{};
        if (!old)
            write_audit(c, now, by.name(), saved.id, "create_event", std::string(calendar::to_string(e.status)));
        else if (!changes.empty())
            write_audit(c, now, by.name(), saved.id, "update_event", changes);
    });
}

void event_store::save_series(const calendar::series& s, const actor& by, save_mode mode) {
    db_.write([&](connection& c, sys_seconds now) {
        const auto old = find_series(c, s.slug);
        check_save(by, mode, "series", s.slug, old ? std::optional(old->network_slug) : std::nullopt, s.network_slug);
        try {
            upsert_series(c, s, now);
        } catch (const SQLite::Exception& ex) {
            throw import_error("series '" + s.slug + "': " + ex.what());
        }
        write_audit(c, now, by.name(), std::nullopt, old ? "update_series" : "create_series", s.slug);
    });
}

}  // namespace tp::store
