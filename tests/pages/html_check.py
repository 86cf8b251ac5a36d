#!/usr/bin/python3
"""Every public page and every organiser's page is well-formed HTML5 (html5lib's strict parser: any parse error fails) and has the
accessibility basics: a language, one h1, landmarks, a skip link, labels for every form control, link texts,
no inline script or style attribute (our Content-Security-Policy forbids them)."""
import http.client
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
        labels = {label.get("for") for label in doc.iter(f"{NS}label")}
        for control in list(doc.iter(f"{NS}input")) + list(doc.iter(f"{NS}select")):
            if control.get("type") not in ("hidden", "submit"):
                self.assertIn(control.get("id"), labels, f"label for {control.get('name')}")
        for a in doc.iter(f"{NS}a"):
            self.assertTrue(text_of(a), f"link {a.get('href')} has no text")
        self.assertIsNone(doc.find(f".//{NS}script"))
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


if __name__ == "__main__":
    unittest.main(verbosity=2)
