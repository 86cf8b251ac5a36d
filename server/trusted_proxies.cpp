#include "server/trusted_proxies.hpp"
#include "web/http_text.hpp"

#include <boost/asio/ip/network_v4.hpp>
#include <boost/asio/ip/network_v6.hpp>

#include <charconv>
#include <optional>
#include <stdexcept>

namespace tp::server {

using web::trim_ows;
namespace {

namespace ip = boost::asio::ip;

std::optional<ip::address> parse_address(std::string_view text) {
    boost::system::error_code ec;
    const auto a = ip::make_address(std::string(trim_ows(text)), ec);
    if (ec) return std::nullopt;
    return a;
}

bool within(const ip::address& a, const ip::address& base, unsigned short prefix) {
    if (a.is_v4() != base.is_v4()) return false;
    if (a.is_v4())
        return ip::make_network_v4(a.to_v4(), prefix).canonical() ==
               ip::make_network_v4(base.to_v4(), prefix).canonical();
    return ip::make_network_v6(a.to_v6(), prefix).canonical() == ip::make_network_v6(base.to_v6(), prefix).canonical();
}

}  // namespace

void trusted_proxies::add(std::string_view cidr) {
    const auto slash = cidr.find('/');
    const auto base = parse_address(cidr.substr(0, slash));
    if (!base) throw std::invalid_argument("'" + std::string(cidr) + "' is not an address or network");
    const unsigned short widest = base->is_v4() ? 32 : 128;
    unsigned short prefix = widest;
    if (slash != std::string_view::npos) {
        const auto digits = cidr.substr(slash + 1);
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
        if (ec != std::errc{} || end != digits.data() + digits.size() || digits.empty() || prefix > widest)
            throw std::invalid_argument("'" + std::string(cidr) + "' has no valid prefix length");
    }
    networks_.push_back({*base, prefix});
}

bool trusted_proxies::contains(std::string_view address) const {
    const auto a = parse_address(address);
    if (!a) return false;
    for (const auto& n : networks_)
        if (within(*a, n.base, n.prefix)) return true;
    return false;
}

std::string trusted_proxies::client(std::string_view peer, std::string_view forwarded_for) const {
    if (forwarded_for.empty() || !contains(peer)) return std::string(peer);
    std::string_view rest = forwarded_for;
    while (!rest.empty()) {  // from the right: each trusted proxy appended the address it saw
        const auto comma = rest.rfind(',');
        const auto item = trim_ows(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(0, comma);
        const auto a = parse_address(item);
        if (!a) return std::string(peer);  // a forged or broken entry: trust nothing further left
        if (!contains(item)) return a->to_string();
    }
    return std::string(peer);
}

}  // namespace tp::server
