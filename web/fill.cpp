#include "web/fill.hpp"

namespace tp::web {

std::string fill(std::string_view pattern, std::initializer_list<std::pair<std::string_view, std::string>> values) {
    std::string out(pattern);
    for (const auto& [key, value] : values) {
        const auto field = "{" + std::string(key) + "}";
        for (auto at = out.find(field); at != std::string::npos; at = out.find(field, at + value.size()))
            out.replace(at, field.size(), value);
    }
    return out;
}

}  // namespace tp::web
