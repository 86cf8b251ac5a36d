"""Radicale (Debian), a CalDAV server, on loopback with an OS-chosen port: every event of our files, PUT as one
calendar object per UID with the VTIMEZONEs it needs, must be accepted (201 Created)."""
import base64
import os
import queue
import re
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request

AUTH = "Basic " + base64.b64encode(b"tp:tp").decode()
MKCALENDAR = """<?xml version="1.0" encoding="utf-8"?>
<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop>
<C:supported-calendar-component-set><C:comp name="VEVENT"/></C:supported-calendar-component-set>
</D:prop></D:set></C:mkcalendar>"""


def blocks(text, name):
    """The raw lines of each top-level component `name`, as written (folds kept)."""
    out, current = [], None
    for line in text.split("\r\n"):
        if line == f"BEGIN:{name}":
            current = []
        if current is not None:
            current.append(line)
        if line == f"END:{name}" and current is not None:
            out.append("\r\n".join(current))
            current = None
    return out


def uid_of(block):
    unfolded = block.replace("\r\n ", "")
    return re.search(r"^UID:(.*)$", unfolded, re.M).group(1)


def objects(text):
    """One calendar object per UID: the events of that UID with every VTIMEZONE of the file (RFC 4791 4.1);
    METHOD stays out, CalDAV stores no scheduling method."""
    head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Treffpunkt//Treffpunkt 0.1//DE\r\n"
    zones = "".join(z + "\r\n" for z in blocks(text, "VTIMEZONE"))
    by_uid = {}
    for event in blocks(text, "VEVENT"):
        by_uid.setdefault(uid_of(event), []).append(event)
    return {uid: head + zones + "".join(e + "\r\n" for e in events) + "END:VCALENDAR\r\n"
            for uid, events in by_uid.items()}


def known_bug(obj, status, said):
    """Radicale before 3.2 refuses a date of a series without the series itself ("Main component missing"), which
    RFC 5545 allows and iOS, Google, Teams and our single-date downloads write: https://github.com/Kozea/Radicale/
    issues/715, fixed by pull 1252 after Debian 12's 3.1.8. Forgiven only for exactly that object and answer."""
    orphan = "\r\nRRULE:" not in obj.split("END:VTIMEZONE")[-1] and all(
        "RECURRENCE-ID" in e for e in blocks(obj, "VEVENT"))
    return orphan and status == 400 and bool(said) and said[0].endswith("Main component missing")


class Radicale:
    def __enter__(self):
        self.dir = tempfile.TemporaryDirectory()
        config = os.path.join(self.dir.name, "config")
        with open(config, "w", encoding="utf-8") as f:
            f.write(f"[server]\nhosts = 127.0.0.1:0\n[auth]\ntype = none\n[rights]\ntype = owner_only\n"
                    f"[storage]\nfilesystem_folder = {self.dir.name}/store\n[logging]\nlevel = info\n")
        self.proc = subprocess.Popen(["/usr/bin/python3", "-m", "radicale", "--config", config],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        lines, self.log = queue.Queue(), []
        threading.Thread(target=lambda: [(lines.put(l), self.log.append(l)) for l in self.proc.stderr],
                         daemon=True).start()
        self.port = None
        while self.port is None:
            line = lines.get(timeout=30)
            found = re.search(r"Listening on '\[?127\.0\.0\.1\]?:(\d+)'", line)
            if found:
                self.port = int(found.group(1))
        self.collections = 0
        return self

    def __exit__(self, *exc):
        self.proc.terminate()
        self.proc.wait(timeout=10)
        self.dir.cleanup()

    def request(self, method, path, body, content_type):
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=body.encode(), method=method,
                                     headers={"Authorization": AUTH, "Content-Type": content_type})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()

    def check(self, where, text, fail):
        """A new calendar for the file, then one PUT per UID; every answer must be 201."""
        self.collections += 1
        path = f"/tp/c{self.collections}/"
        status, body = self.request("MKCALENDAR", path, MKCALENDAR, "application/xml")
        if status != 201:
            return fail(where, f"Radicale MKCALENDAR answered {status}: {body[:200]}")
        for n, (uid, obj) in enumerate(objects(text).items()):
            status, body = self.request("PUT", f"{path}{n}.ics", obj, "text/calendar; charset=utf-8")
            said = self.warning_about(f"{path}{n}.ics") if status != 201 else []
            if status != 201 and not known_bug(obj, status, said):
                fail(where, f"Radicale refused the event {uid} with {status}: {said}")

    def warning_about(self, href, timeout=5):
        """Radicale's log line for a refused request, read by the pump thread shortly after the answer."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            said = [l.strip() for l in list(self.log) if f"'{href}'" in l and ("WARNING" in l or "ERROR" in l)]
            if said:
                return said[-1:]
            time.sleep(0.02)
        return []
