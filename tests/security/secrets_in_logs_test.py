#!/usr/bin/python3
"""No secret in any log or metric: every route that carries a secret in its path or query is exercised (a
registration's link and its pages, the API by link, a personal feed, a password link), then the access log, the
error log and /metrics are searched for every token the run created."""
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
from database_setup import api_token, create_organiser, import_document  # noqa: E402
from link_token import link_token  # noqa: E402
from visitor import Browser  # noqa: E402

BINARY = os.environ["TREFFPUNKT"]
DAY = datetime.date.today() + datetime.timedelta(days=20)


def at(day, hour):
    return f"{day.isoformat()}T{hour:02d}:00"


DOCUMENT = {
    "networks": [{"slug": "ist-bochum", "name": "zdi-Netzwerk IST.Bochum.NRW"}],
    "events": [{"slug": "barcamp", "network": "ist-bochum", "kind": "barcamp", "title": "Barcamp",
                "start": at(DAY, 10), "end": at(DAY, 17), "time_zone": "Europe/Berlin", "format": "hybrid",
                "join_url": "https://meet.example/geheim", "capacity": 10,
                "registration_opens": at(DAY - datetime.timedelta(days=30), 9),
                "registration_closes": at(DAY - datetime.timedelta(days=1), 9)}],
}


class SecretsInLogsTest(unittest.TestCase):
    def test_no_token_reaches_a_log_or_a_metric(self):
        with tempfile.TemporaryDirectory() as work:
            db, access = os.path.join(work, "s.db"), os.path.join(work, "access.log")
            import_document(BINARY, db, DOCUMENT)
            create_organiser(BINARY, db, "jana@ist-bochum.example", role="admin")
            bearer = api_token(BINARY, db, "jana@ist-bochum.example")
            with TreffpunktServer(BINARY, db, "--rate-limit", "0", "--access-log", access) as server:
                secrets = self.exercise(server, db, bearer)
                _, _, metrics = server.get("/metrics")
                code = server.terminate()
                self.assertEqual(code, 0)
                error_log = "".join(server.stderr_lines)
            with open(access, encoding="utf-8") as f:
                access_log = f.read()
            self.assertIn("/r/[hidden]/confirm", access_log)
            self.assertIn("/api/v1/registrations/[hidden]/cancel", access_log)
            self.assertIn("/feeds/[hidden].ics", access_log)
            self.assertIn("/admin/password?token=[hidden]", access_log)
            for name, secret in secrets.items():
                with self.subTest(name):
                    self.assertGreater(len(secret), 20)
                    self.assertNotIn(secret, access_log)
                    self.assertNotIn(secret, error_log)
                    self.assertNotIn(secret, metrics.decode())

    def exercise(self, server, db, api_token):
        """Every route with a secret in its target; returns the secrets by name."""
        post = {"Content-Type": "application/json"}
        body = json.dumps({"name": "Anna", "email": "anna@example.org", "consent": True}).encode()
        urllib.request.urlopen(urllib.request.Request(server.base + "/api/v1/events/barcamp/registrations",
                                                      data=body, headers=post), timeout=30).read()
        token = link_token(db, "barcamp", "anna@example.org")
        visitor = Browser(server.base)
        self.assertEqual(visitor.request(f"/r/{token}")[0], 200)
        csrf = visitor.csrf(f"/r/{token}/confirm")
        self.assertEqual(visitor.request(f"/r/{token}/confirm", {"csrf": csrf})[0], 303)
        self.assertEqual(visitor.request(f"/r/{token}/sessions?lang=en")[0], 200)
        page = visitor.request(f"/r/{token}")[2].decode()
        feed = re.search(r"/feeds/([0-9a-f]+)\.ics", page).group(1)
        self.assertEqual(server.get(f"/feeds/{feed}.ics")[0], 200)
        self.assertEqual(server.get(f"/api/v1/registrations/{token}")[0], 200)
        self.assertEqual(server.get("/api/v1/events", {"Authorization": "Bearer " + api_token})[0], 200)
        urllib.request.urlopen(urllib.request.Request(server.base + f"/api/v1/registrations/{token}/cancel",
                                                      data=b"", method="POST"), timeout=30).read()
        admin = Browser(server.base)
        self.assertEqual(admin.request("/admin/reset", {"csrf": admin.csrf("/admin/reset"),
                                                        "email": "jana@ist-bochum.example"})[0], 200)
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        (payload,) = con.execute("SELECT payload FROM outbox WHERE kind = 'organiser_reset'").fetchone()
        con.close()
        reset = json.loads(payload)["token"]
        self.assertEqual(admin.request(f"/admin/password?token={reset}")[0], 200)
        self.assertEqual(admin.request(f"/admin/password?lang=en&token={reset}x")[0], 404)
        return {"registration link": token, "personal feed": feed, "API token": api_token, "password link": reset}


if __name__ == "__main__":
    unittest.main()
