#include "web/html.hpp"

namespace tp::web {

html text(std::string_view s) {
    html out;
    out.s_.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out.s_ += "&amp;"; break;
            case '<': out.s_ += "&lt;"; break;
            case '>': out.s_ += "&gt;"; break;
            case '"': out.s_ += "&quot;"; break;
            case '\'': out.s_ += "&#39;"; break;
            default: out.s_ += c;
        }
    }
    return out;
}

html raw_html(std::string_view s) {
    html out;
    out.s_ = s;
    return out;
}

html void_tag(std::string_view name, std::span<const attribute> attrs) {
    html out = raw_html("<") + raw_html(name);
    for (const auto& a : attrs)
        out += raw_html(" ") + raw_html(a.name) + raw_html("=\"") + text(a.value) + raw_html("\"");
    return out + raw_html(">");
}

html tag(std::string_view name, std::span<const attribute> attrs, const html& body) {
    return void_tag(name, attrs) + body + raw_html("</") + raw_html(name) + raw_html(">");
}

html void_tag(std::string_view name, std::initializer_list<attribute> attrs) {
    return void_tag(name, std::span<const attribute>(attrs.begin(), attrs.size()));
}

html tag(std::string_view name, std::initializer_list<attribute> attrs, const html& body) {
    return tag(name, std::span<const attribute>(attrs.begin(), attrs.size()), body);
}

html tag(std::string_view name, const html& body) { return tag(name, {}, body); }

html link(std::string_view href, const html& body) { return tag("a", {{"href", href}}, body); }

}  // namespace tp::web
