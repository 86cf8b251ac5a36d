"""Independent iCalendar readers, each giving the VEVENTs of one file as {uid, rid, summary, start, end}.

Instants are written in UTC ("2027-01-26T16:00:00Z"), dates as "2027-01-26", a missing value as None. The
reference is python3-icalendar (whose reading conformance.py checks against the fixture); every other reader must
give exactly the same list: python3-vobject (also validate() and a round trip), ruby-icalendar, sabre/vobject
(with its validate()), node-ical and ts-ics (with @ts-ics/schema-zod). Each external reader runs once for all
files. Where a library needs its user's help, the reader script says so with the library's own word for it
(sabre/vobject 2.x leaves TEXT escapes to its users; ruby-icalendar 2.8 forgets to require StringIO). Known bugs
(GAP_AFTER_OFFSET) are forgiven only for the exact value they predict.
"""
import json
import os
import subprocess
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import icalendar
import vobject

HERE = os.path.dirname(os.path.abspath(__file__))
UTC = timezone.utc
NAMES = ("python3-vobject", "ruby-icalendar", "sabre/vobject", "node-ical", "ts-ics")

# A RECURRENCE-ID whose wall time the clocks skip (a date of a series in a DST gap, which our override moves)
# means the instant with the UTC offset before the gap (RFC 5545 3.3.5); these readers take the offset after it,
# one gap earlier. Each reader still matches such an override to its own expansion of the rule, so clients show
# the date right; only the instant they report differs. No report found in their trackers yet (libical has the
# same: https://github.com/libical/libical/issues/1402).
GAP_AFTER_OFFSET = {
    "python3-vobject": "https://github.com/py-vobject/vobject/issues",
    "ruby-icalendar": "https://github.com/icalendar/icalendar/issues",
    "ts-ics": "https://github.com/Neuvernetzung/ts-ics/issues",
}


def moment(value):
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return "floating " + value.isoformat()
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def sort(events):
    return sorted(events, key=lambda e: (e["uid"], e["rid"] or "", e["start"] or ""))


def gap_readings(text):
    """For each RECURRENCE-ID in a DST gap: the instant read with the offset after the gap -> the RFC's instant."""
    out = {}
    for ev in icalendar.Calendar.from_ical(text).walk("VEVENT"):
        prop = ev.get("RECURRENCE-ID")
        zone = prop.params.get("TZID") if prop is not None else None
        if zone is None:
            continue
        wall = prop.dt.replace(tzinfo=None)
        before, after = (wall.replace(tzinfo=ZoneInfo(zone), fold=f).astimezone(UTC) for f in (0, 1))
        skipped = before.astimezone(ZoneInfo(zone)).replace(tzinfo=None) != wall
        if skipped and before != after:
            out[moment(after)] = moment(before)
    return out


def by_icalendar(text):
    cal = icalendar.Calendar.from_ical(text)
    decoded = lambda ev, name: ev.decoded(name) if name in ev else None
    return sort([{"uid": str(ev["UID"]), "rid": moment(decoded(ev, "RECURRENCE-ID")), "summary": str(ev["SUMMARY"]),
                  "start": moment(decoded(ev, "DTSTART")), "end": moment(decoded(ev, "DTEND"))}
                 for ev in cal.walk("VEVENT")])


def vobject_events(cal):
    value = lambda ev, name: getattr(ev, name).value if hasattr(ev, name) else None
    return sort([{"uid": ev.uid.value, "rid": moment(value(ev, "recurrence_id")), "summary": ev.summary.value,
                  "start": moment(ev.dtstart.value), "end": moment(value(ev, "dtend"))}
                 for ev in cal.contents.get("vevent", [])])


def by_vobject(text):
    """Parse, validate() and serialise again: the second reading must give the same events."""
    cal = vobject.readOne(text)
    cal.validate()
    events = vobject_events(cal)
    again = vobject_events(vobject.readOne(cal.serialize()))
    if again != events:
        raise ValueError(f"vobject's round trip changes the events: {again[:2]} instead of {events[:2]}")
    return events


def run(command, paths):
    r = subprocess.run(command + paths, capture_output=True, text=True, timeout=300, env={**os.environ, "TZ": "UTC"})
    if r.returncode != 0:
        raise RuntimeError((r.stderr or r.stdout).strip()[-600:])
    return json.loads(r.stdout)


def outcome(result):
    """A reader's answer for one file: its sorted events, or the error it reported."""
    if isinstance(result, dict) and "error" in result:
        return RuntimeError(result["error"])
    if isinstance(result, dict):  # sabre/vobject: validate() first
        if result["problems"]:
            return ValueError("validate(): " + "; ".join(result["problems"]))
        result = result["events"]
    return sort(result)


def batch(paths):
    """path -> reader -> events (or the exception), each external reader started once for all files."""
    out = {path: {} for path in paths}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        try:
            out[path]["python3-vobject"] = by_vobject(text)
        except Exception as e:  # noqa: BLE001 - a reader's failure is a finding, reported by check_files
            out[path]["python3-vobject"] = e
    for script, names in ((["ruby", "read_ruby.rb"], ["ruby-icalendar"]),
                          (["php", "read_sabre.php"], ["sabre/vobject"]),
                          (["node", "read_node.mjs"], ["node-ical", "ts-ics"])):
        try:
            results = run([script[0], os.path.join(HERE, script[1])], paths)
        except Exception as e:  # noqa: BLE001 - the whole reader failed: every file reports it
            results = {path: {"error": str(e)} for path in paths}
        for path in paths:
            answer = results[path]
            for name in names:
                per_library = answer.get(name, answer) if len(names) > 1 else answer
                out[path][name] = outcome(per_library)
    return out


def check_files(files, fail):
    """files: [(where, path)]. Every reader must give each file's events exactly as the reference does."""
    answers = batch([path for _, path in files])
    for where, path in files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        ours, gaps = by_icalendar(text), gap_readings(text)
        for reader, theirs in answers[path].items():
            if reader in GAP_AFTER_OFFSET and not isinstance(theirs, Exception):
                theirs = sort([{**e, "rid": gaps.get(e["rid"], e["rid"])} for e in theirs])
            if isinstance(theirs, Exception):
                fail(where, f"{reader} cannot read it: {theirs}")
            elif theirs != ours:
                diff = next(((a, b) for a, b in zip(theirs, ours) if a != b), (len(theirs), len(ours)))
                fail(where, f"{reader} reads other events; first difference (theirs, ours): {diff}")
