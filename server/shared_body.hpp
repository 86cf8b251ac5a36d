#pragma once
// A Beast body over an immutable shared string: cached feeds go out without a copy per request.
#include <boost/asio/buffer.hpp>
#include <boost/beast/http/message.hpp>

#include <boost/optional.hpp>

#include <memory>
#include <string>

namespace tp::server {

struct shared_body {
    using value_type = std::shared_ptr<const std::string>;

    static std::uint64_t size(const value_type& v) { return v ? v->size() : 0; }

    class writer {
    public:
        using const_buffers_type = boost::asio::const_buffer;

        template <bool is_request, class Fields>
        writer(const boost::beast::http::header<is_request, Fields>&, const value_type& v) : body_(v) {}

        void init(boost::beast::error_code& ec) { ec = {}; }

        boost::optional<std::pair<const_buffers_type, bool>> get(boost::beast::error_code& ec) {
            ec = {};
            if (!body_ || body_->empty()) return boost::none;
            return std::make_pair(boost::asio::const_buffer(body_->data(), body_->size()), false);
        }

    private:
        const value_type& body_;
    };
};

}  // namespace tp::server
