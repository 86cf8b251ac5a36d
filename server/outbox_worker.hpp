#pragma once
// The sender: claims due outbox messages with a lease, renders each (web texts, calendar invitation, MIME),
// hands it to the transport and records the outcome: sent, retried with backoff, failed, or skipped when it lost
// its point. Also queues reminders once a minute. Runs on a thread of its own: SMTP is blocking I/O. A helper
// renders the batch's next message while the transport sends this one (server/made_ahead.hpp).
#include <condition_variable>
#include <memory>
#include <mutex>
#include <random>
#include <thread>

#include "mail/retry.hpp"
#include "mail/transport.hpp"
#include "server/config.hpp"
#include "store/store.hpp"

namespace tp::server {

struct outbox_settings {
    std::string base_url;
    std::string from;  // envelope sender and From address
    mail::retry_policy retry{};
    std::chrono::seconds lease{300};
    int batch = 32;
    bool schedules_reminders = true;  // with several senders, one of them queues the reminders
};

// The transport the options ask for: SMTP with a URL, else a maildir (by default beside the database).
[[nodiscard]] std::unique_ptr<mail::transport> make_transport(const mail_options& m, const std::string& db_path);
[[nodiscard]] outbox_settings outbox_settings_of(const mail_options& m, const std::string& base_url);

class outbox_worker {
public:
    outbox_worker(store::store& s, outbox_settings settings, std::unique_ptr<mail::transport> transport);
    ~outbox_worker();
    outbox_worker(const outbox_worker&) = delete;
    outbox_worker& operator=(const outbox_worker&) = delete;

    void start();  // the thread; stop() (or the destructor) ends it after the message in hand
    void stop();
    // One round on the caller's thread: claims a batch, delivers it, and records the outcomes together (a crash
    // before that sends the batch again: duplicates at most, each with its Message-ID). Returns how many.
    int run_once();

private:
    // A message ready to go on the wire, or the outcome that settles it without sending (skipped, failed).
    struct prepared {
        std::optional<store::outbox_outcome> settled;
        std::string data;
    };
    [[nodiscard]] prepared prepare(const store::outbox_message& m) const;
    [[nodiscard]] std::string render_to_organiser(const store::outbox_message& m) const;
    [[nodiscard]] std::string render(const store::outbox_message& m, const store::mail_subject& about) const;
    [[nodiscard]] store::outbox_outcome outcome_of(const store::outbox_message& m, const mail::send_result& result);
    void loop();

    store::store& store_;
    outbox_settings settings_;
    std::unique_ptr<mail::transport> transport_;
    std::mt19937 random_{std::random_device{}()};
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace tp::server
