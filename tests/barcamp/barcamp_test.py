#!/usr/bin/python3
"""A barcamp's programme through the real server: participants propose, vote and withdraw behind their links;
organisers set up rooms and slots, enter sessions, place them in the grid and see conflicts; the public plan,
the sessions feed (python3-icalendar and ical.js), the schedule JSON and the exports (csv, python3-openpyxl)
show what was decided; bad input gets the form again with the problem next to the field."""
import csv
import datetime
import html
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest
import urllib.request
from zoneinfo import ZoneInfo

import icalendar
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "support"))
sys.path.insert(0, os.path.join(HERE, "..", "conformance"))
import readers  # noqa: E402
from radicale_store import Radicale  # noqa: E402
from treffpunkt_process import TreffpunktServer  # noqa: E402
from link_token import link_token  # noqa: E402
from visitor import Browser  # noqa: E402

BINARY = os.environ["TREFFPUNKT"]
PASSWORD = "ein-langes-passwort"
BERLIN = ZoneInfo("Europe/Berlin")
DAY = datetime.date.today() + datetime.timedelta(days=20)
SLUG = "barcamp-bochum"


def local(date, hour, minute=0):
    return f"{date.isoformat()}T{hour:02d}:{minute:02d}"


DOCUMENT = {
    "networks": [{"slug": "ist-bochum", "name": "zdi-Netzwerk IST.Bochum.NRW"}],
    "events": [
        {"slug": SLUG, "network": "ist-bochum", "kind": "barcamp", "title": "Barcamp Bochum",
         "start": local(DAY, 10), "end": local(DAY + datetime.timedelta(days=1), 17), "time_zone": "Europe/Berlin",
         "venue": "Zeche Zollverein", "capacity": 120, "registration_opens": local(DAY - datetime.timedelta(days=30), 9)},
        {"slug": "webinar-bochum", "network": "ist-bochum", "kind": "webinar", "title": "Webinar",
         "start": local(DAY, 16), "end": local(DAY, 17), "time_zone": "Europe/Berlin", "format": "online"},
    ],
}


class BarcampTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.db = os.path.join(cls.tmp.name, "barcamp.db")
        path = os.path.join(cls.tmp.name, "doc.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(DOCUMENT, f)
        subprocess.run([BINARY, "import", path, "--db", cls.db], check=True, capture_output=True)
        subprocess.run([BINARY, "create-organiser", "--db", cls.db, "--email", "jana@ist-bochum.example", "--name",
                        "Jana", "--role", "organiser", "--network", "ist-bochum", "--password-stdin"],
                       input=PASSWORD + "\n", text=True, check=True, capture_output=True)
        cls.server = TreffpunktServer(BINARY, cls.db).__enter__()  # the default POST limit: votes must pass it
        cls.tokens = {name: cls.register(name, confirm=name != "Pia") for name in ["Anna", "Ben", "Carl", "Pia", "Vera"]}
        cls.orga = Browser(cls.server.base)
        assert cls.orga.login("jana@ist-bochum.example", PASSWORD)[0] == 303

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)
        cls.tmp.cleanup()

    @classmethod
    def register(cls, name, confirm):
        body = json.dumps({"name": name, "email": f"{name.lower()}@example.org", "consent": True}).encode()
        req = urllib.request.Request(f"{cls.server.base}/api/v1/events/{SLUG}/registrations", data=body,
                                     headers={"Content-Type": "application/json"})
        urllib.request.urlopen(req, timeout=30).read()
        token = link_token(cls.db, SLUG, f"{name.lower()}@example.org")
        if confirm:
            urllib.request.urlopen(urllib.request.Request(
                f"{cls.server.base}/api/v1/registrations/{token}/confirm", data=b"", method="POST"), timeout=30).read()
        return token

    def participant(self, name):
        """A visitor on the person's sessions page with its CSRF token (from the cookie: a page without forms
        has no hidden field)."""
        visitor = Browser(self.server.base)
        path = f"/r/{self.tokens[name]}/sessions"
        self.assertEqual(visitor.request(path)[0], 200)
        return visitor, path, next(c.value for c in visitor.jar if c.name == "tp_csrf")

    def propose(self, name, title, host=None, kind="talk"):
        visitor, path, csrf = self.participant(name)
        status, headers, _ = visitor.request(path, {"csrf": csrf, "action": "propose", "title": title,
                                                    "host": host or name, "kind": kind, "description": ""})
        self.assertEqual(status, 303)
        _, _, page = visitor.request(path)
        return int(re.search(rf'id="session-(\d+)" class="session[^"]*"><strong class="session-title">'
                             rf'{re.escape(html.escape(title))}<', page.decode()).group(1))

    def act(self, name, action, session):
        visitor, path, csrf = self.participant(name)
        return visitor.request(path, {"csrf": csrf, "action": action, "session": str(session)})

    def programme_post(self, fields):
        path = f"/admin/events/{SLUG}/sessions"
        return self.orga.request(path, {"csrf": self.orga.csrf(path), **fields})

    def ids(self, kind):
        _, _, page = self.orga.request(f"/admin/events/{SLUG}/sessions")
        return [int(i) for i in re.findall(rf'name="action" value="remove_{kind}"><input type="hidden" name="id" '
                                           rf'value="(\d+)"', page.decode())]

    def test_each_registration_link_has_its_own_post_cap(self):
        # 60 votes a minute per link (refilling one a second), then 429 with Retry-After; other links go on.
        session = self.propose("Vera", "Mikrocontroller für Einsteiger")
        answers = []
        for _ in range(120):
            answers.append(self.act("Vera", "vote", session))
            if answers[-1][0] != 303:
                break
        status, headers, body = answers[-1]
        self.assertEqual(status, 429, [a[0] for a in answers])
        self.assertGreaterEqual(len(answers) - 1, 59)  # the proposal took one
        self.assertIn("über diesen Link", body.decode())  # German unless the browser asks otherwise
        self.assertGreater(int(headers["Retry-After"]), 0)
        self.assertEqual(self.act("Carl", "vote", session)[0], 303)

    def resends(self, email):
        import sqlite3
        with sqlite3.connect(self.db) as c:
            return c.execute("SELECT COUNT(*) FROM outbox WHERE kind = 'resend' AND recipient = ?",
                             (email,)).fetchone()[0]

    def test_the_plan_explains_taking_part_and_sends_a_link_again_saying_the_same_to_everyone(self):
        visitor = Browser(self.server.base)
        path = f"/events/{SLUG}/sessions"
        status, _, page = visitor.request(path)
        self.assertEqual(status, 200)
        self.assertIn("So machen Sie mit".encode(), page)
        csrf = visitor.csrf(path)
        answers = []
        for email in ["anna@example.org", "niemand@example.org"]:
            status, _, page = visitor.request(f"/events/{SLUG}/resend", {"csrf": csrf, "email": email})
            self.assertEqual(status, 200)
            answers.append(re.search(rb'<p class="notice" role="status">([^<]*)</p>', page).group(1))
        self.assertEqual(answers[0], answers[1])  # nobody learns who is registered
        self.assertEqual((self.resends("anna@example.org"), self.resends("niemand@example.org")), (1, 0))
        status, _, page = visitor.request(f"/events/{SLUG}/resend", {"csrf": csrf, "email": "kein-at"})
        self.assertEqual(status, 422)
        self.assertIn(b'value="kein-at" autocomplete="email" aria-invalid="true"', page)
        self.assertEqual(visitor.request(f"/events/{SLUG}/resend", {"csrf": "0" * 32, "email": "anna@example.org"})[0],
                         400)  # CSRF, checked by the router
        self.assertEqual(self.resends("anna@example.org"), 1)

    def test_participants_propose_vote_and_withdraw(self):
        session = self.propose("Anna", "Roboter im Sachunterricht", kind="workshop")
        for _ in range(40):  # more POSTs than the per-address limit allows elsewhere: a barcamp shares one address
            status, headers, _ = self.act("Ben", "vote", session)
            self.assertEqual(status, 303)
        self.assertTrue(headers["Location"].endswith(f"/sessions#session-{session}"))
        self.assertEqual(self.act("Carl", "vote", session)[0], 303)
        visitor, path, _ = self.participant("Ben")
        page = visitor.request(path)[2].decode()
        self.assertIn("2 Stimmen", page)  # Ben's forty votes count once, Carl's once
        self.assertIn("Stimme zurücknehmen", page)

        self.assertEqual(self.act("Ben", "unvote", session)[0], 303)
        self.assertIn("1 Stimme", self.participant("Ben")[0].request(path)[2].decode())
        # Pia's registration is not confirmed: she sees why and cannot vote.
        pia, pia_path, _ = self.participant("Pia")
        self.assertIn("sobald Ihre Anmeldung bestätigt ist", pia.request(pia_path)[2].decode())
        status, _, body = self.act("Pia", "vote", session)
        self.assertEqual(status, 409)
        self.assertIn("können nur bestätigte Teilnehmende", body.decode())
        # Only the proposer withdraws.
        status, _, body = self.act("Ben", "withdraw", session)
        self.assertEqual(status, 409)
        self.assertIn("Nur wer eine Session vorgeschlagen hat", body.decode())
        self.assertEqual(self.act("Anna", "withdraw", session)[0], 303)
        self.assertNotIn("Roboter im Sachunterricht", self.server.get(f"/events/{SLUG}/sessions")[2].decode())

    def test_a_bad_proposal_comes_back_with_the_problem_next_to_the_field(self):
        visitor, path, csrf = self.participant("Carl")
        status, _, body = visitor.request(path, {"csrf": csrf, "action": "propose", "title": "  ", "host": "Carl",
                                                 "kind": "keynote", "description": "Mein Text bleibt"})
        page = body.decode()
        self.assertEqual(status, 422)
        self.assertRegex(page, r'id="propose-title"[^>]*aria-invalid="true"')
        self.assertIn('id="propose-title-error">Bitte ausfüllen.', page)
        self.assertIn('id="propose-kind-error">Bitte eine Art wählen.', page)
        self.assertIn(">Mein Text bleibt</textarea>", page)
        self.assertEqual(visitor.request(path, {"csrf": "wrong", "action": "propose", "title": "x"})[0], 400)
        self.assertEqual(visitor.request(path, {"csrf": csrf, "action": "vote", "session": "abc"})[0], 400)
        self.assertEqual(self.server.get("/r/unknown-token/sessions")[0], 404)

    def test_organisers_build_the_grid_and_everyone_sees_the_plan(self):
        # Rooms and slots, with their problems shown on the form.
        self.assertEqual(self.programme_post({"action": "room", "name": "Halle 12", "capacity": "80"})[0], 303)
        self.assertEqual(self.programme_post({"action": "room", "name": "Kaue", "capacity": "1"})[0], 303)
        status, _, body = self.programme_post({"action": "room", "name": "Kaue", "capacity": "5"})
        self.assertEqual(status, 409)
        self.assertIn("Einen Raum mit diesem Namen gibt es schon.", body.decode())
        status, _, body = self.programme_post({"action": "room", "name": "Turm", "capacity": "viele"})
        self.assertEqual(status, 422)
        self.assertIn('id="room-capacity-error">Eine ganze Zahl von 1 bis 10000.', body.decode())
        self.assertRegex(body.decode(), r'id="room-name"[^>]*value="Turm"')
        status, _, body = self.programme_post({"action": "slot", "date": DAY.isoformat(), "from": "08:00", "to": "09:00"})
        self.assertEqual(status, 409)
        self.assertIn("innerhalb des Barcamps", body.decode())
        second_day = DAY + datetime.timedelta(days=1)
        for day, start, end in [(DAY, "11:00", "11:45"), (DAY, "12:00", "12:45"), (second_day, "10:00", "11:00")]:
            self.assertEqual(self.programme_post({"action": "slot", "date": day.isoformat(), "from": start,
                                                  "to": end})[0], 303)
        halle, kaue = self.ids("room")
        first, noon, day2 = self.ids("slot")
        # Sessions from participants and from the board; one host twice.
        drones = self.propose("Anna", "Drohnen fliegen", host="Anna Schmidt")
        girls = self.propose("Ben", "MINT & Mädchen")
        self.assertEqual(self.programme_post({"action": "session", "title": "Löten", "host": "anna  schmidt",
                                              "kind": "hands-on", "description": "Von der Sessionwand"})[0], 303)
        soldering = self.session_id("Löten")
        self.act("Carl", "vote", girls)
        self.act("Ben", "vote", girls)
        # A grid with every conflict: same room and slot, one host twice, a room too small for the votes.
        status, _, _ = self.programme_post({"action": "place", f"room.{drones}": str(halle), f"slot.{drones}": str(first),
                                            f"room.{soldering}": str(halle), f"slot.{soldering}": str(first),
                                            f"room.{girls}": str(kaue), f"slot.{girls}": str(noon)})
        self.assertEqual(status, 303)
        page = self.orga.request(f"/admin/events/{SLUG}/sessions")[2].decode()
        self.assertIn("„Drohnen fliegen“ und „Löten“: ein Raum, gleiche Zeit.", page)
        self.assertIn("„Drohnen fliegen“ und „Löten“: dieselbe Person leitet beide zur gleichen Zeit.", page)
        self.assertIn("„MINT &amp; Mädchen“: mehr Stimmen als Plätze im Raum.", page)
        # Half a placement is refused and changes nothing.
        status, _, body = self.programme_post({"action": "place", f"room.{soldering}": str(kaue), f"slot.{soldering}": ""})
        self.assertEqual(status, 409)
        self.assertIn("Bitte Raum und Zeit wählen", body.decode())
        before = self.feed_events()
        self.assertEqual(self.programme_post({"action": "place", f"room.{soldering}": str(halle),
                                              f"slot.{soldering}": str(day2), f"room.{girls}": str(halle),
                                              f"slot.{girls}": str(noon)})[0], 303)
        page = self.orga.request(f"/admin/events/{SLUG}/sessions")[2].decode()
        self.assertIn("Keine Konflikte im Plan.", page)
        after = self.feed_events()
        self.assertEqual(int(after["Löten"]["SEQUENCE"]), int(before["Löten"]["SEQUENCE"]) + 1)
        self.assertEqual(int(after["Drohnen fliegen"]["SEQUENCE"]), int(before["Drohnen fliegen"]["SEQUENCE"]))
        self.check_feed(after, {"Drohnen fliegen": (DAY, "11:00", "11:45"), "Löten": (second_day, "10:00", "11:00"),
                                "MINT & Mädchen": (DAY, "12:00", "12:45")})
        self.check_icaljs(drones)
        self.check_schedule(second_day)
        self.check_plan_page()
        self.check_exports()

    def session_id(self, title):
        page = self.orga.request(f"/admin/events/{SLUG}/sessions")[2].decode()
        return int(re.search(rf'<tr id="place-(\d+)"><td><strong class="session-title">{re.escape(html.escape(title))}<',
                             page).group(1))

    def feed_events(self):
        status, headers, body = self.server.get(f"/events/{SLUG}/sessions.ics")
        self.assertEqual(status, 200)
        self.assertTrue(headers["Content-Type"].startswith("text/calendar"))
        self.assertEqual(self.server.get(f"/events/{SLUG}/sessions.ics", {"If-None-Match": headers["ETag"]})[0], 304)
        self.calendar = icalendar.Calendar.from_ical(body)
        return {str(ev["SUMMARY"]): ev for ev in self.calendar.walk("VEVENT")}

    def check_feed(self, events, expected):
        barcamp = icalendar.Calendar.from_ical(self.server.get(f"/events/{SLUG}.ics")[2]).walk("VEVENT")[0]
        self.assertEqual(set(events), set(expected))
        zones = {str(tz["TZID"]): tz.to_tz() for tz in self.calendar.walk("VTIMEZONE")}
        for title, (day, start, end) in expected.items():
            ev = events[title]
            self.assertEqual(str(ev["RELATED-TO"]), str(barcamp["UID"]))
            self.assertEqual(ev["RELATED-TO"].params["RELTYPE"], "PARENT")
            self.assertEqual(str(ev["LOCATION"]), "Halle 12, Zeche Zollverein")
            for name, hh_mm in (("DTSTART", start), ("DTEND", end)):
                want = datetime.datetime.fromisoformat(f"{day.isoformat()}T{hh_mm}").replace(tzinfo=BERLIN)
                self.assertEqual(ev.decoded(name), want)
                via_ours = zones["Europe/Berlin"].localize(ev[name].dt.replace(tzinfo=None))
                self.assertEqual(via_ours, want)
        self.assertEqual(self.server.get("/events/webinar-bochum/sessions.ics")[0], 404)

    def check_icaljs(self, session):
        """ical.js (Thunderbird's parser) reads the same feed; check_icaljs.mjs compares summary and instants."""
        ev = {str(e["URL"]).rsplit("/", 1)[1]: e for e in self.calendar.walk("VEVENT")}
        expected = {slug: {"summary": str(e["SUMMARY"]), "all_day": False,
                           "start": e.decoded("DTSTART").astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                           "end": e.decoded("DTEND").astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")}
                    for slug, e in ev.items()}
        self.assertIn(f"sessions#session-{session}", expected)
        ics, exp = os.path.join(self.tmp.name, "sessions.ics"), os.path.join(self.tmp.name, "expected.json")
        with open(ics, "wb") as f:
            f.write(self.server.get(f"/events/{SLUG}/sessions.ics")[2])
        with open(exp, "w", encoding="utf-8") as f:
            json.dump(expected, f)
        script = os.path.join(HERE, "..", "conformance", "check_icaljs.mjs")
        r = subprocess.run(["node", script, ics, exp], capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        failures = []  # the other independent readers and Radicale (tests/conformance) read it the same
        readers.check_files([("sessions.ics", ics)], lambda where, what: failures.append(f"{where}: {what}"))
        with Radicale() as radicale, open(ics, encoding="utf-8", newline="") as f:
            radicale.check("sessions.ics", f.read(), lambda where, what: failures.append(f"{where}: {what}"))
        self.assertEqual(failures, [])

    def check_schedule(self, second_day):
        status, headers, body = self.server.get(f"/events/{SLUG}/schedule.json")
        self.assertEqual(status, 200)
        self.assertTrue(headers["Content-Type"].startswith("application/json"))
        conference = json.loads(body)["schedule"]["conference"]
        self.assertEqual(conference["daysCount"], 2)
        self.assertEqual([r["name"] for r in conference["rooms"]], ["Halle 12", "Kaue"])
        day2 = conference["days"][1]
        self.assertEqual(day2["date"], second_day.isoformat())
        [soldering] = day2["rooms"]["Halle 12"]
        self.assertEqual((soldering["title"], soldering["start"], soldering["duration"], soldering["type"]),
                         ("Löten", "10:00", "01:00", "hands-on"))
        self.assertEqual(soldering["persons"][0]["public_name"], "anna  schmidt")
        self.assertEqual(datetime.datetime.fromisoformat(soldering["date"]).astimezone(BERLIN).hour, 10)
        day1_titles = [e["title"] for e in conference["days"][0]["rooms"]["Halle 12"]]
        self.assertEqual(day1_titles, ["Drohnen fliegen", "MINT & Mädchen"])  # by time

    def check_plan_page(self):
        status, headers, body = self.server.get(f"/events/{SLUG}/sessions")
        page = body.decode()
        self.assertEqual(status, 200)
        self.assertEqual(headers["Cache-Control"], "no-cache")  # changes show at once
        self.assertIn('<table class="plan">', page)
        self.assertIn('<span class="room-name">Halle 12</span>', page)  # shown per session on phones
        self.assertIn("11:00–11:45 Uhr", page)
        self.assertEqual(self.server.get("/events/webinar-bochum/sessions")[0], 404)
        self.assertEqual(self.server.get("/events/no-such-event/schedule.json")[0], 404)

    def check_exports(self):
        status, headers, body = self.orga.request(f"/admin/events/{SLUG}/sessions.csv")
        self.assertEqual(status, 200)
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
        self.assertEqual(rows[0][:5], ["Titel", "Art", "Leitung", "Stimmen", "Raum"])
        by_title = {r[0]: r for r in rows[1:]}
        self.assertEqual(by_title["MINT & Mädchen"][3:8], ["2", "Halle 12", DAY.isoformat(), "12:00", "12:45"])
        status, _, body = self.orga.request(f"/admin/events/{SLUG}/sessions.xlsx")
        self.assertEqual(status, 200)
        sheet = openpyxl.load_workbook(io.BytesIO(body)).active
        values = [[c.value for c in row] for row in sheet.iter_rows()]
        self.assertEqual(values[0][0], "Titel")
        self.assertIn(["Löten", "Zum Mitmachen", "anna  schmidt", 0, "Halle 12"], [v[:5] for v in values])  # votes: a number
        self.assertEqual(Browser(self.server.base).request(f"/admin/events/{SLUG}/sessions.csv")[0], 303)  # login first


if __name__ == "__main__":
    unittest.main()
