#!/usr/bin/python3
"""Writes an import document with N realistic events (default 500) across networks, kinds and zones."""
import json
import random
import sys
from datetime import datetime, timedelta

count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
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
json.dump({"networks": networks, "events": events}, sys.stdout, ensure_ascii=False)
