#pragma once
// Text in XML documents (sitemap, Atom): & < > " ' escaped, so it is safe in element content and attribute values.
#include <string>
#include <string_view>

namespace tp::web {

void append_xml_text(std::string& out, std::string_view text);
[[nodiscard]] std::string xml_text(std::string_view text);

}  // namespace tp::web
