#pragma once
// The process's open-file limit: a server with a connection cap needs a descriptor per connection.

#include <cstddef>

namespace tp::server {

// Raises the soft RLIMIT_NOFILE towards `wanted` (never above the hard limit) and returns the limit now in force.
std::size_t raise_file_limit(std::size_t wanted);

}  // namespace tp::server
