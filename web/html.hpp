#pragma once
// Safe HTML: text enters only through text() (escaped) or raw_html() (trusted markup we wrote ourselves).
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tp::web {

class html {
public:
    html() = default;
    [[nodiscard]] const std::string& str() const& { return s_; }
    [[nodiscard]] std::string str() && { return std::move(s_); }
    html& operator+=(const html& other) {
        s_ += other.s_;
        return *this;
    }
    friend html operator+(html a, const html& b) { return a += b; }
    friend html text(std::string_view s);
    friend html raw_html(std::string_view s);

private:
    std::string s_;
};

// Escapes & < > " ' so the text is safe in element content and in quoted attribute values.
[[nodiscard]] html text(std::string_view s);
// Markup written by us, never text from people or the database.
[[nodiscard]] html raw_html(std::string_view s);

// <tag attrs>body</tag> with the attribute values escaped: tag("a", {{"href", url}}, text("x")).
struct attribute {
    std::string_view name;
    std::string_view value;
};
[[nodiscard]] html tag(std::string_view name, std::initializer_list<attribute> attrs, const html& body);
[[nodiscard]] html tag(std::string_view name, const html& body);
// A void element (input, meta, br): attributes only, no end tag.
[[nodiscard]] html void_tag(std::string_view name, std::initializer_list<attribute> attrs);
[[nodiscard]] html link(std::string_view href, const html& body);
// The same with attributes gathered at run time (the values must outlive the call).
using attributes = std::vector<attribute>;
[[nodiscard]] html tag(std::string_view name, std::span<const attribute> attrs, const html& body);
[[nodiscard]] html void_tag(std::string_view name, std::span<const attribute> attrs);

}  // namespace tp::web
