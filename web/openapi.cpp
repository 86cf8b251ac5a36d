#include "web/openapi.hpp"

namespace tp::web {

std::string_view openapi_document() {
    return R"json({
  "openapi": "3.0.3",
  "info": {"title": "Treffpunkt API", "version": "1",
           "description": "Registrations (public) and, with an organiser's API token, events, attendees and exports."},
  "servers": [{"url": "/"}],
  "components": {
    "securitySchemes": {"token": {"type": "http", "scheme": "bearer",
                                  "description": "treffpunkt create-api-token --email E prints one"}},
    "parameters": {
      "slug": {"name": "slug", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[a-z0-9-]+$"}},
      "token": {"name": "token", "in": "path", "required": true, "schema": {"type": "string"}},
      "id": {"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}
    },
    "schemas": {
      "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
      "PublicEvent": {"type": "object",
                      "required": ["slug", "url", "ics", "title", "description", "kind", "status", "start", "end",
                                   "time_zone", "all_day", "attendance", "venue", "address", "info_url", "network",
                                   "series", "registration", "updated"],
                      "properties": {
                        "slug": {"type": "string"}, "url": {"type": "string", "format": "uri"},
                        "ics": {"type": "string", "format": "uri"}, "title": {"type": "string"},
                        "description": {"type": "string"},
                        "kind": {"type": "string", "enum": ["barcamp", "exchange_round", "webinar", "meeting"]},
                        "status": {"type": "string", "enum": ["published", "cancelled"]},
                        "start": {"type": "string", "format": "date-time", "description": "with the event zone's offset"},
                        "end": {"type": "string", "format": "date-time"},
                        "time_zone": {"type": "string", "example": "Europe/Berlin"}, "all_day": {"type": "boolean"},
                        "attendance": {"type": "string", "enum": ["in_person", "online", "hybrid"]},
                        "venue": {"type": "string", "nullable": true}, "address": {"type": "string", "nullable": true},
                        "info_url": {"type": "string", "nullable": true, "format": "uri"},
                        "network": {"type": "object", "required": ["slug", "name", "url"],
                                    "properties": {"slug": {"type": "string"}, "name": {"type": "string"},
                                                   "url": {"type": "string", "format": "uri"}}},
                        "series": {"type": "object", "nullable": true,
                                   "properties": {"slug": {"type": "string"}, "title": {"type": "string"},
                                                  "url": {"type": "string", "format": "uri"}}},
                        "registration": {"type": "object", "required": ["opens", "closes", "capacity", "seats_left", "waitlist"],
                                         "properties": {"opens": {"type": "string", "nullable": true, "format": "date-time"},
                                                        "closes": {"type": "string", "nullable": true, "format": "date-time"},
                                                        "capacity": {"type": "integer", "nullable": true, "description": "null: no limit"},
                                                        "seats_left": {"type": "integer", "nullable": true},
                                                        "waitlist": {"type": "boolean", "description": "new registrations wait"}}},
                        "updated": {"type": "string", "format": "date-time"}}},
      "PublicEventsPage": {"type": "object", "required": ["events", "page", "pages", "per_page", "total", "next"],
                           "properties": {"events": {"type": "array", "items": {"$ref": "#/components/schemas/PublicEvent"}},
                                          "page": {"type": "integer", "minimum": 1}, "pages": {"type": "integer", "minimum": 1},
                                          "per_page": {"type": "integer"}, "total": {"type": "integer", "description": "matching, on every page"},
                                          "next": {"type": "string", "nullable": true, "format": "uri"}}},
      "FieldErrors": {"type": "object", "required": ["error", "fields"],
                      "properties": {"error": {"type": "string"},
                                     "fields": {"type": "object", "additionalProperties": {"type": "string"}}}},
      "RegistrationRequest": {"type": "object", "required": ["name", "email", "consent"],
        "properties": {"name": {"type": "string", "maxLength": 200}, "email": {"type": "string", "format": "email"},
                       "organisation": {"type": "string"}, "consent": {"type": "boolean", "enum": [true]},
                       "answers": {"type": "object", "description": "question key -> text, list of texts or true"}}},
      "Registration": {"type": "object", "required": ["status", "position"],
        "properties": {"status": {"type": "string",
                                  "enum": ["pending", "confirmed", "waitlisted", "cancelled", "expired", "rejected",
                                           "already_registered"]},
                       "position": {"type": "integer", "nullable": true},
                       "manage_url": {"type": "string", "description": "the registration's link: only to whoever holds it already, or to the organiser who registered the person (bearer token); never to an anonymous registration"},
                       "event": {"type": "string"}}},
      "Event": {"type": "object", "description": "One event in the import format (see README, Import format).",
        "required": ["slug", "network", "kind", "title", "start", "end", "time_zone"],
        "properties": {"slug": {"type": "string"}, "network": {"type": "string"},
                       "kind": {"type": "string", "enum": ["barcamp", "exchange_round", "webinar", "meeting"]},
                       "title": {"type": "string"}, "description": {"type": "string"},
                       "start": {"type": "string", "example": "2027-09-20T10:00"},
                       "end": {"type": "string", "example": "2027-09-20T17:00"},
                       "time_zone": {"type": "string", "example": "Europe/Berlin"}, "all_day": {"type": "boolean"},
                       "format": {"type": "string", "enum": ["in_person", "online", "hybrid"]},
                       "venue": {"type": "string"}, "address": {"type": "string"},
                       "join_url": {"type": "string", "nullable": true}, "info_url": {"type": "string", "nullable": true},
                       "capacity": {"type": "integer", "nullable": true},
                       "registration_opens": {"type": "string"}, "registration_closes": {"type": "string"},
                       "status": {"type": "string", "enum": ["draft", "published", "cancelled"]},
                       "reminders": {"type": "array", "items": {"type": "string", "example": "7d"}},
                       "questions": {"type": "array", "items": {"type": "object"}}}},
      "Series": {"type": "object", "description": "One series in the import format (see README, Series): the event fields plus rrule, exdates and overrides.",
        "required": ["slug", "network", "kind", "title", "rrule", "start", "end", "time_zone"],
        "properties": {"slug": {"type": "string"}, "network": {"type": "string"}, "title": {"type": "string"},
                       "rrule": {"type": "string", "example": "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TU"},
                       "exdates": {"type": "array", "items": {"type": "string"}},
                       "overrides": {"type": "array", "items": {"type": "object"}}}},
      "SeriesSummary": {"type": "object",
        "properties": {"slug": {"type": "string"}, "rrule": {"type": "string"}, "sequence": {"type": "integer"},
                       "occurrences": {"type": "integer"}, "network": {"type": "string"}, "title": {"type": "string"},
                       "status": {"type": "string"}}},
      "EventSummary": {"type": "object",
        "properties": {"slug": {"type": "string"}, "network": {"type": "string"}, "title": {"type": "string"},
                       "kind": {"type": "string"}, "start": {"type": "string", "format": "date-time"},
                       "end": {"type": "string", "format": "date-time"}, "time_zone": {"type": "string"},
                       "status": {"type": "string"}, "sequence": {"type": "integer"},
                       "capacity": {"type": "integer", "nullable": true}, "confirmed": {"type": "integer"},
                       "pending": {"type": "integer"}, "anyone_waiting": {"type": "boolean"}}}
    },
    "responses": {
      "Unauthorized": {"description": "no valid API token",
                       "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Forbidden": {"description": "the token's organiser does not manage this network",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "NotFound": {"description": "no such event or registration",
                   "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Invalid": {"description": "problems by field",
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/FieldErrors"}}}}
    }
  },
  "paths": {
    "/api/v1/openapi.json": {"get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3"}}}},
    "/api/v1/events": {
      "get": {"summary": "The events the token's organiser manages", "security": [{"token": []}],
              "responses": {"200": {"description": "events",
                                    "content": {"application/json": {"schema": {"type": "object", "properties": {
                                      "events": {"type": "array", "items": {"$ref": "#/components/schemas/EventSummary"}}}}}}},
                            "401": {"$ref": "#/components/responses/Unauthorized"}}},
      "post": {"summary": "Create an event", "security": [{"token": []}],
               "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Event"}}}},
               "responses": {"201": {"description": "created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EventSummary"}}}},
                             "401": {"$ref": "#/components/responses/Unauthorized"},
                             "403": {"$ref": "#/components/responses/Forbidden"},
                             "422": {"$ref": "#/components/responses/Invalid"}}}
    },
    "/api/v1/series": {
      "get": {"summary": "The series the token's organiser manages", "security": [{"token": []}],
              "responses": {"200": {"description": "series"}, "401": {"$ref": "#/components/responses/Unauthorized"}}},
      "post": {"summary": "Create a series with skipped and moved dates", "security": [{"token": []}],
               "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Series"}}}},
               "responses": {"201": {"description": "created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SeriesSummary"}}}},
                             "401": {"$ref": "#/components/responses/Unauthorized"},
                             "403": {"$ref": "#/components/responses/Forbidden"},
                             "422": {"$ref": "#/components/responses/Invalid"}}}
    },
    "/api/v1/series/{slug}": {
      "parameters": [{"$ref": "#/components/parameters/slug"}],
      "put": {"summary": "Change a series (occurrences follow; registrants hear of changes)", "security": [{"token": []}],
              "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Series"}}}},
              "responses": {"200": {"description": "changed", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SeriesSummary"}}}},
                            "401": {"$ref": "#/components/responses/Unauthorized"},
                            "403": {"$ref": "#/components/responses/Forbidden"},
                            "404": {"$ref": "#/components/responses/NotFound"},
                            "422": {"$ref": "#/components/responses/Invalid"}}}
    },
    "/api/v1/events/{slug}": {
      "parameters": [{"$ref": "#/components/parameters/slug"}],
      "put": {"summary": "Change an event (time, place or status changes notify registrants)", "security": [{"token": []}],
              "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Event"}}}},
              "responses": {"200": {"description": "changed", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EventSummary"}}}},
                            "401": {"$ref": "#/components/responses/Unauthorized"},
                            "403": {"$ref": "#/components/responses/Forbidden"},
                            "404": {"$ref": "#/components/responses/NotFound"},
                            "422": {"$ref": "#/components/responses/Invalid"}}}
    },
    "/api/v1/events/{slug}/registrations": {
      "parameters": [{"$ref": "#/components/parameters/slug"}],
      "post": {"summary": "Register (public; double opt-in by email)",
               "description": "Anonymous requests learn the status and waiting-list position only: the link that confirms the address goes to that address by email. An organiser registering someone on their behalf (phone, door) sends an API token for the event's network; the answer then carries manage_url, and the audit log records the organiser. An Idempotency-Key is bound to its request for 24 hours: the same key with the same request returns the first answer, with another request it is a 422.",
               "security": [{}, {"token": []}],
               "parameters": [{"name": "Idempotency-Key", "in": "header", "schema": {"type": "string", "maxLength": 200}}],
               "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RegistrationRequest"}}}},
               "responses": {"201": {"description": "pending or waitlisted", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Registration"}}}},
                             "200": {"description": "this email is registered already", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Registration"}}}},
                             "401": {"$ref": "#/components/responses/Unauthorized"},
                             "403": {"$ref": "#/components/responses/Forbidden"},
                             "404": {"$ref": "#/components/responses/NotFound"},
                             "409": {"description": "registration is not open", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                             "415": {"description": "not application/json"},
                             "422": {"$ref": "#/components/responses/Invalid"},
                             "429": {"description": "too many requests from this address (Retry-After)"}}}
    },
    "/api/v1/events/{slug}/registrations/{id}/{action}": {
      "parameters": [{"$ref": "#/components/parameters/slug"}, {"$ref": "#/components/parameters/id"},
                     {"name": "action", "in": "path", "required": true,
                      "schema": {"type": "string", "enum": ["confirm", "reject", "promote", "check-in", "undo-check-in"]}}],
      "post": {"summary": "Act on a registration as an organiser", "security": [{"token": []}],
               "responses": {"200": {"description": "done"}, "401": {"$ref": "#/components/responses/Unauthorized"},
                             "403": {"$ref": "#/components/responses/Forbidden"},
                             "404": {"$ref": "#/components/responses/NotFound"},
                             "409": {"description": "the registration's state does not allow it"}}}
    },
    "/api/v1/events/{slug}/attendees.csv": {
      "parameters": [{"$ref": "#/components/parameters/slug"},
                     {"name": "sep", "in": "query", "schema": {"type": "string", "enum": [";", ","]}}],
      "get": {"summary": "Attendees as CSV (UTF-8 with BOM, ';' for German Excel)", "security": [{"token": []}],
              "responses": {"200": {"description": "text/csv"}, "400": {"description": "bad separator"},
                            "401": {"$ref": "#/components/responses/Unauthorized"},
                            "403": {"$ref": "#/components/responses/Forbidden"},
                            "404": {"$ref": "#/components/responses/NotFound"}}}
    },
    "/api/v1/events/{slug}/attendees.xlsx": {
      "parameters": [{"$ref": "#/components/parameters/slug"}],
      "get": {"summary": "Attendees as an Excel workbook", "security": [{"token": []}],
              "responses": {"200": {"description": "XLSX"}, "401": {"$ref": "#/components/responses/Unauthorized"},
                            "403": {"$ref": "#/components/responses/Forbidden"},
                            "404": {"$ref": "#/components/responses/NotFound"}}}
    },
    "/api/v1/events/{slug}/attendees.json": {
      "parameters": [{"$ref": "#/components/parameters/slug"}],
      "get": {"summary": "Attendees as JSON", "security": [{"token": []}],
              "responses": {"200": {"description": "event and attendees"}, "401": {"$ref": "#/components/responses/Unauthorized"},
                            "403": {"$ref": "#/components/responses/Forbidden"},
                            "404": {"$ref": "#/components/responses/NotFound"}}}
    },
    "/api/v1/public/events": {
      "get": {"summary": "Published events for other websites: no token, any origin (CORS), cached, 100 a page",
              "parameters": [
                {"name": "network", "in": "query", "schema": {"type": "string", "pattern": "^[a-z0-9-]+$"}},
                {"name": "kind", "in": "query", "explode": true,
                 "schema": {"type": "array", "items": {"type": "string", "enum": ["barcamp", "exchange_round", "webinar", "meeting"]}}},
                {"name": "from", "in": "query", "description": "a day (YYYY-MM-DD, Berlin time) or an RFC 3339 instant; events ending after it; default now",
                 "schema": {"type": "string"}},
                {"name": "to", "in": "query", "description": "a day (the whole day is in) or an RFC 3339 instant; events starting before it",
                 "schema": {"type": "string"}},
                {"name": "q", "in": "query", "description": "every word in title, network, venue or address", "schema": {"type": "string", "maxLength": 100}},
                {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "default": 1}}],
              "responses": {"200": {"description": "a page of events in start order",
                                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PublicEventsPage"}}}},
                            "304": {"description": "the copy is current (ETag)"},
                            "400": {"description": "a bad parameter", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}
    },
    "/api/v1/registrations/{token}": {
      "parameters": [{"$ref": "#/components/parameters/token"}],
      "get": {"summary": "A registration's state (the token is the manage link's)",
              "responses": {"200": {"description": "state", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Registration"}}}},
                            "404": {"$ref": "#/components/responses/NotFound"}}}
    },
    "/api/v1/registrations/{token}/confirm": {
      "parameters": [{"$ref": "#/components/parameters/token"}],
      "post": {"summary": "Confirm (double opt-in)",
               "responses": {"200": {"description": "confirmed", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Registration"}}}},
                             "404": {"$ref": "#/components/responses/NotFound"}, "409": {"description": "not pending"}}}
    },
    "/api/v1/registrations/{token}/cancel": {
      "parameters": [{"$ref": "#/components/parameters/token"}],
      "post": {"summary": "Cancel; the seat goes to the waiting list",
               "responses": {"200": {"description": "cancelled", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Registration"}}}},
                             "404": {"$ref": "#/components/responses/NotFound"}, "409": {"description": "cannot be cancelled"}}}
    }
  }
}
)json";
}

}  // namespace tp::web
