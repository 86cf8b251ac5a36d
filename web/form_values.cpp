#include "web/form_values.hpp"

namespace tp::web {

std::string field_value(const form_fields& f, const std::string& key) {
    const auto it = f.find(key);
    return it == f.end() ? std::string{} : it->second;
}

boost::json::array comma_list(const std::string& text) {
    boost::json::array out;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        auto piece = text.substr(start, end - start);
        piece.erase(0, piece.find_first_not_of(" \t\r\n"));
        piece.erase(piece.find_last_not_of(" \t\r\n") + 1);
        if (!piece.empty()) out.emplace_back(piece);
        start = end + 1;
    }
    return out;
}

void put_capacity(const form_fields& f, boost::json::object& entry, field_messages& problems) {
    const auto capacity = field_value(f, "capacity");
    if (capacity.empty()) return;
    if (capacity.find_first_not_of("0123456789") != std::string::npos || capacity.size() > 6)
        problems["capacity"] = "must be empty (no limit) or a whole number";
    else
        entry["capacity"] = std::stoll(capacity);
}

}  // namespace tp::web
