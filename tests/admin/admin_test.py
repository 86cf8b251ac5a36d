#!/usr/bin/python3
"""The organisers' side through the real server: login (CSRF, growing delay), roles (an organiser of one network
can neither read, change nor export another network's data, by session or by API token), attendee actions and
check-in, and the exports read back by independent readers: Python's csv module and python3-openpyxl."""
import csv
import datetime
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request

import openpyxl

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from treffpunkt_process import TreffpunktServer  # noqa: E402
from link_token import link_token  # noqa: E402
from visitor import Browser  # noqa: E402

BINARY = os.environ["TREFFPUNKT"]
PASSWORD = "ein-langes-passwort"


def local(days, hour):
    return f"{(datetime.date.today() + datetime.timedelta(days=days)).isoformat()}T{hour:02d}:00"


def event(slug, network, title):
    return {"slug": slug, "network": network, "kind": "meeting", "title": title, "start": local(20, 10),
            "end": local(20, 17), "time_zone": "Europe/Berlin", "capacity": 2,
            "registration_opens": local(-2, 9), "registration_closes": local(19, 9),
            "questions": [{"key": "essen", "label": "Essen", "type": "single_choice",
                           "options": ["vegetarisch", "vegan"]}]}


DOCUMENT = {
    "networks": [{"slug": "ist-bochum", "name": "zdi-Netzwerk IST.Bochum.NRW"},
                 {"slug": "mint-nord", "name": "MINT-Region Nord"}],
    "events": [event("fachtag-bochum", "ist-bochum", "Fachtag Bochum"),
               event("barcamp-bochum", "ist-bochum", "Barcamp Bochum"),
               event("netzwerktreffen-nord", "mint-nord", "Netzwerktreffen Nord")],
}


class AdminTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.db = os.path.join(cls.tmp.name, "admin.db")
        path = os.path.join(cls.tmp.name, "doc.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(DOCUMENT, f)
        subprocess.run([BINARY, "import", path, "--db", cls.db], check=True, capture_output=True)
        for email, role, networks in [("admin@mint.example", "admin", []),
                                      ("jana@ist-bochum.example", "organiser", ["ist-bochum"]),
                                      ("nils@mint-nord.example", "organiser", ["mint-nord"]),
                                      ("guess@mint-nord.example", "organiser", ["mint-nord"])]:
            args = [BINARY, "create-organiser", "--db", cls.db, "--email", email, "--name", email.split("@")[0],
                    "--role", role, "--password-stdin"]
            for n in networks:
                args += ["--network", n]
            subprocess.run(args, input=PASSWORD + "\n", text=True, check=True, capture_output=True)
        cls.tokens = {email: subprocess.run([BINARY, "create-api-token", "--db", cls.db, "--email", email],
                                            check=True, capture_output=True, text=True).stdout.strip()
                      for email in ["jana@ist-bochum.example", "nils@mint-nord.example"]}
        cls.server = TreffpunktServer(BINARY, cls.db, "--rate-limit", "0").__enter__()
        for name, email, answer in [("Anna Müller", "anna@example.org", "vegan"),
                                    ("=HYPERLINK(\"http://evil\")", "eve@example.org", "vegetarisch"),
                                    ("Ben Brauer", "ben@example.org", "vegan")]:
            body = json.dumps({"name": name, "email": email, "consent": True, "organisation": "Schule; Am See",
                               "answers": {"essen": answer}}).encode()
            urllib.request.urlopen(urllib.request.Request(
                cls.server.base + "/api/v1/events/fachtag-bochum/registrations", data=body,
                headers={"Content-Type": "application/json"}), timeout=30).read()

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)
        cls.tmp.cleanup()

    def signed_in(self, email):
        browser = Browser(self.server.base)
        status, headers, _ = browser.login(email, PASSWORD)
        self.assertEqual(status, 303)
        self.assertEqual(headers["Location"], "/admin")
        cookie = headers["Set-Cookie"]
        self.assertIn("HttpOnly", cookie)
        self.assertIn("SameSite=Lax", cookie)
        return browser

    def api(self, path, token=None):
        headers = {"Authorization": "Bearer " + token} if token else {}
        return Browser(self.server.base).request(path, headers=headers)

    def registration_id(self, email):
        status, _, body = self.api("/api/v1/events/fachtag-bochum/attendees.json",
                                   self.tokens["jana@ist-bochum.example"])
        self.assertEqual(status, 200)
        import sqlite3
        with sqlite3.connect(self.db) as c:
            return c.execute("SELECT id FROM registrations WHERE email = ?", (email,)).fetchone()[0]

    def test_a_scanned_check_in_code_opens_the_person_for_their_organisers_only(self):
        """The QR code on a confirmed person's page carries /admin/events/{slug}/door/{id}/{code}; the code is
        BLAKE2b of the link token keyed with a fixed context (computed here with Python's hashlib, independently)."""
        import hashlib
        body = json.dumps({"name": "Dora Tür", "email": "dora@example.org", "consent": True,
                           "answers": {"essen": "vegan"}}).encode()
        urllib.request.urlopen(urllib.request.Request(
            self.server.base + "/api/v1/events/netzwerktreffen-nord/registrations", data=body,
            headers={"Content-Type": "application/json"}), timeout=30).read()
        token = link_token(self.db, "netzwerktreffen-nord", "dora@example.org")
        rid = self.registration_id("dora@example.org")
        code = hashlib.blake2b(token.encode(), digest_size=16, key=b"treffpunkt check-in code, v1").hexdigest()
        door = f"/admin/events/netzwerktreffen-nord/door/{rid}/{code}"
        person = Browser(self.server.base)
        _, _, own_page = person.request("/r/" + token)
        self.assertNotIn(b"<svg", own_page)  # no code before the address is confirmed
        confirm = person.csrf(f"/r/{token}/confirm")
        self.assertEqual(person.request(f"/r/{token}/confirm", {"csrf": confirm})[0], 303)
        _, _, own_page = person.request("/r/" + token)
        self.assertIn(b'<svg xmlns="http://www.w3.org/2000/svg"', own_page)  # the QR code, for a confirmed person
        self.assertIn("Ihr Code für den Einlass".encode(), own_page)
        nils = self.signed_in("nils@mint-nord.example")
        status, _, page = nils.request(door)
        self.assertEqual(status, 200)
        self.assertIn("<h1>Dora Tür</h1>".encode(), page)
        self.assertIn(b">Ist da</button>", page)
        self.assertNotIn(b"Ablehnen", page)  # nobody is rejected at the door
        for wrong in (f"/admin/events/netzwerktreffen-nord/door/{rid}/{'0' * 32}",
                      f"/admin/events/netzwerktreffen-nord/door/{rid + 1}/{code}",
                      f"/admin/events/netzwerktreffen-nord/door/x/{code}"):
            status, _, page = nils.request(wrong)
            self.assertEqual(status, 404, wrong)
            self.assertIn("Code nicht erkannt".encode(), page)
        jana = self.signed_in("jana@ist-bochum.example")
        status, _, page = jana.request(f"/admin/events/fachtag-bochum/door/{rid}/{code}")  # not this event's code
        self.assertEqual(status, 404)
        status, _, page = jana.request(door)  # another network's organiser
        self.assertEqual(status, 403)
        self.assertNotIn("Dora Tür".encode(), page)

    def test_pages_need_a_session(self):
        browser = Browser(self.server.base)
        status, headers, _ = browser.request("/admin")
        self.assertEqual((status, headers["Location"]), (303, "/admin/login"))
        self.assertEqual(browser.request("/admin/events/fachtag-bochum/attendees.csv")[0], 303)

    def test_a_wrong_password_keeps_the_email_and_failures_slow_down(self):
        browser = Browser(self.server.base)
        status, _, body = browser.login("guess@mint-nord.example", "falsch")
        self.assertEqual(status, 401)
        self.assertIn(b'value="guess@mint-nord.example"', body)
        self.assertIn("stimmen nicht".encode(), body)
        # The third failure locks for a second; one more after that, two seconds: the wait doubles. While it
        # lasts, even the right password waits and nothing is counted.
        browser.login("guess@mint-nord.example", "falsch")
        browser.login("guess@mint-nord.example", "falsch")  # the third failure
        time.sleep(1.1)
        self.assertEqual(browser.login("guess@mint-nord.example", "falsch")[0], 401)  # the fourth
        status, headers, _ = browser.login("guess@mint-nord.example", PASSWORD)
        self.assertIn(int(headers["Retry-After"]), (1, 2))
        self.assertEqual(status, 429, "even the right password waits")
        status, _, _ = browser.request("/admin/login", {"csrf": "0" * 32, "email": "x", "password": "y"})
        self.assertEqual(status, 400)  # CSRF

    def test_organisers_see_only_their_networks(self):
        jana = self.signed_in("jana@ist-bochum.example")
        _, _, home = jana.request("/admin")
        self.assertIn(b"Fachtag Bochum", home)
        self.assertNotIn(b"Netzwerktreffen Nord", home)
        nils = self.signed_in("nils@mint-nord.example")
        for path in ["/admin/events/fachtag-bochum", "/admin/events/fachtag-bochum/attendees.csv",
                     "/admin/events/fachtag-bochum/checkin?q=anna", "/admin/networks/ist-bochum/attendees.csv"]:
            self.assertEqual(nils.request(path)[0], 403, path)
        csrf = nils.csrf("/admin")
        rid = self.registration_id("ben@example.org")
        status, _, _ = nils.request(f"/admin/events/fachtag-bochum/registrations/{rid}/reject", {"csrf": csrf})
        self.assertEqual(status, 403)
        self.assertEqual(self.api("/api/v1/events/fachtag-bochum/attendees.csv",
                                  self.tokens["nils@mint-nord.example"])[0], 403)
        self.assertEqual(self.api("/api/v1/events/fachtag-bochum/attendees.csv")[0], 401)
        self.assertEqual(self.api("/api/v1/events/fachtag-bochum/attendees.csv", "tp_" + "0" * 64)[0], 401)
        admin = self.signed_in("admin@mint.example")
        self.assertIn(b"Netzwerktreffen Nord", admin.request("/admin")[2])

    def test_csv_for_excel_and_formula_injection(self):
        status, headers, body = self.api("/api/v1/events/fachtag-bochum/attendees.csv",
                                         self.tokens["jana@ist-bochum.example"])
        self.assertEqual(status, 200)
        self.assertTrue(headers["Content-Disposition"].startswith("attachment"))
        self.assertTrue(body.startswith(b"\xef\xbb\xbf"))
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
        self.assertEqual(rows[0][:4], ["Name", "E-Mail", "Organisation", "Status"])
        self.assertEqual(rows[0][-1], "Essen")
        by_email = {r[1]: r for r in rows[1:]}
        self.assertEqual(by_email["anna@example.org"][0], "Anna Müller")
        self.assertEqual(by_email["anna@example.org"][2], "Schule; Am See")
        self.assertEqual(by_email["eve@example.org"][0], "'=HYPERLINK(\"http://evil\")")
        self.assertEqual(by_email["ben@example.org"][3], "Warteliste")
        self.assertEqual(by_email["ben@example.org"][4], "1")
        _, _, comma = self.api("/api/v1/events/fachtag-bochum/attendees.csv?sep=,",
                               self.tokens["jana@ist-bochum.example"])
        self.assertEqual(list(csv.reader(io.StringIO(comma.decode("utf-8-sig"))))[1:], rows[1:])
        self.assertEqual(self.api("/api/v1/events/fachtag-bochum/attendees.csv?sep=x",
                                  self.tokens["jana@ist-bochum.example"])[0], 400)

    def test_xlsx_matches_the_csv(self):
        token = self.tokens["jana@ist-bochum.example"]
        _, _, body = self.api("/api/v1/events/fachtag-bochum/attendees.csv", token)
        expected = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
        status, headers, xlsx = self.api("/api/v1/events/fachtag-bochum/attendees.xlsx", token)
        self.assertEqual(status, 200)
        self.assertIn("spreadsheetml", headers["Content-Type"])
        sheet = openpyxl.load_workbook(io.BytesIO(xlsx)).active

        def as_csv_text(cell):  # a typed cell as the CSV writes it
            if cell is None:
                return ""
            if isinstance(cell, datetime.datetime):
                return cell.strftime("%Y-%m-%d %H:%M")
            return str(cell)
        got = [[as_csv_text(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]
        # Text cells are never formulas, so they need no apostrophe: the CSV's is dropped.
        self.assertEqual(got, [[c[1:] if c.startswith("'=") else c for c in row] for row in expected])
        header = [c.value for c in sheet[1]]
        registered = sheet.cell(row=2, column=header.index("Angemeldet") + 1)
        self.assertIsInstance(registered.value, datetime.datetime)  # a real date, formatted as one
        self.assertEqual(registered.number_format, "dd.mm.yyyy hh:mm")
        types = {cell.data_type for row in sheet.iter_rows() for cell in row if cell.value}
        self.assertTrue({"s"} < types <= {"s", "n", "d"}, types)  # text, numbers and dates; never a formula
        self.assertEqual(sheet.freeze_panes, "A2")

    def test_actions_and_check_in_show_in_the_exports(self):
        jana = self.signed_in("jana@ist-bochum.example")
        rid = self.registration_id("anna@example.org")
        csrf = jana.csrf("/admin/events/fachtag-bochum")
        base = f"/admin/events/fachtag-bochum/registrations/{rid}"
        self.assertEqual(jana.request(base + "/check-in", {"csrf": csrf})[0], 409)  # not confirmed yet
        status, headers, _ = jana.request(base + "/confirm", {"csrf": csrf, "back": "list"})
        self.assertEqual((status, headers["Location"]), (303, "/admin/events/fachtag-bochum"))
        status, headers, _ = jana.request(base + "/check-in", {"csrf": csrf, "back": "checkin?q=anna"})
        self.assertEqual((status, headers["Location"]), (303, "/admin/events/fachtag-bochum/checkin?q=anna"))
        self.assertEqual(jana.request(base + "/check-in", {"csrf": "f" * 32})[0], 400)  # CSRF
        _, _, page = jana.request("/admin/events/fachtag-bochum/checkin?q=anna")
        self.assertIn("angekommen".encode(), page)
        _, _, body = jana.request("/admin/events/fachtag-bochum/attendees.json")
        anna = next(a for a in json.loads(body)["attendees"] if a["email"] == "anna@example.org")
        self.assertEqual(anna["status"], "confirmed")
        self.assertIsNotNone(anna["checked_in_at"])
        _, _, listing = jana.request("/admin/events/fachtag-bochum/checkin-list")
        self.assertIn("☑".encode(), listing)
        jana.request(base + "/undo-check-in", {"csrf": csrf})
        _, _, body = jana.request("/admin/events/fachtag-bochum/attendees.json")
        anna = next(a for a in json.loads(body)["attendees"] if a["email"] == "anna@example.org")
        self.assertIsNone(anna["checked_in_at"])
        _, _, filtered = jana.request("/admin/events/fachtag-bochum?status=waitlisted")
        self.assertIn(b"ben@example.org", filtered)
        self.assertNotIn(b"anna@example.org", filtered)

    def test_network_export_spans_its_events(self):
        jana = self.signed_in("jana@ist-bochum.example")
        status, _, body = jana.request("/admin/networks/ist-bochum/attendees.csv")
        self.assertEqual(status, 200)
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
        self.assertEqual(rows[0][:3], ["Veranstaltung", "Beginn", "Name"])
        events = {r[0] for r in rows[1:]}
        self.assertIn("Fachtag Bochum", events)
        self.assertLessEqual(events, {"Fachtag Bochum", "Barcamp Bochum"})  # never another network's

    def event_fields(self, **changes):
        fields = {"network": "ist-bochum", "slug": "werkstatt-robotik", "title": "Werkstatt Robotik", "kind": "meeting",
                  "description": "Roboter bauen.", "time_zone": "Europe/Berlin", "start": local(30, 14),
                  "end": local(30, 17), "format": "in_person", "venue": "Zeche Hannover", "address": "",
                  "join_url": "", "info_url": "", "capacity": "20", "registration_opens": "",
                  "registration_closes": "", "reminders": "7d, 1d", "status": "published"}
        fields.update(changes)
        return fields

    def test_organisers_create_and_change_events(self):
        jana = self.signed_in("jana@ist-bochum.example")
        csrf = jana.csrf("/admin/events/new")
        status, _, body = jana.request("/admin/events/new", {"csrf": csrf, **self.event_fields(end=local(30, 13))})
        self.assertEqual(status, 422)
        self.assertIn(b'id="f-end-error"', body)
        self.assertIn(b'value="Werkstatt Robotik"', body)  # kept
        status, _, body = jana.request("/admin/events/new", {"csrf": csrf, **self.event_fields(network="mint-nord")})
        self.assertEqual(status, 422)
        self.assertIn(b'id="f-network-error"', body)
        question = {"q0.label": "Größe (T-Shirt)", "q0.type": "single_choice", "q0.options": "S\nM, L", "q0.required": "on"}
        status, headers, _ = jana.request("/admin/events/new", {"csrf": csrf, **self.event_fields(), **question})
        self.assertEqual((status, headers["Location"]), (303, "/admin/events/werkstatt-robotik/edit?saved=yes"))
        status, _, public = self.server.get("/events/werkstatt-robotik")
        self.assertEqual(status, 200)
        self.assertIn("Größe (T-Shirt)".encode(), public)  # asked on the registration form
        _, _, form = jana.request("/admin/events/werkstatt-robotik/edit")
        self.assertIn(b'name="q0.key" value="groesse-t-shirt"', form)
        status, _, _ = jana.request("/admin/events/new", {"csrf": csrf, **self.event_fields()})
        self.assertEqual(status, 422)  # the short name is taken
        body = json.dumps({"name": "Paula", "email": "paula@example.org", "consent": True,
                           "answers": {"groesse-t-shirt": "M, L"}}).encode()  # a choice with a comma
        urllib.request.urlopen(urllib.request.Request(
            self.server.base + "/api/v1/events/werkstatt-robotik/registrations", data=body,
            headers={"Content-Type": "application/json"}), timeout=30).read()
        status, _, form = jana.request("/admin/events/werkstatt-robotik/edit")
        self.assertEqual(status, 200)
        self.assertIn("bekommen alle Angemeldeten (1, auch auf der Warteliste) eine E-Mail".encode(), form)
        status, _, _ = jana.request("/admin/events/werkstatt-robotik/edit",
                                    {"csrf": csrf, **self.event_fields(venue="Zeche Zollern", slug="ignored"),
                                     **question, "q0.key": "groesse-t-shirt"})
        self.assertEqual(status, 303)
        import sqlite3
        with sqlite3.connect(self.db) as c:
            kinds = [r[0] for r in c.execute("SELECT kind FROM outbox WHERE recipient = 'paula@example.org'")]
            before = json.loads(c.execute("SELECT payload FROM outbox WHERE recipient = 'paula@example.org' AND "
                                          "kind = 'event_changed'").fetchone()[0])["before"]
            audit = c.execute("SELECT actor, action, detail FROM audit_log a JOIN events e ON e.id = a.event_id "
                              "WHERE e.slug = 'werkstatt-robotik' ORDER BY a.id").fetchall()
        self.assertEqual(before["venue"], "Zeche Hannover")  # the change mail says what it was
        self.assertIn("event_changed", kinds)
        self.assertEqual(audit[0], ("jana@ist-bochum.example", "create_event", "published"))
        self.assertEqual(audit[1][:2], ("jana@ist-bochum.example", "update_event"))
        self.assertEqual(json.loads(audit[1][2]), [{"field": "place", "from": "in_person, Zeche Hannover",
                                                    "to": "in_person, Zeche Zollern"}])
        _, _, page = jana.request("/admin/events/werkstatt-robotik/audit")
        self.assertIn("Veranstaltung geändert".encode(), page)
        self.assertIn("Ort: vor Ort, Zeche Hannover → vor Ort, Zeche Zollern".encode(), page)
        nils = self.signed_in("nils@mint-nord.example")
        self.assertEqual(nils.request("/admin/events/werkstatt-robotik/edit")[0], 403)
        self.assertEqual(nils.request("/admin/events/werkstatt-robotik/audit")[0], 403)

    def test_a_new_event_is_a_draft_until_published_and_saving_says_so(self):
        jana = self.signed_in("jana@ist-bochum.example")
        _, _, form = jana.request("/admin/events/new")
        self.assertIn(b'<input type="hidden" name="status" value="draft">', form)
        self.assertIn("Speichern und veröffentlichen".encode(), form)
        csrf = jana.csrf("/admin/events/new")
        fields = {"csrf": csrf, **self.event_fields(slug="entwurf-robotik", status="draft"),
                  "q0.label": "", "q1.label": ""}
        status, _, body = jana.request("/admin/events/new", dict(fields, end=local(30, 13), publish="yes"))
        self.assertEqual(status, 422)
        self.assertIn(b'<input type="hidden" name="status" value="draft">', body)  # still a draft
        self.assertEqual(body.count(b'class="question"'), 2)  # as many question rows as before
        self.assertIn("<a href=\"#f-end\">Ende: Das Ende liegt vor dem Beginn.</a>".encode(), body)
        status, headers, _ = jana.request("/admin/events/new", dict(fields, publish="no"))
        self.assertEqual((status, headers["Location"]), (303, "/admin/events/entwurf-robotik/edit?saved=yes"))
        self.assertEqual(self.server.get("/events/entwurf-robotik")[0], 404)  # not public yet
        _, _, saved = jana.request(headers["Location"])
        self.assertIn("Noch ein Entwurf".encode(), saved)
        status, headers, _ = jana.request("/admin/events/entwurf-robotik/edit", dict(fields, publish="yes"))
        self.assertEqual(status, 303)
        self.assertEqual(self.server.get("/events/entwurf-robotik")[0], 200)
        _, _, saved = jana.request(headers["Location"])
        self.assertIn("Öffentlich und in den Kalendern:".encode(), saved)
        self.assertIn(b'/events/entwurf-robotik">', saved)
        self.assertIn("<option value=\"published\" selected=\"selected\">Veröffentlicht</option>".encode(), saved)

    def call(self, method, path, body=None, token=None):
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = "Bearer " + token
        data = json.dumps(body).encode() if body is not None else (b"" if method in ("POST", "PUT") else None)
        req = urllib.request.Request(self.server.base + path, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def test_openapi_matches_the_real_routes(self):
        """Every operation the document lists answers on the real server with a status the document lists."""
        status, body = self.call("GET", "/api/v1/openapi.json")
        self.assertEqual(status, 200)
        doc = json.loads(body)
        self.assertTrue(doc["openapi"].startswith("3."))
        token = self.tokens["jana@ist-bochum.example"]
        person = {"name": "Olga", "email": "olga@example.org", "consent": True, "answers": {"essen": "vegan"}}
        self.call("POST", "/api/v1/events/fachtag-bochum/registrations", person)
        self.call("POST", "/api/v1/series", self.series_body(), token)  # for /api/v1/series/{slug}
        values = {"slug": "fachtag-bochum", "token": link_token(self.db, "fachtag-bochum", "olga@example.org"),
                  "id": str(self.registration_id("ben@example.org")), "action": "check-in"}
        bodies = {("/api/v1/events", "post"): event("api-neu", "ist-bochum", "Per API angelegt"),
                  ("/api/v1/series", "post"): self.series_body(slug="api-reihe-2"),
                  ("/api/v1/events/{slug}", "put"): DOCUMENT["events"][0],
                  ("/api/v1/events/{slug}/registrations", "post"): dict(person, email="pia@example.org")}
        calls = 0
        for template, item in doc["paths"].items():
            path = re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], template)
            if template == "/api/v1/series/{slug}":
                path, bodies[(template, "put")] = "/api/v1/series/api-reihe", self.series_body()
            for method, op in item.items():
                if method == "parameters":
                    continue
                with self.subTest(method=method, path=template):
                    signed = bool(op.get("security"))  # [{}, ...]: a token is optional (an organiser's use)
                    secured = signed and {} not in op["security"]
                    status, _ = self.call(method.upper(), path, bodies.get((template, method)), token if signed else None)
                    self.assertIn(str(status), op["responses"], (method, path, status))
                    self.assertNotEqual(status, 404 if "{" not in template else 0)
                    if secured:
                        self.assertIn("401", op["responses"])
                        self.assertEqual(self.call(method.upper(), path, bodies.get((template, method)))[0], 401)
                    calls += 1
        self.assertGreaterEqual(calls, 12)

    def series_body(self, slug="api-reihe", **changes):
        first = datetime.date.today() + datetime.timedelta(days=7)
        body = {"slug": slug, "network": "ist-bochum", "kind": "exchange_round", "title": "Austauschrunde",
                "rrule": "FREQ=WEEKLY;COUNT=4", "start": f"{first.isoformat()}T17:00", "end": f"{first.isoformat()}T18:30",
                "time_zone": "Europe/Berlin", "format": "online", "capacity": 10}
        body.update(changes)
        return body

    def test_the_api_creates_and_changes_series_with_skipped_and_moved_dates(self):
        token = self.tokens["jana@ist-bochum.example"]
        first = datetime.date.today() + datetime.timedelta(days=7)
        second = first + datetime.timedelta(days=7)
        status, body = self.call("POST", "/api/v1/series",
                                 self.series_body("runde-api", exdates=[f"{second.isoformat()}T17:00"]), token)
        self.assertEqual(status, 201, body)
        self.assertEqual(json.loads(body)["occurrences"], 3)
        third = second + datetime.timedelta(days=7)
        moved = self.series_body("runde-api", exdates=[f"{second.isoformat()}T17:00"],
                                 overrides=[{"original_start": f"{third.isoformat()}T17:00",
                                             "start": f"{third.isoformat()}T18:00", "end": f"{third.isoformat()}T19:30"}])
        status, body = self.call("PUT", "/api/v1/series/runde-api", moved, token)
        self.assertEqual(status, 200, body)
        self.assertEqual(self.call("PUT", "/api/v1/series/runde-api", dict(moved, rrule="FREQ=HOURLY"), token)[0], 422)
        self.assertEqual(self.call("PUT", "/api/v1/series/runde-api", moved, self.tokens["nils@mint-nord.example"])[0], 403)
        status, body = self.call("GET", "/api/v1/series", None, self.tokens["nils@mint-nord.example"])
        self.assertNotIn("runde-api", {s["slug"] for s in json.loads(body)["series"]})
        _, feed = self.call("GET", "/series/runde-api.ics")
        self.assertIn(b"RECURRENCE-ID", feed)

    def test_organisers_create_and_change_series_with_skipped_and_moved_dates(self):
        jana = self.signed_in("jana@ist-bochum.example")
        csrf = jana.csrf("/admin/series/new")
        first = datetime.date.today() + datetime.timedelta(days=7)
        dates = [first + datetime.timedelta(days=7 * i) for i in range(4)]
        fields = {"csrf": csrf, "network": "ist-bochum", "slug": "web-runde", "title": "Web-Runde", "kind": "exchange_round",
                  "description": "", "time_zone": "Europe/Berlin", "start": f"{first.isoformat()}T17:00",
                  "end": f"{first.isoformat()}T18:00", "rrule": "FREQ=WEEKLY;COUNT=4",
                  "exdates": f"{dates[1].isoformat()}T17:00\n",
                  "overrides": f"{dates[2].isoformat()}T17:00 -> {dates[2].isoformat()}T19:00\n"
                               f"{dates[3].isoformat()}T17:00 -> abgesagt",
                  "format": "online", "venue": "", "address": "", "join_url": "", "info_url": "", "capacity": "12",
                  "reminders": "1d", "status": "published"}
        status, _, body = jana.request("/admin/series/new", dict(fields, exdates=f"{dates[1].isoformat()}T16:00"))
        self.assertEqual(status, 422)  # not a date of the series
        self.assertIn(b'id="f-exdates-error"', body)
        status, headers, _ = jana.request("/admin/series/new", fields)
        self.assertEqual((status, headers["Location"]), (303, "/admin/series/web-runde/edit?saved=yes"))
        _, _, feed = self.call_raw("/series/web-runde.ics")
        self.assertIn(b"EXDATE", feed)
        self.assertIn(b"RECURRENCE-ID", feed)
        self.assertIn(b"STATUS:CANCELLED", feed)
        _, _, form = jana.request("/admin/series/web-runde/edit")
        self.assertIn(f"{dates[2].isoformat()}T17:00 -&gt; {dates[2].isoformat()}T19:00".encode(), form)
        status, _, _ = jana.request("/admin/series/web-runde/edit", dict(fields, title="Web-Runde (neu)", exdates=""))
        self.assertEqual(status, 303)
        self.assertIn("Web-Runde (neu)", self.call_raw("/series/web-runde")[2].decode())
        nils = self.signed_in("nils@mint-nord.example")
        self.assertEqual(nils.request("/admin/series/web-runde/edit")[0], 403)

    def call_raw(self, path):
        return self.server.get(path)

    def test_the_api_creates_and_changes_events_within_its_networks(self):
        token = self.tokens["jana@ist-bochum.example"]
        status, body = self.call("POST", "/api/v1/events", event("api-tagung", "ist-bochum", "API-Tagung"), token)
        self.assertEqual(status, 201)
        self.assertEqual(json.loads(body)["sequence"], 0)
        bad = dict(event("api-kaputt", "ist-bochum", "Kaputt"), end=local(20, 9))
        status, body = self.call("POST", "/api/v1/events", bad, token)
        self.assertEqual(status, 422)
        self.assertIn("end", json.loads(body)["fields"])
        self.assertEqual(self.call("POST", "/api/v1/events", event("fremd", "mint-nord", "Fremd"), token)[0], 403)
        moved = dict(event("api-tagung", "ist-bochum", "API-Tagung"), start=local(22, 10), end=local(22, 17))
        status, body = self.call("PUT", "/api/v1/events/api-tagung", moved, token)
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(body)["sequence"], 1)
        self.assertEqual(self.call("PUT", "/api/v1/events/api-tagung", dict(moved, slug="anders"), token)[0], 422)
        self.assertEqual(self.call("PUT", "/api/v1/events/netzwerktreffen-nord", moved, token)[0], 403)
        status, body = self.call("GET", "/api/v1/events", None, token)
        slugs = {e["slug"] for e in json.loads(body)["events"]}
        self.assertIn("api-tagung", slugs)
        self.assertNotIn("netzwerktreffen-nord", slugs)

    def test_messages_to_attendees_and_forgetting_a_person(self):
        import sqlite3
        self.call("POST", "/api/v1/events/barcamp-bochum/registrations",
                  {"name": "Zora", "email": "zora@example.org", "consent": True, "answers": {"essen": "vegan"}})
        jana = self.signed_in("jana@ist-bochum.example")
        csrf = jana.csrf("/admin/events/barcamp-bochum")
        message = {"csrf": csrf, "subject": "Raumänderung", "body": "Wir sind in Halle 2."}
        # First the page that says how many mails go out; nothing is queued until it is confirmed.
        status, _, page = jana.request("/admin/events/barcamp-bochum/message", message)
        self.assertEqual(status, 200)
        self.assertIn("1 E-Mails gehen hinaus".encode(), page)
        self.assertIn("Betreff: Raumänderung".encode(), page)
        with sqlite3.connect(self.db) as c:
            self.assertEqual(c.execute("SELECT COUNT(*) FROM outbox WHERE kind = 'organiser_message'").fetchone(),
                             (0,))
        status, headers, _ = jana.request("/admin/events/barcamp-bochum/message", {**message, "confirmed": "yes"})
        self.assertEqual((status, headers["Location"]), (303, "/admin/events/barcamp-bochum/audit"))
        self.assertEqual(jana.request("/admin/events/barcamp-bochum/message",
                                      {"csrf": csrf, "subject": "", "body": "x"})[0], 400)
        with sqlite3.connect(self.db) as c:
            sent = c.execute("SELECT recipient FROM outbox WHERE kind = 'organiser_message'").fetchall()
        self.assertEqual(sent, [("zora@example.org",)])
        self.assertEqual(jana.request("/admin/forget", {"csrf": csrf, "email": "zora@example.org"})[0], 403)
        admin = self.signed_in("admin@mint.example")
        forget = {"csrf": admin.csrf("/admin"), "email": "ZORA@example.org"}
        status, _, page = admin.request("/admin/forget", forget)
        self.assertEqual(status, 200)
        self.assertIn("1 Anmeldungen mit dieser Adresse".encode(), page)
        self.assertIn("1 davon sind noch aktiv".encode(), page)
        with sqlite3.connect(self.db) as c:
            self.assertEqual(c.execute("SELECT COUNT(*) FROM registrations WHERE email = 'zora@example.org'")
                             .fetchone(), (1,), "asking once more deletes nothing")
        status, _, page = admin.request("/admin/forget", {**forget, "confirmed": "yes"})
        self.assertEqual(status, 200)
        self.assertIn(b": 1", page)
        with sqlite3.connect(self.db) as c:
            left = c.execute("SELECT COUNT(*) FROM registrations WHERE email = 'zora@example.org'").fetchone()[0]
            log = c.execute("SELECT actor, detail FROM audit_log WHERE action = 'forget_person'").fetchall()
        self.assertEqual(left, 0)
        self.assertEqual(log, [("admin@mint.example", "1 registration(s) anonymised on request")])

    def test_rejecting_asks_once_more_and_mails_the_reason(self):
        import sqlite3
        status, _ = self.call("POST", "/api/v1/events/barcamp-bochum/registrations",
                              {"name": "Rita Rot", "email": "rita@example.org", "consent": True})
        self.assertEqual(status, 201)
        with sqlite3.connect(self.db) as c:
            rid = c.execute("SELECT id FROM registrations WHERE email = 'rita@example.org'").fetchone()[0]
        jana = self.signed_in("jana@ist-bochum.example")
        reject = f"/admin/events/barcamp-bochum/registrations/{rid}/reject"
        csrf = jana.csrf("/admin/events/barcamp-bochum")
        status, _, page = jana.request(reject, {"csrf": csrf, "back": "list"})
        self.assertEqual(status, 200)
        for words in ["Anmeldung von Rita Rot ablehnen?", "Rita Rot (rita@example.org) bekommt eine E-Mail",
                      "Begründung (freiwillig", "Ja, ablehnen", 'name="confirmed" value="yes"']:
            self.assertIn(words.encode(), page)
        with sqlite3.connect(self.db) as c:
            self.assertEqual(c.execute("SELECT status FROM registrations WHERE id = ?", (rid,)).fetchone(),
                             ("pending",), "the first POST only asks")
        status, headers, _ = jana.request(reject, {"csrf": csrf, "back": "list", "confirmed": "yes",
                                                   "reason": "Die Plätze sind für Lehrkräfte aus Bochum."})
        self.assertEqual((status, headers["Location"]), (303, "/admin/events/barcamp-bochum"))
        with sqlite3.connect(self.db) as c:
            self.assertEqual(c.execute("SELECT status FROM registrations WHERE id = ?", (rid,)).fetchone(),
                             ("rejected",))
        self.assertIn("Begründung: Die Plätze sind für Lehrkräfte aus Bochum.",
                      self.mail_text("rita@example.org", "abgelehnt"))
        status, _, page = jana.request(reject, {"csrf": csrf, "confirmed": "yes", "reason": "a\x01b"})
        self.assertEqual(status, 400, "a reason with control characters is refused")

    def mail_text(self, address, subject_part):
        """The plain text of the mail to `address` whose subject contains `subject_part` (the server's maildir)."""
        import email
        import email.policy
        import glob
        import time
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            for path in sorted(glob.glob(os.path.join(self.tmp.name, "maildir", "new", "*"))):
                with open(path, "rb") as f:
                    m = email.message_from_bytes(f.read(), policy=email.policy.default)
                if address in str(m["To"]) and subject_part in str(m["Subject"]):
                    return m.get_body(("plain",)).get_content()
            time.sleep(0.1)
        self.fail(f"no mail to {address} about {subject_part}")

    def mail_link(self, address, count):
        """The one-time link in the newest of `count` expected mails to `address` (the server's maildir)."""
        import email
        import email.policy
        import glob
        import time
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            mails = []
            for path in sorted(glob.glob(os.path.join(self.tmp.name, "maildir", "new", "*"))):
                with open(path, "rb") as f:
                    m = email.message_from_bytes(f.read(), policy=email.policy.default)
                if address in str(m["To"]):
                    mails.append(m)
            if len(mails) >= count:
                mails.sort(key=lambda m: m["Date"].datetime)
                text = mails[-1].get_body(("plain",)).get_content()
                return re.search(r"http://\S+/admin/password\?token=[0-9a-f]+", text).group(0)
            time.sleep(0.1)
        self.fail(f"no mail to {address}")

    def test_invitations_and_password_resets_by_email(self):
        admin = self.signed_in("admin@mint.example")
        csrf = admin.csrf("/admin")
        jana = self.signed_in("jana@ist-bochum.example")
        invite = {"csrf": csrf, "name": "Lena Neu", "email": "lena@mint-nord.example", "role": "organiser",
                  "network": "mint-nord"}
        self.assertEqual(jana.request("/admin/organisers", dict(invite, csrf=jana.csrf("/admin")))[0], 403)
        status, _, _ = admin.request("/admin/organisers", invite)
        self.assertEqual(status, 200)
        self.assertEqual(admin.request("/admin/organisers", invite)[0], 422)  # the address has an account
        link = self.mail_link("lena@mint-nord.example", 1)
        path = link[len(self.server.base):]
        lena = Browser(self.server.base)
        self.assertEqual(lena.login("lena@mint-nord.example", "irgendetwas-langes")[0], 401)  # no password yet
        token = path.split("token=")[1]
        pw_csrf = lena.csrf(path)
        status, _, _ = lena.request("/admin/password", {"csrf": pw_csrf, "token": token, "password": "lenas-passwort-1",
                                                        "again": "lenas-passwort-2"})
        self.assertEqual(status, 422)
        status, headers, _ = lena.request("/admin/password", {"csrf": pw_csrf, "token": token,
                                                              "password": "lenas-passwort-1", "again": "lenas-passwort-1"})
        self.assertEqual((status, headers["Location"]), (303, "/admin"))
        self.assertIn(b"Netzwerktreffen Nord", lena.request("/admin")[2])
        self.assertEqual(lena.request(path)[0], 404)  # used up
        # A reset: the same answer for a known and an unknown address, a mail only for the known one.
        stranger = Browser(self.server.base)
        for address in ["lena@mint-nord.example", "nobody@mint-nord.example"]:
            status, _, body = stranger.request("/admin/reset", {"csrf": stranger.csrf("/admin/reset"), "email": address})
            self.assertEqual(status, 200)
            self.assertIn("ist ein Link unterwegs".encode(), body)
        reset = self.mail_link("lena@mint-nord.example", 2)
        self.assertNotEqual(reset, link)
        reset_path = reset[len(self.server.base):]
        status, _, _ = stranger.request("/admin/password", {"csrf": stranger.csrf(reset_path),
                                                            "token": reset_path.split("token=")[1],
                                                            "password": "lenas-neues-passwort", "again": "lenas-neues-passwort"})
        self.assertEqual(status, 303)
        self.assertEqual(Browser(self.server.base).login("lena@mint-nord.example", "lenas-neues-passwort")[0], 303)
        import sqlite3
        with sqlite3.connect(self.db) as c:
            payloads = c.execute("SELECT payload FROM outbox WHERE kind LIKE 'organiser_%' AND kind <> "
                                 "'organiser_message' AND status = 'sent'").fetchall()
        self.assertTrue(payloads)
        self.assertEqual({p[0] for p in payloads}, {"{}"}, "links leave the outbox once sent")

    def test_logout_ends_the_session(self):
        nils = self.signed_in("nils@mint-nord.example")
        csrf = nils.csrf("/admin")
        status, headers, _ = nils.request("/admin/logout", {"csrf": csrf})
        self.assertEqual(status, 303)
        self.assertEqual(nils.request("/admin")[0], 303)


if __name__ == "__main__":
    unittest.main()
