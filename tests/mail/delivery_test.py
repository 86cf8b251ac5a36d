#!/usr/bin/python3
"""Email delivery through the real path: treffpunkt serve -> outbox -> libcurl -> a real SMTP server (aiosmtpd).

What arrives is read as a mail program reads it (Python's email package): headers decode, the text/calendar
part parses with python3-icalendar and ical.js and matches the event, its MIME method equals METHOD, and the
links in the mail work against the running server. Then the faults: SMTP down then up, 451, 550, and the server
killed with SIGKILL while a message is being sent."""
import atexit
import datetime
import http.cookiejar
import json
import os
import re
import signal
import sqlite3
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import zoneinfo

import icalendar

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "support"))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "conformance"))
import readers  # noqa: E402
from radicale_store import Radicale  # noqa: E402
from smtp_sink import SmtpSink, free_port  # noqa: E402
from treffpunkt_process import TreffpunktServer  # noqa: E402
from link_token import link_token  # noqa: E402

BINARY = os.environ["TREFFPUNKT"]
READ_ITIP = os.path.join(HERE, "..", "conformance", "read_itip.mjs")
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
FAST = ["--mail-retry", "1", "--mail-lease", "2", "--mail-from", "noreply@treffpunkt.test"]


def local(days, hour):
    day = datetime.date.today() + datetime.timedelta(days=days)
    return f"{day.isoformat()}T{hour:02d}:00"


def document(start_days=20, status="published", venue="Zeche Zollverein"):
    return {
        "networks": [{"slug": "ist-bochum", "name": "zdi-Netzwerk IST.Bochum.NRW", "contact_name": "Jörg Küster",
                      "contact_email": "joerg@ist-bochum.example"}],
        "events": [{"slug": "mint-barcamp", "network": "ist-bochum", "kind": "barcamp", "title": "MINT:Barcamp Ruhr",
                    "start": local(start_days, 10), "end": local(start_days, 17), "time_zone": "Europe/Berlin",
                    "format": "hybrid", "venue": venue, "join_url": "https://meet.example/barcamp-secret",
                    "capacity": 1, "status": status,
                    "registration_opens": local(-3, 9), "registration_closes": local(start_days - 1, 9)}],
    }


def load(db, doc):
    path = db + ".json"
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f)
    subprocess.run([BINARY, "import", path, "--db", db], check=True, capture_output=True)


def register(server, name, address, lang="de"):
    body = json.dumps({"name": name, "email": address, "consent": True}).encode()
    request = urllib.request.Request(server.base + "/api/v1/events/mint-barcamp/registrations", data=body,
                                     headers={"Content-Type": "application/json", "Accept-Language": lang})
    with urllib.request.urlopen(request, timeout=30) as r:
        return json.load(r)


def api_post(server, path):
    request = urllib.request.Request(server.base + path, data=b"", method="POST")
    with urllib.request.urlopen(request, timeout=30) as r:
        return json.load(r)


def outbox(db, address):
    with sqlite3.connect(db) as c:
        return c.execute("SELECT kind, status, attempts, COALESCE(last_error, ''), message_id FROM outbox "
                         "WHERE recipient = ? ORDER BY id", (address,)).fetchall()


def wait_until(what, check, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError("timed out waiting for " + what)


def calendar_parts(mail):
    inline = [p for p in mail.walk() if p.get_content_type() == "text/calendar"]
    attached = [p for p in mail.walk() if p.get_content_type() == "application/ics"]
    return inline, attached


def read_with_icaljs(text):
    r = subprocess.run(["node", READ_ITIP], input=text, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


RADICALE = []


def read_everywhere(text, where):
    """The independent readers must read the invitation as python3-icalendar does, Radicale must store it."""
    if not RADICALE:
        RADICALE.append(Radicale().__enter__())
        atexit.register(RADICALE[0].__exit__, None, None, None)
    failures = []
    RADICALE[0].check(where, text, lambda w, problem: failures.append(f"{w}: {problem}"))
    with tempfile.NamedTemporaryFile("w", suffix=".ics", encoding="utf-8", newline="") as f:
        f.write(text)
        f.flush()
        readers.check_files([(where, f.name)], lambda w, problem: failures.append(f"{w}: {problem}"))
    assert not failures, "\n".join(failures)


def check_invitation(mail, method, event_start, attendee):
    """The iMIP part: MIME method = METHOD, both parsers agree, the attachment is the same object."""
    inline, attached = calendar_parts(mail)
    assert len(inline) == 1 and len(attached) == 1, [p.get_content_type() for p in mail.walk()]
    assert inline[0].get_param("method") == method
    text = inline[0].get_content()
    assert attached[0].get_content() == text.encode() or attached[0].get_content() == text
    cal = icalendar.Calendar.from_ical(text)
    errors = [e for c in cal.walk() for e in getattr(c, "errors", [])]
    assert not errors, errors
    assert str(cal["METHOD"]) == method
    (vevent,) = cal.walk("VEVENT")
    assert vevent.decoded("DTSTART") == event_start, (vevent.decoded("DTSTART"), event_start)
    assert str(vevent["ATTENDEE"]) == "mailto:" + attendee
    assert str(vevent["ORGANIZER"]) == "mailto:joerg@ist-bochum.example"
    read_everywhere(text, f"{method} to {attendee}")
    js = read_with_icaljs(text)
    assert js["method"] == method
    assert js["events"][0]["uid"] == str(vevent["UID"])
    assert js["events"][0]["start"] == event_start.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    assert js["events"][0]["attendees"][0]["value"] == "mailto:" + attendee
    return vevent


def feed_uid(server):
    status, _, body = server.get("/calendar.ics")
    assert status == 200
    (vevent,) = icalendar.Calendar.from_ical(body).walk("VEVENT")
    return str(vevent["UID"])


def follow_confirm_link(server, mail):
    """GET the link from the mail, then POST the form it shows (with its CSRF cookie), as a browser would."""
    link = re.search(r"https?://\S+/confirm", mail.get_body(("plain",)).get_content()).group(0)
    assert link.startswith(server.base + "/r/")
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(link, timeout=30) as r:
        page = r.read().decode()
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    with opener.open(urllib.request.Request(link, data=urllib.parse.urlencode({"csrf": csrf}).encode()), timeout=30) as r:
        return r.read().decode()


def test_messages_and_invitations(work):
    db = os.path.join(work, "happy.db")
    load(db, document())
    start = datetime.datetime.fromisoformat(local(20, 10)).replace(tzinfo=BERLIN)
    with SmtpSink(login=(b"treffpunkt", b"s3cret")) as sink, TreffpunktServer(
            BINARY, db, "--smtp-url", f"smtp://127.0.0.1:{sink.port}", "--smtp-user", "treffpunkt",
            "--smtp-tls", "never", *FAST, env_extra={"TREFFPUNKT_SMTP_PASSWORD": "s3cret"}) as server:
        anna = register(server, "Anna Müller", "anna@example.org")
        (request,) = sink.wait_for("anna@example.org")
        assert sink.messages[0]["authenticated"], "AUTH was not used"
        assert str(request["To"]) == "Anna Müller <anna@example.org>"
        assert request["To"].addresses[0].display_name == "Anna Müller"
        assert str(request["Reply-To"]) == "Jörg Küster <joerg@ist-bochum.example>"
        assert request["From"].addresses[0].addr_spec == "noreply@treffpunkt.test"
        assert str(request["Subject"]) == "Bitte bestätigen: MINT:Barcamp Ruhr"
        assert re.fullmatch(r"<tp-\d+-[0-9a-f]{16}@treffpunkt\.test>", str(request["Message-ID"]))
        assert request["Date"].datetime.tzinfo is not None
        assert not calendar_parts(request)[0], "a confirmation request carries no invitation"
        assert "Bestätigt. Wir freuen uns auf Sie!" in follow_confirm_link(server, request)

        confirmed = sink.wait_for("anna@example.org", 2)[1]
        assert str(confirmed["Subject"]) == "Anmeldung bestätigt: MINT:Barcamp Ruhr"
        vevent = check_invitation(confirmed, "REQUEST", start, "anna@example.org")
        assert str(vevent["UID"]) == feed_uid(server)
        assert "barcamp-secret" in confirmed.get_body(("plain",)).get_content()
        html = confirmed.get_body(("html",)).get_content()
        assert "Anna Müller" in html and "barcamp-secret" in html
        # The check-in code: a PNG beside the HTML (multipart/related), shown by its Content-ID.
        (code,) = [p for p in confirmed.walk() if p.get_content_type() == "image/png"]
        assert 'src="cid:door-code@treffpunkt.invalid"' in html
        assert code["Content-ID"] == "<door-code@treffpunkt.invalid>"
        assert code.get_content().startswith(b"\x89PNG\r\n\x1a\n")
        assert any(p.get_content_type() == "multipart/related" for p in confirmed.walk())

        ben = register(server, "Ben Brauer", "ben@example.org", lang="en")
        assert ben["status"] == "waitlisted"
        (waiting,) = sink.wait_for("ben@example.org")
        assert str(waiting["Subject"]) == "Waiting list: MINT:Barcamp Ruhr"
        assert "number 1 on the waiting list" in waiting.get_body(("plain",)).get_content()

        api_post(server, f"/api/v1/registrations/{link_token(server.db, 'mint-barcamp', 'anna@example.org')}/cancel")
        cancelled = sink.wait_for("anna@example.org", 3)[2]
        withdrawn = check_invitation(cancelled, "CANCEL", start, "anna@example.org")
        assert int(withdrawn["SEQUENCE"]) > int(vevent["SEQUENCE"])
        assert "barcamp-secret" not in cancelled.get_body(("plain",)).get_content()
        promoted = sink.wait_for("ben@example.org", 2)[1]
        assert str(promoted["Subject"]) == "A seat is free: MINT:Barcamp Ruhr"
        assert "?lang=en" in promoted.get_body(("plain",)).get_content()
        follow_confirm_link(server, promoted)
        sink.wait_for("ben@example.org", 3)

        load(db, document(start_days=21, venue="Jahrhunderthalle"))  # moved by a day, another place
        changed = sink.wait_for("ben@example.org", 4)[3]
        assert str(changed["Subject"]) == "Changed: MINT:Barcamp Ruhr"
        moved = check_invitation(changed, "REQUEST", start + datetime.timedelta(days=1), "ben@example.org")
        assert int(moved["SEQUENCE"]) >= 1
        assert "Jahrhunderthalle" in str(moved["LOCATION"])
        said = changed.get_body(("plain",)).get_content()
        assert "Time – before: " in said and "Place – before: " in said and "now: Jahrhunderthalle" in said, said

        load(db, document(start_days=21, venue="Jahrhunderthalle", status="cancelled"))
        off = sink.wait_for("ben@example.org", 5)[4]
        assert str(off["Subject"]) == "Cancelled: MINT:Barcamp Ruhr"
        gone = check_invitation(off, "CANCEL", start + datetime.timedelta(days=1), "ben@example.org")
        assert int(gone["SEQUENCE"]) > int(moved["SEQUENCE"])
        assert str(gone["STATUS"]) == "CANCELLED"

        ids = [str(m["Message-ID"]) for m in sink.mails_to("anna@example.org") + sink.mails_to("ben@example.org")]
        assert len(ids) == len(set(ids)), "every message has its own Message-ID"
        _, _, metrics = server.get("/metrics")
        assert re.search(rb'treffpunkt_outbox_messages\{state="sent"\} 8\b', metrics), metrics


def test_smtp_down_then_up(work):
    db = os.path.join(work, "down.db")
    load(db, document())
    port = free_port()
    with TreffpunktServer(BINARY, db, "--smtp-url", f"smtp://127.0.0.1:{port}", *FAST) as server:
        register(server, "Carla", "carla@example.org")
        wait_until("a failed attempt", lambda: outbox(db, "carla@example.org")[0][2] >= 2)
        kind, status, attempts, error, _ = outbox(db, "carla@example.org")[0]
        assert status in ("queued", "sending") and error, (status, error)
        with SmtpSink(port=port) as sink:
            sink.wait_for("carla@example.org")
            time.sleep(3)
            assert len(sink.mails_to("carla@example.org")) == 1, "delivered exactly once"
        assert outbox(db, "carla@example.org")[0][1] == "sent"


def test_451_is_retried_with_backoff(work):
    db = os.path.join(work, "451.db")
    load(db, document())
    with SmtpSink() as sink, TreffpunktServer(BINARY, db, "--smtp-url", f"smtp://127.0.0.1:{sink.port}", *FAST) as server:
        sink.data_replies = ["451 4.3.0 try again later", "451 4.3.0 try again later"]
        register(server, "Dana", "dana@example.org")
        sink.wait_for("dana@example.org", timeout=30)
        assert len(sink.attempts) == 3
        first_gap, second_gap = sink.attempts[1] - sink.attempts[0], sink.attempts[2] - sink.attempts[1]
        assert first_gap >= 0.7 and second_gap >= 1.5, (first_gap, second_gap)  # 1 s, then 2 s (+-20%)
        wait_until("marked sent", lambda: outbox(db, "dana@example.org")[0][1] == "sent")
        assert outbox(db, "dana@example.org")[0][2] == 3


def test_550_fails_at_once(work):
    db = os.path.join(work, "550.db")
    doc = document()
    doc["events"][0]["capacity"] = 10
    load(db, doc)
    with SmtpSink() as sink, TreffpunktServer(BINARY, db, "--smtp-url", f"smtp://127.0.0.1:{sink.port}", *FAST) as server:
        sink.rcpt_replies["nobody@example.org"] = "550 5.1.1 no such user"
        register(server, "Nobody", "nobody@example.org")
        register(server, "Emil", "emil@example.org")
        sink.wait_for("emil@example.org")
        wait_until("failed", lambda: outbox(db, "nobody@example.org")[0][1] == "failed")
        time.sleep(3)
        _, status, attempts, error, _ = outbox(db, "nobody@example.org")[0]
        assert attempts == 1 and "550" in error, (attempts, error)
        assert sink.rcpt_attempts.count("nobody@example.org") == 1, "not retried"
        _, _, metrics = server.get("/metrics")
        assert re.search(rb'treffpunkt_outbox_messages\{state="failed"\} 1\b', metrics), metrics


def kill_while_sending(work, hold, address):
    """SIGKILL the server while the SMTP server holds its message, then restart it; returns what arrived."""
    db = os.path.join(work, hold + ".db")
    load(db, document())
    with SmtpSink() as sink:
        sink.hold = hold
        args = ("--smtp-url", f"smtp://127.0.0.1:{sink.port}", *FAST)
        with TreffpunktServer(BINARY, db, *args) as server:
            register(server, "Frieda", address)
            assert sink.held.wait(30), "the message never reached DATA"
            server.proc.send_signal(signal.SIGKILL)
            server.proc.wait(10)
        sink.hold = None
        with TreffpunktServer(BINARY, db, *args):
            wait_until("sent after the restart", lambda: outbox(db, address)[0][1] == "sent")
        mails = sink.mails_to(address)
        assert str(mails[0]["Message-ID"]) == "<" + outbox(db, address)[0][4] + ">"
        return mails


def test_sigkill_while_sending(work):
    # Killed before the SMTP server took the message: it arrives once, after the restart.
    assert len(kill_while_sending(work, "before_accepting", "frieda@example.org")) == 1
    # Killed after the SMTP server took it but before the reply: sent again, same Message-ID.
    mails = kill_while_sending(work, "before_replying", "frieda@example.org")
    assert len(mails) == 2, len(mails)
    assert len({str(m["Message-ID"]) for m in mails}) == 1, "a duplicate keeps its Message-ID"


def self_signed_certificate(work):
    cert, key = os.path.join(work, "cert.pem"), os.path.join(work, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                    "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return cert, context


def test_starttls_and_smtps(work):
    cert, context = self_signed_certificate(work)
    for implicit in (False, True):
        db = os.path.join(work, f"tls-{implicit}.db")
        load(db, document())
        with SmtpSink(login=(b"treffpunkt", b"s3cret"), tls_context=context, implicit_tls=implicit) as sink:
            scheme = "smtps" if implicit else "smtp"
            with TreffpunktServer(BINARY, db, "--smtp-url", f"{scheme}://127.0.0.1:{sink.port}", "--smtp-user",
                                  "treffpunkt", "--smtp-ca-file", cert, *FAST,
                                  env_extra={"TREFFPUNKT_SMTP_PASSWORD": "s3cret"}) as server:
                register(server, "Hanna", "hanna@example.org")
                sink.wait_for("hanna@example.org")
                first = sink.messages[0]
                assert first["tls"] and first["authenticated"], (scheme, first["tls"], first["authenticated"])
    # STARTTLS required but not offered: the message waits rather than going out in the clear.
    db = os.path.join(work, "no-tls.db")
    load(db, document())
    with SmtpSink() as sink, TreffpunktServer(BINARY, db, "--smtp-url", f"smtp://127.0.0.1:{sink.port}",
                                               "--smtp-tls", "required", *FAST) as server:
        register(server, "Ida", "ida@example.org")
        wait_until("a refused attempt", lambda: outbox(db, "ida@example.org")[0][3] != "")
        assert outbox(db, "ida@example.org")[0][1] in ("queued", "sending")
        assert not sink.messages and not sink.attempts
    # The server wants a login and we have none (530): a configuration problem, so the message waits, not fails.
    db = os.path.join(work, "no-login.db")
    load(db, document())
    with SmtpSink(login=(b"treffpunkt", b"s3cret")) as sink, TreffpunktServer(
            BINARY, db, "--smtp-url", f"smtp://127.0.0.1:{sink.port}", *FAST) as server:
        register(server, "Jan", "jan@example.org")
        wait_until("a refused attempt", lambda: "530" in outbox(db, "jan@example.org")[0][3])
        assert outbox(db, "jan@example.org")[0][1] in ("queued", "sending")


def test_maildir_without_smtp(work):
    db = os.path.join(work, "offline", "m.db")
    os.makedirs(os.path.dirname(db))
    load(db, document())
    with TreffpunktServer(BINARY, db, *FAST) as server:
        register(server, "Gustav", "gustav@example.org")
        folder = os.path.join(work, "offline", "maildir", "new")
        wait_until("a file in the maildir", lambda: os.path.isdir(folder) and os.listdir(folder))
    import email
    import email.policy
    (name,) = os.listdir(folder)
    with open(os.path.join(folder, name), "rb") as f:
        mail = email.message_from_bytes(f.read(), policy=email.policy.default)
    assert str(mail["To"]) == "Gustav <gustav@example.org>"
    assert "/confirm" in mail.get_body(("plain",)).get_content()


def main():
    tests = [test_messages_and_invitations, test_smtp_down_then_up, test_451_is_retried_with_backoff,
             test_550_fails_at_once, test_sigkill_while_sending, test_starttls_and_smtps, test_maildir_without_smtp]
    only = sys.argv[1:]
    unknown = set(only) - {t.__name__ for t in tests}
    if unknown:
        sys.exit(f"no such scenario: {', '.join(sorted(unknown))}")
    failed = 0
    for test in tests:
        if only and test.__name__ not in only:
            continue
        with tempfile.TemporaryDirectory(prefix="treffpunkt-mail-") as work:
            began = time.monotonic()
            try:
                test(work)
                print(f"ok   {test.__name__} ({time.monotonic() - began:.1f} s)")
            except Exception as e:  # noqa: BLE001 - report every failing scenario, then fail
                failed += 1
                print(f"FAIL {test.__name__}: {type(e).__name__}: {e}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
