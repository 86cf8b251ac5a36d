// Attendee exports: /admin/events/{slug}/attendees.csv|.xlsx|.json (session), the same under
// /api/v1/events/{slug}/ (bearer token; the router checks either), /admin/networks/{slug}/attendees.csv across a
// network's events, and a barcamp's sessions (/admin/events/{slug}/sessions.csv|.xlsx).
#include "server/admin_request.hpp"
#include "server/app.hpp"
#include "server/auth.hpp"
#include "server/xlsx_export.hpp"
#include "web/attendee_export.hpp"
#include "web/session_export.hpp"

namespace tp::server {
namespace {

constexpr std::string_view csv_type = "text/csv; charset=utf-8";
constexpr std::string_view xlsx_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

handled download(std::string body, std::string_view type, const std::string& filename) {
    auto res = make_response(http::status::ok, std::string(type), std::move(body));
    res.set(http::field::content_disposition, "attachment; filename=\"" + filename + "\"");
    res.set(http::field::cache_control, "no-store");
    res.set("X-Content-Type-Options", "nosniff");
    return {std::move(res), "export"};
}

// ';' (German Excel) unless ?sep=, asks for commas; nullopt for anything else.
std::optional<char> separator_of(const request& req) {
    const auto sep = param(query_of(req), "sep");
    if (sep.empty() || sep == ";") return ';';
    if (sep == ",") return ',';
    return std::nullopt;
}

handled bad_separator() { return {text_response(http::status::bad_request, "sep must be ; or ,"), "export"}; }

}  // namespace

handled app::export_event(const request& req, const calendar::event& e, std::string_view format, web::lang l) {
    const auto all = store_.attendees(e.slug).value_or(std::vector<calendar::attendee>{});
    const auto name = e.slug + "-attendees";
    if (format == "json")
        return download(web::attendees_json(e, all), "application/json; charset=utf-8", name + ".json");
    const auto table = web::attendee_table({{e, all}}, l, false);
    if (format == "xlsx") return download(to_xlsx(table, e.title), xlsx_type, name + ".xlsx");
    if (format != "csv") return {text_response(http::status::not_found, "exports are .csv, .xlsx or .json"), "export"};
    const auto sep = separator_of(req);
    return sep ? download(web::to_csv(table, *sep), csv_type, name + ".csv") : bad_separator();
}

handled app::export_network(const request& req, const parsed& p, const std::string& slug, std::string_view format) {
    if (!store_.network_by_slug(slug) || format != "csv") return not_found(p);
    if (!calendar::may_manage(*p.who, slug)) return forbidden(p);
    const auto l = p.ctx.language;
    const auto events = store_.events({.network_slug = slug, .include_drafts = true});
    std::vector<std::vector<calendar::attendee>> lists;
    lists.reserve(events.size());
    std::vector<web::event_attendees> all;
    for (const auto& e : events) {
        lists.push_back(store_.attendees(e.slug).value_or(std::vector<calendar::attendee>{}));
        all.push_back({e, lists.back()});
    }
    const auto sep = separator_of(req);
    if (!sep) return bad_separator();
    return download(web::to_csv(web::attendee_table(all, l, true), *sep), csv_type, slug + "-attendees.csv");
}

handled app::export_sessions(const request& req, const calendar::event& e, std::string_view format, web::lang l) {
    if (e.kind != calendar::event_kind::barcamp)
        return {text_response(http::status::not_found, "not a barcamp"), "export"};
    const auto table = web::session_table(e, store_.programme(e.slug).value_or(calendar::programme{}), l);
    const auto name = e.slug + "-sessions";
    if (format == "xlsx") return download(to_xlsx(table, e.title), xlsx_type, name + ".xlsx");
    if (format != "csv") return {text_response(http::status::not_found, "session exports are .csv or .xlsx"), "export"};
    const auto sep = separator_of(req);
    return sep ? download(web::to_csv(table, *sep), csv_type, name + ".csv") : bad_separator();
}

}  // namespace tp::server
