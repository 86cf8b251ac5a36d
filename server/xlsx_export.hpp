#pragma once
// An export table as an Excel workbook through libxlsxwriter (Debian libxlsxwriter-dev): bold header row frozen
// with a filter, columns sized to their content, every cell text (no formulas, whatever it starts with).
#include <string>

#include "web/attendee_export.hpp"

namespace tp::server {

// The .xlsx bytes. libxlsxwriter writes files only, so this goes through a private temporary file.
// Throws std::runtime_error when the file cannot be written.
[[nodiscard]] std::string to_xlsx(const web::export_table& t, const std::string& sheet_name);

}  // namespace tp::server
