#include "web/answers_shown.hpp"

namespace tp::web {

std::vector<std::pair<std::string, std::string>> answers_shown(const calendar::event& e,
                                                               const calendar::registration& r, std::string_view yes) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& q : e.questions)
        for (const auto& [key, values] : r.answers_given) {
            if (key != q.key || values.empty()) continue;
            std::string shown;
            for (const auto& v : values)
                shown +=
                    (shown.empty() ? "" : ", ") + (q.type == calendar::question_type::checkbox ? std::string(yes) : v);
            out.emplace_back(q.label, std::move(shown));
        }
    return out;
}

}  // namespace tp::web
