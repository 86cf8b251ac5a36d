#!/usr/bin/python3
"""Writes an import document with N realistic events (default 500) and S series (default 0) with skipped and
moved dates, across networks, kinds and zones."""
import json
import random
import sys
from datetime import datetime, timedelta

count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
series_count = int(sys.argv[2]) if len(sys.argv) > 2 else 0
rng = random.Random(2027)
networks = [{"slug": f"netz-{i}", "name": f"MINT-Netzwerk Region {i}", "region": "Deutschland",
             "contact_email": f"kontakt{i}@example.org"} for i in range(12)]
kinds = ["barcamp", "exchange_round", "webinar", "meeting"]
zones = ["Europe/Berlin"] * 8 + ["Europe/Vienna", "Europe/Zurich"]
events = []
start = datetime(2027, 1, 4, 9, 0)
for i in range(count):
    when = start + timedelta(days=rng.randrange(0, 700), hours=rng.randrange(0, 9))
    length = timedelta(minutes=rng.choice([60, 90, 120, 240, 420]))
    online = rng.random() < 0.4
    events.append({
        "slug": f"veranstaltung-{i}", "network": rng.choice(networks)["slug"], "kind": rng.choice(kinds),
        "title": f"MINT-Veranstaltung Nr. {i}: Übergänge, Kooperationen & Mädchen in MINT",
        "description": "Austausch über Angebote für Schülerinnen und Schüler; Impulse, Diskussion, Vernetzung.\n"
                       "Bitte melden Sie sich bis eine Woche vorher an.",
        "start": when.strftime("%Y-%m-%dT%H:%M"), "end": (when + length).strftime("%Y-%m-%dT%H:%M"),
        "time_zone": rng.choice(zones), "format": "online" if online else "in_person",
        "venue": "" if online else "Technologiezentrum", "address": "" if online else "Hauptstraße 1, 44801 Bochum",
        "capacity": rng.choice([None, 30, 120, 200]),
        "status": "cancelled" if rng.random() < 0.05 else "published",
    })
series = []
for i in range(series_count):
    # Every second month on the last Tuesday from January 2027: skip the 3rd date, move the 4th by two days.
    first = datetime(2027, 1, 26, 17, 0)
    series.append({
        "slug": f"reihe-{i}", "network": rng.choice(networks)["slug"], "kind": "exchange_round",
        "title": f"Austauschrunde {i}", "description": "Alle zwei Monate am letzten Dienstag, online.",
        "rrule": "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TU", "start": first.strftime("%Y-%m-%dT%H:%M"),
        "end": (first + timedelta(minutes=90)).strftime("%Y-%m-%dT%H:%M"), "time_zone": "Europe/Berlin",
        "format": "online", "exdates": ["2027-05-25T17:00"],
        "overrides": [{"original_start": "2027-07-27T17:00", "start": "2027-07-29T17:00", "end": "2027-07-29T18:30"}],
    })
json.dump({"networks": networks, "events": events, "series": series}, sys.stdout, ensure_ascii=False)
