#!/usr/bin/python3
"""The treffpunkt command as operators use it: import (all or nothing), migrate, help, bad flags, and serve's
graceful exit on SIGTERM with connections open."""
import http.client
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
from treffpunkt_process import TreffpunktServer  # noqa: E402

BINARY = os.environ["TREFFPUNKT"]
FIXTURE = os.path.join(os.path.dirname(__file__), "..", "fixtures", "conformance.json")


def run(*args):
    return subprocess.run([BINARY, *args], capture_output=True, text=True, timeout=60)


def dump(db):
    with sqlite3.connect(db) as c:
        return list(c.iterdump())


class ImportTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "sub", "t.db")

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, doc):
        path = os.path.join(self.tmp.name, "doc.json")
        with open(path, "w", encoding="utf-8") as f:
            f.write(doc if isinstance(doc, str) else json.dumps(doc))
        return path

    def test_import_creates_the_database_and_reports_counts(self):
        r = run("import", FIXTURE, "--db", self.db)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stdout, r"imported 2 network\(s\), 11 event\(s\) and \d+ series")
        again = run("import", FIXTURE, "--db", self.db)
        self.assertEqual(again.returncode, 0)

    def test_reimporting_the_same_file_changes_nothing(self):
        run("import", FIXTURE, "--db", self.db)
        before = dump(self.db)
        time.sleep(1.1)
        run("import", FIXTURE, "--db", self.db)
        self.assertEqual(dump(self.db), before)

    def test_a_bad_entry_names_itself_and_nothing_is_written(self):
        self.assertEqual(run("import", FIXTURE, "--db", self.db).returncode, 0)
        before = dump(self.db)
        with open(FIXTURE, encoding="utf-8") as f:
            doc = json.load(f)
        doc["events"][0]["title"] = "Changed but must not land"
        doc["events"][3]["start"] = "2027-03-28T02:30"
        r = run("import", self.write(doc), "--db", self.db)
        self.assertEqual(r.returncode, 1)
        self.assertIn("events[3] (fruehjahrscamp-dst): start: 2027-03-28T02:30 does not exist in Europe/Berlin",
                      r.stderr)
        self.assertIn("nothing was imported", r.stderr)
        self.assertEqual(dump(self.db), before)

    def test_an_unknown_network_rolls_back_the_whole_import(self):
        self.assertEqual(run("import", FIXTURE, "--db", self.db).returncode, 0)
        before = dump(self.db)
        doc = {"networks": [{"slug": "new-net", "name": "New"}],
               "events": [{"slug": "x", "network": "nowhere", "kind": "webinar", "title": "X",
                           "start": "2027-01-01T10:00", "end": "2027-01-01T11:00", "time_zone": "Europe/Berlin"}]}
        r = run("import", self.write(doc), "--db", self.db)
        self.assertEqual(r.returncode, 1)
        self.assertIn("event 'x': unknown network 'nowhere'", r.stderr)
        self.assertEqual(dump(self.db), before)

    def test_unreadable_and_malformed_files(self):
        self.assertEqual(run("import", os.path.join(self.tmp.name, "missing.json"), "--db", self.db).returncode, 1)
        r = run("import", self.write("{not json"), "--db", self.db)
        self.assertEqual(r.returncode, 1)
        self.assertIn("not valid JSON", r.stderr)


class CommandLineTest(unittest.TestCase):
    def test_help_version_and_migrate(self):
        self.assertIn("treffpunkt serve", run("--help").stdout)
        self.assertRegex(run("--version").stdout, r"^treffpunkt \d+\.\d+\.\d+")
        with tempfile.TemporaryDirectory() as tmp:
            r = run("migrate", "--db", os.path.join(tmp, "m.db"))
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertRegex(r.stdout, r"is at schema version [0-9]+")

    def test_bad_flags_are_usage_errors(self):
        for args, message in [(["serve", "--listen", "nowhere"], "is not HOST:PORT"),
                              (["serve", "--threads", "0"], "--threads"),
                              (["serve", "--base-url", "ftp://x"], "--base-url"),
                              (["serve", "--bogus"], "unknown option --bogus"),
                              (["dance"], "unknown command 'dance'"),
                              (["import"], "import needs a FILE.json"),
                              (["message", "--event", "x"], "message needs --event SLUG, --subject TEXT and --body-file"),
                              (["serve", "--smtp-url", "http://mail"], "--smtp-url"),
                              (["serve", "--smtp-tls", "maybe"], "--smtp-tls"),
                              (["serve", "--mail-from", "not an address"], "--mail-from"),
                              (["serve", "--mail-connections", "0"], "--mail-connections"),
                              (["serve", "--smtp-password-file", "/nonexistent"], "cannot read"),
                              (["create-organiser", "--email", "a@b.de"], "needs --name and --password-stdin"),
                              (["create-organiser", "--name", "A", "--password-stdin"], "needs --email"),
                              (["create-organiser", "--email", "a@b.de", "--name", "A", "--role", "root",
                                "--password-stdin"], "--role: 'root'"),
                              (["forget"], "forget needs --email"),
                              (["serve", "--anonymise-after", "-1"], "--anonymise-after")]:
            r = run(*args)
            self.assertEqual(r.returncode, 2, args)
            self.assertIn(message, r.stderr)

    def test_environment_configures_like_flags(self):
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(os.environ, TREFFPUNKT_THREADS="nope")
            r = subprocess.run([BINARY, "serve", "--db", os.path.join(tmp, "e.db")], env=env, capture_output=True,
                               text=True, timeout=30)
            self.assertEqual(r.returncode, 2)
            self.assertIn("--threads: 'nope'", r.stderr)


class MessageTest(unittest.TestCase):
    """treffpunkt message: organisers write to every attendee of an event; serve sends it."""

    def test_message_queues_one_per_attendee_and_checks_its_input(self):
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "m.db")
            self.assertEqual(run("import", FIXTURE, "--db", db).returncode, 0)
            with sqlite3.connect(db) as c:
                event = c.execute("SELECT id, slug FROM events WHERE series_id IS NULL ORDER BY id LIMIT 1").fetchone()
                for i, status in enumerate(["confirmed", "pending", "waitlisted", "cancelled"]):
                    c.execute("INSERT INTO registrations (event_id, token, email, email_key, name, status, created_at, "
                              "updated_at) VALUES (?, ?, ?, ?, 'P', ?, 0, 0)",
                              (event[0], f"t{i}", f"p{i}@example.org", f"p{i}@example.org", status))
            body = os.path.join(tmp, "body.txt")
            with open(body, "w", encoding="utf-8") as f:
                f.write("Liebe Teilnehmende,\nwir treffen uns in Halle 2.\n")
            r = run("message", "--db", db, "--event", event[1], "--subject", "Raumänderung", "--body-file", body)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("queued 2 message(s)", r.stdout)
            with sqlite3.connect(db) as c:
                rows = c.execute("SELECT recipient, payload FROM outbox WHERE kind = 'organiser_message' "
                                 "ORDER BY recipient").fetchall()
            self.assertEqual([r[0] for r in rows], ["p0@example.org", "p1@example.org"])
            self.assertEqual(json.loads(rows[0][1])["subject"], "Raumänderung")
            for args, message in [(["--event", "nope", "--subject", "S", "--body-file", body], "no event 'nope'"),
                                  (["--event", event[1], "--subject", "a\x01b", "--body-file", body], "--subject"),
                                  (["--event", event[1], "--subject", "S", "--body-file", os.path.join(tmp, "x")],
                                   "cannot read")]:
                r = run("message", "--db", db, *args)
                self.assertEqual(r.returncode, 1, args)
                self.assertIn(message, r.stderr)


class ServeTest(unittest.TestCase):
    def test_privacy_notice_from_a_file(self):
        with tempfile.TemporaryDirectory() as tmp:
            notice = os.path.join(tmp, "datenschutz.txt")
            with open(notice, "w", encoding="utf-8") as f:
                f.write("Verantwortlich: MINT-Region <Nord> e.V.\nMusterstraße 1\n\nIhre Rechte: Auskunft & Löschung.\n")
            with TreffpunktServer(BINARY, os.path.join(tmp, "p.db"), "--privacy-file", notice) as server:
                status, _, body = server.get("/datenschutz")
            page = body.decode()
            self.assertEqual(status, 200)
            self.assertIn("<p>Verantwortlich: MINT-Region &lt;Nord&gt; e.V.<br>Musterstraße 1</p>", page)
            self.assertIn("<p>Ihre Rechte: Auskunft &amp; Löschung.</p>", page)
            with open(notice, "wb") as f:
                f.write(b"bad \xff bytes")
            r = run("serve", "--db", os.path.join(tmp, "p.db"), "--privacy-file", notice)
            self.assertEqual(r.returncode, 2)
            self.assertIn("--privacy-file", r.stderr)

    def test_demo_data_and_graceful_exit_on_sigterm(self):
        with tempfile.TemporaryDirectory() as tmp:
            with TreffpunktServer(BINARY, os.path.join(tmp, "d.db"), "--demo") as server:
                status, _, body = server.get("/?q=barcamp")
                self.assertEqual(status, 200)
                self.assertIn("MINT:Barcamp", body.decode())
                idle = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
                idle.request("GET", "/healthz")
                self.assertEqual(idle.getresponse().read(), b"ok\n")  # now idle, kept alive
                started = time.monotonic()
                self.assertEqual(server.terminate(), 0)
                self.assertLess(time.monotonic() - started, 5)
                self.assertIn("stopped\n", server.stderr_lines)
                idle.close()

    def test_demo_data_is_loaded_only_into_an_empty_database(self):
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "d.db")
            self.assertEqual(run("import", FIXTURE, "--db", db).returncode, 0)
            with TreffpunktServer(BINARY, db, "--demo") as server:
                _, _, body = server.get("/networks")
                self.assertNotIn("MINT Büro Emscher-Lippe", body.decode())
                self.assertEqual(server.terminate(), 0)


if __name__ == "__main__":
    unittest.main(verbosity=2)
