// Benchmark program for bench/export.sh: an attendee export of N people (each with answers to two questions)
// as CSV and as XLSX, from the store as the server does it. Prints seconds and peak memory (ru_maxrss) per step.
#include <sys/resource.h>

#include <chrono>
#include <iostream>

#include "server/xlsx_export.hpp"
#include "store/store.hpp"
#include "web/attendee_export.hpp"

namespace {

using namespace tp;
using clock_type = std::chrono::steady_clock;

long peak_kib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

calendar::event big_event() {
    calendar::event e;
    e.slug = "grosse-tagung";
    e.network_slug = "n";
    e.title = "Große MINT-Tagung";
    e.start =
        std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()) + std::chrono::days{60};
    e.end = e.start + std::chrono::hours{8};
    e.registration_opens = e.start - std::chrono::days{90};
    calendar::question food{
        "essen", "Essen", calendar::question_type::single_choice, {"vegetarisch", "vegan", "egal"}, false};
    calendar::question topics{
        "themen", "Themen", calendar::question_type::multiple_choice, {"Informatik", "Physik", "Chemie"}, false};
    e.questions = {food, topics};
    return e;
}

// Registers n people through the store's own path (the write queue), one after the other.
void fill(store::store& s, const calendar::event& e, int n) {
    for (int i = 0; i < n; ++i) {
        store::registration_request who;
        who.name = "Teilnehmerin Nummer " + std::to_string(i);
        who.email = "person" + std::to_string(i) + "@schule.example";
        who.organisation = "Gesamtschule Bochum-Mitte";
        who.answers = {{"essen", {"vegetarisch"}}, {"themen", {"Informatik", "Physik"}}};
        (void)s.register_person(e.slug, who);
    }
}

template <class F>
double seconds(F&& f) {
    const auto start = clock_type::now();
    f();
    return std::chrono::duration<double>(clock_type::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: export_bench DB N\n";
        return 2;
    }
    store::store s(argv[1]);
    calendar::network net;
    net.slug = "n";
    net.name = "Netzwerk";
    const auto e = big_event();
    s.upsert({&net, 1}, {&e, 1});
    fill(s, e, std::stoi(argv[2]));
    const auto before = peak_kib();
    std::size_t csv_bytes = 0, xlsx_bytes = 0;
    const auto csv_seconds = seconds([&] {
        const auto list = s.attendees(e.slug).value();
        csv_bytes = web::to_csv(web::attendee_table({{e, list}}, web::lang::de, false), ';').size();
    });
    const auto after_csv = peak_kib();
    const auto xlsx_seconds = seconds([&] {
        const auto list = s.attendees(e.slug).value();
        xlsx_bytes = server::to_xlsx(web::attendee_table({{e, list}}, web::lang::de, false), e.title).size();
    });
    std::cout << "rows " << s.attendees(e.slug)->size() << "\n"
              << "csv_seconds " << csv_seconds << "\ncsv_bytes " << csv_bytes << "\n"
              << "xlsx_seconds " << xlsx_seconds << "\nxlsx_bytes " << xlsx_bytes << "\n"
              << "peak_kib_before " << before << "\npeak_kib_after_csv " << after_csv << "\npeak_kib_after_xlsx "
              << peak_kib() << "\n";
}
