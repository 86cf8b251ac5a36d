#!/usr/bin/python3
"""Crash safety: the real server killed with SIGKILL in the middle of work, then started again.

registration_rush: many clients register at once for an event with few seats; the server is killed while
requests are in flight. After the restart: PRAGMA integrity_check is ok, every registration that got a success
response is there with the status it was told, no seat is held twice (seats held <= capacity, waiting-list
places distinct), and every registration has its confirmation message in the outbox.

torn_commit: the same rush, but the server is killed inside a commit for certain (torn_wal_write.cpp, loaded with
LD_PRELOAD, writes half of the Nth write to the write-ahead log and kills the process); the same checks.

email_burst: a burst of confirmations goes out through a real SMTP server (aiosmtpd); the server is killed while
about half have been sent. After the restart every message arrives, none is lost, and a message sent twice keeps
its Message-ID (the receiver can drop the copy)."""
import concurrent.futures
import contextlib
import datetime
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "support"))
sys.path.insert(0, os.path.join(HERE, "..", "mail"))
from smtp_sink import SmtpSink  # noqa: E402
from treffpunkt_process import TreffpunktServer  # noqa: E402

BINARY = os.environ["TREFFPUNKT"]
CAPACITY = 40


def local(days, hour):
    day = datetime.date.today() + datetime.timedelta(days=days)
    return f"{day.isoformat()}T{hour:02d}:00"


def load(db, capacity):
    doc = {
        "networks": [{"slug": "mint-ruhr", "name": "MINT-Region Ruhr", "contact_name": "Jörg Küster",
                      "contact_email": "joerg@mint-ruhr.example"}],
        "events": [{"slug": "grosstreffen", "network": "mint-ruhr", "kind": "meeting", "title": "Großes Treffen",
                    "start": local(30, 10), "end": local(30, 17), "time_zone": "Europe/Berlin",
                    "format": "in_person", "venue": "Zeche Zollverein", "capacity": capacity,
                    "registration_opens": local(-3, 9), "registration_closes": local(29, 9)}],
    }
    path = db + ".json"
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f)
    subprocess.run([BINARY, "import", path, "--db", db], check=True, capture_output=True)


def register(base, i):
    """(address, response JSON) for a success, (address, None) for anything else (refused, cut off, killed)."""
    address = f"person{i}@example.org"
    body = json.dumps({"name": f"Person {i}", "email": address, "consent": True}).encode()
    request = urllib.request.Request(base + "/api/v1/events/grosstreffen/registrations", data=body,
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return address, (json.load(r) if r.status in (200, 201) else None)
    except (urllib.error.URLError, ConnectionError, OSError, ValueError):
        return address, None


def rows(db, sql, *args):
    with contextlib.closing(sqlite3.connect(db)) as c:
        return c.execute(sql, args).fetchall()


def check_database(db):
    assert rows(db, "PRAGMA integrity_check") == [("ok",)], rows(db, "PRAGMA integrity_check")
    assert rows(db, "PRAGMA foreign_key_check") == []


def check_registrations(db, successes):
    stored = {email: status for status, email in rows(db, "SELECT status, email FROM registrations")}
    for address, answer in successes:
        assert address in stored, f"{address} was told it is registered but is not in the database"
        assert stored[address] == answer["status"], (stored[address], answer)
    held = rows(db, "SELECT count(*) FROM registrations WHERE status IN ('pending', 'confirmed')")[0][0]
    assert held <= CAPACITY, f"{held} seats held of {CAPACITY}"
    places = rows(db, "SELECT waitlisted_at, id FROM registrations WHERE status = 'waitlisted'")
    assert len({p for p in places}) == len(places)
    emails = [e for (e,) in rows(db, "SELECT email FROM registrations")]
    assert len(emails) == len(set(emails)), "one person registered twice"
    queued = {r for (r,) in rows(db, "SELECT recipient FROM outbox")}
    missing = [e for e in emails if e not in queued]
    assert not missing, f"registrations without their confirmation in the outbox: {missing[:5]}"
    return held


def rush(base, interrupt):
    """400 registrations from 32 parallel clients; interrupt(successes) runs meanwhile and ends the server.
    Returns the (address, answer) of every success."""
    successes, lock = [], threading.Lock()

    def one(i):
        address, answer = register(base, i)
        if answer is not None:
            with lock:
                successes.append((address, answer))
    with concurrent.futures.ThreadPoolExecutor(32) as pool:
        futures = [pool.submit(one, i) for i in range(400)]
        interrupt(successes)
        concurrent.futures.wait(futures)
    return successes


def check_restart(db, work, held):
    with TreffpunktServer(BINARY, db, "--rate-limit", "0", "--maildir", os.path.join(work, "maildir")) as server:
        address, answer = register(server.base, 1000)  # the restarted server takes registrations again
        assert answer is not None, "no registration after the restart"
        assert answer["status"] == ("pending" if held < CAPACITY else "waitlisted"), (held, answer)
    check_database(db)


def test_registration_rush(work):
    db = os.path.join(work, "rush.db")
    load(db, CAPACITY)
    with TreffpunktServer(BINARY, db, "--rate-limit", "0", "--maildir", os.path.join(work, "maildir")) as server:
        def kill_after_120(successes):
            deadline = time.monotonic() + 60
            while len(successes) < 120 and time.monotonic() < deadline:
                time.sleep(0.005)
            server.proc.send_signal(signal.SIGKILL)  # requests are still in flight
            server.proc.wait(10)
        successes = rush(server.base, kill_after_120)
    assert 120 <= len(successes) < 400, f"{len(successes)} successes: the kill did not land mid-rush"
    check_database(db)
    held = check_registrations(db, successes)
    check_restart(db, work, held)
    print(f"killed after {len(successes)} successes of 400 requests; {held} seats held; all checks passed")


# The server's write to the write-ahead log at which torn_wal_write.cpp kills it: well into the rush.
TORN_AT = 601


def test_torn_commit(work):
    db = os.path.join(work, "torn.db")
    load(db, CAPACITY)
    env = {"LD_PRELOAD": os.environ["TORN_WAL_WRITE"], "TREFFPUNKT_TORN_WAL_WRITE": str(TORN_AT),
           # the sanitizer runtime wants to be first; the preloaded library uses nothing of it
           "ASAN_OPTIONS": "verify_asan_link_order=0:" + os.environ.get("ASAN_OPTIONS", "")}
    with TreffpunktServer(BINARY, db, "--rate-limit", "0", "--maildir", os.path.join(work, "maildir"),
                          env_extra=env) as server:
        successes = rush(server.base, lambda _: server.proc.wait(120))
    assert server.proc.returncode == -signal.SIGKILL, f"not killed in a commit: exit {server.proc.returncode}"
    assert 0 < len(successes) < 400, f"{len(successes)} successes: the kill did not land mid-rush"
    check_database(db)
    held = check_registrations(db, successes)
    stored = rows(db, "SELECT count(*) FROM registrations")[0][0]
    check_restart(db, work, held)
    print(f"killed at write {TORN_AT} to the log after {len(successes)} successes of 400 requests; {stored} "
          f"registrations stored (committed but unanswered ones may be among them); {held} seats held")


def sent(db):
    return rows(db, "SELECT count(*) FROM outbox WHERE status = 'sent'")[0][0]


def test_email_burst(work):
    db = os.path.join(work, "burst.db")
    load(db, 200)
    people = 60
    with SmtpSink() as sink:
        args = ("--smtp-url", f"smtp://127.0.0.1:{sink.port}", "--rate-limit", "0", "--mail-retry", "1",
                "--mail-lease", "2", "--mail-connections", "2")
        with TreffpunktServer(BINARY, db, *args) as server:
            for i in range(people):
                assert register(server.base, i)[1] is not None
            deadline = time.monotonic() + 60
            while len(sink.messages) < people // 3 and time.monotonic() < deadline:
                time.sleep(0.002)
            server.proc.send_signal(signal.SIGKILL)
            server.proc.wait(10)
        arrived_before = len(sink.messages)
        assert arrived_before < people, "everything was sent before the kill"
        check_database(db)
        with TreffpunktServer(BINARY, db, *args):
            deadline = time.monotonic() + 90
            while sent(db) < people and time.monotonic() < deadline:
                time.sleep(0.1)
        assert sent(db) == people, rows(db, "SELECT status, count(*) FROM outbox GROUP BY status")
        for i in range(people):
            mails = sink.mails_to(f"person{i}@example.org")
            assert mails, f"person{i}: message lost"
            assert len({str(m["Message-ID"]) for m in mails}) == 1, "a resent message keeps its Message-ID"
        check_database(db)
        print(f"killed after {arrived_before} of {people} messages; all {people} arrived after the restart")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        globals()[sys.argv[1]](folder)
