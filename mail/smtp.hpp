#pragma once
// Delivery to an SMTP server through libcurl: smtp:// (with STARTTLS) and smtps://, AUTH when a user is set.
// The connection stays open between messages and is opened again when the server closed it.
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "mail/transport.hpp"

namespace tp::mail {

enum class starttls {
    opportunistic,  // use it when offered (the default without a user)
    required,       // refuse to send without it (the default with a user: no password in the clear)
    never,          // plain SMTP, e.g. a relay on the same machine
};

struct smtp_config {
    std::string url;  // smtp://host:port or smtps://host:port
    std::string user;
    std::string password;
    std::optional<starttls> tls;  // unset: required with a user, opportunistic without
    std::chrono::seconds timeout{30};
    std::string ca_file{};  // trust these certificates instead of the system's (a private CA); empty: the system's
};

// Whether a URL names an SMTP server we can talk to ("smtp://" or "smtps://" and a host).
[[nodiscard]] bool valid_smtp_url(std::string_view url);

class smtp_transport final : public transport {
public:
    explicit smtp_transport(smtp_config config);
    ~smtp_transport() override;
    smtp_transport(const smtp_transport&) = delete;
    smtp_transport& operator=(const smtp_transport&) = delete;
    // 5xx from the server: permanent; 4xx, no connection, timeouts and authentication problems (a refused
    // login, 530 "authentication required", missing TLS): temporary, the operator can fix those.
    [[nodiscard]] send_result send(const envelope& e, std::string_view data) override;

private:
    struct handle;
    smtp_config config_;
    std::unique_ptr<handle> handle_;
};

}  // namespace tp::mail
