// Benchmark program for bench/mail.sh: outbox throughput to an SMTP server beside a raw libcurl send loop to the
// same server. Ours: N people registered and confirmed in a fresh database, then the outbox senders (claim,
// render text, HTML and the invitation, send over kept-open SMTP connections, mark in batches) until the
// outbox is empty. The reference: one libcurl handle sending an equally large rendered invitation N times, with
// the check-in QR code the confirmation carries (rendered once: making it per message is our work).
#include <curl/curl.h>

#include <chrono>
#include <cstring>
#include <thread>
#include <vector>
#include <iostream>

#include "calendar/itip.hpp"
#include "calendar/zoned.hpp"
#include "mail/mime.hpp"
#include "mail/smtp.hpp"
#include "server/outbox_worker.hpp"
#include "web/mail_texts.hpp"
#include "web/qr_code.hpp"

namespace {

using namespace tp;
using clock_type = std::chrono::steady_clock;

calendar::event sample_event() {
    calendar::event e;
    e.slug = "mint-barcamp";
    e.network_slug = "n";
    e.kind = calendar::event_kind::barcamp;
    e.title = "MINT:Barcamp Ruhr";
    e.description = "Sessions werden am Tag vorgeschlagen; Mittagessen und Getränke gibt es vor Ort.";
    e.start =
        std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()) + std::chrono::days{30};
    e.end = e.start + std::chrono::hours{7};
    e.format = calendar::event_format::hybrid;
    e.venue = "Zeche Zollverein";
    e.address = "Gelsenkirchener Str. 181, 45309 Essen";
    e.join_url = "https://meet.example/barcamp";
    e.registration_opens = e.start - std::chrono::days{60};
    return e;
}

// The invitation mail for one person, as the worker renders it (the reference sends these bytes).
std::string sample_mail(const calendar::event& e) {
    mail::message m;
    m.from = {"zdi-Netzwerk", "noreply@bench.test"};
    m.to = {"Anna Müller", "anna@example.org"};
    m.subject = "Anmeldung bestätigt: " + e.title;
    m.message_id = "bench-1@bench.test";
    m.text = std::string(900, 'x');
    m.html = std::string(2000, 'x');
    calendar::itip_message itip{calendar::itip_method::request,
                                {"Jörg", "joerg@n.example"},
                                {"Anna", "anna@example.org"},
                                "http://127.0.0.1",
                                0,
                                e.start};
    m.calendar = mail::calendar_part{"REQUEST", calendar::write_itip(e, itip)};
    const auto door = "http://127.0.0.1/admin/events/" + e.slug + "/door/1/" + std::string(32, 'a');
    m.images.push_back({std::string(web::door_code_cid), "image/png", web::qr_code_png(door)});
    return mail::render(m);
}

double raw_curl_loop(const std::string& url, const std::string& data, int n) {
    mail::smtp_transport smtp({url, "", "", mail::starttls::never, std::chrono::seconds{30}});
    const auto start = clock_type::now();
    for (int i = 0; i < n; ++i)
        if (smtp.send({"noreply@bench.test", "p" + std::to_string(i) + "@example.org"}, data).outcome !=
            mail::delivery::sent)
            throw std::runtime_error("the reference send failed");
    return std::chrono::duration<double>(clock_type::now() - start).count();
}

// Forwards to SMTP and adds up the time spent sending, so the rest (claim, read, render, mark) shows apart.
class timed_transport final : public mail::transport {
public:
    timed_transport(std::unique_ptr<mail::transport> inner, double& seconds)
        : inner_(std::move(inner)), seconds_(seconds) {}
    mail::send_result send(const mail::envelope& e, std::string_view data) override {
        const auto start = clock_type::now();
        auto result = inner_->send(e, data);
        seconds_ += std::chrono::duration<double>(clock_type::now() - start).count();
        return result;
    }

private:
    std::unique_ptr<mail::transport> inner_;
    double& seconds_;
};

// Registers and confirms n people, then empties the outbox with `senders` workers in parallel (as the server
// does with --mail-connections). Returns the seconds the sending took.
double outbox_run(const std::string& url, const std::string& db, int n, unsigned senders, long& sent,
                  std::vector<double>& sending) {
    store::store s(db);
    calendar::network net;
    net.slug = "n";
    net.name = "zdi-Netzwerk";
    net.contact_name = "Jörg";
    net.contact_email = "joerg@n.example";
    const auto e = sample_event();
    s.upsert({&net, 1}, {&e, 1});
    for (int i = 0; i < n; ++i) {
        store::registration_request who;
        who.name = "Person " + std::to_string(i);
        who.email = "p" + std::to_string(i) + "@example.org";
        (void)s.confirm_registration(s.register_person(e.slug, who).registration->token);
    }
    server::outbox_settings settings;
    settings.base_url = "http://127.0.0.1";
    settings.from = "noreply@bench.test";
    sending.assign(senders, 0.0);
    std::vector<std::unique_ptr<server::outbox_worker>> workers;
    for (unsigned i = 0; i < senders; ++i) {
        auto smtp = std::make_unique<mail::smtp_transport>(
            mail::smtp_config{url, "", "", mail::starttls::never, std::chrono::seconds{30}});
        workers.push_back(std::make_unique<server::outbox_worker>(
            s, settings, std::make_unique<timed_transport>(std::move(smtp), sending[i])));
    }
    const auto start = clock_type::now();
    std::vector<std::thread> threads;
    for (auto& w : workers)
        threads.emplace_back([&w] {
            while (w->run_once() > 0) {
            }
        });
    for (auto& t : threads) t.join();
    const auto seconds = std::chrono::duration<double>(clock_type::now() - start).count();
    const auto counts = s.count_outbox();
    sent = counts.sent;
    if (counts.queued + counts.retrying + counts.failed > 0) throw std::runtime_error("the outbox did not empty");
    return seconds;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::cerr << "usage: outbox_bench SMTP_URL DB N SENDERS\n";
        return 2;
    }
    const std::string url = argv[1], db = argv[2];
    const int n = std::stoi(argv[3]);
    const auto senders = static_cast<unsigned>(std::stoul(argv[4]));
    const auto data = sample_mail(sample_event());
    long sent = 0;
    std::vector<double> sending;
    const auto ours = outbox_run(url, db, n, senders, sent, sending);
    const auto raw = raw_curl_loop(url, data, static_cast<int>(sent));
    std::cout << "message_bytes " << data.size() << "\n"
              << "sent " << sent << "\n"
              << "outbox_per_second " << static_cast<double>(sent) / ours << "\n"
              << "raw_per_second " << static_cast<double>(sent) / raw << "\n"
              << "outbox_seconds " << ours << "\n"
              << "outbox_sending_seconds_first_sender " << sending.at(0) << "\n";
}
