// Attendee lists for organisers, and what they do by hand: confirm, reject, promote, check in.

#include <boost/json.hpp>

#include "store/registration_steps.hpp"
#include "store/rows.hpp"
#include "store/registration_store.hpp"
#include "store/writes.hpp"

namespace tp::store {
namespace {

// Confirmed first, then pending, the waiting list in arrival order, then those no longer taking part.
const std::string attendee_query =
    "SELECT " + unranked_fields +
    ", (SELECT MAX(t.at) FROM registration_transitions t WHERE t.registration_id = r.id AND t.to_status = "
    "'confirmed'), r.checked_in_at, (SELECT o.status FROM outbox o WHERE o.registration_id = r.id ORDER BY o.id "
    "DESC LIMIT 1), (SELECT COALESCE(o.last_error, '') FROM outbox o WHERE o.registration_id = r.id ORDER BY o.id "
    "DESC LIMIT 1)" +
    registration_from +
    " WHERE e.id = ?1 AND (?2 = 0 OR r.id = ?2) ORDER BY CASE r.status WHEN 'confirmed' THEN 0 WHEN 'pending' THEN 1 "
    "WHEN 'waitlisted' THEN 2 ELSE 3 END, CASE WHEN r.status = 'waitlisted' THEN r.waitlisted_at END, "
    "CASE WHEN r.status = 'waitlisted' THEN r.id END, r.name COLLATE NOCASE, r.id";

std::optional<sys_seconds> optional_time(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return from_db(c.getInt64());
}

attendee attendee_from_row(SQLite::Statement& row) {
    attendee a;
    a.registration = registration_from_row(row);
    a.confirmed_at = optional_time(row.getColumn(13));
    a.checked_in_at = optional_time(row.getColumn(14));
    if (!row.getColumn(15).isNull()) a.delivery = row.getColumn(15).getString();
    if (!row.getColumn(16).isNull()) a.delivery_error = row.getColumn(16).getString();
    return a;
}

// One registration (id) or all (0) of an event; waiting-list positions counted in the order the query gives.
std::vector<attendee> read_attendees(connection& c, std::int64_t event_id, std::int64_t id) {
    auto list = c.prepare(attendee_query);
    list->bind(1, event_id);
    list->bind(2, id);
    std::vector<attendee> out;
    while (list->executeStep()) out.push_back(attendee_from_row(*list));
    if (id != 0 && !out.empty() && out[0].registration.status == registration_status::waitlisted)
        out[0].registration.position = find_registration(c, "r.id = ?", id)->position;
    int position = 0;
    for (auto& a : out)
        if (id == 0 && a.registration.status == registration_status::waitlisted) a.registration.position = ++position;
    return out;
}

void set_check_in(connection& c, const registration& r, std::optional<calendar::sys_seconds> at) {
    if (at && r.status != registration_status::confirmed)
        throw registration_conflict("only a confirmed registration can be checked in, this one is " +
                                        std::string(calendar::to_string(r.status)),
                                    r.status);
    auto update = c.prepare("UPDATE registrations SET checked_in_at = ? WHERE id = ?");
    bind_optional(*update, 1, at);
    update->bind(2, r.id);
    update->exec();
}

// A rejected person hears so, with the organiser's reason if one was given; a held seat goes to the waiting list.
void reject(connection& c, const event_row& ev, const registration& r, calendar::sys_seconds now,
            const std::string& reason) {
    move(c, r, registration_status::rejected, now);
    queue_message(c,
                  {.kind = calendar::message_kind::rejected,
                   .registration_id = r.id,
                   .recipient = r.email,
                   .language = r.language,
                   .payload = boost::json::serialize(boost::json::object{{"reason", reason}})},
                  now);
    promote(c, ev.id, ev.event.capacity, now, calendar::default_hold);
}

void act(connection& c, const event_row& ev, const registration& r, organiser_action action, calendar::sys_seconds now,
         const std::string& reason) {
    switch (action) {
        case organiser_action::confirm:
            move(c, r, registration_status::confirmed, now);
            return queue(c, calendar::message_kind::confirmed, r, now);
        case organiser_action::promote:  // by hand: the organiser decides, capacity or not
            if (r.status != registration_status::waitlisted)
                throw registration_conflict("only someone on the waiting list can be promoted", r.status);
            move(c, r, registration_status::pending, now, now + calendar::default_hold);
            return queue(c, calendar::message_kind::promoted, r, now);
        case organiser_action::reject: return reject(c, ev, r, now, reason);
        case organiser_action::check_in: return set_check_in(c, r, now);
        case organiser_action::undo_check_in: return set_check_in(c, r, std::nullopt);
    }
}

const char* action_name(organiser_action a) {
    switch (a) {
        case organiser_action::confirm: return "confirm";
        case organiser_action::reject: return "reject";
        case organiser_action::promote: return "promote";
        case organiser_action::check_in: return "check_in";
        case organiser_action::undo_check_in: return "undo_check_in";
    }
    return "act";
}

}  // namespace

std::optional<std::vector<attendee>> registration_store::attendees(const std::string& event_slug) {
    return db_.read([&](connection& c) -> std::optional<std::vector<attendee>> {
        const auto ev = event_for_update(c, event_slug);
        if (!ev) return std::nullopt;
        return read_attendees(c, ev->id, 0);
    });
}

std::optional<attendee> registration_store::act_on_registration(const std::string& event_slug, std::int64_t id,
                                                                organiser_action action, const actor& by,
                                                                const std::string& reason) {
    return db_.write([&](connection& c, sys_seconds now) -> std::optional<attendee> {
        const auto ev = event_for_update(c, event_slug);
        if (ev) by.require(ev->event.network_slug, "event '" + event_slug + "'");
        const auto r = ev ? find_unranked(c, "r.id = ? AND r.event_id = ?", id, ev->id) : std::nullopt;
        if (!r) return std::nullopt;
        act(c, *ev, *r, action, now, reason);
        write_audit(c, now, by.name(), ev->id, action_name(action), "registration #" + std::to_string(id));
        auto result = read_attendees(c, ev->id, id);
        return result.at(0);
    });
}

}  // namespace tp::store
