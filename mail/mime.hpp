#pragma once
// One email as MIME (RFC 2045-2049, RFC 5322): text and HTML as alternatives (the HTML with its pictures as
// multipart/related), and for invitations an iMIP calendar part (RFC 6047) inline plus the same .ics as an
// attachment.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "mail/header.hpp"

namespace tp::mail {

struct calendar_part {
    std::string method;  // REQUEST, CANCEL or PUBLISH: must equal the METHOD inside the object
    std::string ics;     // the VCALENDAR, CRLF line ends
};

// A picture the HTML part shows by "cid:<content_id>" (multipart/related, RFC 2387), e.g. a check-in code.
struct inline_image {
    std::string content_id;  // without angle brackets: local@domain
    std::string type;        // image/png
    std::string data;        // the bytes
};

struct message {
    mailbox from;
    mailbox to;
    std::optional<mailbox> reply_to;
    std::string subject;
    std::string message_id;  // without angle brackets: local@domain
    std::chrono::sys_seconds date{};
    std::string text;  // UTF-8, LF or CRLF line ends
    std::string html;  // a whole document
    std::optional<calendar_part> calendar;
    std::vector<inline_image> images{};  // the HTML part's pictures
    bool automatic = true;               // Auto-Submitted: auto-generated (RFC 3834): no out-of-office replies
    // A mail to everyone of an event: List-Id (RFC 2919) and a one-click List-Unsubscribe (RFC 2369, RFC 8058).
    struct mailing_list {
        std::string id;           // "mint-barcamp.ist-bochum.treffpunkt.example"
        std::string unsubscribe;  // an https URL that takes the one-click POST
    };
    std::optional<mailing_list> list{};
};

// The whole message, headers and body, with CRLF line ends, ready for SMTP DATA or a maildir file.
// Throws std::invalid_argument for an invalid address or Message-ID.
[[nodiscard]] std::string render(const message& m);

}  // namespace tp::mail
