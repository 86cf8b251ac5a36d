#include "server/xlsx_export.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
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

void write_sheet(lxw_workbook* book, const web::export_table& t, const std::string& name) {
    lxw_worksheet* sheet = workbook_add_worksheet(book, sheet_name_of(name).c_str());
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    std::vector<double> widths(t.header.size(), 8.0);
    for (std::size_t c = 0; c < t.header.size(); ++c) {
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), t.header[c].c_str(), bold);
        widths[c] = std::max(widths[c], width_of(t.header[c]));
    }
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        for (std::size_t c = 0; c < t.rows[r].size() && c < widths.size(); ++c) {
            worksheet_write_string(sheet, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c),
                                   t.rows[r][c].c_str(), nullptr);
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
