#!/usr/bin/python3
"""Oracle test: our RRULE expansion against python3-recurring-ical-events (Debian) and ical.js, over several
years, for many rules and zones. Each reads a VCALENDAR we wrote (our VTIMEZONE, our RRULE text) and must
produce exactly our instants."""
import json
import os
import subprocess
import sys
from datetime import datetime, timezone

import icalendar
import recurring_ical_events

TOOL = os.environ["RRULE_ORACLE_TOOL"]
HERE = os.path.dirname(os.path.abspath(__file__))
YEARS = 3
CASES = [
    ("FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TU", "2027-01-26T17:00", "Europe/Berlin"),
    ("FREQ=MONTHLY;BYDAY=1WE", "2027-01-06T16:00", "Europe/Berlin"),
    ("FREQ=WEEKLY", "2027-03-22T18:00", "Europe/Berlin"),
    ("FREQ=WEEKLY;BYDAY=MO,WE,FR", "2027-10-25T07:30", "Europe/Berlin"),
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH", "2027-01-05T09:00", "Europe/Berlin"),
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=SU", "2027-08-03T09:00", "Europe/Berlin"),
    ("FREQ=DAILY;INTERVAL=3", "2027-03-20T12:00", "Europe/Berlin"),
    ("FREQ=DAILY;COUNT=40", "2027-10-20T23:30", "America/New_York"),
    ("FREQ=MONTHLY;BYMONTHDAY=31", "2027-01-31T10:00", "Europe/Berlin"),
    ("FREQ=MONTHLY;BYMONTHDAY=-1", "2027-01-31T10:00", "Europe/Berlin"),
    ("FREQ=MONTHLY;BYMONTHDAY=1,15", "2027-01-01T08:00", "Asia/Kolkata"),
    ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "2027-01-29T15:00", "Europe/Berlin"),
    ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1,-1", "2027-02-01T15:00", "Europe/Berlin"),
    ("FREQ=MONTHLY;BYDAY=2TU,4TU", "2027-01-12T19:00", "America/New_York"),
    ("FREQ=MONTHLY;INTERVAL=3;BYDAY=-2FR", "2027-01-22T14:00", "Australia/Sydney"),
    ("FREQ=MONTHLY;COUNT=12;BYDAY=3TH", "2027-01-21T18:30", "Europe/London"),
    ("FREQ=MONTHLY;UNTIL=20280101T000000Z;BYDAY=1MO", "2027-02-01T10:00", "Europe/Berlin"),
    ("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "2027-03-28T10:00", "Europe/Berlin"),
    ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1", "2027-02-28T09:00", "Europe/Berlin"),
    ("FREQ=YEARLY;BYMONTH=9;BYDAY=3SA", "2027-09-18T10:00", "Europe/Berlin"),
    ("FREQ=YEARLY;BYMONTH=1,7;BYMONTHDAY=10", "2027-01-10T11:00", "America/New_York"),
    ("FREQ=YEARLY", "2027-06-15T20:00", "Australia/Sydney"),
    ("FREQ=WEEKLY;UNTIL=20270601T000000Z", "2027-01-04T22:00", "America/New_York"),
    ("FREQ=DAILY;BYMONTH=12;BYDAY=SA,SU", "2027-12-04T10:00", "Europe/Berlin"),
]


def parse_utc(s):
    return datetime.fromisoformat(s.replace("Z", "+00:00"))


def python_instants(ics, to):
    cal = icalendar.Calendar.from_ical(ics)
    start = cal.walk("VEVENT")[0].decoded("DTSTART")
    events = recurring_ical_events.of(cal).between(start, parse_utc(to))
    return sorted(e.decoded("DTSTART").astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") for e in events)


def main():
    failures = []
    for rule, start, zone in CASES:
        ours = json.loads(subprocess.run([TOOL, rule, start, zone, str(YEARS)], check=True, capture_output=True,
                                         text=True).stdout)
        expected = ours["instants"]
        label = f"{rule} from {start} {zone}"
        if not expected:
            failures.append(f"{label}: we produced nothing")
        got = python_instants(ours["ics"], ours["to"])
        if got != expected:
            failures.append(f"{label}: recurring-ical-events differs\n  ours   {expected[:6]}...\n  theirs {got[:6]}...")
        js = subprocess.run(["node", os.path.join(HERE, "expand_icaljs.mjs"), ours["to"]], input=ours["ics"],
                            capture_output=True, text=True, timeout=60)
        if js.returncode != 0 or json.loads(js.stdout) != expected:
            failures.append(f"{label}: ical.js differs\n  ours   {expected[:6]}...\n  theirs {js.stdout[:300]}{js.stderr}")
    for f in failures:
        print("FAIL", f)
    print(f"checked {len(CASES)} rules over {YEARS} years with recurring-ical-events and ical.js")
    print(f"rrule oracle: {len(CASES) - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
