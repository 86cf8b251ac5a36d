// A large body kept for sendfile(2): the bytes read back as given, and the descriptor we keep cannot change them,
// whether it is an unnamed file in a folder or the memfd it falls back to.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "server/sealed_body.hpp"
#include "temp_path.hpp"

using tp::server::sealed_body;

namespace {

std::string read_back(const sealed_body& body) {
    std::string out(body.size(), '\0');
    std::size_t done = 0;
    while (done < out.size()) {
        const auto n = ::pread(body.fd(), out.data() + done, out.size() - done, static_cast<off_t>(done));
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    out.resize(done);
    return out;
}

std::string some_bytes(std::size_t size) {
    std::string bytes(size, '\0');
    for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>('a' + i % 26);
    return bytes;
}

}  // namespace

TEST_CASE("a sealed body reads back as given and refuses every change", "[sealed_body]") {
    tp::testing::temp_path folder("-bodies");
    std::filesystem::create_directory(folder.str());
    const auto bytes = some_bytes(sealed_body::threshold + 12345);

    struct where {
        const char* name;
        std::string folder;
        bool in_file;
    };
    for (const auto& w :
         {where{"a folder", folder.str(), true}, where{"no such folder (memfd)", folder.str() + "/missing", false}}) {
        SECTION(w.name) {
            const auto body = sealed_body::make(bytes, w.folder);
            REQUIRE(body);
            CHECK(body->size() == bytes.size());
            CHECK(read_back(*body) == bytes);
            CHECK(body->in_file() == w.in_file);
            CHECK(::write(body->fd(), "x", 1) < 0);
            CHECK(::ftruncate(body->fd(), 1) != 0);
            CHECK(read_back(*body) == bytes);
        }
    }
    // An unnamed file leaves no name behind in its folder.
    CHECK(std::filesystem::is_empty(folder.str()));
}

TEST_CASE("an empty body is kept too", "[sealed_body]") {
    const auto body = sealed_body::make("", std::filesystem::temp_directory_path().string());
    REQUIRE(body);
    CHECK(body->size() == 0);
    CHECK(read_back(*body).empty());
}
