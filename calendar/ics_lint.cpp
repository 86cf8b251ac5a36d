#include "calendar/ics_lint.hpp"

#include <map>
#include <optional>
#include <regex>
#include <set>

#include "calendar/ics_text.hpp"
#include "calendar/rule_subset.hpp"

namespace tp::calendar {
namespace {

struct content_line {
    std::size_t number;  // physical line where it starts, from 1
    std::string name;
    std::map<std::string, std::string> params;
    std::string value;
};

std::string upper(std::string s) {
    for (auto& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

bool valid_utf8_line(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto n = utf8_sequence_length(s, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

// Name, parameters and value of an unfolded line; quoted parameter values may hold : ; ,
content_line parse_line(std::size_t number, const std::string& text) {
    content_line line{number, {}, {}, {}};
    std::size_t i = 0;
    while (i < text.size() && text[i] != ';' && text[i] != ':') ++i;
    line.name = upper(text.substr(0, i));
    while (i < text.size() && text[i] == ';') {
        const auto eq = text.find('=', i);
        if (eq == std::string::npos) break;
        std::string key = upper(text.substr(i + 1, eq - i - 1)), value;
        i = eq + 1;
        bool quoted = false;
        for (; i < text.size() && (quoted || (text[i] != ';' && text[i] != ':')); ++i) {
            if (text[i] == '"')
                quoted = !quoted;
            else
                value += text[i];
        }
        line.params[key] = value;
    }
    if (i < text.size() && text[i] == ':')
        line.value = text.substr(i + 1);
    else
        line.name.clear();  // no colon: not a content line
    return line;
}

class linter {
public:
    std::vector<std::string> run(std::string_view text);

private:
    void physical_lines(std::string_view text);
    void check_line(const content_line& l);
    void check_time(const content_line& l);
    void begin(const content_line& l);
    void end(const content_line& l);
    void check_rule(const content_line& rule, const std::string& dtstart);
    void problem(std::size_t line, const std::string& what) {
        problems_.push_back("line " + std::to_string(line) + ": " + what);
    }

    std::vector<content_line> lines_;
    std::vector<std::string> problems_;
    std::vector<std::string> stack_;
    std::vector<std::multiset<std::string>> seen_;  // property names per open component
    std::set<std::string> tzids_defined_;
    std::map<std::string, std::size_t> tzids_used_;
    std::optional<content_line> rrule_;  // of the open VEVENT, checked at its end with its DTSTART
    std::string dtstart_;
};

// A series' RRULE must lie in the subset every client expands alike (calendar/rule_subset.hpp).
void linter::check_rule(const content_line& rule, const std::string& dtstart) {
    try {
        const auto r = parse_rrule(rule.value);
        if (dtstart.size() < 8) return;  // DTSTART's own problem is reported elsewhere
        const auto day = date::year_month_day{date::year{std::stoi(dtstart.substr(0, 4))},
                                              date::month{static_cast<unsigned>(std::stoi(dtstart.substr(4, 2)))},
                                              date::day{static_cast<unsigned>(std::stoi(dtstart.substr(6, 2)))}};
        if (const auto why = outside_rule_subset(r, date::local_days{day}))
            problem(rule.number, "RRULE outside what every client reads (Outlook refuses it): " + *why);
    } catch (const std::exception& e) {
        problem(rule.number, std::string("RRULE is not a rule we read: ") + e.what());
    }
}

void linter::physical_lines(std::string_view text) {
    std::size_t number = 0, pos = 0;
    std::string logical;
    std::size_t logical_start = 0;
    while (pos < text.size()) {
        ++number;
        auto eol = text.find('\n', pos);
        if (eol == std::string_view::npos) {
            problem(number, "the last line does not end in CRLF");
            eol = text.size();
        } else if (eol == pos || text[eol - 1] != '\r') {
            problem(number, "line ends in a bare LF instead of CRLF");
        }
        std::string_view line = text.substr(pos, eol - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.find('\r') != std::string_view::npos) problem(number, "bare CR inside the line");
        if (line.size() > 75) problem(number, "longer than 75 octets (" + std::to_string(line.size()) + ")");
        if (!valid_utf8_line(line)) problem(number, "not valid UTF-8 on its own (a fold split a character?)");
        if (line.empty())
            problem(number, "blank line");
        else if (line[0] == ' ' || line[0] == '\t') {
            if (number == 1) problem(number, "continuation line without a line before it");
            logical.append(line.substr(1));
        } else {
            if (!logical.empty()) lines_.push_back(parse_line(logical_start, logical));
            logical.assign(line);
            logical_start = number;
        }
        pos = eol + 1;
    }
    if (!logical.empty()) lines_.push_back(parse_line(logical_start, logical));
}

void linter::begin(const content_line& l) {
    if (stack_.empty() && l.value != "VCALENDAR") problem(l.number, "the object must start with BEGIN:VCALENDAR");
    if (!stack_.empty() && stack_.front() == "VCALENDAR" && stack_.size() == 1 && l.value == "VCALENDAR")
        problem(l.number, "nested VCALENDAR");
    stack_.push_back(l.value);
    seen_.emplace_back();
}

void linter::end(const content_line& l) {
    if (stack_.empty() || stack_.back() != l.value) {
        problem(l.number, "END:" + l.value + " does not close " + (stack_.empty() ? "anything" : stack_.back()));
        return;
    }
    const auto& props = seen_.back();
    const auto need_once = [&](const char* name) {
        if (props.count(name) != 1) problem(l.number, l.value + " needs exactly one " + name);
    };
    if (l.value == "VCALENDAR") {
        need_once("VERSION");
        need_once("PRODID");
    } else if (l.value == "VEVENT") {
        need_once("UID");
        need_once("DTSTAMP");
        need_once("DTSTART");
        if (rrule_) check_rule(*rrule_, dtstart_);
        rrule_.reset();
        dtstart_.clear();
    } else if (l.value == "VTIMEZONE") {
        need_once("TZID");
    } else if (l.value == "VALARM") {
        need_once("ACTION");
        need_once("TRIGGER");
    }
    stack_.pop_back();
    seen_.pop_back();
}

void linter::check_time(const content_line& l) {
    static const std::regex date_re{"[0-9]{8}"};
    static const std::regex utc_re{"[0-9]{8}T[0-9]{6}Z"};
    static const std::regex local_re{"[0-9]{8}T[0-9]{6}"};
    const auto value_type = l.params.count("VALUE") ? upper(l.params.at("VALUE")) : std::string{};
    const bool in_timezone = !stack_.empty() && (stack_.back() == "STANDARD" || stack_.back() == "DAYLIGHT");
    if (value_type == "DATE") {
        if (!std::regex_match(l.value, date_re)) problem(l.number, l.name + " is not a DATE (YYYYMMDD)");
        return;
    }
    const bool has_tzid = l.params.count("TZID") != 0;
    if (has_tzid) tzids_used_.emplace(l.params.at("TZID"), l.number);
    if (std::regex_match(l.value, utc_re)) {
        if (has_tzid) problem(l.number, l.name + " is UTC and has a TZID: never both");
    } else if (std::regex_match(l.value, local_re)) {
        if (!has_tzid && !in_timezone) problem(l.number, l.name + " is floating: give a TZID or use UTC");
    } else {
        problem(l.number, l.name + " is not a DATE-TIME: '" + l.value + "'");
    }
}

void linter::check_line(const content_line& l) {
    if (l.name.empty()) return problem(l.number, "not a content line (no name or no colon)");
    if (l.name == "BEGIN") return begin(l);
    if (l.name == "END") return end(l);
    if (stack_.empty()) return problem(l.number, l.name + " outside of any component");
    seen_.back().insert(l.name);
    if (l.name == "VERSION" && l.value != "2.0") problem(l.number, "VERSION must be 2.0");
    if (l.name == "DTSTAMP" || l.name == "CREATED" || l.name == "LAST-MODIFIED") {
        static const std::regex utc_re{"[0-9]{8}T[0-9]{6}Z"};
        if (!std::regex_match(l.value, utc_re)) problem(l.number, l.name + " must be UTC (YYYYMMDDTHHMMSSZ)");
    }
    if (l.name == "DTSTART" || l.name == "DTEND" || l.name == "RECURRENCE-ID" || l.name == "EXDATE") check_time(l);
    if (l.name == "TZID" && stack_.back() == "VTIMEZONE") tzids_defined_.insert(l.value);
    if (l.name == "REFRESH-INTERVAL" && (!l.params.count("VALUE") || upper(l.params.at("VALUE")) != "DURATION"))
        problem(l.number, "REFRESH-INTERVAL needs VALUE=DURATION");
    if (stack_.back() == "VEVENT" && l.name == "RRULE") rrule_ = l;
    if (stack_.back() == "VEVENT" && l.name == "DTSTART") dtstart_ = l.value;
    if (l.name == "RRULE" && l.value.find("UNTIL=") != std::string::npos) {
        static const std::regex until_re{".*UNTIL=[0-9]{8}(T[0-9]{6}Z)?(;.*)?"};
        if (!std::regex_match(l.value, until_re)) problem(l.number, "RRULE UNTIL must be a DATE or UTC");
    }
}

std::vector<std::string> linter::run(std::string_view text) {
    if (text.substr(0, 17) != "BEGIN:VCALENDAR\r\n") problem(1, "the text must start with BEGIN:VCALENDAR and CRLF");
    physical_lines(text);
    for (const auto& l : lines_) check_line(l);
    if (!stack_.empty()) problem(lines_.empty() ? 1 : lines_.back().number, "unclosed " + stack_.back());
    for (const auto& [tzid, line] : tzids_used_)
        if (!tzids_defined_.count(tzid)) problem(line, "TZID=" + tzid + " has no VTIMEZONE in this object");
    return problems_;
}

}  // namespace

std::vector<std::string> lint_ics(std::string_view text) { return linter{}.run(text); }

}  // namespace tp::calendar
