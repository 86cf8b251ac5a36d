#include "server/session.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>

#include <sys/sendfile.h>
#include <sys/socket.h>

#include <cerrno>
#include <iostream>

#include "server/csrf.hpp"
#include "server/log_redaction.hpp"

namespace tp::server {

namespace beast = boost::beast;
namespace asio = boost::asio;

constexpr std::size_t idle_buffer = 1024;  // read size while idle, and the buffer an idle connection keeps

// The buffer holds at most a header and one read's worth of body or pipelined requests.
session::session(connection_socket&& socket, http_server& server)
    : stream_(std::move(socket)),
      buffer_(server.limits().header_limit + 64 * 1024),
      server_(server),
      file_deadline_(stream_.get_executor()),
      ended_(std::chrono::steady_clock::now()) {
    boost::system::error_code ec;
    const auto remote = stream_.socket().remote_endpoint(ec);
    client_ = ec ? "-" : remote.address().to_string();
    server_.application().stats().connection_opened();
}

session::~session() {
    server_.application().stats().connection_closed();
    server_.forget(this);
}

void session::run() {
    asio::dispatch(stream_.get_executor(), beast::bind_front_handler(&session::do_read, shared_from_this()));
}

void session::refuse() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
        self->started_ = request_clock().steady;
        self->answer_error(http::status::service_unavailable, web::failure::too_many_connections);
    });
}

void session::close_if_idle() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] {
        if (self->idle_) self->stream_.cancel();  // on_first_bytes then closes
    });
}

// Waits for the next request under the idle deadline, which runs from the last answer's end; its first bytes start
// the request and its deadline (a pipelined request starts where the last one ended). The clock is read at its first
// bytes; a prepared answer is timed by that reading, an answer a handler worked on reads it again (request_clock.hpp).
void session::do_read() {
    if (server_.stopping()) return do_close();
    renew_parser(parser_, arena_);
    parser_->header_limit(server_.limits().header_limit);
    parser_->body_limit(server_.limits().body_limit);
    if (buffer_.size() > 0) {  // pipelined: the next request is here already
        started_ = ended_;
        return read_request();
    }
    if (buffer_.capacity() > idle_buffer) buffer_.shrink_to_fit();  // idle connections stay small
    idle_ = true;
    stream_.expires_at(ended_ + server_.limits().idle_timeout);
    stream_.async_read_some(buffer_.prepare(idle_buffer),
                            beast::bind_front_handler(&session::on_first_bytes, shared_from_this()));
}

void session::on_first_bytes(beast::error_code ec, std::size_t bytes) {
    idle_ = false;
    if (ec) return do_close();  // gone, idle too long (tcp_stream closed it), or closed to make room
    buffer_.commit(bytes);
    const auto now = request_clock();
    started_ = now.steady;
    wall_ = now.wall;
    read_request();
}

void session::read_request() {
    stream_.expires_at(started_ + server_.limits().read_timeout);
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&session::on_read, shared_from_this()));
}

void session::on_read(beast::error_code ec, std::size_t) {
    if (ec == http::error::end_of_stream || ec == asio::error::operation_aborted) return do_close();
    if (ec == http::error::header_limit)
        return answer_error(http::status::request_header_fields_too_large, web::failure::header_too_large);
    if (ec == http::error::body_limit)
        return answer_error(http::status::payload_too_large, web::failure::body_too_large);
    if (ec == beast::error::timeout) {
        // tcp_stream has closed the socket: no 408 can be sent, but it is logged and counted as one (as nginx does).
        if (parser_->got_some()) {
            server_.application().stats().record("rejected", 408, std::chrono::nanoseconds{0});
            server_.log().write(client_, "-", "-", 408, 0, std::chrono::nanoseconds{0});
        }
        return;
    }
    if (ec && &ec.category() == &http::make_error_code(http::error::bad_method).category())
        return answer_error(http::status::bad_request, web::failure::malformed);
    if (ec) return do_close();

    const auto& req = parser_->get();
    method_ = req.method_string();
    target_ = req.target();
    requester_ = server_.application().client_of(req, client_);
    if (req.version() >= 11 && req.find(http::field::host) == req.end())  // RFC 9112 3.2
        return answer_error(http::status::bad_request, web::failure::needs_host);
    if (auto hit = server_.application().prepared(req, wall_)) return send_prepared(std::move(*hit));
    if (req.method() != http::verb::post) return answer(server_.application().handle(req, requester_, client_));
    if (server_.application().answers_later(req)) return answer_later();
    // Any other write waits for the write queue on a blocking thread; the answer comes back to this connection's
    // io_context, which the work guard keeps running meanwhile (also during a graceful shutdown).
    asio::post(server_.blocking(), [self = shared_from_this(), work = asio::make_work_guard(stream_.get_executor())] {
        auto result = self->server_.application().handle(self->parser_->get(), self->requester_, self->client_);
        asio::post(work.get_executor(),
                   [self, result = std::move(result)]() mutable { self->answer(std::move(result)); });
    });
}

// A registration: this I/O thread hands the write to the store's queue and goes on serving; the rest of the
// handler runs here again once the batch has committed. The work guard keeps the io_context running meanwhile.
void session::answer_later() {
    auto work = std::make_shared<asio::executor_work_guard<connection_executor>>(stream_.get_executor());
    later_reply out{[work](std::function<void()> rest) { asio::post(work->get_executor(), std::move(rest)); },
                    [self = shared_from_this()](handled result) { self->answer(std::move(result)); }};
    server_.application().handle_later(parser_->get(), requester_, client_, std::move(out));
}

// No header value may carry CR or LF (response splitting): one check for every answer, whatever built it (and
// wire_head's for prepared answers).
void session::answer(handled result) {
    if (splits_lines(result.res)) {
        std::cerr << "refused to send a header with a line break: " << method_ << " " << loggable_target(target_)
                  << std::endl;
        const auto language = web::negotiate(parser_->get()[http::field::accept_language]);
        result = {text_response(http::status::internal_server_error,
                                std::string(web::failure_text(web::failure::internal, language))),
                  "error"};
    }
    const auto& req = parser_->get();
    result.res.version(req.version());
    result.res.keep_alive(req.keep_alive() && !server_.stopping());
    do_write(std::move(result.res), result.route);
}

void session::answer_error(http::status status, web::failure why) {
    const bool has_header = parser_ && parser_->is_header_done();
    method_ = has_header ? std::string_view(parser_->get().method_string()) : std::string_view("-");
    target_ = has_header ? std::string_view(parser_->get().target()) : std::string_view("-");
    const auto language = has_header ? web::negotiate(parser_->get()[http::field::accept_language]) : web::lang::de;
    auto res =
        text_response(status, has_header ? std::string(web::failure_text(why, language)) : web::failure_text_both(why));
    if (has_header) res.set(http::field::content_language, web::code(language));
    res.keep_alive(false);
    do_write(std::move(res), "rejected");
}

request_time session::finished(request_time now, std::string_view route, unsigned status, std::uint64_t bytes) {
    // Counted when the answer is ready, so a client that reads it sees it in /metrics at once.
    const auto elapsed = now.steady - started_;
    server_.application().stats().record(route, status, elapsed);
    server_.log().write(requester_.empty() ? client_ : requester_, method_, target_, status, bytes, elapsed);
    ended_ = now.steady;
    return now;
}

void session::do_write(response res, std::string_view route) {
    const auto now = finished(request_clock(), route, res.result_int(), shared_body::size(res.body()));
    res.set(http::field::date, now.date);
    pending_ = std::make_shared<response>(std::move(res));
    stream_.expires_at(now.steady + server_.limits().write_timeout);
    http::async_write(stream_, *pending_,
                      beast::bind_front_handler(&session::on_write, shared_from_this(), pending_->keep_alive()));
}

void session::send_prepared(prepared_hit hit) {
    const auto& req = parser_->get();
    const auto& a = *hit.answer;
    const bool keep_alive = req.keep_alive() && !server_.stopping();
    auto token = hit.token;
    const bool fresh = a.spliced && token.empty();
    if (fresh) token = fresh_token_ = new_csrf_token();
    const bool with_body = !hit.not_modified && req.method() != http::verb::head;
    const auto now =
        finished(last_request_clock(), a.route, hit.not_modified ? 304 : 200, with_body ? a.body_size() : 0);
    fields_.clear();
    append_request_fields(fields_, now.date, !keep_alive, fresh ? token : std::string_view{}, a.secure_cookie);
    std::size_t n = 0;
    gather_[n++] = asio::buffer(hit.not_modified ? a.head_not_modified : a.head);
    gather_[n++] = asio::buffer(fields_);
    write_deadline_ = now.steady + server_.limits().write_timeout;
    const bool by_file = with_body && a.file;
    if (with_body && a.spliced)
        n += a.spliced->buffers(token, a.gzipped, trailer_, std::span(gather_).subspan(n));
    else if (with_body && a.body && !by_file)
        gather_[n++] = asio::buffer(*a.body);
    sending_ = std::move(hit.answer);
    if (by_file) return send_head_then_file(n, keep_alive);
    write_gathered(n, keep_alive);
}

void session::write_gathered(std::size_t buffers, bool keep_alive) {
    stream_.expires_at(write_deadline_);
    asio::async_write(stream_, std::span<const asio::const_buffer>(gather_.data(), buffers),
                      beast::bind_front_handler(&session::on_write, shared_from_this(), keep_alive));
}

void session::send_head_then_file(std::size_t head_buffers, bool keep_alive) {
    std::array<iovec, 2> parts{};
    std::size_t head_size = 0;
    for (std::size_t i = 0; i < head_buffers && i < parts.size(); ++i) {
        parts[i] = {const_cast<void*>(gather_[i].data()), gather_[i].size()};
        head_size += gather_[i].size();
    }
    msghdr message{};
    message.msg_iov = parts.data();
    message.msg_iovlen = std::min(head_buffers, parts.size());
    const auto sent = ::sendmsg(stream_.socket().native_handle(), &message, MSG_MORE | MSG_NOSIGNAL | MSG_DONTWAIT);
    if (sent < 0 || static_cast<std::size_t>(sent) != head_size) {  // no room even for the head: all from memory
        auto skip = sent < 0 ? std::size_t{0} : static_cast<std::size_t>(sent);
        for (std::size_t i = 0; i < head_buffers; ++i) {
            const auto done = std::min(skip, gather_[i].size());
            gather_[i] += done;
            skip -= done;
        }
        gather_[head_buffers] = asio::buffer(*sending_->body);
        return write_gathered(head_buffers + 1, keep_alive);
    }
    file_sent_ = 0;
    send_file_part(keep_alive);
}

void session::send_file_part(bool keep_alive) {
    const auto& file = *sending_->file;
    while (file_sent_ < file.size()) {
        auto offset = static_cast<off_t>(file_sent_);
        const auto n = ::sendfile(stream_.socket().native_handle(), file.fd(), &offset, file.size() - file_sent_);
        if (n > 0) {
            file_sent_ += static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {  // the socket's buffer is full: wait for room
            file_deadline_.expires_at(write_deadline_);
            file_deadline_.async_wait([self = shared_from_this()](beast::error_code ec) {
                if (!ec) self->stream_.socket().cancel();  // too slow a reader: the wait below ends, and the connection
            });
            stream_.socket().async_wait(asio::socket_base::wait_write,
                                        [self = shared_from_this(), keep_alive](beast::error_code ec) {
                                            self->file_deadline_.cancel();
                                            if (ec) return self->on_write(false, ec, 0);
                                            self->send_file_part(keep_alive);
                                        });
            return;
        }
        // The kernel refuses sendfile here: the rest of the body from memory.
        gather_[0] = asio::buffer(*sending_->body) + file_sent_;
        return write_gathered(1, keep_alive);
    }
    on_write(keep_alive, {}, 0);
}

void session::on_write(bool keep_alive, beast::error_code ec, std::size_t) {
    pending_.reset();
    sending_.reset();
    if (ec || !keep_alive) return do_close();
    do_read();
}

void session::do_close() {
    beast::error_code ec;
    stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ec);
}

}  // namespace tp::server
