#include "web/question_rows.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include "web/form_values.hpp"

namespace tp::web {
namespace {

namespace json = boost::json;

std::string row(int i, const char* part) { return "q" + std::to_string(i) + "." + part; }

// "a\r\nb, c\n\n" -> ["a", "b, c"]: one choice per line, trimmed, empty lines dropped.
json::array line_list(const std::string& text) {
    json::array out;
    for (std::size_t start = 0; start < text.size();) {
        const auto end = std::min(text.find('\n', start), text.size());
        auto line = text.substr(start, end - start);
        const auto first = line.find_first_not_of(" \t\r"), last = line.find_last_not_of(" \t\r");
        if (first != std::string::npos) out.emplace_back(line.substr(first, last - first + 1));
        start = end + 1;
    }
    return out;
}

}  // namespace

void add_question_fields(form_fields& f, const std::vector<calendar::question>& questions) {
    for (std::size_t i = 0; i < questions.size(); ++i) {
        const auto& q = questions[i];
        const int n = static_cast<int>(i);
        std::string options;
        for (const auto& o : q.options) options += (options.empty() ? "" : "\n") + o;
        f[row(n, "key")] = q.key;
        f[row(n, "label")] = q.label;
        f[row(n, "type")] = std::string(calendar::to_string(q.type));
        f[row(n, "options")] = options;
        if (q.required) f[row(n, "required")] = "on";
    }
}

int question_rows(const form_fields& f) {
    int sent = 0, filled = 0;  // rows the form had; rows up to the last one with a label
    while (f.count(row(sent, "label")) > 0)
        if (field_value(f, row(sent++, "label")).find_first_not_of(' ') != std::string::npos) filled = sent;
    return std::max(sent, filled + new_question_rows);
}

std::string key_of_label(const std::string& label) {
    std::string key;
    for (std::size_t i = 0; i < label.size() && key.size() < 40; ++i) {
        const auto c = static_cast<unsigned char>(label[i]);
        const auto next = i + 1 < label.size() ? static_cast<unsigned char>(label[i + 1]) : 0;
        if (c >= 'A' && c <= 'Z')
            key += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            key += static_cast<char>(c);
        else if (c == 0xC3 && (next == 0xA4 || next == 0x84))
            key += "ae", ++i;
        else if (c == 0xC3 && (next == 0xB6 || next == 0x96))
            key += "oe", ++i;
        else if (c == 0xC3 && (next == 0xBC || next == 0x9C))
            key += "ue", ++i;
        else if (c == 0xC3 && next == 0x9F)
            key += "ss", ++i;
        else if (!key.empty() && key.back() != '-')
            key += '-';
    }
    while (!key.empty() && key.back() == '-') key.pop_back();
    return key.empty() ? "frage" : key;
}

json::array questions_of(const form_fields& f) {
    json::array out;
    for (int i = 0; i < question_rows(f); ++i) {
        const auto label = field_value(f, row(i, "label"));
        if (label.find_first_not_of(' ') == std::string::npos) continue;
        const auto kept = field_value(f, row(i, "key"));
        const auto type = field_value(f, row(i, "type")).empty() ? std::string("text") : field_value(f, row(i, "type"));
        json::object q{{"key", kept.empty() ? key_of_label(label) : kept},
                       {"label", label},
                       {"type", type},
                       {"required", field_value(f, row(i, "required")) == "on"}};
        if (type == "single_choice" || type == "multiple_choice")
            q["options"] = line_list(field_value(f, row(i, "options")));
        out.push_back(std::move(q));
    }
    return out;
}

}  // namespace tp::web
