#pragma once
// The outbox (outbox.cpp): every message to send is written in the same transaction as the change that causes
// it; senders claim due messages for a lease, send them, and record what became of them.
#include <array>
#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "calendar/messages.hpp"
#include "calendar/registration.hpp"
#include "calendar/types.hpp"
#include "store/actor.hpp"
#include "store/database.hpp"

namespace tp::store {

struct outbox_message {
    std::int64_t id = 0;
    // organiser_invite and organiser_reset go to organisers (registration_id empty, the link in the payload)
    calendar::message_kind kind = calendar::message_kind::confirm_request;
    std::optional<std::int64_t> registration_id;
    std::string recipient;
    std::string language;
    sys_seconds created_at{};
    sys_seconds due_at{};
    calendar::delivery_status status = calendar::delivery_status::queued;
    int attempts = 0;
    std::string message_id;  // set when first claimed, kept for every later attempt
    std::string last_error;
    std::string payload;  // JSON: {"offset": seconds} for reminders, {"subject", "body"} for organiser messages
};

// Messages by delivery state, for /metrics: retrying are queued ones that failed before.
struct outbox_counts {
    std::int64_t queued = 0, sending = 0, retrying = 0, sent = 0, failed = 0, skipped = 0;
};

// What became of a claimed message: sent, queued again (retry at `due`), failed or skipped, with the reason.
struct outbox_outcome {
    std::int64_t id = 0;
    calendar::delivery_status status = calendar::delivery_status::sent;
    std::optional<sys_seconds> due{};
    std::string error{};
};

// What a message is about, read when it is sent (so it shows the event as it is then).
struct mail_subject {
    calendar::registration registration;
    calendar::event event;
    calendar::network network;
    std::optional<sys_seconds> confirmed_at;
    int withdrawals = 0;  // times the registration was cancelled or rejected, up to the message's creation
    bool everyone_mails_stopped = false;  // the person stopped mails to everyone of the event (List-Unsubscribe)
};

class outbox_store {
    using delivery = calendar::delivery_status;

public:
    explicit outbox_store(database& db) : db_(db) {}

    [[nodiscard]] std::vector<outbox_message> outbox();
    // Claims up to `limit` due messages, queued or with an expired lease (a sender that died), for `lease`: they
    // are 'sending' until marked. Message-IDs end in @domain.
    [[nodiscard]] std::vector<outbox_message> claim_outbox(std::chrono::seconds lease, int limit,
                                                           const std::string& domain);
    // Records the outcomes of claimed messages in one transaction (one fsync for a whole batch). A message no
    // longer held (its lease ran out and another sender took it) is left alone.
    void finish_outbox(std::span<const outbox_outcome> outcomes);
    void outbox_sent(std::int64_t id) { finish_outbox(std::array{outbox_outcome{id, delivery::sent}}); }
    void outbox_retry(std::int64_t id, sys_seconds due, const std::string& error) {
        finish_outbox(std::array{outbox_outcome{id, delivery::queued, due, error}});
    }
    void outbox_failed(std::int64_t id, const std::string& error) {
        finish_outbox(std::array{outbox_outcome{id, delivery::failed, std::nullopt, error}});
    }
    void outbox_skipped(std::int64_t id, const std::string& reason) {
        finish_outbox(std::array{outbox_outcome{id, delivery::skipped, std::nullopt, reason}});
    }
    [[nodiscard]] outbox_counts count_outbox();
    // The earliest due_at of a queued message (nullopt: nothing queued), so the sender knows how long to sleep.
    [[nodiscard]] std::optional<sys_seconds> next_due();
    [[nodiscard]] std::optional<mail_subject> subject_of(const outbox_message& m);
    // Queues the reminders that are due now for confirmed registrations of published events, each once per
    // (registration, offset); reminders that will never go out are recorded as skipped. Returns how many queued.
    int schedule_reminders();
    // A message from the organisers to every confirmed and pending registration of an event; returns how many.
    // nullopt for an unknown event.
    std::optional<int> message_attendees(const std::string& event_slug, const std::string& subject,
                                         const std::string& body, const actor& by);

private:
    database& db_;
};

}  // namespace tp::store
