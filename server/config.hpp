#pragma once
// Command line and environment: every flag --x-y also reads TREFFPUNKT_X_Y; flags win over the environment.
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace tp::server {

class usage_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Email delivery: SMTP when a URL is set, otherwise a maildir beside the database.
struct mail_options {
    std::string smtp_url;  // smtp://host:port or smtps://host:port; empty: maildir
    std::string smtp_user;
    std::string smtp_password;               // from TREFFPUNKT_SMTP_PASSWORD or --smtp-password-file
    std::string smtp_tls = "auto";           // auto, required, never (STARTTLS on smtp://)
    std::string smtp_ca_file;                // certificates to trust instead of the system's
    std::string from = "noreply@localhost";  // envelope sender and From address
    std::optional<std::string> maildir;      // default: the database's folder + /maildir
    std::chrono::seconds first_retry{30};
    std::chrono::seconds give_up{48 * 3600};
    std::chrono::seconds lease{300};  // a message being sent is left alone this long (then: sent again)
    unsigned connections = 2;         // senders working in parallel, each with its own SMTP connection
};

struct options {
    std::string command;  // serve, import, migrate, lint, help, version
    std::string listen_host = "127.0.0.1";
    unsigned short listen_port = 8080;
    std::string db = "data/treffpunkt.db";
    std::optional<std::string> base_url;  // default: http://<listen host>:<bound port>
    unsigned threads = 2;
    bool demo = false;
    std::string access_log = "-";
    std::chrono::seconds idle_timeout{30};
    std::chrono::seconds read_timeout{20};
    std::chrono::seconds write_timeout{30};
    std::size_t max_connections = 16'384;
    std::size_t max_connections_per_address = 0;  // 0: no cap
    unsigned rate_limit = 30;                     // POSTs per minute per client address; 0: off
    std::vector<std::string> trusted_proxies;     // CIDRs of reverse proxies whose X-Forwarded-For counts
    unsigned login_concurrency = 2;               // password checks (argon2id, 64 MiB each) at once
    std::string metrics_token;                    // bearer token for /metrics; empty: loopback peers only
    mail_options mail;
    std::string privacy_notice;           // from --privacy-file
    unsigned anonymise_after_days = 180;  // attendee data of events that ended this long ago; 0: keep
    std::string import_file;
    // create-organiser, create-api-token, revoke-api-tokens
    std::string account_email;
    std::string account_name;
    std::string account_role = "organiser";
    std::vector<std::string> account_networks;
    std::string token_label;
    bool password_stdin = false;
    // treffpunkt message: a message from the organisers to every attendee of an event
    std::string message_event;
    std::string message_subject;
    std::string message_body_file;
    std::vector<std::string> lint_files;
};

// Throws usage_error with a sentence naming the flag and the problem.
[[nodiscard]] options parse_options(const std::vector<std::string>& args, char** environment);
[[nodiscard]] std::string usage_text();

}  // namespace tp::server
