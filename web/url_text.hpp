#pragma once
// Boost.URL takes boost::core::string_view; std::string_view converts to it through const char* (strlen!) in
// Boost 1.81, which reads past the end of text that is not NUL-terminated. Convert explicitly, always.
#include <boost/core/detail/string_view.hpp>

#include <string_view>

namespace tp::web {

[[nodiscard]] inline boost::core::string_view url_text(std::string_view s) { return {s.data(), s.size()}; }

}  // namespace tp::web
