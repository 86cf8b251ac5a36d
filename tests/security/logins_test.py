#!/usr/bin/python3
"""Logins under attack: parallel wrong guesses each count (the attempt is reserved before the slow hash); 64
concurrent logins stay within the login pool (peak memory bounded, extra ones 503 with Retry-After, feeds still
quick); a new password ends the account's other sessions and voids its other links; login rotates the CSRF
cookie."""
import concurrent.futures
import json
import os
import sqlite3
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from treffpunkt_process import TreffpunktServer  # noqa: E402
from database_setup import PASSWORD, create_organiser, import_document  # noqa: E402
from visitor import Browser  # noqa: E402

BINARY = os.environ["TREFFPUNKT"]
DOCUMENT = {"networks": [{"slug": "ist-bochum", "name": "zdi-Netzwerk IST.Bochum.NRW"}]}
# The sanitizer build keeps freed blocks in a quarantine; measured here is what the server holds, not that.
ASAN = {"ASAN_OPTIONS": os.environ.get("ASAN_OPTIONS", "") + ":quarantine_size_mb=4:thread_local_quarantine_size_kb=64"}


def peak_kib(pid):
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))


def failed_logins(db):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute("SELECT failed_logins FROM organisers WHERE email_key = 'jana@ist-bochum.example'").fetchone()[0]
    finally:
        con.close()


class LoginsTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "l.db")
        import_document(BINARY, self.db, DOCUMENT)
        create_organiser(BINARY, self.db, "jana@ist-bochum.example", role="admin")

    def tearDown(self):
        self.tmp.cleanup()

    def guesses(self, server, emails):
        """One wrong password per email, all at once; returns the statuses."""
        visitors = [Browser(server.base) for _ in emails]
        tokens = [v.csrf("/admin/login") for v in visitors]

        def guess(i):
            return visitors[i].request("/admin/login", {"csrf": tokens[i], "email": emails[i],
                                                        "password": f"falsch-{i}-0000"})

        with concurrent.futures.ThreadPoolExecutor(len(emails)) as pool:
            return list(pool.map(guess, range(len(emails))))

    def test_parallel_wrong_guesses_each_count(self):
        with TreffpunktServer(BINARY, self.db, "--rate-limit", "0", "--login-concurrency", "16") as server:
            answers = self.guesses(server, ["jana@ist-bochum.example"] * 12)
            statuses = [a[0] for a in answers]
            self.assertEqual(set(statuses) - {401, 429}, set(), statuses)
            self.assertEqual(failed_logins(self.db), statuses.count(401), statuses)
            self.assertGreaterEqual(statuses.count(429), 1, "the growing delay applies to parallel guesses")
            for status, headers, _ in answers:
                if status == 429:
                    self.assertGreaterEqual(int(headers["Retry-After"]), 1)

    def test_64_concurrent_logins_stay_in_the_pool(self):
        with TreffpunktServer(BINARY, self.db, "--rate-limit", "0", env_extra=ASAN) as server:
            self.assertEqual(server.get("/calendar.ics")[0], 200)
            before = peak_kib(server.proc.pid)
            emails = [f"unbekannt-{i}@example.org" if i % 2 else "jana@ist-bochum.example" for i in range(64)]
            with concurrent.futures.ThreadPoolExecutor(1) as side:
                feed_times = side.submit(self.feed_latencies, server, 2.0)
                answers = self.guesses(server, emails)
                slowest_feed = max(feed_times.result())
            peak = peak_kib(server.proc.pid)
            statuses = [a[0] for a in answers]
            print(f"64 concurrent logins: {statuses.count(503)} answered 503, peak RSS {peak // 1024} MiB "
                  f"(before {before // 1024} MiB), slowest feed {slowest_feed * 1000:.0f} ms", file=sys.stderr)
            self.assertGreater(statuses.count(503), 0, statuses)
            self.assertEqual(set(statuses) - {401, 429, 503}, set(), statuses)
            for status, headers, body in answers:
                if status == 503:
                    self.assertEqual(headers["Retry-After"], "1")
                    self.assertIn("Einen Moment bitte".encode(), body)
            self.assertLess(peak, 400 * 1024, "peak memory under 64 concurrent logins")
            self.assertLess(slowest_feed, 1.5, "feeds are not held up by logins")

    @staticmethod
    def feed_latencies(server, seconds):
        out, end = [], time.monotonic() + seconds
        while time.monotonic() < end:
            start = time.monotonic()
            server.get("/calendar.ics")
            out.append(time.monotonic() - start)
        return out

    def test_a_new_password_ends_other_sessions_and_voids_other_links(self):
        with TreffpunktServer(BINARY, self.db, "--rate-limit", "0") as server:
            laptop = Browser(server.base)
            before_login = laptop.csrf("/admin/login")
            self.assertEqual(laptop.login("jana@ist-bochum.example", PASSWORD)[0], 303)
            after_login = next(c.value for c in laptop.jar if c.name == "tp_csrf")
            self.assertNotEqual(before_login, after_login, "login rotates the CSRF cookie")
            self.assertEqual(laptop.request("/admin")[0], 200)
            phone = Browser(server.base)
            for _ in range(2):
                phone.request("/admin/reset", {"csrf": phone.csrf("/admin/reset"), "email": "jana@ist-bochum.example"})
            con = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True)
            links = [json.loads(p)["token"] for (p,) in con.execute(
                "SELECT payload FROM outbox WHERE kind = 'organiser_reset' ORDER BY id")]
            con.close()
            self.assertEqual(len(links), 2)
            path = "/admin/password?token=" + links[1]
            status, _, _ = phone.request("/admin/password", {"csrf": phone.csrf(path), "token": links[1],
                                                             "password": "ein-neues-passwort",
                                                             "again": "ein-neues-passwort"})
            self.assertEqual(status, 303)
            self.assertEqual(phone.request("/admin")[0], 200)  # the new session
            self.assertEqual(laptop.request("/admin")[0], 303)  # the old one has ended
            self.assertEqual(phone.request("/admin/password?token=" + links[0])[0], 404)  # the other link is void


if __name__ == "__main__":
    unittest.main()
