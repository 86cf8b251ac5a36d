#!/usr/bin/python3
"""Storage faults with a real file system: the database lives on a small tmpfs of its own, mounted in a private
mount namespace (unshare), so the mount disappears with the test.

Disk full: a filler file takes the last free byte; registrations then get 503 with a clear message and
Retry-After, pages and feeds are still served, nothing of the refused registrations is stored, and once the
filler is gone the next registration works without a restart. Read-only: the server started on a read-only file
system says what is wrong and stops without touching the database; once writable it starts and writes. (A file
system that turns read-only while the server runs: read_only_test.py.)"""
import contextlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "support"))
sys.path.insert(0, os.path.join(HERE, "..", "crash"))
from crash_test import load  # noqa: E402
from treffpunkt_process import TreffpunktServer  # noqa: E402

BINARY = os.environ["TREFFPUNKT"]


def in_own_mount_namespace():
    """Runs this script again inside a new mount namespace (as root; else in a user namespace mapping root)."""
    if os.environ.get("TREFFPUNKT_STORAGE_NS") == "1":
        return False
    flags = ["--mount", "--propagation", "private"] if os.geteuid() == 0 else ["--user", "--map-root-user", "--mount"]
    env = {**os.environ, "TREFFPUNKT_STORAGE_NS": "1"}
    sys.exit(subprocess.run(["unshare", *flags, sys.executable, *sys.argv], env=env).returncode)


def post(base, path, payload):
    request = urllib.request.Request(base + path, data=json.dumps(payload).encode(),
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, r.headers, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, e.headers, json.loads(e.read() or b"{}")


def register(base, name):
    return post(base, "/api/v1/events/grosstreffen/registrations",
                {"name": name, "email": f"{name.lower()}@example.org", "consent": True})


def fill(folder):
    """Writes a filler file until the file system is full; returns its path."""
    path = os.path.join(folder, "filler")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 1):  # big blocks, then the last bytes
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError:
                pass
    finally:
        os.close(fd)
    return path


def stored_names(db):
    with contextlib.closing(sqlite3.connect(db)) as c:  # closed: an open file keeps the mount busy
        assert c.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return {n for (n,) in c.execute("SELECT name FROM registrations")}


def check_unavailable(server, name):
    status, headers, body = register(server.base, name)
    assert status == 503, (status, body)
    assert headers["Retry-After"] == "60"
    assert "Nichts wurde gespeichert" in body["error"], body  # in the visitor's language: German by default
    assert body["reason"] == "storage_unavailable", body
    for page in ("/", "/calendar.ics", "/events/grosstreffen"):
        assert server.get(page)[0] == 200, page


def check_writes(server, name):
    status, _, body = register(server.base, name)
    assert status == 201, (status, body)


def server_args(work):
    return ["--rate-limit", "0", "--maildir", os.path.join(work, "maildir")]


def main(work):
    disk = os.path.join(work, "disk")
    os.makedirs(disk)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", disk], check=True)
    try:
        run_on(disk, work)
    finally:
        subprocess.run(["umount", "--lazy", disk], check=False)


def run_on(disk, work):
    db = os.path.join(disk, "t.db")
    load(db, 100)
    with TreffpunktServer(BINARY, db, *server_args(work)) as server:
        check_writes(server, "Anna")
        filler = fill(disk)
        for name in ("Berta", "Carl", "Dora"):
            check_unavailable(server, name)
        os.remove(filler)
        check_writes(server, "Emil")  # recovered by itself
        assert stored_names(db) == {"Anna", "Emil"}, stored_names(db)

        assert server.terminate() == 0
    assert any("storage unavailable" in line and "disk holding the database is full" in line
               for line in server.stderr_lines), "".join(server.stderr_lines)

    # Read-only at start (Linux refuses to remount read-only while a file on it is open for writing, so this is
    # the server meeting it when it starts). It says what is wrong and stops; the database is left as it was.
    subprocess.run(["mount", "-o", "remount,ro", disk], check=True)
    started = subprocess.run([BINARY, "serve", "--listen", "127.0.0.1:0", "--db", db], capture_output=True,
                             text=True, timeout=30)
    assert started.returncode == 1, (started.returncode, started.stderr)
    assert "must be writable" in started.stderr, started.stderr
    subprocess.run(["mount", "-o", "remount,rw", disk], check=True)
    assert stored_names(db) == {"Anna", "Emil"}, stored_names(db)
    with TreffpunktServer(BINARY, db, *server_args(work)) as server:
        check_writes(server, "Gustav")
    assert stored_names(db) == {"Anna", "Emil", "Gustav"}, stored_names(db)
    print("disk full: 503 with Retry-After, reads served, nothing stored, recovered without a restart; "
          "read-only at start: a clear message, exit 1, the database untouched")


if __name__ == "__main__":
    in_own_mount_namespace()
    with tempfile.TemporaryDirectory() as folder:
        main(folder)
