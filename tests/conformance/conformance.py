#!/usr/bin/python3
"""Our feeds and downloads, read by independent parsers, must show exactly the imported events.

For every feed URL and every single-date download (also of each date of a series): python3-icalendar (Debian)
and ical.js (Thunderbird's parser, via node) must find each event's summary, start and end instant as computed
here from the fixture with Python's zoneinfo. Instants are checked twice: through the TZID name (pytz) and
through the VTIMEZONE we generated (icalendar's to_tz(), and ical.js, which uses only our VTIMEZONE). UIDs must
be stable across feeds; text must round-trip; our lint must pass; drafts and private join links must not appear.

Every file is also read by python3-vobject, ruby-icalendar, sabre/vobject, node-ical and ts-ics (readers.py) and
stored in Radicale (radicale_store.py); every series' rule is expanded by dateutil and npm rrule
(recurrence.py). A date of a series is known by one identity everywhere: the series' UID with RECURRENCE-ID when
the series is written as its rule, its own UID when the series lies outside the rule subset
(calendar/rule_subset.hpp) and is written as its dates.
"""
import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events

import readers
import recurrence
from radicale_store import Radicale

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
from treffpunkt_process import TreffpunktServer  # noqa: E402

UTC = timezone.utc
# The fixture's series whose rules Outlook cannot hold (conformance_rules.json): written as their dates.
OUTSIDE_SUBSET = {"mint-stammtisch", "monatsabschluss", "letzter-werktag"}
FEEDS = [
    ("/calendar.ics", None, None),
    ("/calendar.ics?kind=webinar&kind=barcamp", None, {"webinar", "barcamp"}),
    ("/networks/ist-bochum/calendar.ics", "ist-bochum", None),
    ("/networks/mint-thueringen/calendar.ics?kind=meeting", "mint-thueringen", {"meeting"}),
]


def expected_events(fixture):
    out = {}
    for e in fixture["events"]:
        if e.get("status", "published") == "draft":
            continue
        if e.get("all_day"):
            start = date.fromisoformat(e["start"])
            end = date.fromisoformat(e["end"]) + timedelta(days=1)
        else:
            zone = ZoneInfo(e["time_zone"])
            start = datetime.fromisoformat(e["start"]).replace(tzinfo=zone).astimezone(UTC)
            end = datetime.fromisoformat(e["end"]).replace(tzinfo=zone).astimezone(UTC)
        cancelled = e.get("status") == "cancelled"  # Outlook has no cancelled state: the title says it
        out[e["slug"]] = {"summary": ("Abgesagt: " if cancelled else "") + e["title"], "description": e.get("description", ""), "start": start,
                          "end": end, "all_day": bool(e.get("all_day")), "network": e["network"],
                          "kind": e["kind"], "cancelled": cancelled,
                          "zone": e["time_zone"]}
    return out


def selected(expected, network, kinds):
    return {slug: e for slug, e in expected.items()
            if (network is None or e["network"] == network) and (kinds is None or e["kind"] in kinds)}


class Checker:
    def __init__(self, series_date_uids):
        self.failures, self.uids = [], {}
        self.series_date_uids = series_date_uids  # the own UIDs of dates of series outside the subset

    def fail(self, where, what):
        self.failures.append(f"{where}: {what}")

    def instant(self, value):
        return value if isinstance(value, date) and not isinstance(value, datetime) else value.astimezone(UTC)

    def check_python(self, where, text, expected):
        cal = icalendar.Calendar.from_ical(text)
        for component in cal.walk():
            for error in getattr(component, "errors", []):
                self.fail(where, f"python icalendar: {component.name}: {error}")
        zones = {str(tz["TZID"]): tz.to_tz() for tz in cal.walk("VTIMEZONE")}
        seen = set()
        for ev in cal.walk("VEVENT"):
            if "RRULE" in ev or "RECURRENCE-ID" in ev or str(ev["UID"]) in self.series_date_uids:
                continue  # series: check_series
            slug = str(ev["URL"]).rsplit("/", 1)[-1]
            seen.add(slug)
            exp = expected.get(slug)
            if exp is None:
                self.fail(where, f"unexpected event {slug}")
                continue
            self.check_event(f"{where} {slug}", ev, exp, zones)
        for slug in set(expected) - seen:
            self.fail(where, f"missing event {slug}")

    def check_event(self, where, ev, exp, zones):
        uid = str(ev["UID"])
        if self.uids.setdefault(exp["summary"], uid) != uid:
            self.fail(where, "UID differs between feeds")
        if str(ev["SUMMARY"]) != exp["summary"]:
            self.fail(where, f"summary {str(ev['SUMMARY'])!r} != {exp['summary']!r}")
        if not str(ev["DESCRIPTION"]).startswith(exp["description"]):
            self.fail(where, f"description does not round-trip: {str(ev['DESCRIPTION'])!r}")
        if (str(ev["STATUS"]) == "CANCELLED") != exp["cancelled"]:
            self.fail(where, f"status {ev['STATUS']}")
        for name, key in (("DTSTART", "start"), ("DTEND", "end")):
            prop = ev[name]
            got = self.instant(ev.decoded(name))
            if got != exp[key]:
                self.fail(where, f"{name} is {got}, expected {exp[key]}")
            tzid = prop.params.get("TZID")
            if tzid:
                local = prop.dt.replace(tzinfo=None)
                via_vtimezone = zones[tzid].localize(local).astimezone(UTC)
                if via_vtimezone != exp[key]:
                    self.fail(where, f"{name} through our VTIMEZONE is {via_vtimezone}, expected {exp[key]}")
            elif not exp["all_day"] and prop.dt.tzinfo is None:
                self.fail(where, f"{name} is floating")

    def check_series(self, where, text, db, slugs, node_script):
        """Both parsers expand the feed's series exactly into the occurrences the server materialised."""
        if not slugs:
            return
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
            rows = c.execute(
                "SELECT CASE WHEN s.slug IN (" + ",".join("?" * len(OUTSIDE_SUBSET)) + ") THEN e.uid ELSE s.uid END, "
                "e.start_utc, e.end_utc, e.title, e.status FROM events e JOIN series s "
                f"ON s.id = e.series_id WHERE s.slug IN ({','.join('?' * len(slugs))}) ORDER BY e.start_utc",
                sorted(OUTSIDE_SUBSET) + list(slugs)).fetchall()
        iso = lambda t: datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        shown = lambda title, status: ("Abgesagt: " if status == "cancelled" else "") + title
        expected = [{"uid": u, "start": iso(a), "end": iso(b), "summary": shown(t, st),
                     "status": "CANCELLED" if st == "cancelled" else "CONFIRMED"} for u, a, b, t, st in rows]
        expected.sort(key=lambda e: (e["start"], e["uid"]))
        start = datetime.fromtimestamp(rows[0][1], UTC)
        end = datetime.fromtimestamp(max(r[1] for r in rows) + 1, UTC)
        cal = icalendar.Calendar.from_ical(text)
        uids = {e["uid"] for e in expected}
        got = []
        for ev in recurring_ical_events.of(cal).between(start, end):
            if str(ev["UID"]) not in uids:
                continue
            s = ev.decoded("DTSTART").astimezone(UTC)
            if start <= s < end:
                got.append({"uid": str(ev["UID"]), "start": s.strftime("%Y-%m-%dT%H:%M:%SZ"),
                            "end": ev.decoded("DTEND").astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                            "summary": str(ev["SUMMARY"]), "status": str(ev.get("STATUS", "CONFIRMED"))})
        got.sort(key=lambda e: (e["start"], e["uid"]))
        if got != expected:
            self.fail(where, f"recurring-ical-events expands the series to {len(got)} occurrences, the server "
                             f"has {len(expected)}; first difference: "
                             f"{next(((a, b) for a, b in zip(got, expected) if a != b), None)}")
        js = subprocess.run(["node", node_script, start.isoformat(), end.isoformat()], input=text.decode(),
                            capture_output=True, text=True, timeout=60)
        theirs = [e for e in json.loads(js.stdout) if e["uid"] in uids] if js.returncode == 0 else js.stderr
        if theirs != expected:
            self.fail(where, f"ical.js expands the series differently; first difference (theirs, ours): "
                             f"{next(((a, b) for a, b in zip(theirs, expected) if a != b), (len(theirs), len(expected)))}")

    def check_icaljs(self, where, path, expected, node_script):
        as_json = {slug: {"summary": e["summary"], "all_day": e["all_day"],
                          "start": e["start"].isoformat() if e["all_day"] else
                          e["start"].strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                          "end": e["end"].isoformat() if e["all_day"] else e["end"].strftime("%Y-%m-%dT%H:%M:%S.000Z")}
                   for slug, e in expected.items()}
        exp_path = path + ".expected.json"
        with open(exp_path, "w", encoding="utf-8") as f:
            json.dump(as_json, f)
        dates_path = path + ".series-dates.json"
        with open(dates_path, "w", encoding="utf-8") as f:
            json.dump(sorted(self.series_date_uids), f)
        r = subprocess.run(["node", node_script, path, exp_path, dates_path], capture_output=True, text=True,
                           timeout=60)
        if r.returncode != 0:
            self.fail(where, "ical.js: " + (r.stdout + r.stderr).strip())


def load_fixtures(paths):
    fixture = {"events": [], "series": []}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        for key in fixture:
            fixture[key] += doc.get(key, [])
    return fixture


def series_dates(db):
    """Each date the server made for a series: its slug, own UID, series, series UID, original start instant,
    start, end, title and status."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
        rows = c.execute("SELECT e.slug, e.uid, s.slug, s.uid, e.original_start_local, s.time_zone, e.start_utc, "
                         "e.end_utc, e.title, e.status FROM events e JOIN series s ON s.id = e.series_id").fetchall()
    out = []
    for slug, uid, series, series_uid, original, zone, start, end, title, status in rows:
        wall = datetime.fromtimestamp(original, UTC).replace(tzinfo=ZoneInfo(zone))
        out.append({"slug": slug, "uid": uid, "series": series, "series_uid": series_uid,
                    "original": wall.astimezone(UTC), "start": datetime.fromtimestamp(start, UTC),
                    "end": datetime.fromtimestamp(end, UTC),
                    "summary": ("Abgesagt: " if status == "cancelled" else "") + title})
    return out


def check_date_download(check, path, body, d):
    """A date's own download names it as every feed and invitation does (issue: one identity per date)."""
    (ev,) = icalendar.Calendar.from_ical(body).walk("VEVENT")
    outside = d["series"] in OUTSIDE_SUBSET
    uid, rid = (d["uid"], None) if outside else (d["series_uid"], d["original"])
    got_rid = ev.decoded("RECURRENCE-ID").astimezone(UTC) if "RECURRENCE-ID" in ev else None
    if str(ev["UID"]) != uid or got_rid != rid:
        check.fail(path, f"identity ({ev['UID']}, {got_rid}) instead of ({uid}, {rid})")
    if ev.decoded("DTSTART").astimezone(UTC) != d["start"] or ev.decoded("DTEND").astimezone(UTC) != d["end"]:
        check.fail(path, f"{ev.decoded('DTSTART')}-{ev.decoded('DTEND')} instead of {d['start']}-{d['end']}")
    if str(ev["SUMMARY"]) != d["summary"]:
        check.fail(path, f"summary {ev['SUMMARY']} instead of {d['summary']}")


def feed_rule(text):
    """The RRULE of the series master in a series' download (VTIMEZONE rules excluded), or None."""
    masters = [ev for ev in icalendar.Calendar.from_ical(text).walk("VEVENT") if "RRULE" in ev]
    return masters[0]["RRULE"].to_ical().decode() if masters else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--treffpunkt", required=True)
    ap.add_argument("--fixture", required=True, action="append", help="imported in order")
    args = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    fixture = load_fixtures(args.fixture)
    expected = expected_events(fixture)
    series_of = {s["slug"]: s for s in fixture["series"]}
    with tempfile.TemporaryDirectory() as tmp, Radicale() as radicale:
        db = os.path.join(tmp, "t.db")
        for path in args.fixture:
            subprocess.run([args.treffpunkt, "import", path, "--db", db], check=True, capture_output=True)
        dates = series_dates(db)
        check = Checker({d["uid"] for d in dates if d["series"] in OUTSIDE_SUBSET})
        feed_rules, files = {}, []
        with TreffpunktServer(args.treffpunkt, db) as server:
            feeds = (FEEDS + [(f"/events/{slug}.ics", slug, None) for slug in expected] +
                     [(f"/series/{slug}.ics", slug, None) for slug in series_of] +
                     [(f"/events/{d['slug']}.ics", d, None) for d in dates])
            for path, scope, kinds in feeds:
                status, headers, body = server.get(path)
                if status != 200:
                    check.fail(path, f"status {status}")
                    continue
                text = body.decode("utf-8")
                for secret in ("private-room", "festival-secret", "alumni-private", "Entwurf"):
                    if secret in text:
                        check.fail(path, f"public feed contains {secret!r}")
                file = os.path.join(tmp, f"feed{len(os.listdir(tmp))}.ics")
                with open(file, "wb") as f:
                    f.write(body)
                files.append((path, file))
                radicale.check(path, text, check.fail)
                if isinstance(scope, dict):  # a date of a series
                    check_date_download(check, path, body, scope)
                    continue
                if path.startswith("/events/"):
                    exp, in_series = {scope: expected[scope]}, []
                elif path.startswith("/series/"):
                    exp, in_series = {}, [scope]
                    if rule := feed_rule(body):
                        feed_rules[scope] = rule
                else:
                    exp = selected(expected, scope, kinds)
                    in_series = [slug for slug, s in series_of.items()
                                 if (scope is None or s["network"] == scope) and (kinds is None or s["kind"] in kinds)]
                check.check_python(path, body, exp)
                check.check_icaljs(path, file, exp, os.path.join(here, "check_icaljs.mjs"))
                check.check_series(path, body, db, in_series, os.path.join(here, "expand_series.mjs"))
            readers.check_files(files, check.fail)
            lint = subprocess.run([args.treffpunkt, "lint", *(file for _, file in files)], capture_output=True, text=True)
            where = {file + ": ": path for path, file in files}
            for line in lint.stdout.splitlines():
                prefix = next((p for p in where if line.startswith(p)), None)
                check.fail(where.get(prefix, "lint"), "lint: " + line)
            if lint.returncode != 0 and not lint.stdout:
                check.fail("lint", lint.stderr)
            if set(feed_rules) != set(series_of) - OUTSIDE_SUBSET:
                check.fail("series downloads", f"written as their rule: {sorted(feed_rules)}")
            rules = recurrence.check(db, feed_rules, check.fail)
            print(f"checked {len(feeds)} files with python3-icalendar {icalendar.__version__}, ical.js, "
                  f"{', '.join(readers.NAMES)} and Radicale; {rules} rules with dateutil and npm rrule")
    for failure in check.failures:
        print("FAIL", failure)
    passed = len(check.failures) == 0
    print(f"conformance: {1 if passed else 0} passed, {0 if passed else 1} failed")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
