#pragma once
// Test helper: inflates a gzip stream with zlib, requiring that it ends where it should (CRC-32 and size checked).
#include <catch2/catch.hpp>
#include <zlib.h>

#include <string>

inline std::string gunzip(const std::string& in) {
    z_stream z{};
    REQUIRE(inflateInit2(&z, 15 + 16) == Z_OK);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    std::string out;
    int result = Z_OK;
    while (result == Z_OK) {
        char chunk[16384];
        z.next_out = reinterpret_cast<Bytef*>(chunk);
        z.avail_out = sizeof chunk;
        result = inflate(&z, Z_NO_FLUSH);
        out.append(chunk, sizeof chunk - z.avail_out);
    }
    const auto left = z.avail_in;
    inflateEnd(&z);
    REQUIRE(result == Z_STREAM_END);
    REQUIRE(left == 0);  // nothing after the trailer
    return out;
}
