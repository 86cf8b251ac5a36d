#include "server/spliced_page.hpp"

#include <zlib.h>

#include <stdexcept>

namespace tp::server {
namespace {

// RFC 1952: deflate, no name, no time, unknown OS; deterministic like gzip().
constexpr std::string_view gzip_header{"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10};
// RFC 1951 3.2.4: a stored block that is not the last, for token_size bytes (LEN, then its complement NLEN).
constexpr std::string_view stored_header{"\x00\x20\x00\xdf\xff", 5};
static_assert(spliced_page::token_size == 0x20);

// One piece as raw deflate (level 6, no history): byte-aligned after a sync flush, or the end of the stream.
std::string deflate_piece(std::string_view piece, bool last) {
    z_stream z{};
    if (deflateInit2(&z, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("zlib does not start");
    std::string out(deflateBound(&z, static_cast<uLong>(piece.size())) + 16, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(piece.data()));
    z.avail_in = static_cast<uInt>(piece.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&z, last ? Z_FINISH : Z_SYNC_FLUSH);
    const bool done = last ? result == Z_STREAM_END : result == Z_OK && z.avail_out > 0;
    out.resize(z.total_out);
    deflateEnd(&z);
    if (!done) throw std::runtime_error("zlib did not finish a piece");
    return out;
}

unsigned long crc_of(std::string_view bytes) {
    return crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size()));
}

void put_le32(unsigned char* at, unsigned long value) {
    for (int i = 0; i < 4; ++i) at[i] = static_cast<unsigned char>((value >> (8 * i)) & 0xff);
}

}  // namespace

spliced_page::spliced_page(std::string page, std::string_view placeholder) : text_(std::move(page)) {
    if (placeholder.size() != token_size) throw std::invalid_argument("a placeholder has the token's size");
    const std::string_view text(text_);
    std::size_t from = 0;
    for (auto at = text.find(placeholder); at != std::string_view::npos; at = text.find(placeholder, from)) {
        pieces_.push_back(text.substr(from, at - from));
        from = at + placeholder.size();
    }
    pieces_.push_back(text.substr(from));
    plain_size_ = text_.size();
    pack();
}

void spliced_page::pack() {
    for (std::size_t i = 0; i < pieces_.size(); ++i) {
        const bool last = i + 1 == pieces_.size();
        auto packed = (i == 0 ? std::string(gzip_header) : std::string{}) + deflate_piece(pieces_[i], last);
        if (!last) packed += stored_header;
        packed_size_ += packed.size() + (last ? 0 : token_size);
        packed_.push_back(std::move(packed));
        crcs_.push_back(crc_of(pieces_[i]));
    }
    packed_size_ += sizeof(trailer_bytes);
}

void spliced_page::fill_trailer(std::string_view token, trailer_bytes& trailer) const {
    const auto token_crc = crc_of(token);
    auto crc = crcs_.front();
    for (std::size_t i = 1; i < pieces_.size(); ++i) {
        crc = crc32_combine(crc, token_crc, static_cast<z_off_t>(token.size()));
        crc = crc32_combine(crc, crcs_[i], static_cast<z_off_t>(pieces_[i].size()));
    }
    put_le32(trailer.data(), crc);
    put_le32(trailer.data() + 4, static_cast<unsigned long>(plain_size_ & 0xffffffffu));  // ISIZE: the size mod 2^32
}

std::size_t spliced_page::buffers(std::string_view token, bool gzipped, trailer_bytes& trailer,
                                  std::span<boost::asio::const_buffer> out) const {
    if (token.size() != token_size) throw std::invalid_argument("a CSRF token has token_size characters");
    if (out.size() < buffer_count()) throw std::length_error("too few buffers for a spliced page");
    std::size_t n = 0;
    for (std::size_t i = 0; i < pieces_.size(); ++i) {
        if (i > 0) out[n++] = boost::asio::buffer(token.data(), token.size());
        out[n++] =
            gzipped ? boost::asio::buffer(packed_[i]) : boost::asio::buffer(pieces_[i].data(), pieces_[i].size());
    }
    if (gzipped) {
        fill_trailer(token, trailer);
        out[n++] = boost::asio::buffer(trailer);
    }
    return n;
}

std::string spliced_page::page(std::string_view token, bool gzipped) const {
    trailer_bytes trailer{};
    std::vector<boost::asio::const_buffer> parts(buffer_count());
    const auto n = buffers(token, gzipped, trailer, parts);
    std::string out;
    out.reserve(size(gzipped));
    for (std::size_t i = 0; i < n; ++i) out.append(static_cast<const char*>(parts[i].data()), parts[i].size());
    return out;
}

}  // namespace tp::server
