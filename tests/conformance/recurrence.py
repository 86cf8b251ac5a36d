"""Every series' rule, expanded by python3-dateutil and by npm rrule, gives exactly the dates the server made.

The dates are wall times in the series' zone (the identity each date keeps as RECURRENCE-ID), compared from the
first date up to the last the server has made (it makes them 18 months ahead), without the skipped ones. The
rules are the stored one and, for a series written as its rule, the RRULE of its feed (with UNTIL rewritten).
"""
import json
import os
import sqlite3
import subprocess
from datetime import datetime
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

HERE = os.path.dirname(os.path.abspath(__file__))


def wall(seconds):
    return datetime.utcfromtimestamp(seconds).strftime("%Y-%m-%dT%H:%M:%S")


def series_dates(db):
    """slug -> (rule, zone, first wall time, skipped wall times, the server's dates as wall times)."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
        out = {}
        for sid, slug, rule, first, zone in c.execute(
                "SELECT id, slug, rrule, first_start_local, time_zone FROM series WHERE status <> 'draft'"):
            skipped = {wall(t) for (t,) in c.execute(
                "SELECT original_start_local FROM series_exdates WHERE series_id = ?", (sid,))}
            made = [wall(t) for (t,) in c.execute(
                "SELECT original_start_local FROM events WHERE series_id = ? ORDER BY original_start_local", (sid,))]
            out[slug] = (rule, zone, wall(first), skipped, made)
    return out


def by_dateutil(rule, zone, first, last):
    start = datetime.fromisoformat(first).replace(tzinfo=ZoneInfo(zone))
    end = datetime.fromisoformat(last).replace(tzinfo=ZoneInfo(zone))
    return [d.replace(tzinfo=None).isoformat() for d in rrulestr(rule, dtstart=start).between(start, end, inc=True)]


def floating_until(rule, zone):
    """rrule.js reads wall times only: a UTC UNTIL becomes the same instant's wall time in the zone."""
    parts = []
    for part in rule.split(";"):
        if part.startswith("UNTIL=") and part.endswith("Z"):
            instant = datetime.strptime(part[6:], "%Y%m%dT%H%M%SZ").replace(tzinfo=ZoneInfo("UTC"))
            part = "UNTIL=" + instant.astimezone(ZoneInfo(zone)).strftime("%Y%m%dT%H%M%S")
        parts.append(part)
    return ";".join(parts)


def by_rrule_js(cases):
    payload = [{"rule": floating_until(rule, zone), "start": first, "until": last} for rule, zone, first, last in cases]
    r = subprocess.run(["node", os.path.join(HERE, "expand_rrule.mjs")], input=json.dumps(payload),
                       capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        raise RuntimeError(r.stderr.strip()[-600:])
    return json.loads(r.stdout)


def check(db, feed_rules, fail):
    """feed_rules: slug -> the RRULE text its feed carries (series written as their rule)."""
    cases, expected = [], []
    for slug, (rule, zone, first, skipped, made) in sorted(series_dates(db).items()):
        if not made:
            fail(slug, "the server made no dates")
            continue
        for text in sorted({rule, feed_rules.get(slug, rule)}):
            cases.append((text, zone, first, made[-1]))
            expected.append((slug, text, skipped, made))
    for (slug, text, skipped, made), case, theirs_js in zip(expected, cases, by_rrule_js(cases)):
        for reader, theirs in (("dateutil", by_dateutil(*case)), ("npm rrule", theirs_js)):
            got = [d for d in theirs if d not in skipped]
            if got != made:
                fail(slug, f"{reader} expands {text} to {len(got)} dates, the server made {len(made)}; first "
                           f"difference: {next(((a, b) for a, b in zip(got, made) if a != b), None)}")
    return len(cases)
