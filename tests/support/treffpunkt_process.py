"""The real treffpunkt binary as a child process on 127.0.0.1 with an OS-chosen port, for tests in Python."""
import os
import queue
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request


class TreffpunktServer:
    def __init__(self, binary, db, *extra, env_extra=None):
        self.binary, self.db, self.extra = binary, db, list(extra)
        self.env = {**os.environ, **(env_extra or {})}
        self.proc, self.port, self.stderr_lines = None, None, []
        self.lines = queue.Queue()

    def __enter__(self):
        self.proc = subprocess.Popen(
            [self.binary, "serve", "--listen", "127.0.0.1:0", "--db", self.db, "--access-log", "off", *self.extra],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=self.env)
        # A thread reads standard error: select() on the pipe would miss lines already in Python's buffer.
        self.reader = threading.Thread(target=self.pump, daemon=True)
        self.reader.start()
        deadline = time.monotonic() + 30
        while self.port is None:
            line = self.read_stderr_line(deadline)
            if line.startswith("listening on http://127.0.0.1:"):
                self.port = int(line.split(":")[2].split()[0])
        return self

    def pump(self):
        for line in self.proc.stderr:
            self.lines.put(line)
        self.lines.put(None)

    def read_stderr_line(self, deadline):
        try:
            line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise TimeoutError("treffpunkt said nothing in time: " + "".join(self.stderr_lines)) from None
        if line is None:
            raise RuntimeError("treffpunkt exited early: " + "".join(self.stderr_lines))
        self.stderr_lines.append(line)
        return line

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def get(self, path, headers=None):
        """(status, headers, body bytes); HTTP errors are returned, not raised."""
        request = urllib.request.Request(self.base + path, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=30) as r:
                return r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()

    def terminate(self, timeout=15):
        """SIGTERM; returns the exit code, or raises if the server does not stop in time."""
        self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(timeout=timeout)
        self.reader.join(timeout=5)
        while not self.lines.empty():
            line = self.lines.get()
            if line is not None:
                self.stderr_lines.append(line)
        return code

    def __exit__(self, *exc):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        if self.proc:
            self.reader.join(timeout=5)
            self.proc.stderr.close()
