#pragma once
// Where rendered messages go: an SMTP server, or a maildir when none is configured.
#include <string>
#include <string_view>

namespace tp::mail {

enum class delivery {
    sent,       // accepted by the server (or written to the maildir)
    temporary,  // try again later: 4xx, no connection, timeout, a login the server refused
    permanent,  // 5xx for this message or recipient: trying again cannot help
};

struct send_result {
    delivery outcome = delivery::temporary;
    std::string detail;  // the server's answer or the local error, for the outbox row and the logs
};

struct envelope {
    std::string from;  // MAIL FROM
    std::string to;    // RCPT TO
};

// Not thread-safe: one per sending thread (an SMTP transport keeps its connection open between messages).
class transport {
public:
    virtual ~transport() = default;
    [[nodiscard]] virtual send_result send(const envelope& e, std::string_view data) = 0;
};

}  // namespace tp::mail
