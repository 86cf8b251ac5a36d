#!/usr/bin/python3
"""No write reaches another network's rows. An organiser of network B runs every organiser write (admin forms and
API: events, series, registrations, questions, barcamp rooms, slots and sessions, messages, forgetting, invitations)
against network A, with colliding slugs and foreign ids; a full dump of A's rows is the same before and after each."""
import datetime
import json
import os
import re
import sqlite3
import sys
import tempfile
import unittest
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from treffpunkt_process import TreffpunktServer  # noqa: E402
from database_setup import PASSWORD, api_token, create_organiser, import_document  # noqa: E402
from visitor import Browser  # noqa: E402

BINARY = os.environ["TREFFPUNKT"]
DAY = datetime.date.today() + datetime.timedelta(days=30)  # the date the series of B and the event of A share
RRULE_DAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][DAY.weekday()]


def at(day, hour):
    return f"{day.isoformat()}T{hour:02d}:00"


def event(slug, network, kind="meeting", day=DAY):
    return {"slug": slug, "network": network, "kind": kind, "title": slug.title(), "start": at(day, 10),
            "end": at(day, 17), "time_zone": "Europe/Berlin", "capacity": 5,
            "registration_opens": at(DAY - datetime.timedelta(days=40), 9),
            "registration_closes": at(DAY - datetime.timedelta(days=1), 9),
            "questions": [{"key": "essen", "label": "Essen", "type": "single_choice", "options": ["vegan", "egal"]}]}


def series(slug, network):
    return {"slug": slug, "network": network, "kind": "exchange_round", "title": "Runde " + slug,
            "time_zone": "Europe/Berlin", "start": at(DAY, 17), "end": at(DAY, 18),
            "rrule": f"FREQ=WEEKLY;BYDAY={RRULE_DAY};COUNT=3", "format": "online"}


DOCUMENT = {
    "networks": [{"slug": "ist-bochum", "name": "zdi-Netzwerk IST.Bochum.NRW"},
                 {"slug": "mint-nord", "name": "MINT-Region Nord"}],
    "events": [event(f"treff-{DAY.isoformat()}", "ist-bochum"), event("a-barcamp", "ist-bochum", "barcamp"),
               event("b-treffen", "mint-nord"), event("b-barcamp", "mint-nord", "barcamp")],
    "series": [series("a-runde", "ist-bochum")],
}
A_EVENT = f"treff-{DAY.isoformat()}"


def dump(db, network_slug):
    """Every row that belongs to the network, table by table (columns that only delivery changes left out)."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        (net,) = con.execute("SELECT id FROM networks WHERE slug = ?", (network_slug,)).fetchone()
        ids = {"network_id": [net], "id@networks": [net]}
        ids["event_id"] = [r[0] for r in con.execute("SELECT id FROM events WHERE network_id = ?", (net,))]
        ids["series_id"] = [r[0] for r in con.execute("SELECT id FROM series WHERE network_id = ?", (net,))]
        marks = ",".join("?" * len(ids["event_id"])) or "NULL"
        ids["registration_id"] = [r[0] for r in con.execute(
            f"SELECT id FROM registrations WHERE event_id IN ({marks})", ids["event_id"])]
        ids["session_id"] = [r[0] for r in con.execute(
            f"SELECT id FROM sessions WHERE event_id IN ({marks})", ids["event_id"])]
        out = {}
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            columns = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
            key = ("id@networks" if table == "networks" else
                   next((c for c in ["network_id", "event_id", "series_id", "registration_id", "session_id"]
                         if c in columns), None))
            if key is None:
                continue
            column = "id" if key == "id@networks" else key
            kept = [c for c in columns if not (table == "outbox" and c not in
                                                ("id", "kind", "registration_id", "recipient", "payload", "created_at"))]
            values = ids[key]
            marks = ",".join("?" * len(values)) or "NULL"
            rows = con.execute(f"SELECT {', '.join(kept)} FROM {table} WHERE {column} IN ({marks})", values)
            out[table] = sorted(repr(r) for r in rows)
        return out
    finally:
        con.close()


class CrossNetworkTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.db = os.path.join(cls.tmp.name, "cross.db")
        import_document(BINARY, cls.db, DOCUMENT)
        create_organiser(BINARY, cls.db, "jana@ist-bochum.example", networks=["ist-bochum"])
        create_organiser(BINARY, cls.db, "nils@mint-nord.example", networks=["mint-nord"])
        cls.token = api_token(BINARY, cls.db, "nils@mint-nord.example")
        cls.server = TreffpunktServer(BINARY, cls.db, "--rate-limit", "0").__enter__()
        cls.jana, cls.nils = Browser(cls.server.base), Browser(cls.server.base)
        assert cls.jana.login("jana@ist-bochum.example", PASSWORD)[0] == 303
        assert cls.nils.login("nils@mint-nord.example", PASSWORD)[0] == 303
        for slug, who in [(A_EVENT, "anna"), ("a-barcamp", "ben"), ("b-treffen", "bea")]:
            body = json.dumps({"name": who, "email": f"{who}@example.org", "consent": True,
                               "answers": {"essen": "vegan"}}).encode()
            urllib.request.urlopen(urllib.request.Request(
                f"{cls.server.base}/api/v1/events/{slug}/registrations", data=body,
                headers={"Content-Type": "application/json"}), timeout=30).read()
        cls.a_room, cls.a_slot, cls.a_session = cls.programme(cls.jana, "a-barcamp")
        cls.b_room, cls.b_slot, cls.b_session = cls.programme(cls.nils, "b-barcamp")
        cls.a_registration = cls.registration_id(A_EVENT)

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)
        cls.tmp.cleanup()

    @classmethod
    def programme(cls, who, slug):
        """A room, a slot and a session at the barcamp, entered by its organiser; returns their ids."""
        path = f"/admin/events/{slug}/sessions"
        for fields in [{"action": "room", "name": "Aula", "capacity": "80"},
                       {"action": "slot", "date": DAY.isoformat(), "from": "11:00", "to": "12:00"},
                       {"action": "session", "title": "Drohnen", "host": "Host", "kind": "talk"}]:
            status, _, body = who.request(path, {**fields, "csrf": who.csrf(path)})
            assert status == 303, (slug, fields, status, body[:2000])
        con = sqlite3.connect(f"file:{cls.db}?mode=ro", uri=True)
        event_id = con.execute("SELECT id FROM events WHERE slug = ?", (slug,)).fetchone()[0]
        found = [con.execute(f"SELECT max(id) FROM {t} WHERE event_id = ?", (event_id,)).fetchone()[0]
                 for t in ["session_rooms", "session_slots", "sessions"]]
        con.close()
        return found

    @classmethod
    def registration_id(cls, slug):
        con = sqlite3.connect(f"file:{cls.db}?mode=ro", uri=True)
        (rid,) = con.execute("SELECT r.id FROM registrations r JOIN events e ON e.id = r.event_id "
                             "WHERE e.slug = ?", (slug,)).fetchone()
        con.close()
        return rid

    def api(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.server.base + path, data=data, method=method,
                                     headers={"Authorization": "Bearer " + self.token,
                                              "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def form(self, path, fields, page=None):
        return self.nils.request(path, {**fields, "csrf": self.nils.csrf(page or "/admin")})[0::2]

    def writes(self):
        """(name, write, statuses that count as refused). Every one is run by B's organiser against A."""
        a_series_fields = {**series("a-runde", "mint-nord"), "title": "Übernommen"}
        b_series_colliding = series("treff", "mint-nord")
        form_series = {k: v for k, v in b_series_colliding.items()}
        event_of_a = {**event(A_EVENT, "mint-nord"), "title": "Übernommen", "capacity": 500}
        event_form = {**{k: str(v) for k, v in event(A_EVENT, "mint-nord").items() if k != "questions"},
                      "title": "Übernommen", "capacity": "500", "question.0.label": "Wer?",
                      "question.0.type": "text"}
        rid, room, slot, session = self.a_registration, self.a_room, self.a_slot, self.a_session
        return [
            ("API: a series whose date takes A's event", lambda: self.api("POST", "/api/v1/series", b_series_colliding),
             {422}),
            ("form: a series whose date takes A's event", lambda: self.form("/admin/series/new", form_series,
                                                                              "/admin/series/new"), {422}),
            ("API: create an event with A's slug", lambda: self.api("POST", "/api/v1/events", event_of_a), {422}),
            ("API: change A's event into B", lambda: self.api("PUT", f"/api/v1/events/{A_EVENT}", event_of_a), {403}),
            ("API: change A's event, same network", lambda: self.api(
                "PUT", f"/api/v1/events/{A_EVENT}", {**event_of_a, "network": "ist-bochum"}), {403}),
            ("form: create an event with A's slug", lambda: self.form("/admin/events/new", event_form,
                                                                        "/admin/events/new"), {422}),
            ("form: edit A's event (questions too)", lambda: self.form(f"/admin/events/{A_EVENT}/edit", event_form),
             {403}),
            ("API: change A's series", lambda: self.api("PUT", "/api/v1/series/a-runde", a_series_fields), {403}),
            ("API: create a series with A's series slug", lambda: self.api("POST", "/api/v1/series", a_series_fields),
             {422}),
            ("form: edit A's series", lambda: self.form("/admin/series/a-runde/edit",
                                                        {k: str(v) for k, v in a_series_fields.items()}), {403}),
            ("form: reject A's registration", lambda: self.form(
                f"/admin/events/{A_EVENT}/registrations/{rid}/reject", {"confirmed": "yes"}), {403}),
            ("form: A's registration through B's event", lambda: self.form(
                f"/admin/events/b-treffen/registrations/{rid}/reject", {"confirmed": "yes"}), {404}),
            ("API: reject A's registration", lambda: self.api(
                "POST", f"/api/v1/events/{A_EVENT}/registrations/{rid}/reject"), {403}),
            ("API: A's registration through B's event", lambda: self.api(
                "POST", f"/api/v1/events/b-treffen/registrations/{rid}/check-in"), {404}),
            ("form: message A's attendees", lambda: self.form(
                f"/admin/events/{A_EVENT}/message", {"confirmed": "yes", "subject": "Hallo", "body": "Text"}), {403}),
            ("form: add a room at A's barcamp", lambda: self.form(
                "/admin/events/a-barcamp/sessions", {"action": "room", "name": "Keller", "capacity": "5"}), {403}),
            ("form: remove A's room through B's barcamp", lambda: self.form(
                "/admin/events/b-barcamp/sessions", {"confirmed": "yes", "action": "remove_room", "id": str(room)}), {409}),
            ("form: remove A's slot through B's barcamp", lambda: self.form(
                "/admin/events/b-barcamp/sessions", {"confirmed": "yes", "action": "remove_slot", "id": str(slot)}), {409}),
            ("form: remove A's session through B's barcamp", lambda: self.form(
                "/admin/events/b-barcamp/sessions", {"confirmed": "yes", "action": "place", "remove": str(session)}), {409}),
            ("form: place A's session in B's room", lambda: self.form(
                "/admin/events/b-barcamp/sessions", {"action": "place", f"room.{session}": str(self.b_room),
                                                      f"slot.{session}": str(self.b_slot)}), {303}),
            ("form: place B's session in A's room", lambda: self.form(
                "/admin/events/b-barcamp/sessions", {"action": "place", f"room.{self.b_session}": str(room),
                                                      f"slot.{self.b_session}": str(slot)}), {409}),
            ("form: forget a person of A", lambda: self.form("/admin/forget", {"confirmed": "yes", "email": "anna@example.org"}), {403}),
            ("form: invite an organiser into A", lambda: self.form(
                "/admin/organisers", {"email": "x@example.org", "name": "X", "role": "organiser",
                                      "network": "ist-bochum"}), {403}),
        ]

    def test_no_write_of_b_changes_a_row_of_a(self):
        writes = self.writes()
        for name, write, refused in writes:
            with self.subTest(name):
                before = dump(self.db, "ist-bochum")
                status, body = write()
                self.assertIn(status, refused, (name, body[:600]))
                self.assertEqual(dump(self.db, "ist-bochum"), before, name)

    def test_the_colliding_series_names_the_event_and_the_field(self):
        status, body = self.api("POST", "/api/v1/series", series("treff", "mint-nord"))
        self.assertEqual(status, 422)
        answer = json.loads(body)
        self.assertIn(A_EVENT, answer["fields"]["slug"])
        status, page = self.form("/admin/series/new", series("treff", "mint-nord"), "/admin/series/new")
        self.assertEqual(status, 422)
        self.assertIn(A_EVENT.encode(), page)
        self.assertRegex(page.decode(), r"(?s)Termin der Reihe.*" + re.escape(A_EVENT))
        self.assertEqual(self.jana.request(f"/admin/events/{A_EVENT}")[0], 200)  # A still manages it

    def test_a_still_works_with_its_own_rows(self):
        self.assertEqual(self.jana.request(f"/admin/events/{A_EVENT}")[0], 200)
        self.assertEqual(self.jana.request("/admin/events/a-barcamp/sessions")[0], 200)


if __name__ == "__main__":
    unittest.main()
