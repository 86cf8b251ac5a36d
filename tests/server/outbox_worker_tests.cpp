#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <fstream>
#include <sstream>

#include "mail/decode.hpp"
#include "mail/header.hpp"
#include "mail/maildir.hpp"
#include "server/outbox_worker.hpp"
#include "store/registration_setup.hpp"

using namespace tp;
using namespace std::chrono;

namespace {

calendar::sys_seconds real_now() { return time_point_cast<seconds>(system_clock::now()); }

// The sample event moved to start `from_now` after the real clock: the worker checks staleness by the real clock.
struct worker_setup {
    testing::setup t{10};
    std::filesystem::path folder = std::filesystem::path(t.db.str() + "-maildir");
    explicit worker_setup(seconds from_now) {
        t.event.start = real_now() + from_now;
        t.event.end = t.event.start + hours{7};
        t.event.registration_opens = t.event.start - days{60};
        t.event.registration_closes = t.event.start;
        t.now = real_now() - days{3};
        t.update();
    }
    ~worker_setup() { std::filesystem::remove_all(folder); }
    server::outbox_worker worker() {
        server::outbox_settings settings;
        settings.base_url = "https://tp.test";
        settings.from = "noreply@tp.test";
        return server::outbox_worker(t.s, settings, std::make_unique<mail::maildir_transport>(folder));
    }
    std::vector<std::string> mails() const {
        std::vector<std::string> out;
        if (!std::filesystem::exists(folder / "new")) return out;
        for (const auto& f : std::filesystem::directory_iterator(folder / "new")) {
            std::ifstream in(f.path(), std::ios::binary);
            std::stringstream s;
            s << in.rdbuf();
            out.push_back(s.str());
        }
        return out;
    }
};

// The states of the messages of one kind, in the order they were queued.
std::vector<std::string> states_of(store::store& s, const std::string& kind) {
    std::vector<std::string> out;
    for (const auto& m : s.outbox())
        if (calendar::to_string(m.kind) == kind) out.emplace_back(calendar::to_string(m.status));
    return out;
}
using states = std::vector<std::string>;

}  // namespace

TEST_CASE("the worker sends what is due and marks it sent") {
    worker_setup w(days{20});
    w.t.now = real_now();
    const auto r = w.t.add("anna").registration.value();
    auto worker = w.worker();
    CHECK(worker.run_once() == 1);
    (void)w.t.s.confirm_registration(r.token);
    CHECK(worker.run_once() == 1);
    CHECK(worker.run_once() == 0);
    CHECK(states_of(w.t.s, "confirm_request") == states{"sent"});
    CHECK(states_of(w.t.s, "confirmed") == states{"sent"});
    const auto mails = w.mails();
    REQUIRE(mails.size() == 2);
    const auto invitation = std::count_if(mails.begin(), mails.end(), [](const std::string& m) {
        return m.find("text/calendar; charset=UTF-8; method=REQUEST") != std::string::npos;
    });
    CHECK(invitation == 1);
}

TEST_CASE("a reminder goes out once, through the worker, and not after the registration is cancelled") {
    worker_setup w(hours{20});
    const auto r = w.t.add("anna").registration.value();
    (void)w.t.s.confirm_registration(r.token);  // three days ago
    w.t.now = real_now();
    auto worker = w.worker();
    (void)worker.run_once();                 // the confirmation request is stale by now: skipped
    CHECK(w.t.s.schedule_reminders() == 1);  // the day-before one; the week-before one is past and skipped
    CHECK(worker.run_once() == 1);
    CHECK(states_of(w.t.s, "reminder") == states{"skipped", "sent"});  // a week before, a day before
    const auto subject = "Subject: " + mail::encode_unstructured("Erinnerung: MINT:Barcamp, morgen") + "\r\n";
    const auto mails = w.mails();
    CHECK(std::count_if(mails.begin(), mails.end(),
                        [&](const std::string& m) { return m.find(subject) != std::string::npos; }) == 1);
    CHECK(w.t.s.schedule_reminders() == 0);
}

TEST_CASE("a queued reminder whose registration was cancelled is skipped, not sent") {
    worker_setup w(hours{20});
    const auto r = w.t.add("anna").registration.value();
    (void)w.t.s.confirm_registration(r.token);
    w.t.now = real_now();
    auto worker = w.worker();
    (void)worker.run_once();
    CHECK(w.t.s.schedule_reminders() == 1);
    (void)w.t.s.cancel_registration(r.token);
    (void)worker.run_once();
    CHECK(states_of(w.t.s, "reminder") == states{"skipped", "skipped"});
    const auto all = w.t.s.outbox();
    const auto day_before =
        std::find_if(all.begin(), all.end(), [](auto& m) { return m.payload == "{\"offset\":86400}"; });
    REQUIRE(day_before != all.end());
    CHECK(day_before->last_error == "the registration is cancelled now");
    CHECK(states_of(w.t.s, "cancelled") == states{"sent"});
}

TEST_CASE("a transport failure is retried later, and given up after the configured time") {
    worker_setup w(days{20});
    (void)w.t.add("anna");  // queued three days ago
    w.t.now = real_now();
    const auto broken_worker = [&w](seconds give_up_after) {
        server::outbox_settings settings;
        settings.base_url = "https://tp.test";
        settings.from = "noreply@tp.test";
        settings.retry.give_up_after = give_up_after;
        auto transport = std::make_unique<mail::maildir_transport>(w.folder);
        std::filesystem::remove_all(w.folder / "tmp");  // every write fails now
        return server::outbox_worker(w.t.s, settings, std::move(transport));
    };
    auto patient = broken_worker(days{4});
    CHECK(patient.run_once() == 1);
    auto m = w.t.s.outbox().at(0);
    CHECK(m.status == calendar::delivery_status::queued);
    CHECK(m.attempts == 1);
    CHECK(m.last_error.find("cannot create") != std::string::npos);
    CHECK(m.due_at >= real_now() + seconds{24});  // 30 s +-20%
    CHECK(patient.run_once() == 0);               // not due yet
    w.t.now = m.due_at;
    auto impatient = broken_worker(days{2});
    CHECK(impatient.run_once() == 1);
    m = w.t.s.outbox().at(0);
    CHECK(m.status == calendar::delivery_status::failed);
    CHECK(m.attempts == 2);
    CHECK(m.last_error.starts_with("given up after 2 attempts: cannot create"));
}

TEST_CASE("the network's contact who registers gets an invitation whose organiser is the sender, not themselves") {
    worker_setup w(days{20});
    w.t.now = real_now();
    const auto contact = w.t.network.contact_email;
    const auto r = w.t.s.register_person("mint-barcamp-2027", {"Jörg", contact, "", "de", std::nullopt}).registration;
    REQUIRE(r);
    (void)w.t.s.confirm_registration(r->token);
    auto worker = w.worker();
    while (worker.run_once() > 0) {
    }
    std::string ics;
    for (const auto& mail : w.mails()) {
        const auto part = mail.find("Content-Type: text/calendar; charset=UTF-8; method=REQUEST");
        if (part == std::string::npos) continue;
        const auto body = mail.find("\r\n\r\n", part) + 4;
        ics = mail::testing::decode_base64(mail.substr(body, mail.find("\r\n--", body) - body));
        for (std::size_t p; (p = ics.find("\r\n ")) != std::string::npos;) ics.erase(p, 3);  // unfolded
    }
    REQUIRE_FALSE(ics.empty());
    CHECK(ics.find("ORGANIZER;CN=zdi-Netzwerk IST.Bochum.NRW:mailto:noreply@tp.test\r\n") != std::string::npos);
    CHECK(ics.find("ORGANIZER;CN=Jörg Koordinator:mailto:" + contact) == std::string::npos);
    CHECK(ics.find("ATTENDEE;CN=Jörg;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:" + contact) !=
          std::string::npos);
}

namespace {

// The METHOD and SEQUENCE of every invitation among `mails`, unfolded.
std::vector<std::string> itip_of(const std::vector<std::string>& mails) {
    std::vector<std::string> out;
    for (const auto& mail : mails) {
        const auto part = mail.find("Content-Type: text/calendar; charset=UTF-8; method=");
        if (part == std::string::npos) continue;
        const auto body = mail.find("\r\n\r\n", part) + 4;
        const auto ics = mail::testing::decode_base64(mail.substr(body, mail.find("\r\n--", body) - body));
        const auto method = ics.find("METHOD:"), sequence = ics.find("SEQUENCE:");
        out.push_back(ics.substr(method + 7, ics.find('\r', method) - method - 7) + " " +
                      ics.substr(sequence + 9, ics.find('\r', sequence) - sequence - 9));
    }
    return out;
}

}  // namespace

TEST_CASE("cancel and register again: the new invitation's SEQUENCE is above the cancellation's") {
    worker_setup w(days{20});
    w.t.now = real_now();
    auto worker = w.worker();
    std::set<std::string> seen;
    const auto drain = [&] {  // the invitations sent since the last call
        while (worker.run_once() > 0) {
        }
        std::vector<std::string> fresh;
        for (auto& m : w.mails())
            if (seen.insert(m).second) fresh.push_back(m);
        return itip_of(fresh);
    };
    const auto s0 = w.t.s.event_by_slug("mint-barcamp-2027")->sequence;
    const auto sent = [&](const char* method, int above) {
        return std::vector<std::string>{std::string(method) + " " + std::to_string(s0 + above)};
    };
    auto r = w.t.add("anna").registration.value();
    (void)w.t.s.confirm_registration(r.token);
    CHECK(drain() == sent("REQUEST", 0));
    (void)w.t.s.cancel_registration(r.token);
    CHECK(drain() == sent("CANCEL", 1));
    r = w.t.add("anna").registration.value();
    (void)w.t.s.confirm_registration(r.token);
    CHECK(drain() == sent("REQUEST", 2));  // was the event's own again, below the CANCEL
    (void)w.t.s.cancel_registration(r.token);
    CHECK(drain() == sent("CANCEL", 3));
}

TEST_CASE("an organiser's message is not marked auto-generated, the automatic mails are") {
    worker_setup w(days{20});
    w.t.now = real_now();
    (void)w.t.add("anna");
    REQUIRE(w.t.s.message_attendees("mint-barcamp-2027", "Raumänderung", "Wir treffen uns in Halle 2.",
                                    testing::op()) == 1);
    auto worker = w.worker();
    while (worker.run_once() > 0) {
    }
    const auto mails = w.mails();
    REQUIRE(mails.size() == 2);
    for (const auto& mail : mails) {
        const auto head = mail.substr(0, mail.find("\r\n\r\n"));
        const bool from_organiser = mail.find("Wir treffen uns in Halle 2.") != std::string::npos;
        CAPTURE(head);
        CHECK((head.find("Auto-Submitted: auto-generated") == std::string::npos) == from_organiser);
    }
}

TEST_CASE("mails to everyone carry List-Unsubscribe with one click, and stop for whoever used it") {
    worker_setup w(days{20});
    w.t.now = real_now();
    const auto anna = w.t.add("anna").registration.value();
    auto worker = w.worker();
    while (worker.run_once() > 0) {
    }
    REQUIRE(w.mails().size() == 1);  // the confirmation request: no list headers
    CHECK(w.mails().front().find("List-Unsubscribe") == std::string::npos);
    REQUIRE(w.t.s.message_attendees("mint-barcamp-2027", "Hallo", "Bitte Ausweis mitbringen.", testing::op()) == 1);
    while (worker.run_once() > 0) {
    }
    std::string message;
    for (const auto& m : w.mails())
        if (m.find("Ausweis") != std::string::npos) message = m;
    REQUIRE_FALSE(message.empty());
    CHECK(message.find("List-Id: <mint-barcamp-2027.ist-bochum.tp.test>\r\n") != std::string::npos);
    CHECK(message.find("List-Unsubscribe:\r\n <https://tp.test/r/" + anna.token + "/unsubscribe>\r\n") !=
          std::string::npos);
    CHECK(message.find("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n") != std::string::npos);

    REQUIRE(w.t.s.stop_everyone_mails(anna.token));
    CHECK_FALSE(w.t.s.stop_everyone_mails("no-such-token"));
    REQUIRE(w.t.s.message_attendees("mint-barcamp-2027", "Noch mal", "Zweite Nachricht.", testing::op()) == 1);
    while (worker.run_once() > 0) {
    }
    CHECK(states_of(w.t.s, "organiser_message") == states{"sent", "skipped"});
}
