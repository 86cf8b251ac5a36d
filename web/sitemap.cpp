#include "web/sitemap.hpp"

#include <date/date.h>

#include "web/xml_text.hpp"

namespace tp::web {

std::string sitemap_xml(std::span<const sitemap_entry> entries, std::string_view base_url) {
    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (const auto& e : entries) {
        out += "<url><loc>";
        append_xml_text(out, base_url);
        append_xml_text(out, e.path);
        out += "</loc>";
        if (e.lastmod) out += "<lastmod>" + date::format("%FT%TZ", *e.lastmod) + "</lastmod>";
        out += "</url>\n";
    }
    out += "</urlset>\n";
    return out;
}

std::string robots_txt(std::string_view base_url) {
    std::string out = "User-agent: *\n";
    for (const auto path : robots_disallowed) out.append("Disallow: ").append(path).append("\n");
    out.append("\nSitemap: ").append(base_url).append("/sitemap.xml\n");
    return out;
}

}  // namespace tp::web
