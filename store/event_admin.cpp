// Events changed by organisers: the same write as an import, plus an audit entry of who changed what.
#include <SQLiteCpp/Transaction.h>

#include "store/registration_steps.hpp"
#include "store/rows.hpp"
#include "store/store.hpp"
#include "store/writes.hpp"

namespace tp::store {
namespace {

std::string changed_fields(const calendar::event& a, const calendar::event& b) {
    std::string out;
    const auto note = [&out](bool changed, const char* name) {
        if (changed) out += (out.empty() ? "" : ", ") + std::string(name);
    };
    note(a.title != b.title, "title");
    note(a.description != b.description, "description");
    note(a.start != b.start || a.end != b.end || a.all_day != b.all_day || a.time_zone != b.time_zone, "time");
    note(a.format != b.format || a.venue != b.venue || a.address != b.address, "place");
    note(a.join_url != b.join_url, "join link");
    note(a.info_url != b.info_url, "information link");
    note(a.capacity != b.capacity, "capacity");
    note(a.registration_opens != b.registration_opens || a.registration_closes != b.registration_closes,
         "registration window");
    note(a.status != b.status, "status");
    note(a.kind != b.kind || a.network_slug != b.network_slug, "kind or network");
    note(a.questions != b.questions, "questions");
    note(a.reminders != b.reminders, "reminders");
    return out;
}

}  // namespace

void write_audit(connection& c, calendar::sys_seconds now, const std::string& actor, std::optional<std::int64_t> event_id,
                 const std::string& action, const std::string& detail) {
    auto add = c.prepare("INSERT INTO audit_log (at, actor, event_id, action, detail) VALUES (?, ?, ?, ?, ?)");
    add->bind(1, to_db(now));
    add->bind(2, actor);
    bind_optional(*add, 3, event_id);
    add->bind(4, action);
    add->bind(5, detail);
    add->exec();
}

bool store::save_event(const calendar::event& e, const std::string& actor) {
    bool created = false;
    {
        std::lock_guard lock(write_mutex_);
        const auto now = clock_();
        SQLite::Transaction tx(writer_->db(), SQLite::TransactionBehavior::IMMEDIATE);
        auto& c = *writer_;
        const auto old = event_for_update(c, e.slug);
        try {
            upsert_event(c, e, now, nullptr);
        } catch (const SQLite::Exception& ex) {
            throw import_error("event '" + e.slug + "': " + ex.what());
        }
        const auto saved = event_for_update(c, e.slug).value();
        const auto changes = old ? changed_fields(old->event, saved.event) : std::string{};
        if (!old) write_audit(c, now, actor, saved.id, "create_event", std::string(calendar::to_string(e.status)));
        else if (!changes.empty()) write_audit(c, now, actor, saved.id, "update_event", changes);
        tx.commit();
        created = !old;
    }
    refresh_data_version();
    return created;
}

bool store::save_series(const calendar::series& s, const std::string& actor) {
    bool created = false;
    {
        std::lock_guard lock(write_mutex_);
        const auto now = clock_();
        SQLite::Transaction tx(writer_->db(), SQLite::TransactionBehavior::IMMEDIATE);
        created = !find_series(*writer_, s.slug);
        try {
            upsert_series(*writer_, s, now);
        } catch (const SQLite::Exception& ex) {
            throw import_error("series '" + s.slug + "': " + ex.what());
        }
        write_audit(*writer_, now, actor, std::nullopt, created ? "create_series" : "update_series", s.slug);
        tx.commit();
    }
    refresh_data_version();
    return created;
}

}  // namespace tp::store
