#!/usr/bin/python3
"""Limits and headers through the real server: the per-address POST limit counts the client behind a trusted
reverse proxy (X-Forwarded-For, rightmost untrusted address) and ignores the header from anyone else; /metrics
takes its token; a registration's pages are never stored by caches; a form value cannot split the Location
header."""
import datetime
import json
import os
import sqlite3
import sys
import tempfile
import unittest
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from treffpunkt_process import TreffpunktServer  # noqa: E402
from database_setup import PASSWORD, create_organiser, import_document  # noqa: E402
from link_token import link_token  # noqa: E402
from visitor import Browser  # noqa: E402

BINARY = os.environ["TREFFPUNKT"]
DAY = datetime.date.today() + datetime.timedelta(days=20)
METRICS_TOKEN = "metrics-0123456789abcdef"


def at(day, hour):
    return f"{day.isoformat()}T{hour:02d}:00"


DOCUMENT = {"networks": [{"slug": "ist-bochum", "name": "zdi-Netzwerk IST.Bochum.NRW"}],
            "events": [{"slug": "treffen", "network": "ist-bochum", "kind": "meeting", "title": "Treffen",
                        "start": at(DAY, 10), "end": at(DAY, 17), "time_zone": "Europe/Berlin", "capacity": 500,
                        "registration_opens": at(DAY - datetime.timedelta(days=30), 9),
                        "registration_closes": at(DAY - datetime.timedelta(days=1), 9)}]}


def register(server, n, forwarded=None):
    headers = {"Content-Type": "application/json"}
    if forwarded:
        headers["X-Forwarded-For"] = forwarded
    body = json.dumps({"name": f"P{n}", "email": f"p{n}@example.org", "consent": True}).encode()
    try:
        with urllib.request.urlopen(urllib.request.Request(server.base + "/api/v1/events/treffen/registrations",
                                                           data=body, headers=headers), timeout=30) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


class ProxyLimitsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.db = os.path.join(cls.tmp.name, "p.db")
        import_document(BINARY, cls.db, DOCUMENT)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_behind_a_trusted_proxy_each_client_has_its_own_limit(self):
        with TreffpunktServer(BINARY, self.db, "--rate-limit", "3", "--trusted-proxy", "127.0.0.0/8",
                              "--metrics-token", METRICS_TOKEN) as server:
            # Two teachers behind the same nginx: each gets three, the fourth of one is refused, not the other's.
            self.assertEqual([register(server, n, "198.51.100.1") for n in range(4)], [201, 201, 201, 429])
            self.assertEqual(register(server, 10, "198.51.100.2"), 201)
            # A client cannot pick its address: the proxy appends what it saw, and that is what counts.
            self.assertEqual(register(server, 11, "203.0.113.9, 198.51.100.1"), 429)
            self.assertEqual(register(server, 12, "garbage, 198.51.100.2"), 201)
            self.assertEqual(server.get("/metrics")[0], 404)
            self.assertEqual(server.get("/metrics", {"Authorization": "Bearer wrong"})[0], 404)
            status, _, body = server.get("/metrics", {"Authorization": "Bearer " + METRICS_TOKEN})
            self.assertEqual(status, 200)
            self.assertIn(b"treffpunkt_http_requests_total", body)

    def test_without_a_trusted_proxy_the_header_is_ignored(self):
        with TreffpunktServer(BINARY, self.db, "--rate-limit", "3") as server:
            statuses = [register(server, 100 + n, f"198.51.100.{n}") for n in range(4)]
            self.assertEqual(statuses, [201, 201, 201, 429])  # all counted against 127.0.0.1
            self.assertEqual(server.get("/metrics")[0], 200)  # loopback may read metrics without a token

    def test_a_registrations_pages_are_not_stored_and_back_cannot_split_headers(self):
        with TreffpunktServer(BINARY, self.db, "--rate-limit", "0") as server:
            register(server, 200)
            token = link_token(self.db, "treffen", "p200@example.org")
            for path in [f"/r/{token}", f"/r/{token}/confirm", f"/r/{token}/cancel"]:
                with self.subTest(path):
                    status, headers, _ = server.get(path)
                    self.assertEqual(status, 200)
                    self.assertEqual(headers["Cache-Control"], "no-store")
            self.assertEqual(server.get(f"/api/v1/registrations/{token}")[1]["Cache-Control"], "no-store")
            create_organiser(BINARY, self.db, "jana@ist-bochum.example", role="admin")
            jana = Browser(server.base)
            self.assertEqual(jana.login("jana@ist-bochum.example", PASSWORD)[0], 303)
            rid = self.registration_id(token)
            path = f"/admin/events/treffen/registrations/{rid}/confirm"
            status, headers, _ = jana.request(path, {"csrf": jana.csrf("/admin/events/treffen"),
                                                     "back": "checkin?q=x\r\nSet-Cookie: evil=1"})
            self.assertEqual(status, 303)
            self.assertNotIn("evil", headers.get("Set-Cookie", ""))
            self.assertEqual(headers["Location"], "/admin/events/treffen/checkin?q=x%0D%0ASet-Cookie%3A%20evil%3D1")
            status, headers, _ = jana.request(path.replace("/confirm", "/check-in"),
                                              {"csrf": jana.csrf("/admin/events/treffen"), "back": "https://evil"})
            self.assertEqual(headers["Location"], "/admin/events/treffen")

    def registration_id(self, token):
        con = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True)
        (rid,) = con.execute("SELECT id FROM registrations WHERE token = ?", (token,)).fetchone()
        con.close()
        return rid


if __name__ == "__main__":
    unittest.main()
