#include "server/commands.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include <malloc.h>

#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "calendar/ics_lint.hpp"
#include "calendar/zoned.hpp"
#include "server/demo_data.hpp"
#include "server/file_limit.hpp"
#include "server/http_server.hpp"
#include "server/outbox_worker.hpp"
#include "server/routes.hpp"
#include "store/migrations.hpp"
#include "web/import_document.hpp"
#include "web/validate.hpp"

namespace tp::server {
namespace {

namespace asio = boost::asio;
constexpr std::size_t max_import_bytes = 64 * 1024 * 1024;
constexpr auto shutdown_grace = std::chrono::seconds{10};

void make_parent_folder(const std::string& db) {
    const auto parent = std::filesystem::path(db).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
}

void load_demo(store::store& s) {
    const auto today =
        calendar::local_day_of(std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()),
                               *calendar::find_zone("Europe/Berlin"));
    const auto parsed = web::parse_import(demo_document(today));
    if (!parsed.errors.empty()) throw std::logic_error("demo data is invalid: " + parsed.errors.front());
    s.upsert(parsed.document.networks, parsed.document.events, parsed.document.series);
    add_demo_programme(s);
    std::cerr << "loaded demo data: " << parsed.document.networks.size() << " networks, "
              << parsed.document.events.size() << " events, " << parsed.document.series.size() << " series"
              << std::endl;
}

void anonymise_past(store::store& s, unsigned days) {
    const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    if (const auto n = s.anonymise_past_events(now - std::chrono::days{days}); n > 0)
        std::cerr << "anonymised " << n << " registration(s) of events that ended " << days << " days ago" << std::endl;
}

// Every second: notice writes by other processes (treffpunkt import) and flush the access log. Every minute:
// expire unconfirmed holds (their seats go to the waiting list). Every hour: extend series occurrences to the
// horizon (18 months ahead), so they never run out, and anonymise the attendees of events long past.
void schedule_refresh(asio::steady_timer& timer, store::store& s, access_log& log, const http_server& server,
                      unsigned anonymise_days, unsigned tick = 0) {
    timer.expires_after(std::chrono::seconds{1});
    timer.async_wait([&timer, &s, &log, &server, anonymise_days, tick](boost::system::error_code ec) {
        if (ec || server.stopping()) return;
        try {
            if (tick % 3600 == 0)
                for (const auto& slug : s.extend_series())
                    std::cerr << "series: skipped the date " << slug << ", whose address another event holds"
                              << std::endl;
            if (tick % 3600 == 1800 && anonymise_days > 0) anonymise_past(s, anonymise_days);
            if (tick % 60 == 0) s.expire_pending();
            if (tick % 60 == 30) malloc_trim(0);  // return what bursts of connections freed to the system
            s.refresh_data_version();
        } catch (const std::exception& ex) {
            std::cerr << "refresh: " << ex.what() << std::endl;
        }
        log.flush();
        schedule_refresh(timer, s, log, server, anonymise_days, tick + 1);
    });
}

// Stops the io_context if a graceful shutdown takes longer than the grace period.
class watchdog {
public:
    void arm(io_pool& pool) {
        thread_ = std::thread([this, &pool] {
            std::unique_lock lock(mutex_);
            if (!cv_.wait_for(lock, shutdown_grace, [this] { return done_; })) pool.stop();
        });
    }
    ~watchdog() {
        {
            std::lock_guard lock(mutex_);
            done_ = true;
        }
        cv_.notify_all();
        if (thread_.joinable()) thread_.join();
    }

private:
    std::mutex mutex_;
    std::condition_variable cv_;
    bool done_ = false;
    std::thread thread_;
};

}  // namespace

int run_serve(const options& o) {
    // A few malloc arenas instead of one per thread that ever allocated (up to 8 per core): after a storm of
    // connections the freed memory is in few places, and malloc_trim (each minute) hands it back.
    mallopt(M_ARENA_MAX, 4);
    make_parent_folder(o.db);
    store::store s(o.db);
    if (o.demo && s.empty()) load_demo(s);
    // Descriptors beyond the connections: the database, its journal, SMTP connections, log files.
    const auto files = raise_file_limit(o.max_connections + 64);
    if (files < o.max_connections + 64)
        std::cerr << "warning: the open-file limit is " << files << ", below --max-connections " << o.max_connections
                  << "; accepting pauses when it is reached" << std::endl;
    io_pool pool(o.threads);
    access_log log(o.access_log);
    const asio::ip::tcp::endpoint endpoint{asio::ip::make_address(o.listen_host), o.listen_port};
    auto acceptor = listen_on(pool.first(), endpoint);
    const auto port = acceptor.local_endpoint().port();
    const std::string host = endpoint.address().is_v6() ? "[" + o.listen_host + "]" : o.listen_host;
    const std::string base = o.base_url.value_or("http://" + host + ":" + std::to_string(port));
    app_config config{base, o.rate_limit, o.privacy_notice};
    config.login_concurrency = o.login_concurrency;
    config.metrics_token = o.metrics_token;
    for (const auto& cidr : o.trusted_proxies) config.proxies.add(cidr);
    app application(s, std::move(config));
    http_server server(pool, std::move(acceptor), application, log,
                       server_limits{.idle_timeout = o.idle_timeout,
                                     .read_timeout = o.read_timeout,
                                     .write_timeout = o.write_timeout,
                                     .max_connections = o.max_connections,
                                     .max_connections_per_address = o.max_connections_per_address});
    std::vector<std::unique_ptr<outbox_worker>> senders;
    for (unsigned i = 0; i < o.mail.connections; ++i) {
        auto settings = outbox_settings_of(o.mail, base);
        settings.schedules_reminders = i == 0;
        senders.push_back(std::make_unique<outbox_worker>(s, settings, make_transport(o.mail, o.db)));
    }
    server.start();
    for (auto& sender : senders) sender->start();

    watchdog dog;
    asio::signal_set signals(pool.first(), SIGINT, SIGTERM);
    asio::steady_timer refresh(pool.first());
    signals.async_wait([&](boost::system::error_code ec, int) {
        if (ec) return;
        std::cerr << "shutting down: finishing requests in flight" << std::endl;
        server.shutdown();
        refresh.cancel();
        dog.arm(pool);
    });
    schedule_refresh(refresh, s, log, server, o.anonymise_after_days);
    std::cerr << "listening on http://" << host << ":" << port << " (base URL " << base << ", database " << o.db << ")"
              << std::endl;
    std::cerr << "mail: "
              << (o.mail.smtp_url.empty() ? "no --smtp-url, writing messages to a maildir" : "SMTP " + o.mail.smtp_url)
              << std::endl;

    pool.run();
    for (auto& sender : senders) sender->stop();
    log.flush();
    std::cerr << "stopped" << std::endl;
    return 0;
}

int run_import(const options& o, std::ostream& out, std::ostream& err) {
    std::ifstream in(o.import_file, std::ios::binary);
    if (!in) return err << "import: cannot read " << o.import_file << "\n", 1;
    std::ostringstream text;
    text << in.rdbuf();
    if (text.str().size() > max_import_bytes) return err << "import: the file is larger than 64 MiB\n", 1;
    const auto parsed = web::parse_import(text.str());
    if (!parsed.errors.empty()) {
        err << "import: " << o.import_file << " has " << parsed.errors.size() << " problem(s); nothing was imported:\n";
        for (const auto& e : parsed.errors) err << "  " << e << "\n";
        return 1;
    }
    try {
        make_parent_folder(o.db);
        store::store s(o.db);
        s.upsert(parsed.document.networks, parsed.document.events, parsed.document.series);
    } catch (const store::import_error& ex) {
        return err << "import: " << ex.what() << "; nothing was imported\n", 1;
    }
    out << "imported " << parsed.document.networks.size() << " network(s), " << parsed.document.events.size()
        << " event(s) and " << parsed.document.series.size() << " series into " << o.db << "\n";
    return 0;
}

int run_migrate(const options& o, std::ostream& out) {
    make_parent_folder(o.db);
    store::store s(o.db);
    out << o.db << " is at schema version " << store::latest_schema_version() << "\n";
    return 0;
}

int run_lint(const options& o, std::ostream& out) {
    int problems = 0;
    for (const auto& file : o.lint_files) {
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            out << file << ": cannot read\n";
            ++problems;
            continue;
        }
        std::ostringstream text;
        text << in.rdbuf();
        for (const auto& p : calendar::lint_ics(text.str())) {
            out << file << ": " << p << "\n";
            ++problems;
        }
    }
    return problems == 0 ? 0 : 1;
}

int run_message(const options& o, std::ostream& out, std::ostream& err) {
    std::ifstream in(o.message_body_file, std::ios::binary);
    if (!in) return err << "message: cannot read " << o.message_body_file << "\n", 1;
    std::ostringstream body;
    body << in.rdbuf();
    auto problem = web::check_line(o.message_subject, 200);
    if (!problem.empty()) return err << "message: --subject: " << problem << "\n", 1;
    problem = body.str().empty() ? "is empty" : web::check_text(body.str());
    if (!problem.empty()) return err << "message: " << o.message_body_file << ": " << problem << "\n", 1;
    store::store s(o.db);
    const auto queued = s.message_attendees(o.message_event, o.message_subject, body.str(),
                                            store::actor::operator_named("command line"));
    if (!queued) return err << "message: there is no event '" << o.message_event << "'\n", 1;
    out << "queued " << *queued << " message(s) to the attendees of " << o.message_event
        << "; a running treffpunkt serve sends them\n";
    return 0;
}

int run_create_organiser(const options& o, std::istream& in, std::ostream& out, std::ostream& err) {
    std::string password;
    std::getline(in, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
    try {
        store::store s(o.db);
        const auto created = s.create_organiser(
            {o.account_email, o.account_name, calendar::parse_role(o.account_role).value_or(calendar::role::organiser),
             o.account_networks, password});
        out << "created " << calendar::to_string(created.role) << " " << created.email;
        for (const auto& n : created.networks) out << (n == created.networks.front() ? " for " : ", ") << n;
        out << "\n";
        return 0;
    } catch (const store::account_error& ex) {
        return err << "create-organiser: " << ex.what() << "\n", 1;
    }
}

int run_forget(const options& o, std::ostream& out) {
    store::store s(o.db);
    out << "removed the data of " << s.forget_person(o.account_email, store::actor::operator_named("command line"))
        << " registration(s); their seats went to the waiting list\n";
    return 0;
}

int run_create_api_token(const options& o, std::ostream& out, std::ostream& err) {
    try {
        store::store s(o.db);
        out << s.create_api_token(o.account_email, o.token_label) << "\n";
        return 0;
    } catch (const store::account_error& ex) {
        return err << "create-api-token: " << ex.what() << "\n", 1;
    }
}

int run_revoke_api_tokens(const options& o, std::ostream& out) {
    store::store s(o.db);
    out << "revoked " << s.revoke_api_tokens(o.account_email, o.token_label) << " token(s)\n";
    return 0;
}

int run_routes(std::ostream& out) {
    constexpr const char* need_names[] = {"nothing", "session", "event_admin", "bearer", "bearer_event"};
    for (const auto& r : route_table())
        out << allow_header(r.methods) << '\t' << r.pattern << '\t' << r.label << '\t'
            << need_names[static_cast<int>(r.need)] << (r.later ? "\tanswers after its batch commits" : "") << '\n';
    return 0;
}

}  // namespace tp::server
