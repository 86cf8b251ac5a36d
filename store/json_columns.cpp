#include "store/json_columns.hpp"

#include <boost/json.hpp>

namespace tp::store {
namespace {

namespace json = boost::json;

json::array strings(const std::vector<std::string>& values) {
    json::array out;
    for (const auto& v : values) out.emplace_back(v);
    return out;
}

std::vector<std::string> strings_of(const json::value* v) {
    std::vector<std::string> out;
    if (v && v->is_array())
        for (const auto& item : v->get_array())
            if (item.is_string()) out.emplace_back(item.get_string());
    return out;
}

json::value parsed(const std::string& text) {
    boost::system::error_code ec;
    auto v = json::parse(text, ec);
    return ec ? json::value{} : v;
}

}  // namespace

std::string questions_to_json(const std::vector<calendar::question>& questions) {
    json::array out;
    for (const auto& q : questions)
        out.emplace_back(json::object{{"key", q.key},
                                      {"label", q.label},
                                      {"type", calendar::to_string(q.type)},
                                      {"options", strings(q.options)},
                                      {"required", q.required}});
    return json::serialize(out);
}

std::vector<calendar::question> questions_from_json(const std::string& text) {
    std::vector<calendar::question> out;
    const auto v = parsed(text);
    if (!v.is_array()) return out;
    for (const auto& item : v.get_array()) {
        if (!item.is_object()) continue;
        const auto& o = item.get_object();
        calendar::question q;
        if (const auto* k = o.if_contains("key"); k && k->is_string()) q.key = k->get_string();
        if (const auto* l = o.if_contains("label"); l && l->is_string()) q.label = l->get_string();
        if (const auto* t = o.if_contains("type"); t && t->is_string())
            q.type = calendar::parse_question_type(t->get_string()).value_or(calendar::question_type::text);
        q.options = strings_of(o.if_contains("options"));
        if (const auto* r = o.if_contains("required"); r && r->is_bool()) q.required = r->get_bool();
        out.push_back(std::move(q));
    }
    return out;
}

std::string answers_to_json(const calendar::answers& answers) {
    json::object out;
    for (const auto& [key, values] : answers) out[key] = strings(values);
    return json::serialize(out);
}

calendar::answers answers_from_json(const std::string& text) {
    calendar::answers out;
    const auto v = parsed(text);
    if (!v.is_object()) return out;
    for (const auto& kv : v.get_object()) out.emplace_back(std::string(kv.key()), strings_of(&kv.value()));
    return out;
}

std::string reminders_to_json(const std::vector<std::chrono::seconds>& offsets) {
    json::array out;
    for (const auto o : offsets) out.emplace_back(o.count());
    return json::serialize(out);
}

std::vector<std::chrono::seconds> reminders_from_json(const std::string& text) {
    std::vector<std::chrono::seconds> out;
    const auto v = parsed(text);
    if (!v.is_array()) return out;
    for (const auto& item : v.get_array())
        if (const auto* n = item.if_int64()) out.emplace_back(*n);
    return out;
}

}  // namespace tp::store
