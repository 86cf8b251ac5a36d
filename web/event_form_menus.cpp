#include "web/event_form_menus.hpp"

#include <algorithm>
#include <utility>

#include "calendar/zoned.hpp"
#include "web/event_form_strings.hpp"

namespace tp::web {
namespace {

using choice = std::pair<std::string, std::string>;  // value, words

std::vector<choice> choices_of(std::string_view field, const std::vector<network_choice>& networks, lang l) {
    std::vector<choice> out;
    if (field == "network")
        for (const auto& n : networks) out.emplace_back(n.slug, n.name);
    if (field == "kind")
        for (const auto k : {calendar::event_kind::meeting, calendar::event_kind::webinar,
                             calendar::event_kind::exchange_round, calendar::event_kind::barcamp})
            out.emplace_back(calendar::to_string(k), kind_name(k, l));
    if (field == "format")
        for (const auto f :
             {calendar::event_format::in_person, calendar::event_format::online, calendar::event_format::hybrid})
            out.emplace_back(calendar::to_string(f), format_name(f, l));
    if (field == "status") {
        const auto& s = event_form_strings_for(l);
        out = {{"draft", std::string(s.status_draft)},
               {"published", std::string(s.status_published)},
               {"cancelled", std::string(s.status_cancelled)}};
    }
    return out;
}

html option(const std::string& value, std::string_view words, const std::string& selected) {
    return value == selected ? tag("option", {{"value", value}, {"selected", "selected"}}, text(words))
                             : tag("option", {{"value", value}}, text(words));
}

// Europe/Berlin first (nearly every event of the networks), then every zone by name.
html zone_options(const std::string& selected, lang l) {
    constexpr std::string_view home = "Europe/Berlin";
    const auto& names = calendar::zone_names();
    html out;
    if (!selected.empty() && selected != home && !std::binary_search(names.begin(), names.end(), selected))
        out += option(selected, selected, selected);
    out += option(std::string(home), home, selected);
    html all;
    for (const auto& name : names)
        if (name != home) all += option(name, name, selected);
    return out + tag("optgroup", {{"label", event_form_strings_for(l).all_zones}}, all);
}

}  // namespace

html menu_options(std::string_view field, const std::string& selected, const std::vector<network_choice>& networks,
                  lang l) {
    if (field == "time_zone") return zone_options(selected, l);
    const auto choices = choices_of(field, networks, l);
    html out;
    bool known = selected.empty();
    for (const auto& [value, words] : choices) known = known || value == selected;
    if (!known) out += option(selected, selected, selected);
    for (const auto& [value, words] : choices) out += option(value, words, selected);
    return out;
}

}  // namespace tp::web
