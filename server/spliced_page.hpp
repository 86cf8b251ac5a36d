#pragma once
// A cached page whose forms carry the visitor's CSRF token (server/csrf.hpp): kept once for everyone as the
// pieces between the token's places, plain and as gzip, and put together per visitor without rendering again.
//
// The gzip form is one deflate stream (RFC 1951) that needs no compression per request: each piece is deflated
// on its own and ends byte-aligned (a sync flush); each token goes in as a stored block; the last piece ends the
// stream. Only the trailer's CRC-32 and the token differ per visitor, and zlib's crc32_combine joins the pieces'
// CRCs with the token's.
#include <boost/asio/buffer.hpp>

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tp::server {

class spliced_page {
public:
    static constexpr std::size_t token_size = 32;
    static constexpr std::size_t max_tokens = 8;  // a page with more is not spliced (the event page has one or two)

    // `page` as rendered with `placeholder` (token_size characters) wherever the token goes.
    spliced_page(std::string page, std::string_view placeholder);

    [[nodiscard]] std::size_t tokens() const { return pieces_.size() - 1; }
    [[nodiscard]] std::size_t size(bool gzipped) const { return gzipped ? packed_size_ : plain_size_; }
    // The page for one visitor, as one string (for answers made by a handler).
    [[nodiscard]] std::string page(std::string_view token, bool gzipped) const;

    // The same as buffers for one gather write, into `out` (at least buffer_count() long); `trailer` receives the
    // gzip trailer and must live as long as the buffers. Returns how many buffers were written.
    using trailer_bytes = std::array<unsigned char, 8>;
    [[nodiscard]] std::size_t buffer_count() const { return 2 * pieces_.size() + 1; }
    std::size_t buffers(std::string_view token, bool gzipped, trailer_bytes& trailer,
                        std::span<boost::asio::const_buffer> out) const;

private:
    void pack();
    void fill_trailer(std::string_view token, trailer_bytes& trailer) const;

    std::string text_;
    std::vector<std::string_view> pieces_;  // text_ between the tokens
    std::vector<std::string> packed_;       // each piece deflated; the first starts with the gzip header, each but
                                            // the last ends with the stored block header of the token after it
    std::vector<unsigned long> crcs_;       // CRC-32 of each piece
    std::size_t plain_size_ = 0, packed_size_ = 0;
};

}  // namespace tp::server
