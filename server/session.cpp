#include "server/session.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>

#include <iostream>

#include "server/log_redaction.hpp"

namespace tp::server {

namespace beast = boost::beast;
namespace asio = boost::asio;

constexpr std::size_t idle_buffer = 1024;  // read size while idle, and the buffer an idle connection keeps

// The buffer holds at most a header and one read's worth of body or pipelined requests.
session::session(connection_socket&& socket, http_server& server)
    : stream_(std::move(socket)), buffer_(server.limits().header_limit + 64 * 1024), server_(server) {
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
        self->started_ = std::chrono::steady_clock::now();
        self->answer_error(http::status::service_unavailable, web::failure::too_many_connections);
    });
}

void session::close_if_idle() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] {
        if (self->idle_) self->stream_.cancel();  // on_first_bytes then closes
    });
}

// Waits for the next request under the idle deadline; its first bytes start the request deadline.
void session::do_read() {
    if (server_.stopping()) return do_close();
    parser_.emplace();
    parser_->header_limit(server_.limits().header_limit);
    parser_->body_limit(server_.limits().body_limit);
    if (buffer_.size() > 0) return read_request();                  // pipelined: the next request is here already
    if (buffer_.capacity() > idle_buffer) buffer_.shrink_to_fit();  // idle connections stay small
    idle_ = true;
    stream_.expires_after(server_.limits().idle_timeout);
    stream_.async_read_some(buffer_.prepare(idle_buffer),
                            beast::bind_front_handler(&session::on_first_bytes, shared_from_this()));
}

void session::on_first_bytes(beast::error_code ec, std::size_t bytes) {
    idle_ = false;
    if (ec) return do_close();  // gone, idle too long (tcp_stream closed it), or closed to make room
    buffer_.commit(bytes);
    read_request();
}

void session::read_request() {
    stream_.expires_after(server_.limits().read_timeout);
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&session::on_read, shared_from_this()));
}

void session::on_read(beast::error_code ec, std::size_t) {
    started_ = std::chrono::steady_clock::now();
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

namespace {

// No header value may carry CR or LF (response splitting): one check for every answer, whatever built it.
bool splits_lines(const response& res) {
    for (const auto& field : res)
        if (field.value().find_first_of("\r\n") != std::string_view::npos) return true;
    return false;
}

}  // namespace

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

void session::do_write(response res, std::string_view route) {
    pending_ = std::make_shared<response>(std::move(res));
    // Counted when the response is ready, so a client that reads it sees it in /metrics at once.
    const auto elapsed = std::chrono::steady_clock::now() - started_;
    const auto status = pending_->result_int();
    server_.application().stats().record(route, status, elapsed);
    server_.log().write(requester_.empty() ? client_ : requester_, method_, target_, status,
                        shared_body::size(pending_->body()), elapsed);
    stream_.expires_after(server_.limits().write_timeout);
    http::async_write(stream_, *pending_,
                      beast::bind_front_handler(&session::on_write, shared_from_this(), pending_->keep_alive()));
}

void session::on_write(bool keep_alive, beast::error_code ec, std::size_t) {
    pending_.reset();
    if (ec || !keep_alive) return do_close();
    do_read();
}

void session::do_close() {
    beast::error_code ec;
    stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ec);
}

}  // namespace tp::server
