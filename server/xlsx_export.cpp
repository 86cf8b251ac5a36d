#include "server/xlsx_export.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tp::server {
namespace {

// A file only this process can open; removed when this goes.
class temp_file {
public:
    temp_file() {
        auto pattern = (std::filesystem::temp_directory_path() / "treffpunkt-export-XXXXXX").string();
        const int fd = mkstemp(pattern.data());
        if (fd < 0) throw std::runtime_error("cannot create a temporary file for the export");
        ::close(fd);
        path_ = pattern;
    }
    temp_file(const temp_file&) = delete;
    temp_file& operator=(const temp_file&) = delete;
    ~temp_file() { std::filesystem::remove(path_); }
    [[nodiscard]] const std::string& path() const { return path_; }

private:
    std::string path_;
};

// Characters by which Excel counts width: UTF-8 continuation bytes do not count.
double width_of(const std::string& s) {
    return static_cast<double>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// Excel sheet names: at most 31 characters, none of []:*?/\ .
std::string sheet_name_of(std::string name) {
    for (auto& c : name)
        if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = ' ';
    std::size_t cut = 0, chars = 0;
    while (cut < name.size() && chars < 31) {
        ++cut;
        while (cut < name.size() && (name[cut] & 0xC0) == 0x80) ++cut;
        ++chars;
    }
    name.resize(cut);
    return name.empty() ? "Export" : name;
}

// "2027-09-20 10:00", "2027-09-20" or "10:00" as Excel's date-time; nullopt for anything else.
std::optional<lxw_datetime> datetime_of(const std::string& s, web::cell_kind kind) {
    lxw_datetime out{};
    int fields = 0;
    if (kind == web::cell_kind::date_time)
        fields = std::sscanf(s.c_str(), "%4d-%2d-%2d %2d:%2d", &out.year, &out.month, &out.day, &out.hour, &out.min);
    else if (kind == web::cell_kind::date)
        fields = std::sscanf(s.c_str(), "%4d-%2d-%2d", &out.year, &out.month, &out.day) + 2;
    else if (kind == web::cell_kind::time)
        fields = std::sscanf(s.c_str(), "%2d:%2d", &out.hour, &out.min) + 3;
    if (fields != 5) return std::nullopt;
    return out;
}

// The formats a sheet's typed cells use: German-style dates in either language (the exports go to German
// networks), whole numbers without decimals.
struct cell_formats {
    lxw_format* date_time;
    lxw_format* date;
    lxw_format* time;
    lxw_format* number;
};

cell_formats formats_of(lxw_workbook* book) {
    const auto with = [book](const char* pattern) {
        lxw_format* f = workbook_add_format(book);
        format_set_num_format(f, pattern);
        return f;
    };
    return {with("dd.mm.yyyy hh:mm"), with("dd.mm.yyyy"), with("hh:mm"), with("0")};
}

// One cell as its column's kind says; text when it does not read as one (or is empty: nothing is written).
void write_cell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const std::string& value, web::cell_kind kind,
                const cell_formats& f) {
    if (value.empty()) return;
    using k = web::cell_kind;
    if (kind == k::number && value.find_first_not_of("0123456789") == std::string::npos && value.size() < 10) {
        worksheet_write_number(sheet, row, col, std::stod(value), f.number);
        return;
    }
    if (auto when = datetime_of(value, kind)) {
        auto* format = kind == k::date_time ? f.date_time : kind == k::date ? f.date : f.time;
        worksheet_write_datetime(sheet, row, col, &*when, format);
        return;
    }
    worksheet_write_string(sheet, row, col, value.c_str(), nullptr);
}

void write_sheet(lxw_workbook* book, const web::export_table& t, const std::string& name) {
    lxw_worksheet* sheet = workbook_add_worksheet(book, sheet_name_of(name).c_str());
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    std::vector<double> widths(t.header.size(), 8.0);
    for (std::size_t c = 0; c < t.header.size(); ++c) {
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), t.header[c].c_str(), bold);
        widths[c] = std::max(widths[c], width_of(t.header[c]));
    }
    const auto formats = formats_of(book);
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        for (std::size_t c = 0; c < t.rows[r].size() && c < widths.size(); ++c) {
            const auto kind = c < t.kinds.size() ? t.kinds[c] : web::cell_kind::text;
            write_cell(sheet, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), t.rows[r][c], kind, formats);
            widths[c] = std::max(widths[c], std::min(60.0, width_of(t.rows[r][c])));
        }
    for (std::size_t c = 0; c < widths.size(); ++c)
        worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c] + 2, nullptr);
    worksheet_freeze_panes(sheet, 1, 0);
    if (!t.header.empty())
        worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(t.rows.size()),
                             static_cast<lxw_col_t>(t.header.size() - 1));
}

}  // namespace

std::string to_xlsx(const web::export_table& t, const std::string& sheet_name) {
    const temp_file file;
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    lxw_workbook* book = workbook_new_opt(file.path().c_str(), &options);
    if (book == nullptr) throw std::runtime_error("libxlsxwriter cannot start a workbook");
    write_sheet(book, t, sheet_name);
    if (const auto error = workbook_close(book); error != LXW_NO_ERROR)
        throw std::runtime_error(std::string("the XLSX export failed: ") + lxw_strerror(error));
    std::ifstream in(file.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace tp::server
