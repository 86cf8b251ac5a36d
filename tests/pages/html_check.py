#!/usr/bin/python3
"""Every public page and every organiser's page is well-formed HTML5 (html5lib's strict parser: any parse error fails) and has the
accessibility basics: a language, one h1, landmarks, a skip link, labels for every form control, link texts,
no inline script or style attribute (our Content-Security-Policy forbids them); the one script is
/static/copy.js from our origin."""
import http.client
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import unittest
import urllib.parse

import html5lib

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
from treffpunkt_process import TreffpunktServer  # noqa: E402
from link_token import link_token  # noqa: E402

BINARY = os.environ["TREFFPUNKT"]
FIXTURE = os.path.join(os.path.dirname(__file__), "..", "fixtures", "conformance.json")
NS = "{http://www.w3.org/1999/xhtml}"
PAGES = ["/", "/?lang=en", "/?network=ist-bochum&kind=barcamp", "/networks", "/networks/ist-bochum",
         "/networks/mint-thueringen?lang=en", "/events/mint-barcamp-2027", "/events/webinar-mint-maedchen?lang=en",
         "/events/tag-der-offenen-labore", "/events/abgesagtes-treffen", "/events/transatlantic-exchange",
         "/events/sehr-langer-titel", "/no-such-page", "/?kind=party", "/series/alumni-austauschrunde",
         "/series/new-york-tuesdays?lang=en", "/events/alumni-austauschrunde-2027-05-25"]


def text_of(element):
    return "".join(element.itertext()).strip()


class PagesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        db = cls.db = os.path.join(cls.tmp.name, "p.db")
        subprocess.run([BINARY, "import", FIXTURE, "--db", db], check=True, capture_output=True)
        subprocess.run([BINARY, "create-organiser", "--db", db, "--email", "admin@example.org", "--name", "Admin",
                        "--role", "admin", "--password-stdin"], input="ein-langes-passwort\n", text=True, check=True,
                       capture_output=True)
        cls.server = TreffpunktServer(BINARY, db).__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)
        cls.tmp.cleanup()

    def check_page(self, path, headers=None):
        status, headers, body = self.server.get(path, headers)
        self.assertIn(status, (200, 400, 404))
        self.check_html(headers, body)

    def check_html(self, headers, body):
        self.assertEqual(headers["Content-Type"], "text/html; charset=utf-8")
        self.assertTrue(body.startswith(b"<!DOCTYPE html>"))
        parser = html5lib.HTMLParser(strict=True)
        doc = parser.parse(body)  # raises on the first parse error
        self.assertEqual(doc.get("lang"), headers["Content-Language"])
        self.assertEqual(len(doc.findall(f".//{NS}h1")), 1, "exactly one h1")
        for landmark in ("header", "nav", "main", "footer"):
            self.assertIsNotNone(doc.find(f".//{NS}{landmark}"), landmark)
        self.assertEqual(doc.find(f".//{NS}main").get("id"), "main")
        self.assertIsNotNone(doc.find(f".//{NS}a[@href='#main']"), "skip link")
        self.assertIsNotNone(doc.find(f".//{NS}meta[@name='viewport']"))
        ids = [element.get("id") for element in doc.iter() if element.get("id")]
        self.assertEqual(len(ids), len(set(ids)), f"duplicate ids: {sorted(i for i in ids if ids.count(i) > 1)}")
        labels = {label.get("for") for label in doc.iter(f"{NS}label")}
        for control in list(doc.iter(f"{NS}input")) + list(doc.iter(f"{NS}select")):
            if control.get("type") not in ("hidden", "submit"):
                self.assertIn(control.get("id"), labels, f"label for {control.get('name')}")
        for a in doc.iter(f"{NS}a"):
            self.assertTrue(text_of(a), f"link {a.get('href')} has no text")
        for script in doc.iter(f"{NS}script"):  # only our one file from 'self', never inline code
            if script.get("type") == "application/ld+json":  # data for search engines, never run
                self.assertIsNone(script.get("src"))
                self.assertEqual(json.loads(script.text)["@context"], "https://schema.org")
                continue
            self.assertEqual((script.get("src"), script.get("defer") is not None, (script.text or "").strip()),
                             ("/static/copy.js", True, ""))
        for element in doc.iter():
            self.assertIsNone(element.get("style"), "inline style")
            self.assertFalse(any(k.startswith("on") for k in element.keys()), "inline event handler")

    def test_every_page(self):
        for path in PAGES:
            with self.subTest(path=path):
                self.check_page(path)

    def session_cookie(self):
        """Signs in as an admin the way a browser does: the login form's CSRF cookie and field, then the POST."""
        _, headers, body = self.server.get("/admin/login")
        csrf_cookie = headers["Set-Cookie"].split(";")[0]
        csrf = re.search(rb'name="csrf" value="([0-9a-f]+)"', body).group(1).decode()
        form = urllib.parse.urlencode({"csrf": csrf, "email": "admin@example.org", "password": "ein-langes-passwort"})
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30)
        connection.request("POST", "/admin/login", form, {"Cookie": csrf_cookie,
                                                          "Content-Type": "application/x-www-form-urlencoded"})
        response = connection.getresponse()
        session = response.getheader("Set-Cookie")
        connection.close()
        self.assertEqual(response.status, 303)
        return session.split(";")[0] + "; " + csrf_cookie

    def test_admin_pages(self):
        self.check_page("/admin/login")
        self.check_page("/admin/reset")
        self.check_page("/admin/password?token=0")  # an invalid link: the error page
        cookie = {"Cookie": self.session_cookie()}
        with sqlite3.connect(self.db) as c:
            slug = c.execute("SELECT slug FROM events WHERE capacity IS NOT NULL ORDER BY id LIMIT 1").fetchone()[0]
        for path in ["/admin", f"/admin/events/{slug}", f"/admin/events/{slug}?status=waitlisted&q=x",
                     f"/admin/events/{slug}/checkin", f"/admin/events/{slug}/checkin?q=a",
                     f"/admin/events/{slug}/checkin-list", "/admin/events/nope", "/admin/events/new",
                     f"/admin/events/{slug}/edit", f"/admin/events/{slug}/audit", "/admin/series/new",
                     "/admin/series/alumni-austauschrunde/edit"]:
            with self.subTest(path=path):
                self.check_page(path, cookie)

    def send(self, path, body, headers):
        """A POST; (status, headers, body)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30)
        connection.request("POST", path, body, headers)
        response = connection.getresponse()
        result = response.status, response.headers, response.read()
        connection.close()
        return result

    def post(self, path, fields, cookie):
        """A form POST with the CSRF token taken from the cookie."""
        csrf = re.search(r"tp_csrf=([0-9a-f]+)", cookie).group(1)
        return self.send(path, urllib.parse.urlencode({"csrf": csrf, **fields}),
                         {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})

    def test_barcamp_pages(self):
        """The plan, the programme page and a participant's page with content, and each form shown again."""
        slug = "nachtcamp-dst-herbst"
        admin = self.session_cookie()
        programme = f"/admin/events/{slug}/sessions"
        for fields in [{"action": "room", "name": "Hörsaal 1", "capacity": "90"},
                       {"action": "slot", "date": "2027-10-30", "from": "22:00", "to": "23:00"},
                       {"action": "session", "title": "Sterne beobachten", "host": "Ida", "kind": "hands-on"}]:
            self.assertEqual(self.post(programme, fields, admin)[0], 303)
        body = json.dumps({"name": "Ida", "email": "ida@example.org", "consent": True}).encode()
        self.send(f"/api/v1/events/{slug}/registrations", body, {"Content-Type": "application/json"})
        token = link_token(self.db, slug, "ida@example.org")
        self.assertEqual(self.send(f"/api/v1/registrations/{token}/confirm", b"", {})[0], 200)
        _, headers, _ = self.server.get(f"/r/{token}/sessions")
        participant = headers["Set-Cookie"].split(";")[0]
        self.assertEqual(self.post(f"/r/{token}/sessions", {"action": "propose", "title": "Nachtfalter", "host": "Ida",
                                                             "kind": "talk"}, participant)[0], 303)
        for path, cookie in [(f"/events/{slug}/sessions", None), (f"/events/{slug}/sessions?lang=en", None),
                             (f"/events/{slug}", None), (programme, admin), (programme + "?lang=en", admin),
                             (f"/r/{token}/sessions", participant), (f"/r/{token}", participant)]:
            with self.subTest(path=path):
                self.check_page(path, {"Cookie": cookie} if cookie else None)
        for path, fields, cookie in [(programme, {"action": "room", "name": "", "capacity": "x"}, admin),
                                     (programme, {"action": "slot", "date": "2027-10-30", "from": "9", "to": ""}, admin),
                                     (programme, {"action": "session", "title": "", "host": "", "kind": ""}, admin),
                                     (f"/r/{token}/sessions", {"action": "propose", "title": ""}, participant)]:
            with self.subTest(form=fields["action"]):
                status, headers, body = self.post(path, fields, cookie)
                self.assertEqual(status, 422)
                self.check_html(headers, body)


if __name__ == "__main__":
    unittest.main(verbosity=2)
