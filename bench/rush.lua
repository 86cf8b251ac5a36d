-- wrk script for bench/rush.sh: every request registers a new person for the event "rush".
local counter = 0
function setup(thread)
  thread:set("tid", tostring(math.random(1, 1000000000)))
end
function request()
  counter = counter + 1
  local body = string.format('{"name": "Person %s-%d", "email": "p%s-%d@example.org", "consent": true}',
                             tid, counter, tid, counter)
  return wrk.format("POST", "/api/v1/events/rush/registrations", {["Content-Type"] = "application/json"}, body)
end
