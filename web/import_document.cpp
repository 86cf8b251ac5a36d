#include "web/import_document.hpp"

#include <boost/json.hpp>

#include <set>

#include "calendar/reminders.hpp"
#include "calendar/rrule_expand.hpp"
#include "calendar/zoned.hpp"
#include "web/validate.hpp"

namespace tp::web {
namespace {

namespace json = boost::json;
using calendar::event;
using calendar::network;

constexpr std::size_t max_entries = 100000;
constexpr std::int64_t max_capacity = 100000;

// Reads the fields of one JSON object, noting each problem with the entry's name; reports unknown keys at the end.
class entry_reader {
public:
    entry_reader(const json::object& obj, std::string where, std::vector<std::string>& errors)
        : obj_(obj), where_(std::move(where)), errors_(errors) {}

    void problem(std::string_view key, const std::string& what) {
        errors_.push_back(where_ + ": " + std::string(key) + ": " + what);
    }

    // A string field; missing or null gives "" (and a problem when required).
    std::string text(std::string_view key, bool required, bool multi_line = false) {
        const auto* v = value(key);
        if (!v || v->is_null()) {
            if (required) problem(key, "is required");
            return {};
        }
        if (!v->is_string()) return problem(key, "must be a string"), std::string{};
        std::string s(v->get_string());
        if (required && s.empty()) problem(key, "must not be empty");
        const auto issue = multi_line ? check_text(s) : check_line(s);
        if (!issue.empty()) problem(key, issue);
        return s;
    }

    std::optional<std::string> optional_url(std::string_view key) {
        auto s = text(key, false);
        if (s.empty()) return std::nullopt;
        if (const auto issue = check_web_url(s); !issue.empty()) problem(key, issue);
        return s;
    }

    template <class E>
    E choice(std::string_view key, std::optional<E> (*parse)(std::string_view), std::optional<E> fallback,
             std::string_view allowed) {
        const auto s = text(key, !fallback.has_value());
        if (s.empty()) return fallback.value_or(E{});
        if (const auto v = parse(s)) return *v;
        problem(key, "'" + s + "' is not one of " + std::string(allowed));
        return fallback.value_or(E{});
    }

    bool boolean(std::string_view key) {
        const auto* v = value(key);
        if (!v || v->is_null()) return false;
        if (!v->is_bool()) return problem(key, "must be true or false"), false;
        return v->get_bool();
    }

    std::optional<int> optional_count(std::string_view key, std::int64_t max) {
        const auto* v = value(key);
        if (!v || v->is_null()) return std::nullopt;
        const auto n = v->if_int64();
        if (!n || *n < 0 || *n > max) {
            problem(key, "must be null or a whole number from 0 to " + std::to_string(max));
            return std::nullopt;
        }
        return static_cast<int>(*n);
    }

    // A list field (e.g. exdates); nullptr when absent or null, after noting a problem if it is not a list.
    const json::array* list(std::string_view key) {
        const auto* v = value(key);
        if (!v || v->is_null()) return nullptr;
        if (!v->is_array()) return problem(key, "must be a list"), nullptr;
        return &v->get_array();
    }

    void finish() {
        for (const auto& kv : obj_)
            if (!known_.count(std::string(kv.key()))) problem(kv.key(), "is not a known field");
    }

private:
    const json::value* value(std::string_view key) {
        known_.insert(std::string(key));
        return obj_.if_contains(key);
    }

    const json::object& obj_;
    std::string where_;
    std::vector<std::string>& errors_;
    std::set<std::string> known_;
};

std::string where_of(std::string_view list, std::size_t i, const json::object& obj) {
    std::string where = std::string(list) + "[" + std::to_string(i) + "]";
    if (const auto* slug = obj.if_contains("slug"); slug && slug->is_string())
        where += " (" + std::string(slug->get_string()) + ")";
    return where;
}

network read_network(entry_reader& r, const std::string&, std::vector<std::string>&) {
    network n;
    n.slug = r.text("slug", true);
    if (auto issue = check_slug(n.slug); !n.slug.empty() && !issue.empty()) r.problem("slug", issue);
    n.name = r.text("name", true);
    n.region = r.text("region", false);
    n.website = r.optional_url("website").value_or("");
    n.contact_name = r.text("contact_name", false);
    n.contact_email = r.text("contact_email", false);
    if (!n.contact_email.empty())
        if (auto issue = check_email(n.contact_email); !issue.empty()) r.problem("contact_email", issue);
    n.description = r.text("description", false, true);
    r.finish();
    return n;
}

// A local time field in the event's zone; nullopt after noting the problem.
std::optional<calendar::sys_seconds> read_time(entry_reader& r, std::string_view key, const date::time_zone* zone,
                                               bool required) {
    const auto s = r.text(key, required);
    if (s.empty() || !zone) return std::nullopt;
    try {
        return calendar::resolve_local(calendar::parse_local_date_time(s), *zone);
    } catch (const calendar::invalid_time& ex) {
        r.problem(key, ex.what());
    }
    return std::nullopt;
}

std::optional<date::local_days> read_date(entry_reader& r, std::string_view key) {
    const auto s = r.text(key, true);
    if (s.empty()) return std::nullopt;
    try {
        return calendar::parse_local_date(s);
    } catch (const calendar::invalid_time& ex) {
        r.problem(key, ex.what() + std::string(" (all-day events take dates)"));
    }
    return std::nullopt;
}

void read_times(entry_reader& r, event& e, const date::time_zone* zone) {
    if (e.all_day) {
        const auto first = read_date(r, "start"), last = read_date(r, "end");
        if (!first || !last || !zone) return;
        if (*last < *first) return r.problem("end", "the last day is before the first day");
        e.start = calendar::start_of_day(*first, *zone);
        e.end = calendar::start_of_day(*last + date::days{1}, *zone);  // iCalendar's end is exclusive
        return;
    }
    const auto start = read_time(r, "start", zone, true), end = read_time(r, "end", zone, true);
    if (!start || !end) return;
    if (*end <= *start) return r.problem("end", "must be after start");
    e.start = *start;
    e.end = *end;
}

calendar::question read_question(entry_reader& r) {
    calendar::question q;
    q.key = r.text("key", true);
    if (auto issue = check_slug(q.key); !q.key.empty() && !issue.empty()) r.problem("key", issue);
    q.label = r.text("label", true);
    q.type = r.choice<calendar::question_type>("type", calendar::parse_question_type, std::nullopt,
                                               "text, single_choice, multiple_choice, checkbox");
    q.required = r.boolean("required");
    if (const auto* options = r.list("options")) {
        for (const auto& o : *options) {
            if (!o.is_string() || o.get_string().empty() || !check_line(o.get_string()).empty()) {
                r.problem("options", "must be a list of one-line texts");
                break;
            }
            if (std::find(q.options.begin(), q.options.end(), std::string(o.get_string())) != q.options.end())
                r.problem("options", "'" + std::string(o.get_string()) + "' appears more than once");
            q.options.emplace_back(o.get_string());
        }
    }
    const bool choice =
        q.type == calendar::question_type::single_choice || q.type == calendar::question_type::multiple_choice;
    if (choice && q.options.size() < 2) r.problem("options", "a choice needs at least two options");
    if (!choice && !q.options.empty()) r.problem("options", "only single_choice and multiple_choice have options");
    r.finish();
    return q;
}

void read_questions(entry_reader& r, std::vector<calendar::question>& questions, const std::string& where,
                    std::vector<std::string>& errors) {
    const auto* list = r.list("questions");
    if (!list) return;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto here = where + ": questions[" + std::to_string(i) + "]";
        if (!(*list)[i].is_object()) {
            errors.push_back(here + ": must be an object");
            continue;
        }
        entry_reader nested((*list)[i].get_object(), here, errors);
        auto q = read_question(nested);
        const bool repeated = std::any_of(questions.begin(), questions.end(), [&](auto& x) { return x.key == q.key; });
        if (repeated)
            errors.push_back(here + ": key: '" + q.key + "' appears more than once");
        else
            questions.push_back(std::move(q));
    }
}

// "reminders": ["7d", "1d"]; missing keeps the default, [] sends none.
void read_reminders(entry_reader& r, std::vector<std::chrono::seconds>& reminders, const std::string& where,
                    std::vector<std::string>& errors) {
    const auto* list = r.list("reminders");
    if (!list) return;
    reminders.clear();
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto here = where + ": reminders[" + std::to_string(i) + "]";
        const auto* text = (*list)[i].if_string();
        const auto offset = text ? calendar::parse_reminder_offset(*text) : std::nullopt;
        if (!offset)
            errors.push_back(here + ": must be like \"7d\", \"36h\" or \"90m\", from 15m to 60d");
        else if (std::find(reminders.begin(), reminders.end(), *offset) != reminders.end())
            errors.push_back(here + ": appears more than once");
        else
            reminders.push_back(*offset);
    }
    if (reminders.size() > calendar::max_reminders)
        errors.push_back(where + ": reminders: at most " + std::to_string(calendar::max_reminders));
}

event read_event(entry_reader& r, const std::string& where, std::vector<std::string>& errors) {
    event e;
    e.slug = r.text("slug", true);
    if (auto issue = check_slug(e.slug); !e.slug.empty() && !issue.empty()) r.problem("slug", issue);
    e.network_slug = r.text("network", true);
    e.kind = r.choice<calendar::event_kind>("kind", calendar::parse_event_kind, std::nullopt,
                                            "barcamp, exchange_round, webinar, meeting");
    e.title = r.text("title", true);
    e.description = r.text("description", false, true);
    e.time_zone = r.text("time_zone", true);
    const auto* zone = calendar::find_zone(e.time_zone);
    if (!e.time_zone.empty() && !zone) r.problem("time_zone", "'" + e.time_zone + "' is not an IANA time zone");
    e.all_day = r.boolean("all_day");
    read_times(r, e, zone);
    e.format = r.choice<calendar::event_format>("format", calendar::parse_event_format,
                                                calendar::event_format::in_person, "in_person, online, hybrid");
    e.venue = r.text("venue", false);
    e.address = r.text("address", false);
    e.join_url = r.optional_url("join_url");
    e.info_url = r.optional_url("info_url");
    e.capacity = r.optional_count("capacity", max_capacity);
    e.registration_opens = read_time(r, "registration_opens", zone, false);
    e.registration_closes = read_time(r, "registration_closes", zone, false);
    if (e.registration_opens && e.registration_closes && *e.registration_closes <= *e.registration_opens)
        r.problem("registration_closes", "must be after registration_opens");
    e.status = r.choice<calendar::event_status>("status", calendar::parse_event_status,
                                                calendar::event_status::published, "draft, published, cancelled");
    read_questions(r, e.questions, where, errors);
    read_reminders(r, e.reminders, where, errors);
    r.finish();
    return e;
}

// Whether `t` is an occurrence of the rule that starts at `first`.
bool is_occurrence(const calendar::rrule& rule, date::local_seconds first, const date::time_zone& zone,
                   date::local_seconds t) {
    const auto at = calendar::recurrence_instant(t, zone);
    const auto found = calendar::expand(rule, first, zone, at, at + std::chrono::seconds{1}, 1);
    return !found.empty() && found.front().local == t;
}

struct series_context {
    calendar::rrule rule;
    const date::time_zone* zone;
    date::local_seconds first;
};

std::optional<date::local_seconds> read_occurrence_time(entry_reader& r, std::string_view key, const std::string& text,
                                                        const series_context& ctx) {
    try {
        const auto t = calendar::parse_local_date_time(text);
        if (!is_occurrence(ctx.rule, ctx.first, *ctx.zone, t)) {
            r.problem(key, text + " is not a date of the series");
            return std::nullopt;
        }
        return t;
    } catch (const calendar::invalid_time& ex) {
        r.problem(key, ex.what());
    }
    return std::nullopt;
}

void read_exdates(entry_reader& r, calendar::series& s, const series_context& ctx) {
    const auto* list = r.list("exdates");
    if (!list) return;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string key = "exdates[" + std::to_string(i) + "]";
        if (!(*list)[i].is_string()) {
            r.problem(key, "must be a local date and time");
            continue;
        }
        if (const auto t = read_occurrence_time(r, key, std::string((*list)[i].get_string()), ctx))
            s.exdates.push_back(*t);
    }
    std::sort(s.exdates.begin(), s.exdates.end());
}

calendar::series_override read_override(entry_reader& r, const calendar::series& s, const series_context& ctx) {
    calendar::series_override o;
    const auto original = r.text("original_start", true);
    if (!original.empty())
        if (const auto t = read_occurrence_time(r, "original_start", original, ctx)) o.original_start = *t;
    o.start = read_time(r, "start", ctx.zone, false);
    o.end = read_time(r, "end", ctx.zone, false);
    if (o.start && !o.end) o.end = *o.start + s.duration;
    if (o.end && !o.start) r.problem("end", "needs a start");
    if (o.start && o.end && *o.end <= *o.start) r.problem("end", "must be after start");
    for (auto [key, field] : {std::pair{"title", &o.title}, {"venue", &o.venue}, {"address", &o.address}}) {
        auto v = r.text(key, false);
        if (!v.empty()) *field = v;
    }
    if (auto d = r.text("description", false, true); !d.empty()) o.description = d;
    if (auto st = r.text("status", false); !st.empty()) {
        o.status = calendar::parse_event_status(st);
        if (!o.status) r.problem("status", "'" + st + "' is not one of draft, published, cancelled");
    }
    r.finish();
    return o;
}

void read_overrides(entry_reader& r, calendar::series& s, const series_context& ctx, const std::string& where,
                    std::vector<std::string>& errors) {
    const auto* list = r.list("overrides");
    if (!list) return;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto here = where + ": overrides[" + std::to_string(i) + "]";
        if (!(*list)[i].is_object()) {
            errors.push_back(here + ": must be an object");
            continue;
        }
        entry_reader nested((*list)[i].get_object(), here, errors);
        auto o = read_override(nested, s, ctx);
        const bool repeated = std::any_of(s.overrides.begin(), s.overrides.end(),
                                          [&](auto& x) { return x.original_start == o.original_start; });
        if (repeated)
            errors.push_back(here + ": original_start: appears more than once");
        else
            s.overrides.push_back(std::move(o));
    }
    std::sort(s.overrides.begin(), s.overrides.end(),
              [](auto& a, auto& b) { return a.original_start < b.original_start; });
}

// The rule, checked against the series' start; nullopt after noting a problem.
std::optional<calendar::rrule> read_rule(entry_reader& r, date::local_seconds first) {
    const auto text = r.text("rrule", true);
    if (text.empty()) return std::nullopt;
    try {
        auto rule = calendar::parse_rrule(text);
        if (std::holds_alternative<date::local_days>(rule.until)) {
            r.problem("rrule", "UNTIL must be a UTC time (YYYYMMDDTHHMMSSZ) for a series with times");
            return std::nullopt;
        }
        if (!calendar::starts_on_rule(rule, first)) {
            r.problem("start", calendar::format_iso_local(first) + " is not a date of the rule " + text);
            return std::nullopt;
        }
        return rule;
    } catch (const calendar::invalid_rrule& ex) {
        r.problem("rrule", ex.what());
    }
    return std::nullopt;
}

calendar::series read_series(entry_reader& r, const std::string& where, std::vector<std::string>& errors) {
    calendar::series s;
    s.slug = r.text("slug", true);
    if (auto issue = check_slug(s.slug); !s.slug.empty() && !issue.empty()) r.problem("slug", issue);
    s.network_slug = r.text("network", true);
    s.kind = r.choice<calendar::event_kind>("kind", calendar::parse_event_kind, std::nullopt,
                                            "barcamp, exchange_round, webinar, meeting");
    s.title = r.text("title", true);
    s.description = r.text("description", false, true);
    s.time_zone = r.text("time_zone", true);
    const auto* zone = calendar::find_zone(s.time_zone);
    if (!s.time_zone.empty() && !zone) r.problem("time_zone", "'" + s.time_zone + "' is not an IANA time zone");
    const auto start = read_time(r, "start", zone, true), end = read_time(r, "end", zone, true);
    if (start && end && *end <= *start) r.problem("end", "must be after start");
    s.format = r.choice<calendar::event_format>("format", calendar::parse_event_format,
                                                calendar::event_format::in_person, "in_person, online, hybrid");
    s.venue = r.text("venue", false);
    s.address = r.text("address", false);
    s.join_url = r.optional_url("join_url");
    s.info_url = r.optional_url("info_url");
    s.capacity = r.optional_count("capacity", max_capacity);
    s.status = r.choice<calendar::event_status>("status", calendar::parse_event_status,
                                                calendar::event_status::published, "draft, published, cancelled");
    if (start && end && zone) {
        s.first_start = calendar::to_local(*start, *zone);
        s.duration = *end - *start;
        if (const auto rule = read_rule(r, s.first_start)) {
            s.rule = calendar::to_string(*rule);
            const series_context ctx{*rule, zone, s.first_start};
            read_exdates(r, s, ctx);
            read_overrides(r, s, ctx, where, errors);
        }
    }
    read_questions(r, s.questions, where, errors);
    read_reminders(r, s.reminders, where, errors);
    r.finish();
    return s;
}

template <class T, class Read>
void read_list(const json::object& root, std::string_view key, std::vector<T>& out, std::vector<std::string>& errors,
               Read read) {
    const auto* v = root.if_contains(key);
    if (!v || v->is_null()) return;
    if (!v->is_array()) return errors.push_back(std::string(key) + ": must be a list");
    const auto& list = v->get_array();
    if (list.size() > max_entries) return errors.push_back(std::string(key) + ": more than 100000 entries");
    std::set<std::string> slugs;
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (!list[i].is_object()) {
            errors.push_back(std::string(key) + "[" + std::to_string(i) + "]: must be an object");
            continue;
        }
        const auto where = where_of(key, i, list[i].get_object());
        entry_reader reader(list[i].get_object(), where, errors);
        auto item = read(reader, where, errors);
        if (!item.slug.empty() && !slugs.insert(item.slug).second)
            errors.push_back(where + ": slug: appears more than once");
        out.push_back(std::move(item));
    }
}

}  // namespace

import_result parse_import(std::string_view json_text) {
    import_result result;
    boost::system::error_code ec;
    const auto root = json::parse(json_text, ec);
    if (ec) return result.errors.push_back("not valid JSON: " + ec.message()), result;
    if (!root.is_object()) return result.errors.push_back("the document must be a JSON object"), result;
    const auto& obj = root.get_object();
    for (const auto& kv : obj)
        if (kv.key() != "networks" && kv.key() != "events" && kv.key() != "series")
            result.errors.push_back(std::string(kv.key()) + ": is not a known section (networks, events, series)");
    read_list(obj, "networks", result.document.networks, result.errors, read_network);
    read_list(obj, "events", result.document.events, result.errors, read_event);
    read_list(obj, "series", result.document.series, result.errors, read_series);
    return result;
}

}  // namespace tp::web
