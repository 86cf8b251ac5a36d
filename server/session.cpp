#include "server/session.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>

namespace tp::server {

namespace beast = boost::beast;
namespace asio = boost::asio;

session::session(connection_socket&& socket, http_server& server) : stream_(std::move(socket)), server_(server) {
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

void session::stop() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] {
        const bool mid_request = self->parser_ && self->parser_->got_some();
        if (!self->busy_ && !mid_request) self->stream_.cancel();  // on_read then closes
    });
}

void session::do_read() {
    if (server_.stopping()) return do_close();
    parser_.emplace();
    parser_->header_limit(server_.limits().header_limit);
    parser_->body_limit(server_.limits().body_limit);
    stream_.expires_after(server_.limits().read_timeout);
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&session::on_read, shared_from_this()));
}

void session::on_read(beast::error_code ec, std::size_t) {
    started_ = std::chrono::steady_clock::now();
    if (ec == http::error::end_of_stream || ec == asio::error::operation_aborted) return do_close();
    if (ec == http::error::header_limit)
        return answer_error(http::status::request_header_fields_too_large, "Request header fields too large.");
    if (ec == http::error::body_limit) return answer_error(http::status::payload_too_large, "Request body too large.");
    if (ec == beast::error::timeout) {
        // tcp_stream has closed the socket: no 408 can be sent, but it is logged and counted as one (as nginx does).
        if (parser_->got_some()) {
            server_.application().stats().record("rejected", 408, std::chrono::nanoseconds{0});
            server_.log().write(client_, "-", "-", 408, 0, std::chrono::nanoseconds{0});
        }
        return;
    }
    if (ec && &ec.category() == &http::make_error_code(http::error::bad_method).category())
        return answer_error(http::status::bad_request, "Malformed request: " + ec.message());
    if (ec) return do_close();

    busy_ = true;
    const auto& req = parser_->get();
    method_ = req.method_string();
    target_ = req.target();
    if (req.method() != http::verb::post) return answer(server_.application().handle(req, client_));
    // A write waits for its group commit on a writer thread; the answer comes back to this connection's
    // io_context, which the work guard keeps running meanwhile (also during a graceful shutdown).
    asio::post(server_.writers(), [self = shared_from_this(), work = asio::make_work_guard(stream_.get_executor())] {
        auto result = self->server_.application().handle(self->parser_->get(), self->client_);
        asio::post(work.get_executor(), [self, result = std::move(result)]() mutable { self->answer(std::move(result)); });
    });
}

void session::answer(handled result) {
    const auto& req = parser_->get();
    result.res.version(req.version());
    result.res.keep_alive(req.keep_alive() && !server_.stopping());
    do_write(std::move(result.res), result.route);
}

void session::answer_error(http::status status, std::string message) {
    busy_ = true;
    const bool has_header = parser_ && parser_->is_header_done();
    method_ = has_header ? std::string_view(parser_->get().method_string()) : std::string_view("-");
    target_ = has_header ? std::string_view(parser_->get().target()) : std::string_view("-");
    auto res = text_response(status, std::move(message));
    res.keep_alive(false);
    do_write(std::move(res), "rejected");
}

void session::do_write(response res, std::string_view route) {
    pending_ = std::make_shared<response>(std::move(res));
    // Counted when the response is ready, so a client that reads it sees it in /metrics at once.
    const auto elapsed = std::chrono::steady_clock::now() - started_;
    const auto status = pending_->result_int();
    server_.application().stats().record(route, status, elapsed);
    server_.log().write(client_, method_, target_, status, shared_body::size(pending_->body()), elapsed);
    stream_.expires_after(server_.limits().write_timeout);
    http::async_write(stream_, *pending_,
                      beast::bind_front_handler(&session::on_write, shared_from_this(), pending_->keep_alive()));
}

void session::on_write(bool keep_alive, beast::error_code ec, std::size_t) {
    busy_ = false;
    pending_.reset();
    if (ec || !keep_alive) return do_close();
    do_read();
}

void session::do_close() {
    beast::error_code ec;
    stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ec);
}

}  // namespace tp::server
