#pragma once
// Reverse proxies whose word on the client's address is trusted (--trusted-proxy CIDR). From such a peer the
// client is the rightmost address of X-Forwarded-For that is not itself a trusted proxy; from anyone else the
// header is ignored, so nobody can pick the address their limits are counted under.
#include <boost/asio/ip/address.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace tp::server {

class trusted_proxies {
public:
    // A network as "10.0.0.0/8", "::1/128" or one address; throws std::invalid_argument when malformed.
    void add(std::string_view cidr);
    [[nodiscard]] bool empty() const { return networks_.empty(); }
    [[nodiscard]] bool contains(std::string_view address) const;
    // Who the client is, for limits and logs.
    [[nodiscard]] std::string client(std::string_view peer, std::string_view forwarded_for) const;

private:
    struct network {
        boost::asio::ip::address base;
        unsigned short prefix;
    };
    std::vector<network> networks_;
};

}  // namespace tp::server
