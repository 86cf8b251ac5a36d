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
int run_create_organiser(const options& o, std::istream& in, std::ostream& out, std::ostream& err);
int run_create_api_token(const options& o, std::ostream& out, std::ostream& err);
int run_revoke_api_tokens(const options& o, std::ostream& out);
int run_forget(const options& o, std::ostream& out);
// The route table, one route a line: methods, pattern, metrics label, what it needs.
int run_routes(std::ostream& out);

}  // namespace tp::server
