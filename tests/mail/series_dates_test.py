#!/usr/bin/python3
"""A date of a series is one calendar item wherever a person meets it.

Two series, one written as its rule (weekly) and one outside the subset every client reads (the last day of the
month, which Outlook refuses): a person registers for the first date of each through the API, confirms through
the mailed link and cancels. The invitation (REQUEST), its withdrawal (CANCEL), the public single-date .ics, the
person's own .ics (/r/{token}/event.ics), their personal feed and the series' feed must all name the date the
same way: the series' UID with RECURRENCE-ID for a series written as its rule, the date's own UID otherwise.
Every one of those files is also read by the independent readers and stored in Radicale (tests/conformance)."""
import calendar
import datetime
import json
import os
import re
import sqlite3
import sys
import tempfile
import urllib.request
import zoneinfo

import icalendar

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "support"))
sys.path.insert(0, os.path.join(HERE, "..", "conformance"))
sys.path.insert(0, HERE)
import readers  # noqa: E402
from delivery_test import BINARY, FAST, calendar_parts, follow_confirm_link, load  # noqa: E402
from link_token import link_token  # noqa: E402
from radicale_store import Radicale  # noqa: E402
from smtp_sink import SmtpSink  # noqa: E402
from treffpunkt_process import TreffpunktServer  # noqa: E402

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
UTC = datetime.timezone.utc


def month_end_ahead(days):
    """The last day of the month `days` from today: a first date BYMONTHDAY=-1 produces."""
    day = datetime.date.today() + datetime.timedelta(days=days)
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def document():
    weekly = datetime.date.today() + datetime.timedelta(days=10)
    last = month_end_ahead(5)
    series = lambda slug, rule, day, title: {
        "slug": slug, "network": "ist-bochum", "kind": "exchange_round", "title": title, "rrule": rule,
        "start": f"{day.isoformat()}T17:00", "end": f"{day.isoformat()}T18:30", "time_zone": "Europe/Berlin",
        "format": "online", "join_url": "https://meet.example/series-secret", "capacity": 20}
    return {
        "networks": [{"slug": "ist-bochum", "name": "zdi-Netzwerk IST.Bochum.NRW", "contact_name": "Jörg Küster",
                      "contact_email": "joerg@ist-bochum.example"}],
        "series": [series("alumni-runde", "FREQ=WEEKLY;COUNT=3", weekly, "Alumni-Runde"),
                   series("monatsabschluss", "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3", last, "Monatsabschluss")],
    }


def first_date(db, series_slug):
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
        return c.execute("SELECT e.slug, e.uid, s.uid, e.original_start_local FROM events e JOIN series s "
                         "ON s.id = e.series_id WHERE s.slug = ? ORDER BY e.start_utc LIMIT 1",
                         (series_slug,)).fetchone()


def identities(text):
    """(UID, RECURRENCE-ID in UTC or None, has RRULE) of every VEVENT."""
    cal = icalendar.Calendar.from_ical(text)
    return [(str(ev["UID"]), ev.decoded("RECURRENCE-ID").astimezone(UTC) if "RECURRENCE-ID" in ev else None,
             "RRULE" in ev) for ev in cal.walk("VEVENT")]


def register(server, slug, address):
    body = json.dumps({"name": "Ada Lovelace", "email": address, "consent": True}).encode()
    request = urllib.request.Request(f"{server.base}/api/v1/events/{slug}/registrations", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as r:
        return json.load(r)


def get_text(server, path):
    status, _, body = server.get(path)
    assert status == 200, (path, status)
    return body.decode()


def files_of_one_date(server, sink, db, series_slug, address):
    """Registers, confirms and cancels; returns {what: iCalendar text} and the date's expected identity."""
    slug, own_uid, series_uid, original = first_date(db, series_slug)
    register(server, slug, address)
    follow_confirm_link(server, sink.wait_for(address)[0])
    confirmed = sink.wait_for(address, 2)[1]
    token = link_token(db, slug, address)
    page = get_text(server, f"/r/{token}")
    feed = re.search(r'/feeds/[A-Za-z0-9_-]+\.ics', page).group(0)
    texts = {"invitation": calendar_parts(confirmed)[0][0].get_content(),
             "single-date download": get_text(server, f"/events/{slug}.ics"),
             "the person's own .ics": get_text(server, f"/r/{token}/event.ics"),
             "personal feed": get_text(server, feed),
             "series feed": get_text(server, f"/series/{series_slug}.ics")}
    with urllib.request.urlopen(urllib.request.Request(
            f"{server.base}/api/v1/registrations/{token}/cancel", data=b"", method="POST"), timeout=30):
        pass
    texts["withdrawal"] = calendar_parts(sink.wait_for(address, 3)[2])[0][0].get_content()
    wall = datetime.datetime.fromtimestamp(original, UTC).replace(tzinfo=BERLIN).astimezone(UTC)
    return texts, own_uid, series_uid, wall


def check_series(server, sink, db, series_slug, written_as_rule, work, radicale):
    texts, own_uid, series_uid, original = files_of_one_date(server, sink, db, series_slug, f"{series_slug}@example.org")
    expected = (series_uid, original) if written_as_rule else (own_uid, None)
    for what, text in texts.items():
        found = identities(text)
        if what == "series feed" and written_as_rule:
            assert [(u, r) for u, r, rule in found if rule] == [(series_uid, None)], found  # the master brings it
            assert own_uid not in text
        elif what == "series feed":
            assert expected + (False,) in found and not any(rule for _, _, rule in found), found
            assert "\r\nUID:" + series_uid not in text
        else:
            assert found == [expected + (False,)], (what, found, expected)
    failures = []
    files = []
    for what, text in texts.items():
        path = os.path.join(work, f"{series_slug}-{len(files)}.ics")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        files.append((f"{series_slug}: {what}", path))
        radicale.check(f"{series_slug}: {what}", text, lambda where, problem: failures.append(f"{where}: {problem}"))
    readers.check_files(files, lambda where, problem: failures.append(f"{where}: {problem}"))
    assert not failures, "\n".join(failures)


def test_series_dates(work):
    db = os.path.join(work, "series.db")
    load(db, document())
    with SmtpSink() as sink, Radicale() as radicale, TreffpunktServer(
            BINARY, db, "--smtp-url", f"smtp://127.0.0.1:{sink.port}", "--smtp-tls", "never", *FAST) as server:
        check_series(server, sink, db, "alumni-runde", True, work, radicale)
        check_series(server, sink, db, "monatsabschluss", False, work, radicale)


def main():
    with tempfile.TemporaryDirectory(prefix="treffpunkt-series-") as work:
        test_series_dates(work)
    print("ok   series dates keep one identity in invitations, downloads and feeds")


if __name__ == "__main__":
    main()
