#include "server/outbox_worker.hpp"

#include "server/door_code.hpp"
#include "server/made_ahead.hpp"
#include "web/qr_code.hpp"

#include <boost/json.hpp>

#include <filesystem>
#include <iostream>

#include "calendar/itip.hpp"
#include "mail/header.hpp"
#include "mail/maildir.hpp"
#include "mail/mime.hpp"
#include "mail/smtp.hpp"
#include "web/mail_texts.hpp"

namespace tp::server {

using calendar::delivery_status;
namespace {

namespace json = boost::json;
constexpr auto reminder_interval = std::chrono::minutes{1};
constexpr auto idle_wait = std::chrono::seconds{1};

// Mails to everyone of an event, which a person may stop (List-Unsubscribe): an organiser's message and the
// notice of a changed time or place. The event's cancellation always goes out.
bool to_everyone(calendar::message_kind k) {
    return k == calendar::message_kind::organiser_message || k == calendar::message_kind::event_changed;
}

calendar::sys_seconds now() {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::optional<mail::starttls> tls_of(const std::string& mode) {
    if (mode == "required") return mail::starttls::required;
    if (mode == "never") return mail::starttls::never;
    return std::nullopt;  // auto: required with a user, opportunistic without
}

// The store writes payloads; anything else reads as empty rather than stopping the sender.
json::object parse_payload(const std::string& text) {
    boost::system::error_code ec;
    auto v = json::parse(text, ec);
    return !ec && v.is_object() ? std::move(v.get_object()) : json::object{};
}

std::string text_field(const json::object& v, std::string_view key) {
    const auto* s = v.if_contains(key);
    return s && s->is_string() ? std::string(s->get_string()) : std::string{};
}

// A change's "before" (store::before_payload) over the event as it is now; nullopt without one.
std::optional<calendar::event> before_field(const json::object& v, const calendar::event& now) {
    const auto* found = v.if_contains("before");
    if (!found || !found->is_object()) return std::nullopt;
    const auto& b = found->get_object();
    const auto* start = b.if_contains("start");
    const auto* end = b.if_contains("end");
    if (!start || !end || !start->is_int64() || !end->is_int64()) return std::nullopt;
    auto before = now;
    before.start = calendar::sys_seconds{std::chrono::seconds{start->get_int64()}};
    before.end = calendar::sys_seconds{std::chrono::seconds{end->get_int64()}};
    if (const auto* all_day = b.if_contains("all_day"); all_day && all_day->is_bool())
        before.all_day = all_day->get_bool();
    if (const auto zone = text_field(b, "time_zone"); !zone.empty()) before.time_zone = zone;
    if (const auto format = calendar::parse_event_format(text_field(b, "format"))) before.format = *format;
    before.venue = text_field(b, "venue");
    before.address = text_field(b, "address");
    return before;
}

std::optional<std::chrono::seconds> offset_field(const json::object& v) {
    const auto* n = v.if_contains("offset");
    if (!n || !n->is_int64()) return std::nullopt;
    return std::chrono::seconds{n->get_int64()};
}

// Replies go to the network's contact when it has a usable address; the organiser of invitations too.
std::optional<mail::mailbox> contact_of(const calendar::network& n) {
    if (!mail::valid_address(n.contact_email)) return std::nullopt;
    return mail::mailbox{n.contact_name.empty() ? n.name : n.contact_name, n.contact_email};
}

}  // namespace

std::unique_ptr<mail::transport> make_transport(const mail_options& m, const std::string& db_path) {
    if (!m.smtp_url.empty())
        return std::make_unique<mail::smtp_transport>(mail::smtp_config{
            m.smtp_url, m.smtp_user, m.smtp_password, tls_of(m.smtp_tls), std::chrono::seconds{30}, m.smtp_ca_file});
    const auto folder =
        m.maildir ? std::filesystem::path(*m.maildir) : std::filesystem::absolute(db_path).parent_path() / "maildir";
    return std::make_unique<mail::maildir_transport>(folder);
}

outbox_settings outbox_settings_of(const mail_options& m, const std::string& base_url) {
    outbox_settings s;
    s.base_url = base_url;
    s.from = m.from;
    s.retry.first_delay = m.first_retry;
    s.retry.give_up_after = m.give_up;
    s.lease = m.lease;
    return s;
}

outbox_worker::outbox_worker(store::store& s, outbox_settings settings, std::unique_ptr<mail::transport> transport)
    : store_(s), settings_(std::move(settings)), transport_(std::move(transport)) {}

outbox_worker::~outbox_worker() { stop(); }

void outbox_worker::start() {
    thread_ = std::thread([this] { loop(); });
}

void outbox_worker::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void outbox_worker::loop() {
    auto next_reminders = std::chrono::steady_clock::now();
    for (;;) {
        int handled = 0;
        try {
            if (settings_.schedules_reminders && std::chrono::steady_clock::now() >= next_reminders) {
                (void)store_.schedule_reminders();
                next_reminders = std::chrono::steady_clock::now() + reminder_interval;
            }
            handled = run_once();
        } catch (const store::storage_unavailable& ex) {
            std::cerr << "outbox: " << ex.what() << " (" << ex.hint() << ")" << std::endl;
        } catch (const std::exception& ex) {
            std::cerr << "outbox: " << ex.what() << std::endl;
        }
        std::unique_lock lock(mutex_);
        if (stopping_) return;
        if (handled == 0) wake_.wait_for(lock, idle_wait, [this] { return stopping_; });
    }
}

int outbox_worker::run_once() {
    const auto domain = std::string(mail::domain_of(settings_.from));
    const auto claimed = store_.claim_outbox(settings_.lease, settings_.batch, domain.empty() ? "localhost" : domain);
    std::vector<store::outbox_outcome> outcomes;
    outcomes.reserve(claimed.size());
    {
        made_ahead<prepared> ready(claimed.size(), [&](std::size_t i) { return prepare(claimed[i]); });
        for (std::size_t i = 0; i < claimed.size(); ++i) {
            {
                std::lock_guard lock(mutex_);
                if (stopping_) break;  // the rest go out when their lease ends
            }
            auto p = ready.take(i);
            const auto& m = claimed[i];
            outcomes.push_back(p.settled ? *p.settled
                                         : outcome_of(m, transport_->send({settings_.from, m.recipient}, p.data)));
        }
    }
    store_.finish_outbox(outcomes);
    return static_cast<int>(claimed.size());
}

outbox_worker::prepared outbox_worker::prepare(const store::outbox_message& m) const {
    const auto failed = [&](std::string why) {
        return prepared{store::outbox_outcome{m.id, delivery_status::failed, std::nullopt, std::move(why)}, {}};
    };
    try {
        if (calendar::to_organiser(m.kind)) return {std::nullopt, render_to_organiser(m)};
        const auto about = store_.subject_of(m);
        if (!about) return failed("the registration or its event no longer exists");
        if (auto reason = web::stale_reason(m.kind, about->registration, about->event, now()))
            return {store::outbox_outcome{m.id, delivery_status::skipped, std::nullopt, *reason}, {}};
        if (to_everyone(m.kind) && about->everyone_mails_stopped)
            return {store::outbox_outcome{m.id, delivery_status::skipped, std::nullopt,
                                          "the person stopped mails to everyone of the event"},
                    {}};
        return {std::nullopt, render(m, *about)};
    } catch (const std::invalid_argument& ex) {  // an unknown kind or an address we cannot write
        return failed(ex.what());
    }
}

std::string outbox_worker::render_to_organiser(const store::outbox_message& m) const {
    const auto payload = parse_payload(m.payload);
    const auto link = settings_.base_url + "/admin/password?token=" + text_field(payload, "token");
    const auto text = web::render_organiser_mail(m.kind, text_field(payload, "name"), link);
    mail::message msg;
    msg.from = {"Treffpunkt", settings_.from};
    msg.to = {text_field(payload, "name"), m.recipient};
    msg.subject = text.subject;
    msg.message_id = m.message_id;
    msg.date = now();
    msg.text = text.text;
    msg.html = text.html;
    return mail::render(msg);
}

std::string outbox_worker::render(const store::outbox_message& m, const store::mail_subject& about) const {
    const auto payload = parse_payload(m.payload);
    auto r = about.registration;
    if (const auto* place = payload.if_contains("position"); place && place->is_int64())
        r.position = static_cast<int>(place->get_int64());  // the place the message was written about
    const auto& e = about.event;
    const web::mail_input in{m.kind,
                             r,
                             e,
                             about.network,
                             settings_.base_url,
                             about.confirmed_at.has_value(),
                             offset_field(payload),
                             text_field(payload, "subject"),
                             text_field(payload, "body"),
                             text_field(payload, "reason"),
                             before_field(payload, e),
                             settings_.base_url + door_path(r)};
    const auto text = web::render_mail(in);
    if (!text)
        throw std::invalid_argument("no text for messages of kind '" + std::string(calendar::to_string(m.kind)) + "'");
    mail::message msg;
    msg.from = {about.network.name, settings_.from};
    msg.to = {r.name, m.recipient};
    msg.reply_to = contact_of(about.network);
    msg.subject = text->subject;
    msg.message_id = m.message_id;
    msg.date = now();
    msg.text = text->text;
    msg.html = text->html;
    msg.automatic = m.kind != calendar::message_kind::organiser_message;  // a person wrote it (RFC 3834)
    if (to_everyone(m.kind))
        msg.list = mail::message::mailing_list{
            e.slug + "." + e.network_slug + "." + std::string(mail::domain_of(settings_.from)),
            settings_.base_url + "/r/" + r.token + "/unsubscribe"};
    if (text->door_code)
        msg.images.push_back({std::string(web::door_code_cid), "image/png", web::qr_code_png(in.door_url)});
    if (text->invitation) {
        const auto contact = msg.reply_to.value_or(msg.from);
        const auto organizer =
            calendar::organizer_for({contact.name, contact.address}, {msg.from.name, msg.from.address}, m.recipient);
        // A personal cancellation changes nothing for the others: only this person's SEQUENCE moves.
        const bool withdrawal =
            m.kind == calendar::message_kind::cancelled || m.kind == calendar::message_kind::rejected;
        const calendar::itip_message itip{*text->invitation,
                                          organizer,
                                          {r.name, m.recipient},
                                          settings_.base_url,
                                          calendar::personal_sequence(e.sequence, about.withdrawals, withdrawal),
                                          m.created_at};
        msg.calendar =
            mail::calendar_part{std::string(calendar::to_string(itip.method)), calendar::write_itip(e, itip)};
    }
    return mail::render(msg);
}

store::outbox_outcome outbox_worker::outcome_of(const store::outbox_message& m, const mail::send_result& result) {
    using mail::delivery;
    if (result.outcome == delivery::sent) return {m.id, delivery_status::sent};
    const auto what = "outbox: message " + std::to_string(m.id) + " (" + std::string(calendar::to_string(m.kind)) +
                      ") to " + m.recipient + ": ";
    if (result.outcome == delivery::permanent) {
        std::cerr << what << "failed: " << result.detail << std::endl;
        return {m.id, delivery_status::failed, std::nullopt, result.detail};
    }
    if (mail::give_up(settings_.retry, m.created_at, now())) {
        std::cerr << what << "given up: " << result.detail << std::endl;
        return {m.id, delivery_status::failed, std::nullopt,
                "given up after " + std::to_string(m.attempts) + " attempts: " + result.detail};
    }
    std::uniform_real_distribution<double> spread(-1.0, 1.0);
    const auto delay = mail::retry_delay(settings_.retry, m.attempts, spread(random_));
    std::cerr << what << "will retry: " << result.detail << std::endl;
    return {m.id, delivery_status::queued, now() + std::chrono::ceil<std::chrono::seconds>(delay), result.detail};
}

}  // namespace tp::server
