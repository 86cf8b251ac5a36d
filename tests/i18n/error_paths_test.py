#!/usr/bin/python3
"""Every error path a visitor or organiser can reach, rendered by the real server in German and in English: the 400
page for a bad filter, month or search, 404s, the registration form with every problem, a registration's step in a
state that does not allow it, a wrong password, the event form (end before start, a time the clocks skip, a bad
address), the series form (a bad rule), the programme editor's refusals (a room twice, a slot outside the day,
an end before the start), another network's page (403) and the audit log. The text of each page's <main> must
not contain words of the other language. The data uses names free of both languages' common words."""
import datetime
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from treffpunkt_process import TreffpunktServer  # noqa: E402
from link_token import link_token  # noqa: E402
from visitor import Browser  # noqa: E402

BINARY = os.environ["TREFFPUNKT"]
PASSWORD = "ein-langes-passwort"

# Words that only one of the two languages uses in running text (whole words, lower case).
ENGLISH = {"the", "is", "not", "must", "cannot", "please", "this", "already", "invalid", "enter", "field",
           "required", "only", "before", "after", "your", "there", "has", "of", "to", "and", "for", "with",
           "no", "page", "found", "wrong", "choose", "time", "event", "registration", "it", "does", "exist"}
GERMAN = {"der", "die", "das", "ist", "nicht", "bitte", "und", "eine", "ein", "einen", "für", "mit", "kein",
          "keine", "schon", "diese", "dieser", "wurde", "sie", "ihre", "zu", "vor", "nach", "oder", "auf", "im",
          "vom", "zum", "zur", "bei", "wird", "sind", "gibt", "noch", "seite", "gefunden", "falsch", "liegt",
          "beginn", "ende", "zeit", "anmeldung", "veranstaltung", "es"}


def local(days, hour, minute=0):
    return f"{(datetime.date.today() + datetime.timedelta(days=days)).isoformat()}T{hour:02d}:{minute:02d}"


def event(slug, network, kind="meeting"):
    return {"slug": slug, "network": network, "kind": kind, "title": "MINT Lab " + slug[-1].upper(),
            "start": local(20, 10), "end": local(20, 17), "time_zone": "Europe/Berlin", "capacity": 5,
            "registration_opens": local(-2, 9), "registration_closes": local(19, 9), "venue": "Zeche Zollverein",
            "questions": [{"key": "menu", "label": "Menu", "type": "single_choice", "options": ["Pasta", "Curry"],
                           "required": True}]}


DOCUMENT = {
    "networks": [{"slug": "ruhr", "name": "zdi Ruhr.NRW"}, {"slug": "mint-nord", "name": "MINT Nord"}],
    "events": [event("lab-a", "ruhr"), event("camp-b", "ruhr", "barcamp"), event("lab-c", "mint-nord")],
}


class MainText(html.parser.HTMLParser):
    """The sentences inside <main>: without the options of menus (time zone names such as Dar es Salaam)."""

    def __init__(self):
        super().__init__()
        self.depth, self.in_option, self.parts = 0, False, []

    def handle_starttag(self, tag, attrs):
        self.depth += tag == "main"
        self.in_option = self.in_option or tag == "option"

    def handle_endtag(self, tag):
        self.depth -= tag == "main"
        self.in_option = self.in_option and tag != "option"

    def handle_data(self, data):
        if self.depth > 0 and not self.in_option:
            self.parts.append(data)


def main_text(body):
    parser = MainText()
    parser.feed(body.decode("utf-8"))
    return " ".join(parser.parts)


def foreign_words(text, language):
    words = set(re.findall(r"[a-zäöüß]+", text.lower()))
    return sorted(words & (GERMAN if language == "en" else ENGLISH))


class ErrorPathsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.db = os.path.join(cls.tmp.name, "i18n.db")
        path = os.path.join(cls.tmp.name, "doc.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(DOCUMENT, f)
        subprocess.run([BINARY, "import", path, "--db", cls.db], check=True, capture_output=True)
        subprocess.run([BINARY, "create-organiser", "--db", cls.db, "--email", "jana@ruhr.example", "--name",
                        "Jana", "--role", "organiser", "--network", "ruhr", "--password-stdin"],
                       input=PASSWORD + "\n", text=True, check=True, capture_output=True)
        cls.server = TreffpunktServer(BINARY, cls.db, "--rate-limit", "0").__enter__()
        person = Browser(cls.server.base)
        csrf = person.csrf("/events/lab-a")
        person.request("/events/lab-a/register", {"csrf": csrf, "name": "Ada", "email": "ada@example.org",
                                                  "consent": "yes", "q.menu": "Pasta"})
        cls.token = link_token(cls.db, "lab-a", "ada@example.org")
        person.request(f"/r/{cls.token}/cancel", {"csrf": person.csrf(f"/r/{cls.token}/cancel")})

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)
        cls.tmp.cleanup()

    def check(self, what, language, status, body, expected_status):
        with self.subTest(what=what, language=language):
            self.assertEqual(status, expected_status, main_text(body)[:300])
            text = main_text(body)
            self.assertTrue(text.strip(), "an empty page")
            self.assertEqual(foreign_words(text, language), [], text[:600])

    def organiser(self, language):
        browser = Browser(self.server.base)
        status, _, _ = browser.request(f"/admin/login?lang={language}", {
            "csrf": browser.csrf("/admin/login"), "email": "jana@ruhr.example", "password": PASSWORD})
        self.assertEqual(status, 303)
        return browser

    def test_public_error_pages(self):
        for language in ("de", "en"):
            visitor = Browser(self.server.base)
            for path, expected in [("/?kind=party", 400), ("/?month=2027-13", 400), ("/?page=0", 400),
                                   ("/?q=%07", 400), ("/?network=nowhere", 400), ("/events/nowhere", 404),
                                   ("/r/0123456789abcdef0123456789abcdef", 404), ("/no/such/page", 404)]:
                status, _, body = visitor.request(f"{path}{'&' if '?' in path else '?'}lang={language}")
                self.check(path, language, status, body, expected)

    def test_the_registration_form_with_every_problem(self):
        for language in ("de", "en"):
            visitor = Browser(self.server.base)
            csrf = visitor.csrf(f"/events/lab-a?lang={language}")
            status, _, body = visitor.request(f"/events/lab-a/register?lang={language}",
                                              {"csrf": csrf, "name": "", "email": "ada@example", "q.menu": "Soup"})
            self.check("registration form", language, status, body, 422)
            status, _, body = visitor.request(f"/events/lab-a/register?lang={language}",
                                              {"csrf": "0" * 32, "name": "Ada", "email": "ada@example.org"})
            self.check("stale form", language, status, body, 403)

    def test_a_step_the_registration_no_longer_allows(self):
        for language in ("de", "en"):
            visitor = Browser(self.server.base)
            status, _, body = visitor.request(f"/r/{self.token}?lang={language}")  # cancelled: says so
            self.check("cancelled registration", language, status, body, 200)
            status, _, body = visitor.request(f"/r/{self.token}/answers?lang={language}")
            self.assertEqual(status, 303)  # nothing to change any more: back to the registration's page

    def test_a_wrong_password(self):
        for language in ("de", "en"):
            browser = Browser(self.server.base)
            status, _, body = browser.request(f"/admin/login?lang={language}", {
                "csrf": browser.csrf("/admin/login"), "email": "jana@ruhr.example", "password": "x"})
            self.check("wrong password", language, status, body, 401)

    def test_a_rule_change_that_would_rename_dates_people_hold(self):
        """Two numbered Tuesdays a month would be written as single dates instead of a series: refused at the
        rule field while someone holds one of its dates (calendar/rule_subset.hpp)."""
        month = (datetime.date.today().replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
        day = month + datetime.timedelta(days=(1 - month.weekday()) % 7 + 7)  # next month's second Tuesday
        start = f"{day.isoformat()}T17:00"
        series = {"slug": "lab-weekly", "title": "Lab Weekly", "network": "ruhr", "kind": "exchange_round",
                  "time_zone": "Europe/Berlin", "start": start, "end": f"{day.isoformat()}T18:00",
                  "rrule": "FREQ=WEEKLY;COUNT=3", "format": "online", "exdates": "", "overrides": "",
                  "publish": "yes"}
        jana = self.organiser("de")
        status, _, _ = jana.request("/admin/series/new", {**series, "csrf": jana.csrf("/admin/series/new")})
        self.assertEqual(status, 303)
        first = f"lab-weekly-{day.isoformat()}"
        person = Browser(self.server.base)
        person.request(f"/events/{first}/register", {"csrf": person.csrf(f"/events/{first}"), "name": "Ada",
                                                      "email": "ada@example.org", "consent": "yes"})
        token = link_token(self.db, first, "ada@example.org")
        status, _, _ = person.request(f"/r/{token}/confirm", {"csrf": person.csrf(f"/r/{token}/confirm")})
        self.assertIn(status, (200, 303))
        said = {"de": "neue Reihe", "en": "new series"}
        for language in ("de", "en"):
            jana = self.organiser(language)
            edit = f"/admin/series/lab-weekly/edit?lang={language}"
            status, _, body = jana.request(edit, {**series, "rrule": "FREQ=MONTHLY;BYDAY=2TU,4TU;COUNT=3",
                                                  "csrf": jana.csrf(edit)})
            self.check("series form: a rule that renames held dates", language, status, body, 422)
            self.assertIn(said[language], main_text(body))

    def test_the_organisers_forms_and_pages(self):
        # The next last Sunday of March: clocks jump from 02:00 to 03:00 in Berlin.
        today = datetime.date.today()
        year = today.year + (1 if today >= datetime.date(today.year, 3, 25) else 0)
        march_end = datetime.date(year, 3, 31)
        sunday = march_end - datetime.timedelta(days=(march_end.weekday() + 1) % 7)
        gap = f"{sunday.isoformat()}T02:30"
        fields = {k: str(v) for k, v in event("lab-z", "ruhr").items() if k != "questions"}
        for language in ("de", "en"):
            jana = self.organiser(language)
            csrf = jana.csrf(f"/admin/events/new?lang={language}")
            for what, changed in [("end before start", {"end": local(19, 9)}),
                                  ("clocks skip", {"start": gap, "end": f"{sunday.isoformat()}T05:00"}),
                                  ("bad address", {"slug": "Nicht gut!", "info_url": "ftp://x"})]:
                status, _, body = jana.request(f"/admin/events/new?lang={language}",
                                               {**fields, **changed, "csrf": csrf})
                self.check("event form: " + what, language, status, body, 422)
            status, _, body = jana.request(f"/admin/series/new?lang={language}", {
                "csrf": csrf, "slug": "lab-round", "title": "Lab Round", "network": "ruhr",
                "kind": "exchange_round", "time_zone": "Europe/Berlin", "start": local(10, 17), "end": local(10, 18),
                "rrule": "FREQ=SOMETIMES", "format": "online"})
            self.check("series form: bad rule", language, status, body, 422)
            # A rule of the programme refused (409), a field's problem (422).
            for what, form, expected in [
                    ("a room", {"action": "room", "name": "Hall", "capacity": "80"}, 303),
                    ("a room twice", {"action": "room", "name": "Hall", "capacity": "80"}, 409),
                    ("slot outside the day", {"action": "slot", "date": local(30, 0)[:10], "from": "10:00",
                                              "to": "11:00"}, 409),
                    ("slot ends before it starts", {"action": "slot", "date": local(20, 0)[:10], "from": "11:00",
                                                    "to": "10:00"}, 422)]:
                status, _, body = jana.request(f"/admin/events/camp-b/sessions?lang={language}",
                                               {**form, "csrf": csrf})
                if what == "a room":  # added in the first language, a duplicate in the second
                    self.assertIn(status, (303, 409))
                    continue
                self.check("programme: " + what, language, status, body, expected)
            status, _, body = jana.request(f"/admin/events/lab-c?lang={language}")  # another network's
            self.check("another network", language, status, body, 403)
            status, _, body = jana.request(f"/admin/events/camp-b/audit?lang={language}")
            self.check("audit log", language, status, body, 200)


if __name__ == "__main__":
    unittest.main()
