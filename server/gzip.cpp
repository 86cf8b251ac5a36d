#include "server/gzip.hpp"
#include "web/http_text.hpp"

#include <zlib.h>

#include <charconv>
#include <optional>
#include <stdexcept>

namespace tp::server {

using web::trim_ows;
namespace {

bool same_word(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
    return true;
}

// The weight of one element ("gzip;q=0.5"): 1 without q, nullopt when q is not a weight (0 to 1).
std::optional<double> weight_of(std::string_view params) {
    double q = 1.0;
    while (!params.empty()) {
        const auto semi = params.find(';');
        const auto param = trim_ows(params.substr(0, semi));
        params = semi == std::string_view::npos ? std::string_view{} : params.substr(semi + 1);
        if (param.size() < 2 || (param[0] | 0x20) != 'q' || param[1] != '=') continue;
        const auto value = param.substr(2);
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), q);
        if (ec != std::errc{} || end != value.data() + value.size() || q < 0 || q > 1) return std::nullopt;
    }
    return q;
}

}  // namespace

std::string gzip(std::string_view body) {
    z_stream z{};
    if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("zlib does not start");
    std::string out(deflateBound(&z, static_cast<uLong>(body.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
    z.avail_in = static_cast<uInt>(body.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    if (result != Z_STREAM_END) throw std::runtime_error("zlib did not finish");
    return out;
}

bool accepts_gzip(std::string_view header) {
    std::optional<double> named, any;
    while (!header.empty()) {
        const auto comma = header.find(',');
        const auto element = header.substr(0, comma);
        header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
        const auto semi = element.find(';');
        const auto coding = trim_ows(element.substr(0, semi));
        const auto weight = weight_of(semi == std::string_view::npos ? std::string_view{} : element.substr(semi + 1));
        if (same_word(coding, "gzip") || same_word(coding, "x-gzip"))
            named = weight.value_or(0);
        else if (coding == "*")
            any = weight.value_or(0);
    }
    if (named) return *named > 0;
    return any && *any > 0;
}

}  // namespace tp::server
