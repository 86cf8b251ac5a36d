#include "server/metrics.hpp"

#include <cstdio>

namespace tp::server {

namespace {

std::size_t route_index(std::string_view route) {
    for (std::size_t i = 0; i < metrics::routes.size(); ++i)
        if (metrics::routes[i] == route) return i;
    return metrics::routes.size() - 1;  // "other"
}

std::size_t status_index(unsigned status) {
    for (std::size_t i = 0; i < metrics::statuses.size(); ++i)
        if (metrics::statuses[i] == status) return i;
    return metrics::statuses.size();
}

}  // namespace

void metrics::record(std::string_view route, unsigned status, std::chrono::nanoseconds latency) {
    const double seconds = std::chrono::duration<double>(latency).count();
    std::size_t bucket = 0;
    while (bucket < buckets.size() && seconds > buckets[bucket]) ++bucket;
    latency_counts_[bucket].fetch_add(1, std::memory_order_relaxed);
    latency_sum_ns_.fetch_add(static_cast<std::uint64_t>(latency.count()), std::memory_order_relaxed);
    const auto r = route_index(route);
    const auto st = status_index(status);
    requests_[r][st].fetch_add(1, std::memory_order_relaxed);
}

std::string metrics::render(std::uint64_t feed_hits, std::uint64_t feed_misses) const {
    std::string out =
        "# HELP treffpunkt_http_requests_total HTTP requests by route and status.\n"
        "# TYPE treffpunkt_http_requests_total counter\n";
    for (std::size_t r = 0; r < routes.size(); ++r) {
        for (std::size_t st = 0; st <= statuses.size(); ++st) {
            const auto count = requests_[r][st].load(std::memory_order_relaxed);
            if (count == 0) continue;
            const auto code = st < statuses.size() ? std::to_string(statuses[st]) : std::string("other");
            out += "treffpunkt_http_requests_total{route=\"" + std::string(routes[r]) + "\",status=\"" + code + "\"} " +
                   std::to_string(count) + "\n";
        }
    }
    out +=
        "# HELP treffpunkt_http_request_duration_seconds Time from a parsed request to its response.\n"
        "# TYPE treffpunkt_http_request_duration_seconds histogram\n";
    std::uint64_t cumulative = 0;
    char le[32];
    for (std::size_t i = 0; i <= buckets.size(); ++i) {
        cumulative += latency_counts_[i].load(std::memory_order_relaxed);
        if (i < buckets.size()) std::snprintf(le, sizeof le, "%g", buckets[i]);
        out += "treffpunkt_http_request_duration_seconds_bucket{le=\"" + std::string(i < buckets.size() ? le : "+Inf") +
               "\"} " + std::to_string(cumulative) + "\n";
    }
    char sum[64];
    std::snprintf(sum, sizeof sum, "%.9f", static_cast<double>(latency_sum_ns_.load(std::memory_order_relaxed)) / 1e9);
    out += "treffpunkt_http_request_duration_seconds_sum " + std::string(sum) + "\n";
    out += "treffpunkt_http_request_duration_seconds_count " + std::to_string(cumulative) + "\n";
    out +=
        "# HELP treffpunkt_feed_cache_hits_total Feed requests answered from the cache.\n"
        "# TYPE treffpunkt_feed_cache_hits_total counter\n"
        "treffpunkt_feed_cache_hits_total " +
        std::to_string(feed_hits) + "\n" +
        "# HELP treffpunkt_feed_cache_misses_total Feed requests that built the feed.\n"
        "# TYPE treffpunkt_feed_cache_misses_total counter\n"
        "treffpunkt_feed_cache_misses_total " +
        std::to_string(feed_misses) + "\n" +
        "# HELP treffpunkt_open_connections Client connections open now.\n"
        "# TYPE treffpunkt_open_connections gauge\n"
        "treffpunkt_open_connections " +
        std::to_string(open_connections_.load(std::memory_order_relaxed)) + "\n";
    return out;
}

std::string render_page_cache_metrics(std::uint64_t hits, std::uint64_t misses) {
    return "# HELP treffpunkt_page_cache_hits_total Public pages answered from the cache.\n"
           "# TYPE treffpunkt_page_cache_hits_total counter\n"
           "treffpunkt_page_cache_hits_total " +
           std::to_string(hits) +
           "\n"
           "# HELP treffpunkt_page_cache_misses_total Public pages built.\n"
           "# TYPE treffpunkt_page_cache_misses_total counter\n"
           "treffpunkt_page_cache_misses_total " +
           std::to_string(misses) + "\n";
}

std::string render_outbox_metrics(const store::outbox_counts& n) {
    std::string out =
        "# HELP treffpunkt_outbox_messages Email messages in the outbox by delivery state.\n"
        "# TYPE treffpunkt_outbox_messages gauge\n";
    const std::pair<const char*, std::int64_t> states[] = {{"queued", n.queued},     {"sending", n.sending},
                                                           {"retrying", n.retrying}, {"sent", n.sent},
                                                           {"failed", n.failed},     {"skipped", n.skipped}};
    for (const auto& [state, count] : states)
        out += "treffpunkt_outbox_messages{state=\"" + std::string(state) + "\"} " + std::to_string(count) + "\n";
    return out;
}

}  // namespace tp::server
