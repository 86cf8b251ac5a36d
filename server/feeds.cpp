// Feed routes: whole-site, per-network and single-event iCalendar, cached by the store's data version.
#include "calendar/alarm.hpp"
#include "calendar/ics_writer.hpp"
#include "calendar/rule_subset.hpp"
#include "calendar/session_ics.hpp"
#include "web/schedule_json.hpp"
#include "server/admin_request.hpp"
#include "server/app.hpp"
#include "server/conditional.hpp"
#include "web/admin_strings.hpp"
#include "web/registration_strings.hpp"

namespace tp::server {
namespace {

std::string kinds_suffix(const web::listing_query& f, web::lang l) {
    std::string out;
    for (auto k : f.kinds) out += (out.empty() ? " – " : ", ") + std::string(web::kind_name_plural(k, l));
    return out;
}

// Before a cancelled event's title in feeds: "Abgesagt: ".
std::string cancelled_prefix(web::lang l) { return std::string(web::strings_for(l).cancelled) + ": "; }

std::string cache_key(std::string_view path, const web::listing_query& f, web::lang l) {
    return std::string(path) + "?" + web::encode_filter(f) + "&lang=" + std::string(web::code(l));
}

std::shared_ptr<const std::string> write_feed(const calendar::feed_info& info,
                                              const std::vector<calendar::event>& events,
                                              const std::vector<calendar::series>& series = {}) {
    return std::make_shared<const std::string>(calendar::write_ics(info, events, series));
}

// A feed as everyone gets it: the 200, or the 304 without a body, with its validators.
response feed_answer(const cached_feed& entry, bool current, std::string_view filename, std::string_view type) {
    response res = current ? response{http::status::not_modified, 11}
                           : make_response(http::status::ok, std::string(type), entry.body);
    res.set(http::field::etag, entry.etag);
    res.set(http::field::last_modified, entry.last_modified_text);
    res.set(http::field::cache_control, "no-cache");
    res.set(http::field::access_control_allow_origin, "*");
    if (!filename.empty())
        res.set(http::field::content_disposition, "attachment; filename=\"" + std::string(filename) + "\"");
    return res;
}

}  // namespace

template <class Build>
handled app::serve_feed(const request& req, const parsed& p, std::string_view route, const std::string& key,
                        Build&& build, std::string_view filename, std::string_view type) {
    const auto entry = cache_.get(key, store_.data_version(), std::forward<Build>(build));
    prepare(req, p, entry->version, false, [&](prepared_answer& a) {
        a.head = wire_head(feed_answer(*entry, false, filename, type));
        a.head_not_modified = wire_head(feed_answer(*entry, true, filename, type));
        a.etag = entry->etag;
        a.last_modified = entry->last_modified;
        a.body = entry->body;
        a.file = entry->sealed;
    });
    return feed_response(req, route, *entry, filename, type);
}

handled app::feed_response(const request& req, std::string_view route, const cached_feed& entry,
                           std::string_view filename, std::string_view type) {
    const bool current = not_modified(req[http::field::if_none_match], req[http::field::if_modified_since], entry.etag,
                                      entry.last_modified);
    return {feed_answer(entry, current, filename, type), route};
}

handled app::feed(const request& req, parsed& p) {
    if (p.filter.network) return network_feed(req, p, *p.filter.network);
    const auto l = p.ctx.language;
    const auto build = [&]() -> feed_cache::built {
        const store::event_filter f{.network_slug = std::nullopt, .kinds = p.filter.kinds, .include_occurrences = true};
        const calendar::feed_info info{std::string(web::strings_for(l).all_events_feed) + kinds_suffix(p.filter, l),
                                       std::string(web::strings_for(l).tagline),
                                       config_.base_url + "/",
                                       config_.base_url,
                                       false,
                                       cancelled_prefix(l)};
        return {write_feed(info, store_.events(f), store_.series_list(f)), store_.last_change(f)};
    };
    return serve_feed(req, p, "feed", cache_key("/calendar.ics", p.filter, l), build, "");
}

handled app::network_feed(const request& req, parsed& p, const std::string& slug) {
    const auto n = store_.network_by_slug(slug);
    if (!n) {
        if (p.segments.size() == 3) return not_found(p);
        return bad_request(p, std::string(web::admin_strings_for(p.ctx.language).unknown_network) + slug);
    }
    auto filter = p.filter;
    filter.network = slug;
    const auto l = p.ctx.language;
    const auto build = [&]() -> feed_cache::built {
        const store::event_filter f{.network_slug = slug, .kinds = filter.kinds, .include_occurrences = true};
        const calendar::feed_info info{n->name + kinds_suffix(filter, l),
                                       n->description,
                                       config_.base_url + "/networks/" + slug,
                                       config_.base_url,
                                       false,
                                       cancelled_prefix(l)};
        return {write_feed(info, store_.events(f), store_.series_list(f)), store_.last_change(f)};
    };
    return serve_feed(req, p, "network_feed", cache_key("/networks/calendar.ics", filter, l), build, "");
}

handled app::event_ics(const request& req, parsed& p, const std::string& slug) {
    const auto e = store_.event_by_slug(slug);
    if (!e || e->status == calendar::event_status::draft) return not_found(p);
    const auto build = [&]() -> feed_cache::built {
        const auto current = store_.event_by_slug(slug);  // as of this build, not of the check above
        std::vector<calendar::event> events;
        if (current && current->status != calendar::event_status::draft) events.push_back(*current);
        const calendar::feed_info info{e->title,         "",    calendar::event_url(config_.base_url, *e),
                                       config_.base_url, false, cancelled_prefix(p.ctx.language)};
        return {write_feed(info, events), current ? current->updated_at : e->updated_at};
    };
    const auto key = "/events/" + slug + ".ics?lang=" + std::string(web::code(p.ctx.language));
    return serve_feed(req, p, "event_ics", key, build, slug + ".ics");
}

handled app::series_ics(const request& req, parsed& p, const std::string& slug) {
    const auto found = store_.series_by_slug(slug);
    if (!found || found->status == calendar::event_status::draft) return not_found(p);
    const auto build = [&]() -> feed_cache::built {
        std::vector<calendar::series> one;
        if (auto current = store_.series_by_slug(slug)) one.push_back(std::move(*current));
        const calendar::feed_info info{found->title,
                                       found->description,
                                       calendar::series_url(config_.base_url, *found),
                                       config_.base_url,
                                       false,
                                       cancelled_prefix(p.ctx.language)};
        auto changed = one.empty() ? found->updated_at : one.front().updated_at;
        std::vector<calendar::event> dates;  // a series outside the rule subset is written as its dates
        if (!one.empty() && !calendar::written_as_rule(one.front())) dates = store_.events({.series_slug = slug});
        for (const auto& d : dates) changed = std::max(changed, d.updated_at);
        return {write_feed(info, dates, one), changed};
    };
    const auto key = "/series/" + slug + ".ics?lang=" + std::string(web::code(p.ctx.language));
    return serve_feed(req, p, "series_ics", key, build, slug + ".ics");
}

// A barcamp's sessions.ics or schedule.json, cached like the other feeds (programme changes move the version).
handled app::sessions_feed(const request& req, const parsed& p, const calendar::event& e, std::string_view file) {
    const bool ics = file == "sessions.ics";
    const auto build = [&]() -> feed_cache::built {
        const auto current = store_.event_by_slug(e.slug).value_or(e);
        const auto programme = store_.programme(e.slug).value_or(calendar::programme{});
        const auto changed =
            std::max(current.updated_at, store_.programme_changed(e.slug).value_or(current.updated_at));
        const calendar::feed_info info{current.title + " – Sessions",
                                       "",
                                       calendar::plan_url(config_.base_url, current),
                                       config_.base_url,
                                       false,
                                       ""};
        auto body = ics ? calendar::write_sessions_ics(info, current, programme)
                        : web::schedule_json(current, programme, config_.base_url, changed);
        return {std::make_shared<const std::string>(std::move(body)), changed};
    };
    const auto key = "/events/" + e.slug + "/" + std::string(file);
    auto result =
        serve_feed(req, p, ics ? "sessions_ics" : "schedule_json", key, build, ics ? e.slug + "-sessions.ics" : "",
                   ics ? calendar_type : "application/json; charset=utf-8");
    return result;
}

// A person's own feed, with private join links: built on every request (registrations do not move the data
// version the shared cache is keyed by), private to caches, and still answered with 304 when unchanged.
handled app::personal_feed(const request& req, parsed& p, const std::string& token) {
    const auto feed = store_.personal_feed_events(token);
    if (!feed) return not_found(p);
    const auto alarm_asked = param(query_of(req), "alarm");  // ?alarm=30m: a reminder before each event
    const auto alarm = calendar::parse_alarm(alarm_asked);
    if (!alarm_asked.empty() && !alarm) return bad_request(p, web::alarm_problem(alarm_asked, p.ctx.language));
    calendar::feed_info info{std::string(web::strings_for(p.ctx.language).my_events_feed),
                             "",
                             config_.base_url + "/",
                             config_.base_url,
                             true,
                             cancelled_prefix(p.ctx.language)};
    info.alarm = alarm;
    cached_feed entry;
    entry.body = write_feed(info, feed->events);
    entry.etag = strong_etag(*entry.body);
    entry.last_modified = feed->changed;
    entry.last_modified_text = http_date(entry.last_modified);
    auto result = feed_response(req, "personal_feed", entry, "");
    result.res.set(http::field::cache_control, "private, no-cache");
    return result;
}

// The event as one person holds it: the single-date .ics with the private join link, behind the person's own
// link and only while they hold a seat (else 404). The same UID as the public one and the invitations.
handled app::manage_ics(const request& req, parsed& p, const std::string& token) {
    const auto r = store_.registration_by_token(token);
    const auto e = r ? store_.event_by_slug(r->event_slug) : std::nullopt;
    if (!r || !e || r->status != calendar::registration_status::confirmed || e->status == calendar::event_status::draft)
        return not_found(p);
    const calendar::feed_info info{e->title,         "",   calendar::event_url(config_.base_url, *e),
                                   config_.base_url, true, cancelled_prefix(p.ctx.language)};
    cached_feed entry;
    entry.body = write_feed(info, std::vector<calendar::event>{*e});
    entry.etag = strong_etag(*entry.body);
    entry.last_modified = std::max(e->updated_at, r->updated_at);
    entry.last_modified_text = http_date(entry.last_modified);
    auto result = feed_response(req, "manage_ics", entry, e->slug + ".ics");
    result.res.set(http::field::cache_control, "private, no-store");
    return result;
}

}  // namespace tp::server
