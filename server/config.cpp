#include "server/config.hpp"

#include <charconv>
#include <cstring>
#include <fstream>
#include <map>

#include "calendar/accounts.hpp"
#include "mail/header.hpp"
#include "mail/smtp.hpp"
#include "server/trusted_proxies.hpp"
#include "web/validate.hpp"

namespace tp::server {
namespace {

unsigned number(const std::string& flag, const std::string& value, unsigned min, unsigned max) {
    unsigned n = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc{} || end != value.data() + value.size() || n < min || n > max)
        throw usage_error(flag + ": '" + value + "' is not a number from " + std::to_string(min) + " to " +
                          std::to_string(max));
    return n;
}

void set_listen(options& o, const std::string& value) {
    const auto colon = value.rfind(':');
    if (colon == std::string::npos) throw usage_error("--listen: '" + value + "' is not HOST:PORT");
    std::string host = value.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    if (host.empty()) throw usage_error("--listen: '" + value + "' has no host");
    o.listen_host = host;
    o.listen_port = static_cast<unsigned short>(number("--listen", value.substr(colon + 1), 0, 65535));
}

void set_base_url(options& o, std::string value) {
    if (const auto issue = web::check_web_url(value); !issue.empty())
        throw usage_error("--base-url: '" + value + "' " + issue);
    while (!value.empty() && value.back() == '/') value.pop_back();
    o.base_url = value;
}

std::string read_flag_file(const std::string& flag, const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw usage_error(flag + ": cannot read '" + path + "'");
    std::string secret((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) secret.pop_back();
    return secret;
}

void set_mail(mail_options& m, const std::string& name, const std::string& value) {
    if (name == "smtp-url") {
        if (!value.empty() && !mail::valid_smtp_url(value))
            throw usage_error("--smtp-url: '" + value + "' is not smtp://HOST[:PORT] or smtps://HOST[:PORT]");
        m.smtp_url = value;
    } else if (name == "smtp-user") {
        m.smtp_user = value;
    } else if (name == "smtp-password-file") {
        m.smtp_password = read_flag_file("--smtp-password-file", value);
    } else if (name == "smtp-tls") {
        if (value != "auto" && value != "required" && value != "never")
            throw usage_error("--smtp-tls: '" + value + "' is not one of auto, required, never");
        m.smtp_tls = value;
    } else if (name == "smtp-ca-file") {
        if (!std::ifstream(value)) throw usage_error("--smtp-ca-file: cannot read '" + value + "'");
        m.smtp_ca_file = value;
    } else if (name == "mail-from") {
        if (!mail::valid_address(value)) throw usage_error("--mail-from: '" + value + "' is not a mail address");
        m.from = value;
    } else if (name == "maildir") {
        m.maildir = value;
    } else if (name == "mail-retry") {
        m.first_retry = std::chrono::seconds{number("--mail-retry", value, 1, 86400)};
    } else if (name == "mail-give-up") {
        m.give_up = std::chrono::seconds{number("--mail-give-up", value, 1, 30 * 86400)};
    } else if (name == "mail-connections") {
        m.connections = number("--mail-connections", value, 1, 16);
    } else if (name == "mail-lease") {
        m.lease = std::chrono::seconds{number("--mail-lease", value, 1, 86400)};
    } else {
        throw usage_error("unknown option --" + name);
    }
}

bool is_mail_flag(const std::string& name) { return name.starts_with("smtp-") || name.starts_with("mail"); }

void set_privacy_notice(options& o, const std::string& path) {
    auto notice = read_flag_file("--privacy-file", path);
    if (const auto issue = web::check_text(notice, 100'000); !issue.empty())
        throw usage_error("--privacy-file: '" + path + "' " + issue);
    o.privacy_notice = std::move(notice);
}

void set_role(options& o, const std::string& value) {
    if (!calendar::parse_role(value)) throw usage_error("--role: '" + value + "' is not admin or organiser");
    o.account_role = value;
}

// One CIDR, or several separated by commas (as the environment variable gives them).
void add_trusted_proxies(options& o, const std::string& value) {
    std::size_t start = 0;
    while (start <= value.size()) {
        const auto comma = std::min(value.find(',', start), value.size());
        const auto cidr = value.substr(start, comma - start);
        try {
            trusted_proxies{}.add(cidr);
        } catch (const std::invalid_argument& ex) {
            throw usage_error(std::string("--trusted-proxy: ") + ex.what());
        }
        o.trusted_proxies.push_back(cidr);
        start = comma + 1;
    }
}

void set_metrics_token(options& o, const std::string& value) {
    if (value.size() < 16) throw usage_error("--metrics-token: use at least 16 characters");
    o.metrics_token = value;
}

bool truthy(const std::string& v) { return v == "1" || v == "true" || v == "yes" || v == "on"; }

void apply(options& o, const std::string& name, const std::string& value) {
    if (name == "listen")
        set_listen(o, value);
    else if (name == "db")
        o.db = value;
    else if (name == "base-url")
        set_base_url(o, value);
    else if (name == "threads")
        o.threads = number("--threads", value, 1, 64);
    else if (name == "demo")
        o.demo = truthy(value);
    else if (name == "access-log")
        o.access_log = value;
    else if (name == "idle-timeout")
        o.idle_timeout = std::chrono::seconds{number("--idle-timeout", value, 1, 3600)};
    else if (name == "max-connections")
        o.max_connections = number("--max-connections", value, 1, 1'000'000);
    else if (name == "max-connections-per-address")
        o.max_connections_per_address = number("--max-connections-per-address", value, 0, 1'000'000);
    else if (name == "read-timeout")
        o.read_timeout = std::chrono::seconds{number("--read-timeout", value, 1, 3600)};
    else if (name == "write-timeout")
        o.write_timeout = std::chrono::seconds{number("--write-timeout", value, 1, 3600)};
    else if (name == "rate-limit")
        o.rate_limit = number("--rate-limit", value, 0, 1000000);
    else if (name == "trusted-proxy")
        add_trusted_proxies(o, value);
    else if (name == "login-concurrency")
        o.login_concurrency = number("--login-concurrency", value, 1, 64);
    else if (name == "metrics-token")
        set_metrics_token(o, value);
    else if (is_mail_flag(name))
        set_mail(o.mail, name, value);
    else if (name == "privacy-file")
        set_privacy_notice(o, value);
    else if (name == "anonymise-after")
        o.anonymise_after_days = number("--anonymise-after", value, 0, 3650);
    else if (name == "email")
        o.account_email = value;
    else if (name == "name")
        o.account_name = value;
    else if (name == "role")
        set_role(o, value);
    else if (name == "network")
        o.account_networks.push_back(value);
    else if (name == "label")
        o.token_label = value;
    else if (name == "password-stdin")
        o.password_stdin = truthy(value);
    else if (name == "event")
        o.message_event = value;
    else if (name == "subject")
        o.message_subject = value;
    else if (name == "body-file")
        o.message_body_file = value;
    else
        throw usage_error("unknown option --" + name);
}

const std::map<std::string, bool> flags_taking_values{{"listen", true},
                                                      {"db", true},
                                                      {"base-url", true},
                                                      {"threads", true},
                                                      {"demo", false},
                                                      {"access-log", true},
                                                      {"idle-timeout", true},
                                                      {"read-timeout", true},
                                                      {"max-connections", true},
                                                      {"max-connections-per-address", true},
                                                      {"write-timeout", true},
                                                      {"rate-limit", true},
                                                      {"smtp-url", true},
                                                      {"smtp-user", true},
                                                      {"smtp-password-file", true},
                                                      {"smtp-tls", true},
                                                      {"smtp-ca-file", true},
                                                      {"mail-from", true},
                                                      {"maildir", true},
                                                      {"mail-retry", true},
                                                      {"mail-give-up", true},
                                                      {"mail-lease", true},
                                                      {"mail-connections", true},
                                                      {"event", true},
                                                      {"subject", true},
                                                      {"body-file", true},
                                                      {"privacy-file", true},
                                                      {"email", true},
                                                      {"name", true},
                                                      {"role", true},
                                                      {"network", true},
                                                      {"label", true},
                                                      {"password-stdin", false},
                                                      {"anonymise-after", true},
                                                      {"trusted-proxy", true},
                                                      {"login-concurrency", true},
                                                      {"metrics-token", true}};

std::string env_name(const std::string& flag) {
    std::string out = "TREFFPUNKT_";
    for (char c : flag) out += c == '-' ? '_' : static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    return out;
}

void apply_environment(options& o, char** environment) {
    for (char** e = environment; e && *e; ++e) {
        const std::string entry(*e);
        const auto eq = entry.find('=');
        for (const auto& [flag, takes_value] : flags_taking_values)
            if (entry.substr(0, eq) == env_name(flag)) apply(o, flag, entry.substr(eq + 1));
        // The password has no flag: command lines are visible to every user of the machine.
        if (entry.substr(0, eq) == "TREFFPUNKT_SMTP_PASSWORD") o.mail.smtp_password = entry.substr(eq + 1);
    }
}

}  // namespace

options parse_options(const std::vector<std::string>& args, char** environment) {
    options o;
    apply_environment(o, environment);
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto& a = args[i];
        if (a == "--help" || a == "-h" || a == "help")
            o.command = "help";
        else if (a == "--version" || a == "version")
            o.command = "version";
        else if (a.rfind("--", 0) == 0) {
            std::string name = a.substr(2), value;
            const auto eq = name.find('=');
            const auto known = flags_taking_values.find(name.substr(0, eq));
            if (known == flags_taking_values.end()) throw usage_error("unknown option " + a);
            if (eq != std::string::npos) {
                value = name.substr(eq + 1);
                name = name.substr(0, eq);
            } else if (known->second) {
                if (i + 1 >= args.size()) throw usage_error(a + " needs a value");
                value = args[++i];
            } else {
                value = "true";
            }
            apply(o, name, value);
        } else if (o.command.empty()) {
            o.command = a;
        } else if (o.command == "import" && o.import_file.empty()) {
            o.import_file = a;
        } else if (o.command == "lint") {
            o.lint_files.push_back(a);
        } else {
            throw usage_error("unexpected argument '" + a + "'");
        }
    }
    if (o.command.empty()) o.command = "help";
    if (o.command != "serve" && o.command != "import" && o.command != "migrate" && o.command != "lint" &&
        o.command != "message" && o.command != "create-organiser" && o.command != "create-api-token" &&
        o.command != "revoke-api-tokens" && o.command != "forget" && o.command != "routes" && o.command != "help" &&
        o.command != "version")
        throw usage_error("unknown command '" + o.command + "'");
    if (o.command == "import" && o.import_file.empty()) throw usage_error("import needs a FILE.json");
    if (o.command == "lint" && o.lint_files.empty()) throw usage_error("lint needs at least one FILE.ics");
    const bool account_command = o.command == "create-organiser" || o.command == "create-api-token" ||
                                 o.command == "revoke-api-tokens" || o.command == "forget";
    if (account_command && o.account_email.empty()) throw usage_error(o.command + " needs --email");
    if (o.command == "create-organiser" && (o.account_name.empty() || !o.password_stdin))
        throw usage_error("create-organiser needs --name and --password-stdin (the password on standard input)");
    if (o.command == "message" && (o.message_event.empty() || o.message_subject.empty() || o.message_body_file.empty()))
        throw usage_error("message needs --event SLUG, --subject TEXT and --body-file FILE");
    return o;
}

std::string usage_text() {
    return R"(Treffpunkt: events, registrations and calendar feeds for regional STEM networks.

Usage:
  treffpunkt serve [--listen HOST:PORT] [--db PATH] [--base-url URL] [--threads N] [--demo]
                   [--access-log -|off|FILE] [--idle-timeout S] [--read-timeout S] [--write-timeout S]
                   [--max-connections N] [--max-connections-per-address N] [--rate-limit N]
                   [--smtp-url URL] [--smtp-user U] [--smtp-password-file F] [--smtp-tls auto|required|never]
                   [--smtp-ca-file F] [--mail-from ADDRESS] [--maildir DIR] [--mail-retry S] [--mail-give-up S]
                   [--mail-lease S] [--mail-connections N] [--privacy-file F] [--anonymise-after DAYS]
                   [--trusted-proxy CIDR]... [--login-concurrency N] [--metrics-token T]
  treffpunkt import FILE.json [--db PATH]
  treffpunkt migrate [--db PATH]
  treffpunkt lint FILE.ics...   check iCalendar files against the rules common parsers let pass
  treffpunkt create-organiser --email E --name N --role admin|organiser [--network SLUG]... --password-stdin
                                [--db PATH]   an account for the admin pages; the password comes on stdin
  treffpunkt create-api-token --email E [--label L] [--db PATH]   prints a token for the API (shown once)
  treffpunkt revoke-api-tokens --email E [--label L] [--db PATH]  revokes that organiser's tokens (with label L)
  treffpunkt forget --email E [--db PATH]   removes a person's data from every registration (on request)
  treffpunkt routes             lists every route: methods, path pattern, metrics label, what it needs
  treffpunkt message --event SLUG --subject TEXT --body-file FILE [--db PATH]
                                email every confirmed and pending registration of an event (sent by serve)
  treffpunkt --help | --version

Options (each also as an environment variable, e.g. --base-url as TREFFPUNKT_BASE_URL):
  --listen HOST:PORT    address to listen on (default 127.0.0.1:8080; port 0 picks a free one)
  --db PATH             SQLite database file (default data/treffpunkt.db; created and migrated)
  --base-url URL        public address used in links and feeds (default http://HOST:PORT)
  --threads N           I/O threads (default 2)
  --demo                load demo data when the database is empty
  --access-log WHERE    '-' for standard error (default), 'off', or a file to append to
  --idle-timeout S      seconds a kept-alive connection may wait for its next request (default 30)
  --read-timeout S      seconds a client has for one request from its first byte (default 20)
  --write-timeout S     seconds a response may take to send (default 30)
  --max-connections N   open connections in all (default 16384); at the cap an idle one is
                        closed to make room, and when none is idle a newcomer gets 503
  --max-connections-per-address N  open connections per client address (default 0: no cap; leave it off
                        behind a reverse proxy, where every client has the proxy's address)
  --rate-limit N        POSTs (registrations) per minute per client address (default 30; 0 turns it off)
  --trusted-proxy CIDR  a reverse proxy (repeatable; the variable takes a comma list): from its address the
                        client is the rightmost untrusted address of X-Forwarded-For, for limits and logs
  --login-concurrency N password checks at once (default 2, 64 MiB each); beyond that logins get 503
  --metrics-token T     bearer token for /metrics (at least 16 characters); without it only loopback may read
  --anonymise-after D   remove attendee data of events that ended D days ago (default 180; 0 keeps it)
  --privacy-file F      the organisation's privacy notice (UTF-8 text, blank lines between paragraphs) for
                        /datenschutz, which every registration form links to; without it a short default

Email (confirmations, reminders, change notices; sent from an outbox that survives restarts):
  --smtp-url URL        smtp://HOST:PORT (STARTTLS when offered) or smtps://HOST:PORT; without it, messages
                        are written to a maildir (see --maildir) that mail programs can open
  --smtp-user U         log in as U (then STARTTLS is required unless --smtp-tls never)
  --smtp-password-file F  read the password from F; or set TREFFPUNKT_SMTP_PASSWORD
  --smtp-tls MODE       auto (default), required or never
  --smtp-ca-file F      trust the certificates in F (PEM) for the SMTP server instead of the system's
  --mail-from ADDRESS   sender address (default noreply@localhost); replies go to the network's contact
  --maildir DIR         where messages go without SMTP (default: DB folder/maildir)
  --mail-retry S        first delay after a temporary failure, doubling up to an hour (default 30)
  --mail-give-up S      give a message up this long after it was queued (default 172800: two days)
  --mail-lease S        a message being sent is retried after S when its sender died (default 300)
  --mail-connections N  messages sent in parallel, each sender with its own SMTP connection (default 2)
)";
}

}  // namespace tp::server
