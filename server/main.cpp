#include <sodium.h>

#include <iostream>

#include "server/commands.hpp"
#include "store/refusal.hpp"

extern char** environ;

int main(int argc, char** argv) {
    using namespace tp::server;
    if (sodium_init() < 0) {
        std::cerr << "treffpunkt: libsodium could not start\n";
        return 1;
    }
    try {
        const options o = parse_options({argv + 1, argv + argc}, environ);
        if (o.command == "help") return std::cout << usage_text(), 0;
        if (o.command == "version") return std::cout << "treffpunkt 0.1.0\n", 0;
        if (o.command == "import") return run_import(o, std::cout, std::cerr);
        if (o.command == "migrate") return run_migrate(o, std::cout);
        if (o.command == "lint") return run_lint(o, std::cout);
        if (o.command == "message") return run_message(o, std::cout, std::cerr);
        if (o.command == "create-organiser") return run_create_organiser(o, std::cin, std::cout, std::cerr);
        if (o.command == "create-api-token") return run_create_api_token(o, std::cout, std::cerr);
        if (o.command == "revoke-api-tokens") return run_revoke_api_tokens(o, std::cout);
        if (o.command == "forget") return run_forget(o, std::cout);
        if (o.command == "routes") return run_routes(std::cout);
        return run_serve(o);
    } catch (const usage_error& ex) {
        std::cerr << "treffpunkt: " << ex.what() << "\n(see treffpunkt --help)\n";
        return 2;
    } catch (const tp::store::storage_unavailable& ex) {
        std::cerr << "treffpunkt: " << ex.what() << " (" << ex.hint() << ")\n";
        std::cerr << "treffpunkt: the database cannot be written: its file, its folder (SQLite keeps -wal and "
                     "-shm files beside it) and the file system must be writable and have free space\n";
        return 1;
    } catch (const std::exception& ex) {
        std::cerr << "treffpunkt: " << ex.what() << "\n";
        return 1;
    }
}
