// Data protection: forgetting a person on request and anonymising the attendees of past events, with an audit
// log that says what happened without saying to whom.

#include "store/registration_steps.hpp"
#include "store/rows.hpp"
#include "store/privacy_store.hpp"
#include "store/writes.hpp"

namespace tp::store {
namespace {

// Blanks the person's fields of the registrations `where` selects (with ?1 bound to `value`), drops their
// messages and idempotency keys, and for a whole person their personal feed (past events alone leave it: it
// still serves their future ones). Status and times stay, so counts for reports remain right.
int anonymise(connection& c, const std::string& where, const auto& value, calendar::sys_seconds now,
              bool whole_person) {
    const auto ids = "SELECT id FROM registrations WHERE anonymised_at IS NULL AND " + where;
    for (const auto* sql : {"DELETE FROM personal_feeds WHERE email_key IN (SELECT email_key FROM registrations WHERE "
                            "id IN (%))",
                            "DELETE FROM outbox WHERE registration_id IN (%)",
                            "DELETE FROM idempotency_keys WHERE registration_id IN (%)"}) {
        if (!whole_person && std::string_view(sql).find("personal_feeds") != std::string_view::npos) continue;
        std::string statement(sql);
        statement.replace(statement.find('%'), 1, ids);
        auto drop = c.prepare(statement);
        drop->bind(1, value);
        drop->exec();
    }
    auto update = c.prepare(
        "UPDATE registrations SET name = '', email = '', email_key = 'anonymised-' || id, "
        "organisation = '', answers = '{}', anonymised_at = ?2 WHERE anonymised_at IS NULL AND " +
        where);
    update->bind(1, value);
    update->bind(2, to_db(now));
    return update->exec();
}

}  // namespace

int privacy_store::forget_person(const std::string& email, const actor& by) {
    by.require_everywhere("forgetting a person");
    return db_.write([&](connection& c, sys_seconds now) {
        std::vector<registration> active;
        {
            auto find = c.prepare("SELECT " + unranked_columns +
                                  " WHERE r.email_key = ? AND r.status IN ('pending', "
                                  "'confirmed', 'waitlisted')");
            find->bind(1, email_key(email));
            while (find->executeStep()) active.push_back(registration_from_row(*find));
        }
        for (const auto& r : active) {
            move(c, r, registration_status::cancelled, now);
            if (const auto ev = event_of_registration(c, r))
                promote(c, ev->id, ev->event.capacity, now, calendar::default_hold);
        }
        forget_proposals(c, email_key(email), now);  // their sessions leave the programme and its feeds
        const int count = anonymise(c, "email_key = ?1", email_key(email), now, true);
        write_audit(c, now, by.name(), std::nullopt, "forget_person",
                    std::to_string(count) + " registration(s) anonymised on request");
        return count;
    });
}

privacy_store::footprint privacy_store::footprint_of(const std::string& email) {
    return db_.read([&](connection& c) {
        auto q = c.prepare(
            "SELECT COUNT(*), COALESCE(SUM(status IN ('pending', 'confirmed', 'waitlisted')), 0) FROM registrations "
            "WHERE email_key = ?");
        q->bind(1, email_key(email));
        (void)q->executeStep();
        return footprint{q->getColumn(0).getInt(), q->getColumn(1).getInt()};
    });
}

int privacy_store::anonymise_past_events(sys_seconds ended_before) {
    return db_.write([&](connection& c, sys_seconds now) -> int {
        const int count =
            anonymise(c, "event_id IN (SELECT id FROM events WHERE end_utc < ?1)", to_db(ended_before), now, false);
        if (count > 0)
            write_audit(c, now, "treffpunkt", std::nullopt, "anonymise_past",
                        std::to_string(count) + " registration(s) of past events");
        return count;
    });
}

std::vector<privacy_store::audit_entry> privacy_store::audit_log(std::optional<std::string> event_slug) {
    return db_.read([&](connection& c) -> std::vector<privacy_store::audit_entry> {
        auto list = c.prepare(
            "SELECT a.at, a.actor, COALESCE(e.slug, ''), a.action, a.detail FROM audit_log a LEFT JOIN "
            "events e ON e.id = a.event_id WHERE ?1 IS NULL OR e.slug = ?1 ORDER BY a.id");
        bind_optional(*list, 1, event_slug);
        std::vector<audit_entry> out;
        while (list->executeStep())
            out.push_back({from_db(list->getColumn(0).getInt64()), list->getColumn(1).getString(),
                           list->getColumn(2).getString(), list->getColumn(3).getString(),
                           list->getColumn(4).getString()});
        return out;
    });
}

}  // namespace tp::store
