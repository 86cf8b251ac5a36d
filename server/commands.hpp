#pragma once
// The treffpunkt sub-commands; each returns the process exit code.
#include <iosfwd>

#include "server/config.hpp"

namespace tp::server {

int run_serve(const options& o);
int run_import(const options& o, std::ostream& out, std::ostream& err);
int run_migrate(const options& o, std::ostream& out);
int run_lint(const options& o, std::ostream& out);
int run_message(const options& o, std::ostream& out, std::ostream& err);

}  // namespace tp::server
