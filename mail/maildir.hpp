#pragma once
// A maildir (new/, cur/, tmp/) that mail programs open: where messages go when no SMTP server is configured.
#include <filesystem>

#include "mail/transport.hpp"

namespace tp::mail {

class maildir_transport final : public transport {
public:
    // Creates the folder and its tmp/, new/ and cur/ when missing; throws std::filesystem::filesystem_error.
    explicit maildir_transport(std::filesystem::path folder);
    // Writes to tmp/, syncs, then renames into new/: a reader never sees half a message.
    [[nodiscard]] send_result send(const envelope& e, std::string_view data) override;

private:
    std::filesystem::path folder_;
};

}  // namespace tp::mail
