#include <catch2/catch.hpp>

#include <date/date.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "mail/decode.hpp"
#include "mail/maildir.hpp"
#include "mail/mime.hpp"
#include "temp_path.hpp"

using namespace tp::mail;

namespace {

message sample(bool with_calendar) {
    message m;
    m.from = {"MINT-Region Nord", "noreply@treffpunkt.example"};
    m.to = {"Anna Müller", "anna@example.org"};
    m.reply_to = mailbox{"Jörg Organiser", "joerg@mint-nord.example"};
    m.subject = "Anmeldung bestätigt: MINT:Barcamp";
    m.message_id = "outbox-7.abc@treffpunkt.example";
    m.date = std::chrono::sys_seconds{std::chrono::seconds{1'800'000'000}};
    m.text = "Hallo Anna,\nbis bald.\n";
    m.html = "<!DOCTYPE html><html><body><p>Hallo Anna</p></body></html>";
    if (with_calendar) m.calendar = calendar_part{"REQUEST", "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n"};
    return m;
}

std::string header_of(const std::string& mail, std::string_view name) {
    const auto head = mail.substr(0, mail.find("\r\n\r\n") + 2);
    const auto at = head.find("\r\n" + std::string(name) + ": ");
    const auto start = head.starts_with(std::string(name) + ": ") ? name.size() + 2
                       : at == std::string::npos                  ? std::string::npos
                                                                  : at + name.size() + 4;
    if (start == std::string::npos) return {};
    auto end = start;
    while ((end = head.find("\r\n", end)) != std::string::npos && end + 2 < head.size() && head[end + 2] == ' ')
        end += 2;
    return head.substr(start, end - start);
}

// The body of the first part with this Content-Type, decoded.
std::string part_body(const std::string& mail, std::string_view content_type) {
    const auto type = mail.find("Content-Type: " + std::string(content_type));
    REQUIRE(type != std::string::npos);
    const auto start = mail.find("\r\n\r\n", type) + 4;
    const auto end = mail.find("\r\n--", start);
    const auto encoding_at = mail.find("Content-Transfer-Encoding: ", type);
    const auto body = mail.substr(start, end + 2 - start);
    return mail.compare(encoding_at + 27, 6, "base64") == 0 ? testing::decode_base64(body)
                                                            : testing::decode_quoted_printable(body);
}

}  // namespace

TEST_CASE("a message has the headers RFC 5322 requires, encoded") {
    const auto mail = render(sample(false));
    CHECK(header_of(mail, "Date") == "Fri, 15 Jan 2027 08:00:00 +0000");
    CHECK(testing::decode_words(header_of(mail, "To")) == "Anna Müller <anna@example.org>");
    CHECK(testing::decode_words(header_of(mail, "Reply-To")) == "Jörg Organiser <joerg@mint-nord.example>");
    CHECK(header_of(mail, "From") == "MINT-Region Nord <noreply@treffpunkt.example>");
    CHECK(header_of(mail, "Message-ID") == "<outbox-7.abc@treffpunkt.example>");
    CHECK(testing::decode_words(header_of(mail, "Subject")) == "Anmeldung bestätigt: MINT:Barcamp");
    CHECK(header_of(mail, "MIME-Version") == "1.0");
    CHECK(header_of(mail, "Auto-Submitted") == "auto-generated");
    CHECK(header_of(mail, "Content-Type").starts_with("multipart/alternative; boundary="));
}

TEST_CASE("without an invitation the message is text and HTML as alternatives") {
    const auto mail = render(sample(false));
    CHECK(part_body(mail, "text/plain") == "Hallo Anna,\r\nbis bald.\r\n");
    CHECK(part_body(mail, "text/html").starts_with("<!DOCTYPE html>"));
    CHECK(mail.find("text/calendar") == std::string::npos);
    CHECK(mail.find("multipart/mixed") == std::string::npos);
}

TEST_CASE("an invitation carries the calendar inline with its method and as an attachment") {
    const auto m = sample(true);
    const auto mail = render(m);
    CHECK(header_of(mail, "Content-Type").starts_with("multipart/mixed; boundary="));
    CHECK(mail.find("Content-Type: text/calendar; charset=UTF-8; method=REQUEST\r\n") != std::string::npos);
    CHECK(part_body(mail, "text/calendar") == m.calendar->ics);
    CHECK(part_body(mail, "application/ics") == m.calendar->ics);
    CHECK(mail.find("Content-Disposition: attachment; filename=\"invite.ics\"") != std::string::npos);
    // The alternative part closes before the attachment starts.
    CHECK(mail.find("--=_tp_alt_") < mail.find("application/ics"));
    CHECK(mail.ends_with("--\r\n"));
}

TEST_CASE("pictures of the HTML go with it as multipart/related, named by Content-ID") {
    auto m = sample(true);
    const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    m.images = {{"door-code@treffpunkt.invalid", "image/png", png}};
    const auto mail = render(m);
    const auto related = mail.find("Content-Type: multipart/related; type=\"text/html\";\r\n boundary=\"=_tp_rel_");
    REQUIRE(related != std::string::npos);
    CHECK(mail.find("Content-Type: text/plain") < related);  // the text alternative comes first
    CHECK(related < mail.find("Content-Type: text/html"));   // the HTML inside
    CHECK(mail.find("Content-ID: <door-code@treffpunkt.invalid>\r\n") != std::string::npos);
    CHECK(part_body(mail, "image/png") == png);
    CHECK(mail.find("--=_tp_rel_") < mail.find("text/calendar"));  // related closes before the calendar part
    m.images[0].content_id = "no id\r\nBcc: x@y.de";
    CHECK_THROWS_AS(render(m), std::invalid_argument);
}

TEST_CASE("user text cannot add headers and bad addresses or methods are refused") {
    auto m = sample(false);
    m.subject = "Hi\r\nBcc: everyone@example.org";
    m.to.name = "X\r\nBcc: everyone@example.org";
    const auto mail = render(m);
    CHECK(mail.find("\r\nBcc:") == std::string::npos);
    m.to.address = "anna@example.org\r\nBcc: x@y.de";
    CHECK_THROWS_AS(render(m), std::invalid_argument);
    auto bad_method = sample(true);
    bad_method.calendar->method = "REQUEST; x=y";
    CHECK_THROWS_AS(render(bad_method), std::invalid_argument);
    auto bad_id = sample(false);
    bad_id.message_id = "<x@y>";
    CHECK_THROWS_AS(render(bad_id), std::invalid_argument);
}

TEST_CASE("the maildir stores each message whole in new/") {
    const tp::testing::temp_path folder("maildir");
    const std::filesystem::path dir(folder.str());
    maildir_transport box(dir);
    const auto mail = render(sample(true));
    const auto first = box.send({"a@b.de", "c@d.de"}, mail);
    const auto second = box.send({"a@b.de", "c@d.de"}, mail);
    REQUIRE(first.outcome == delivery::sent);
    REQUIRE(second.outcome == delivery::sent);
    CHECK(first.detail != second.detail);
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir / "new")) {
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream content;
        content << in.rdbuf();
        CHECK(content.str() == mail);
        ++count;
    }
    CHECK(count == 2);
    CHECK(std::filesystem::is_empty(dir / "tmp"));
}

TEST_CASE("a maildir that cannot be written reports a temporary failure") {
    const tp::testing::temp_path folder("maildir-ro");
    const std::filesystem::path dir(folder.str());
    maildir_transport box(dir);
    std::filesystem::remove_all(dir / "tmp");
    const auto result = box.send({"a@b.de", "c@d.de"}, "x");
    CHECK(result.outcome == delivery::temporary);
    CHECK(result.detail.find("cannot create") != std::string::npos);
}

TEST_CASE("every header line, of the message and of its parts, is folded within 78 characters") {
    auto m = sample(true);
    m.from = {"Netzwerk MINT-Regionen (bundesweit) – Geschäftsstelle und Koordination", "noreply@treffpunkt.example"};
    m.to = {"Prof. Dr. Ülkü Yılmaz-Öztürk von der Hochschule für angewandte Wissenschaften",
            "uelkue.yilmaz-oeztuerk@fachbereich-informatik.hochschule.example"};
    m.subject = "Geändert: Körber-Dialog MINT-Regionen – zwei Tage Austausch, Impulse und Workshops in Berlin";
    m.message_id = "outbox-123456.0123456789abcdef0123456789abcdef@treffpunkt.example";
    m.images.push_back({"door-code@treffpunkt.invalid", "image/png", std::string(100, 'x')});
    const auto mail = render(m);
    std::istringstream lines(mail);
    std::string line;
    bool in_headers = true;
    int checked = 0;
    while (std::getline(lines, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) {
            in_headers = false;
            continue;
        }
        if (line.starts_with("--")) in_headers = true;  // a boundary: the part's headers follow
        if (!in_headers) continue;
        CAPTURE(line);
        CHECK(line.size() <= 78);
        ++checked;
    }
    CHECK(checked > 20);
}

TEST_CASE("a mail to everyone of an event names its list and offers one-click unsubscribe (RFC 2919, 8058)") {
    auto m = sample(false);
    CHECK(header_of(render(m), "List-Id").empty());
    m.list = message::mailing_list{"mint-barcamp.ist-bochum.treffpunkt.example",
                                   "https://tp.example/r/0123456789abcdef0123456789abcdef/unsubscribe"};
    const auto mail = render(m);
    CHECK(header_of(mail, "List-Id") == "<mint-barcamp.ist-bochum.treffpunkt.example>");
    // Too long for one line: folded before the URL, as RFC 5322 allows.
    CHECK(mail.find(
              "\r\nList-Unsubscribe:\r\n <https://tp.example/r/0123456789abcdef0123456789abcdef/unsubscribe>\r\n") !=
          std::string::npos);
    CHECK(header_of(mail, "List-Unsubscribe-Post") == "List-Unsubscribe=One-Click");
    m.list->unsubscribe = "https://tp.example/x>\r\nBcc: a@b.de";
    CHECK_THROWS_AS(render(m), std::invalid_argument);
    m.list->unsubscribe = "javascript:alert(1)";
    CHECK_THROWS_AS(render(m), std::invalid_argument);
}
