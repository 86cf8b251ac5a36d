#!/usr/bin/python3
"""Every state-changing form POST is refused without the CSRF token and with a wrong one, and nothing in the
database changes: the registration form, a registration's pages (confirm, cancel, answers, unsubscribe, feed
reset, proposals and votes), login, logout, password and reset links, invitations, forgetting, the event and
series forms, actions on registrations, messages and the programme editor. The route table (`treffpunkt routes`)
says which routes take form POSTs; every one of them must be among those tried here."""
import datetime
import json
import os
import re
import sqlite3
import subprocess
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


def at(day, hour):
    return f"{day.isoformat()}T{hour:02d}:00"


def event(slug, kind):
    return {"slug": slug, "network": "ist-bochum", "kind": kind, "title": slug.title(), "start": at(DAY, 10),
            "end": at(DAY, 17), "time_zone": "Europe/Berlin", "capacity": 10,
            "registration_opens": at(DAY - datetime.timedelta(days=30), 9),
            "registration_closes": at(DAY - datetime.timedelta(days=1), 9)}


DOCUMENT = {"networks": [{"slug": "ist-bochum", "name": "zdi-Netzwerk IST.Bochum.NRW"}],
            "events": [{**event("treffen", "meeting"),
                        "questions": [{"key": "essen", "label": "Essen", "type": "text"}]},
                       event("barcamp", "barcamp")],
            "series": [{"slug": "runde", "network": "ist-bochum", "kind": "exchange_round", "title": "Runde",
                        "time_zone": "Europe/Berlin", "start": at(DAY, 17), "end": at(DAY, 18),
                        "rrule": "FREQ=WEEKLY;COUNT=2", "format": "online"}]}


def database(db):
    """Every row of every table (the outbox without the columns its delivery changes)."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        out = {}
        for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            columns = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
            if table == "outbox":
                columns = [c for c in columns if c in ("id", "kind", "registration_id", "recipient", "payload")]
            out[table] = sorted(repr(r) for r in con.execute(f"SELECT {', '.join(columns)} FROM {table}"))
        return out
    finally:
        con.close()


def form_post_patterns():
    """The routes that take POSTs from forms (the JSON API has no cookies to ride on)."""
    table = subprocess.run([BINARY, "routes"], check=True, capture_output=True, text=True).stdout
    for line in table.splitlines():
        methods, pattern = line.split("\t")[:2]
        if "POST" in methods.split(", ") and not pattern.startswith("/api/"):
            yield pattern


def matches(pattern, path):
    regex = re.sub(r"\\\{[a-z]+\\\}", "[^/.]+", re.escape(pattern))
    return re.fullmatch(regex, path.split("?")[0]) is not None


class CsrfTest(unittest.TestCase):
    def test_every_post_without_or_with_a_wrong_token_is_refused_and_changes_nothing(self):
        with tempfile.TemporaryDirectory() as work:
            db = os.path.join(work, "c.db")
            import_document(BINARY, db, DOCUMENT)
            create_organiser(BINARY, db, "jana@ist-bochum.example", role="admin")
            with TreffpunktServer(BINARY, db, "--rate-limit", "0") as server:
                self.run_posts(server, db)

    def run_posts(self, server, db):
        for slug in ["treffen", "barcamp"]:
            body = json.dumps({"name": "Anna", "email": "anna@example.org", "consent": True}).encode()
            urllib.request.urlopen(urllib.request.Request(f"{server.base}/api/v1/events/{slug}/registrations",
                                                          data=body, headers={"Content-Type": "application/json"}),
                                   timeout=30).read()
        token, camp = link_token(db, "treffen", "anna@example.org"), link_token(db, "barcamp", "anna@example.org")
        urllib.request.urlopen(urllib.request.Request(f"{server.base}/api/v1/registrations/{camp}/confirm", data=b"",
                                                      method="POST"), timeout=30).read()
        organiser = Browser(server.base)
        self.assertEqual(organiser.login("jana@ist-bochum.example", PASSWORD)[0], 303)
        person = Browser(server.base)
        person.csrf("/events/treffen")  # a CSRF cookie, so only the form's token is missing or wrong
        rid = sqlite3.connect(f"file:{db}?mode=ro", uri=True).execute(
            "SELECT id FROM registrations ORDER BY id LIMIT 1").fetchone()[0]
        posts = [
            (person, "/events/treffen/register", {"name": "Ben", "email": "ben@example.org", "consent": "yes"}),
            (person, f"/r/{token}/confirm", {}),
            (person, f"/r/{token}/cancel", {}),
            (person, f"/r/{token}/answers", {"q.essen": "vegan"}),
            (person, f"/r/{token}/unsubscribe", {}),  # takes the token or RFC 8058's one-click body, nothing else
            (person, f"/r/{camp}/feed", {}),
            (person, f"/r/{camp}/sessions", {"action": "propose", "title": "Drohnen", "host": "Anna", "kind": "talk"}),
            (person, f"/r/{camp}/sessions", {"action": "vote", "session": "1"}),
            (person, "/events/barcamp/resend", {"email": "anna@example.org"}),
            (person, "/admin/login", {"email": "jana@ist-bochum.example", "password": PASSWORD}),
            (person, "/admin/reset", {"email": "jana@ist-bochum.example"}),
            (person, "/admin/password", {"token": "0" * 64, "password": "ein-neues-passwort",
                                         "again": "ein-neues-passwort"}),
            (organiser, "/admin/logout", {}),
            (organiser, "/admin/organisers", {"email": "neu@example.org", "name": "Neu", "role": "organiser",
                                              "network": "ist-bochum"}),
            (organiser, "/admin/forget", {"email": "anna@example.org"}),
            (organiser, "/admin/events/new", {**{k: str(v) for k, v in event("neu", "meeting").items()}}),
            (organiser, "/admin/events/treffen/edit", {**{k: str(v) for k, v in event("treffen", "meeting").items()},
                                                       "title": "Geändert"}),
            (organiser, "/admin/series/new", {"slug": "neue-runde", "title": "Neue Runde"}),
            (organiser, "/admin/series/runde/edit", {"title": "Geändert"}),
            (organiser, f"/admin/events/treffen/registrations/{rid}/reject", {}),
            (organiser, f"/admin/events/treffen/registrations/{rid}/check-in", {}),
            (organiser, "/admin/events/treffen/message", {"subject": "Hallo", "body": "Text"}),
            (organiser, "/admin/events/barcamp/sessions", {"action": "room", "name": "Aula", "capacity": "80"}),
            (organiser, "/admin/events/barcamp/sessions", {"action": "session", "title": "X", "host": "Y",
                                                           "kind": "talk"}),
        ]
        tried = [path for _, path, _ in posts]
        for pattern in form_post_patterns():
            with self.subTest(route=pattern):
                self.assertTrue(any(matches(pattern, path) for path in tried), f"no CSRF check tried for {pattern}")
        for who, path, fields in posts:
            for variant, extra in [("missing", {}), ("wrong", {"csrf": "0123456789abcdef0123456789abcdef"})]:
                with self.subTest(path=path, token=variant, fields=sorted(fields)):
                    before = database(db)
                    status, _, body = who.request(path, {**fields, **extra})
                    # 400, or 403 where the registration form is shown again with the problem
                    self.assertIn(status, {400, 403}, body[:300])
                    self.assertEqual(database(db), before)
        self.assertEqual(organiser.request("/admin")[0], 200)  # the refused logout left the session alone


if __name__ == "__main__":
    unittest.main()
