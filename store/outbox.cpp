// The outbox: messages written with the change that causes them, claimed by the sender with a lease, marked
// sent, retried or failed; reminders queued once per registration and offset.

#include <boost/json.hpp>

#include "calendar/reminders.hpp"
#include "store/json_columns.hpp"
#include "store/rows.hpp"
#include "store/outbox_store.hpp"
#include "store/writes.hpp"

namespace tp::store {
namespace {

constexpr const char* outbox_columns =
    "id, kind, registration_id, recipient, language, created_at, due_at, status, attempts, "
    "COALESCE(message_id, ''), COALESCE(last_error, ''), payload";

using calendar::delivery_status;
using calendar::message_kind;

// A name in the outbox that no enum knows is a bug (or a newer version's row), never input.
template <class Enum>
Enum known(std::optional<Enum> value, const std::string& name) {
    if (!value) throw std::runtime_error("the outbox holds an unknown name '" + name + "'");
    return *value;
}

outbox_message outbox_from_row(SQLite::Statement& row) {
    outbox_message m;
    m.id = row.getColumn(0).getInt64();
    const auto kind = row.getColumn(1).getString();
    m.kind = known(calendar::parse_message_kind(kind), kind);
    if (!row.getColumn(2).isNull()) m.registration_id = row.getColumn(2).getInt64();
    m.recipient = row.getColumn(3).getString();
    m.language = row.getColumn(4).getString();
    m.created_at = from_db(row.getColumn(5).getInt64());
    m.due_at = from_db(row.getColumn(6).getInt64());
    const auto status = row.getColumn(7).getString();
    m.status = known(calendar::parse_delivery_status(status), status);
    m.attempts = row.getColumn(8).getInt();
    m.message_id = row.getColumn(9).getString();
    m.last_error = row.getColumn(10).getString();
    m.payload = row.getColumn(11).getString();
    return m;
}

// Moves a message the sender holds out of 'sending'. An organiser's link leaves the outbox once its mail is done.
void finish(connection& c, std::int64_t id, delivery_status to, std::optional<calendar::sys_seconds> due,
            const std::string& error, calendar::sys_seconds now) {
    const std::string status(calendar::to_string(to));
    auto update = c.prepare(
        "UPDATE outbox SET status = ?1, due_at = COALESCE(?2, due_at), last_error = NULLIF(?3, ''), lease_until = "
        "NULL, "
        "sent_at = CASE WHEN ?4 = 'sent' THEN ?5 ELSE sent_at END, payload = CASE WHEN kind IN ('organiser_invite', "
        "'organiser_reset') AND ?1 IN ('sent', 'failed') THEN '{}' ELSE payload END WHERE id = ?6 AND status = "
        "'sending'");
    update->bind(1, status);
    bind_optional(*update, 2, due);
    update->bind(3, error);
    update->bind(4, status);
    update->bind(5, to_db(now));
    update->bind(6, id);
    update->exec();
}

struct reminder_candidate {
    std::int64_t registration_id;
    std::string email, language;
    calendar::sys_seconds start;
    std::vector<std::chrono::seconds> offsets;
    calendar::sys_seconds confirmed_at;
    int already;  // reminder rows this registration has
};

std::vector<reminder_candidate> reminder_candidates(connection& c, calendar::sys_seconds now) {
    auto find = c.prepare(
        "SELECT r.id, r.email, r.language, e.start_utc, e.reminders, (SELECT MAX(t.at) FROM registration_transitions t "
        "WHERE t.registration_id = r.id AND t.to_status = 'confirmed'), (SELECT COUNT(*) FROM outbox o WHERE "
        "o.registration_id = r.id AND o.kind = 'reminder') FROM events e JOIN registrations r ON r.event_id = e.id "
        "WHERE e.status = 'published' AND e.start_utc > ?1 AND e.start_utc <= ?2 AND r.status = 'confirmed'");
    find->bind(1, to_db(now));
    find->bind(2, to_db(now + calendar::longest_reminder));
    std::vector<reminder_candidate> out;
    while (find->executeStep()) {
        reminder_candidate r{find->getColumn(0).getInt64(),
                             find->getColumn(1).getString(),
                             find->getColumn(2).getString(),
                             from_db(find->getColumn(3).getInt64()),
                             reminders_from_json(find->getColumn(4).getString()),
                             from_db(find->getColumn(5).getInt64()),
                             find->getColumn(6).getInt()};
        if (static_cast<std::size_t>(r.already) < r.offsets.size()) out.push_back(std::move(r));
    }
    return out;
}

int queue_reminders(connection& c, const reminder_candidate& r, calendar::sys_seconds now) {
    int queued = 0;
    for (const auto offset : r.offsets) {
        const auto decision = calendar::decide_reminder(r.start, offset, r.offsets, r.confirmed_at, now);
        if (decision == calendar::reminder_decision::wait) continue;
        const bool send = decision == calendar::reminder_decision::send;
        queue_message(
            c,
            {.kind = message_kind::reminder,
             .registration_id = r.registration_id,
             .recipient = r.email,
             .language = r.language,
             .payload = "{\"offset\":" + std::to_string(offset.count()) + "}",
             .dedupe_key = "reminder:" + std::to_string(r.registration_id) + ":" + std::to_string(offset.count()),
             .status = send ? delivery_status::queued : delivery_status::skipped},
            now);
        queued += send && c.db().getChanges() > 0 ? 1 : 0;
    }
    return queued;
}

}  // namespace

void queue_message(connection& c, const queued_message& m, calendar::sys_seconds now) {
    auto add = c.prepare(
        "INSERT OR IGNORE INTO outbox (kind, registration_id, recipient, language, created_at, due_at, payload, "
        "dedupe_key, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    add->bind(1, std::string(calendar::to_string(m.kind)));
    add->bind(2, m.registration_id);
    add->bind(3, m.recipient);
    add->bind(4, m.language);
    add->bind(5, to_db(now));
    add->bind(6, to_db(now));
    add->bind(7, m.payload);
    bind_optional(*add, 8, m.dedupe_key);
    add->bind(9, std::string(calendar::to_string(m.status)));
    add->exec();
}

void notify_registrants(connection& c, std::int64_t event_id, message_kind kind, calendar::sys_seconds now,
                        const std::string& payload) {
    auto add = c.prepare(
        "INSERT INTO outbox (kind, registration_id, recipient, language, created_at, due_at, payload) SELECT ?, id, "
        "email, language, ?, ?, ? FROM registrations WHERE event_id = ? AND status IN ('pending', 'confirmed', "
        "'waitlisted')");
    add->bind(1, std::string(calendar::to_string(kind)));
    add->bind(2, to_db(now));
    add->bind(3, to_db(now));
    add->bind(4, payload);
    add->bind(5, event_id);
    add->exec();
}

std::string before_payload(const calendar::event& old) {
    return boost::json::serialize(
        boost::json::object{{"before", boost::json::object{{"start", to_db(old.start)},
                                                           {"end", to_db(old.end)},
                                                           {"all_day", old.all_day},
                                                           {"time_zone", old.time_zone},
                                                           {"format", calendar::to_string(old.format)},
                                                           {"venue", old.venue},
                                                           {"address", old.address}}}});
}

std::vector<outbox_message> outbox_store::outbox() {
    return db_.read([&](connection& c) -> std::vector<outbox_message> {
        auto all = c.prepare(std::string("SELECT ") + outbox_columns + " FROM outbox ORDER BY id");
        std::vector<outbox_message> out;
        while (all->executeStep()) out.push_back(outbox_from_row(*all));
        return out;
    });
}

std::vector<outbox_message> outbox_store::claim_outbox(std::chrono::seconds lease, int limit,
                                                       const std::string& domain) {
    return db_.write([&](connection& c, sys_seconds now) -> std::vector<outbox_message> {
        std::vector<outbox_message> out;
        {
            auto claim = c.prepare(
                std::string(
                    "UPDATE outbox SET status = 'sending', lease_until = ?1, attempts = attempts + 1, "
                    "message_id = COALESCE(message_id, 'tp-' || id || '-' || lower(hex(randomblob(8))) || '@' || ?3) "
                    "WHERE id IN (SELECT id FROM outbox WHERE (status = 'queued' AND due_at <= ?2) OR "
                    "(status = 'sending' AND lease_until <= ?2) ORDER BY due_at, id LIMIT ?4) RETURNING ") +
                outbox_columns);
            claim->bind(1, to_db(now + lease));
            claim->bind(2, to_db(now));
            claim->bind(3, domain);
            claim->bind(4, limit);
            while (claim->executeStep()) out.push_back(outbox_from_row(*claim));
        }
        std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
        return out;
    });
}

void outbox_store::finish_outbox(std::span<const outbox_outcome> outcomes) {
    db_.write([&](connection& c, sys_seconds now) {
        for (const auto& o : outcomes) finish(c, o.id, o.status, o.due, o.error, now);
    });
}

outbox_counts outbox_store::count_outbox() {
    return db_.read([&](connection& c) -> outbox_counts {
        auto count = c.prepare("SELECT status, attempts > 0, COUNT(*) FROM outbox GROUP BY 1, 2");
        outbox_counts n;
        while (count->executeStep()) {
            const auto name = count->getColumn(0).getString();
            const bool tried = count->getColumn(1).getInt() != 0;
            const auto k = count->getColumn(2).getInt64();
            switch (known(calendar::parse_delivery_status(name), name)) {
                case delivery_status::queued: (tried ? n.retrying : n.queued) += k; break;
                case delivery_status::sending: n.sending += k; break;
                case delivery_status::sent: n.sent += k; break;
                case delivery_status::failed: n.failed += k; break;
                case delivery_status::skipped: n.skipped += k; break;
            }
        }
        return n;
    });
}

std::optional<sys_seconds> outbox_store::next_due() {
    return db_.read([&](connection& c) -> std::optional<sys_seconds> {
        auto find = c.prepare("SELECT MIN(due_at) FROM outbox WHERE status = 'queued'");
        find->executeStep();
        if (find->getColumn(0).isNull()) return std::nullopt;
        return from_db(find->getColumn(0).getInt64());
    });
}

int outbox_store::schedule_reminders() {
    return db_.write([&](connection& c, sys_seconds now) -> int {
        int queued = 0;
        for (const auto& r : reminder_candidates(c, now)) queued += queue_reminders(c, r, now);
        return queued;
    });
}

std::optional<int> outbox_store::message_attendees(const std::string& event_slug, const std::string& subject,
                                                   const std::string& body, const actor& by) {
    return db_.write([&](connection& c, sys_seconds now) -> std::optional<int> {
        auto find =
            c.prepare("SELECT e.id, n.slug FROM events e JOIN networks n ON n.id = e.network_id WHERE e.slug = ?");
        find->bind(1, event_slug);
        if (!find->executeStep()) return std::nullopt;
        const auto event_id = find->getColumn(0).getInt64();
        by.require(find->getColumn(1).getString(), "event '" + event_slug + "'");
        const auto payload = boost::json::serialize(boost::json::object{{"subject", subject}, {"body", body}});
        auto add = c.prepare(
            "INSERT INTO outbox (kind, registration_id, recipient, language, created_at, due_at, payload) SELECT "
            "'organiser_message', id, email, language, ?, ?, ? FROM registrations WHERE event_id = ? AND status IN "
            "('pending', 'confirmed')");
        add->bind(1, to_db(now));
        add->bind(2, to_db(now));
        add->bind(3, payload);
        add->bind(4, event_id);
        const int count = add->exec();
        write_audit(c, now, by.name(), event_id, "message", subject + " (" + std::to_string(count) + " recipients)");
        return count;
    });
}

}  // namespace tp::store
