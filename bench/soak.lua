-- wrk script for bench/soak.sh: a mixed load. Of every 100 requests, 90 fetch calendar feeds (the whole
-- calendar, a network's, an event's, a series', the barcamp's sessions), 8 fetch pages (the start page, an
-- event, the barcamp plan, the schedule JSON) and 2 register a new person for a webinar through the API.
local feeds = {"/calendar.ics", "/networks/mint-regionen/calendar.ics", "/networks/ist-bochum/calendar.ics",
               "/events/mint-barcamp.ics", "/series/alumni-austauschrunde.ics", "/events/mint-barcamp/sessions.ics",
               "/calendar.ics?kind=webinar", "/calendar.ics?network=mint-thueringen&kind=meeting"}
local pages = {"/", "/events/mint-barcamp", "/events/mint-barcamp/sessions", "/events/mint-barcamp/schedule.json",
               "/networks", "/events/webinar-mint-und-maedchen?lang=en"}
local counter = 0
function setup(thread)  -- new people each round: soak.sh runs wrk again and again
  thread:set("tid", tostring(os.time()) .. "-" .. tostring(math.random(1, 1000000000)))
end
function request()
  counter = counter + 1
  local slot = counter % 100
  if slot < 90 then
    return wrk.format("GET", feeds[counter % #feeds + 1])
  elseif slot < 98 then
    return wrk.format("GET", pages[counter % #pages + 1])
  end
  local body = string.format('{"name": "Person %s-%d", "email": "p%s-%d@example.org", "consent": true}',
                             tid, counter, tid, counter)
  return wrk.format("POST", "/api/v1/events/webinar-mint-und-maedchen/registrations",
                    {["Content-Type"] = "application/json"}, body)
end
