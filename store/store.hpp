#pragma once
// The only place that knows SQL, by area; each area's header states its contract:
//   event_store.hpp         networks, events, series, imports and organisers' changes
//   registration_store.hpp  registrations, the waiting list, check-in, personal feeds
//   outbox_store.hpp        messages to send and what became of them
//   account_store.hpp       organisers, logins, sessions, API tokens, password links
//   programme_store.hpp     barcamp rooms, slots, sessions and votes
//   privacy_store.hpp       forgetting people, anonymising, the audit log
// Reads take a pooled connection each; every write is a job of the one writer's queue (database.hpp). What the
// store refuses is a refusal (refusal.hpp), SQLite's storage failures included; "not found" on reads is nullopt.
#include "store/account_store.hpp"
#include "store/database.hpp"
#include "store/event_store.hpp"
#include "store/outbox_store.hpp"
#include "store/privacy_store.hpp"
#include "store/programme_store.hpp"
#include "store/registration_store.hpp"

namespace tp::store {

class store : private database,
              public event_store,
              public registration_store,
              public outbox_store,
              public account_store,
              public programme_store,
              public privacy_store {
public:
    using clock_fn = database::clock_fn;
    // Opens (creating if needed) and migrates the database at `path`.
    explicit store(const std::string& path, clock_fn clock = {})
        : database(path, std::move(clock)),
          event_store(shared()),
          registration_store(shared()),
          outbox_store(shared()),
          account_store(shared()),
          programme_store(shared()),
          privacy_store(shared()) {}

    using database::data_version;
    using database::seats_version;
    using database::refresh_data_version;

private:
    database& shared() { return *this; }  // the part every area works on
};

}  // namespace tp::store
