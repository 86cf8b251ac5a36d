#include <catch2/catch.hpp>

#include "server/log_redaction.hpp"

using tp::server::loggable_target;

TEST_CASE("secrets in request targets never reach the log") {
    const auto [target, logged] = GENERATE(table<std::string, std::string>({
        {"/r/AbC123xyz", "/r/[hidden]"},
        {"/r/AbC123xyz/confirm", "/r/[hidden]/confirm"},
        {"/r/AbC123xyz/sessions?lang=en", "/r/[hidden]/sessions?lang=en"},
        {"/feeds/AbC123xyz.ics", "/feeds/[hidden].ics"},
        {"/feeds/AbC123xyz.ics?kind=webinar", "/feeds/[hidden].ics?kind=webinar"},
        {"/admin/password?token=s3cret", "/admin/password?token=[hidden]"},
        {"/admin/password?lang=de&TOKEN=s3cret&x=1", "/admin/password?lang=de&TOKEN=[hidden]&x=1"},
        {"/x?api_token=a&password=b&key=c", "/x?api_token=[hidden]&password=[hidden]&key=[hidden]"},
        {"/r/", "/r/[hidden]"},
        {"/api/v1/registrations/AbC123xyz", "/api/v1/registrations/[hidden]"},
        {"/admin/events/fachtag/door/42/0123abcd", "/admin/events/fachtag/door/42/[hidden]"},
        {"/admin/events/fachtag/door/42/0123abcd?lang=en", "/admin/events/fachtag/door/42/[hidden]?lang=en"},
        {"/admin/events/fachtag/checkin?q=anna", "/admin/events/fachtag/checkin?q=anna"},
        {"/admin/events/fachtag/door", "/admin/events/fachtag/door"},
        {"/api/v1/registrations/AbC123xyz/confirm", "/api/v1/registrations/[hidden]/confirm"},
        {"/api/v1/registrations/AbC123xyz/cancel?lang=en", "/api/v1/registrations/[hidden]/cancel?lang=en"},
        {"/api/v1/events/mint-barcamp/registrations", "/api/v1/events/mint-barcamp/registrations"},
        {"/admin/password?token=s3cret&lang=en", "/admin/password?token=[hidden]&lang=en"},
        {"/events/mint-barcamp?lang=en", "/events/mint-barcamp?lang=en"},
        {"/calendar.ics?network=ist&kind=webinar", "/calendar.ics?network=ist&kind=webinar"},
        {"/relay/r/abc", "/relay/r/abc"},
        {"/a\"b\r\nforged", "/a?b??forged"},
        {"", ""},
    }));
    CAPTURE(target);
    CHECK(loggable_target(target) == logged);
}
