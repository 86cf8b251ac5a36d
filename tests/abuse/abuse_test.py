#!/usr/bin/python3
"""Slow and abusive clients against the real server (demo data), each scenario measured against a well-behaved
client at the same time: how long its requests take while the abuse goes on, beside the same requests with no
abuse (printed; only gross failures are asserted, timings are for the note, not for pass/fail).

idle_keepalive: 10,000 idle keep-alive connections; the server's memory per idle connection is printed and bounded.
slowloris: 300 connections trickle their headers a byte at a time; the read deadline cuts them off.
slow_reader: 50 clients ask for a feed and never read it; the write deadline cuts them off; memory stays bounded.
pipelined_flood: 5,000 requests pipelined on one connection, all answered in order, others served meanwhile.
oversized_malformed: huge headers, a huge declared body, endless chunks, garbage: the right 4xx, then closed.
connection_cap: with --max-connections 100 and 100 clients holding half-sent requests, a newcomer gets 503;
once the read deadline frees them, newcomers are served again."""
import os
import resource
import socket
import statistics
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "support"))
from treffpunkt_process import TreffpunktServer  # noqa: E402

BINARY = os.environ["TREFFPUNKT"]
REQUEST = b"GET /events/mint-barcamp HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"


def connect(port):
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


def read_response(s):
    """(status, body) of one response on a kept-alive connection (Content-Length framing)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(65536)
        if not chunk:
            raise ConnectionError("closed before a response")
        data += chunk
    head, rest = data.split(b"\r\n\r\n", 1)
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(rest) < length:
        chunk = s.recv(65536)
        if not chunk:
            raise ConnectionError("closed mid-body")
        rest += chunk
    return int(head.split(b" ")[1]), rest[:length], rest[length:]


def closed_by_server(s, within):
    s.settimeout(within)
    try:
        while s.recv(65536):
            pass
        return True
    except (socket.timeout, TimeoutError):
        return False
    except ConnectionError:
        return True


class Probe:
    """A well-behaved client: timings of a page request on a fresh connection, in milliseconds."""

    def __init__(self, port):
        self.port = port

    def once(self):
        start = time.perf_counter()
        with connect(self.port) as s:
            s.sendall(REQUEST)
            status, _, _ = read_response(s)
        assert status == 200, status
        return (time.perf_counter() - start) * 1000

    def sample(self, n=100):
        times = sorted(self.once() for _ in range(n))
        return statistics.median(times), times[int(len(times) * 0.99) - 1]


def rss_kib(server):
    with open(f"/proc/{server.proc.pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS")


def open_connections(server):
    """The server's own count of open connections, less the one asking."""
    status, _, body = server.get("/metrics")
    line = [l for l in body.decode().splitlines() if l.startswith("treffpunkt_open_connections ")][0]
    return int(line.split()[1]) - 1


def wait_for_open_connections(server, n, within):
    start = time.monotonic()
    while open_connections(server) > n:
        assert time.monotonic() - start < within, f"{open_connections(server)} connections still open"
        time.sleep(0.1)
    return time.monotonic() - start


def report(name, quiet, loaded, extra=""):
    print(f"{name}: others' page requests p50 {quiet[0]:.2f} ms, p99 {quiet[1]:.2f} ms without abuse; "
          f"p50 {loaded[0]:.2f} ms, p99 {loaded[1]:.2f} ms during it ({loaded[1] / quiet[1]:.2f}x p99){extra}")


def serve(work, *extra):
    # The test build has AddressSanitizer, whose quarantine keeps up to 256 MB of freed memory: a small one
    # makes RSS show what the server holds.
    asan = os.environ.get("ASAN_OPTIONS", "") + ":quarantine_size_mb=4"
    return TreffpunktServer(BINARY, os.path.join(work, "t.db"), "--demo", *extra, env_extra={"ASAN_OPTIONS": asan})


def test_idle_keepalive(work):
    wanted = 10_000
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, wanted + 1000), hard))
    with serve(work, "--idle-timeout", "300") as server:
        probe = Probe(server.port)
        probe.sample(20)  # warm caches
        quiet = probe.sample()
        before = rss_kib(server)
        idle = []
        for _ in range(wanted):
            s = connect(server.port)
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
            status, _, _ = read_response(s)
            assert status == 200
            idle.append(s)
        loaded = probe.sample()
        after = rss_kib(server)
        per_connection = (after - before) / wanted
        s = idle[0]  # the first is still open and usable
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
        assert read_response(s)[0] == 200
        report("idle_keepalive", quiet, loaded,
               f"; RSS {before / 1024:.0f} MiB -> {after / 1024:.0f} MiB, {per_connection:.1f} KiB per idle connection")
        assert per_connection < 64, f"{per_connection:.1f} KiB per idle connection"
        for s in idle:
            s.close()


def test_slowloris(work):
    with serve(work, "--read-timeout", "2") as server:
        probe = Probe(server.port)
        probe.sample(20)
        quiet = probe.sample()
        trickling = [connect(server.port) for _ in range(300)]
        stop = threading.Event()

        def trickle():
            header = b"GET / HTTP/1.1\r\nHost: a\r\nX-Slow: " + b"x" * 1000
            for i in range(len(header)):
                if stop.is_set():
                    return
                for s in trickling:
                    try:
                        s.send(header[i:i + 1])
                    except OSError:
                        pass
                time.sleep(0.1)

        started = time.monotonic()
        worker = threading.Thread(target=trickle)
        worker.start()
        loaded = probe.sample()
        cut = sum(closed_by_server(s, max(0.1, 6 - (time.monotonic() - started))) for s in trickling)
        stop.set()
        worker.join()
        report("slowloris", quiet, loaded, f"; {cut} of 300 trickling connections cut off within 6 s")
        assert cut == 300, cut


def test_slow_reader(work):
    with serve(work, "--write-timeout", "2") as server:
        probe = Probe(server.port)
        probe.sample(20)
        quiet = probe.sample()
        before = rss_kib(server)
        readers = []
        for _ in range(50):
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # a tiny window, never read
            s.connect(("127.0.0.1", server.port))
            # Pipelined: 2,000 feeds (~7 kB each) are far more than the kernel's socket buffers (up to 4 MB) hold.
            # The server stops reading them once its writes block, so sending stops too: a timeout ends it.
            s.settimeout(0.5)
            try:
                s.sendall(b"GET /calendar.ics HTTP/1.1\r\nHost: a\r\n\r\n" * 2000)
            except (socket.timeout, TimeoutError):
                pass
            readers.append(s)
        loaded = probe.sample()
        peak = rss_kib(server)
        waited = wait_for_open_connections(server, 0, 10)  # reading here would make them fast readers
        report("slow_reader", quiet, loaded, f"; RSS {before / 1024:.0f} -> {peak / 1024:.0f} MiB; all 50 cut off "
               f"{waited:.1f} s after the probe")
        assert peak - before < 64 * 1024, "more than 64 MiB for 50 slow readers"
        for s in readers:
            s.close()


def test_pipelined_flood(work):
    with serve(work) as server:
        probe = Probe(server.port)
        probe.sample(20)
        quiet = probe.sample()
        n = 5000
        flood = connect(server.port)
        flood.settimeout(60)
        sender = threading.Thread(target=flood.sendall, args=(b"GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n" * n,))
        sender.start()
        answered, rest = 0, b""
        timings = []

        def reader():
            nonlocal answered, rest
            buffer = b""
            while answered < n:
                chunk = flood.recv(1 << 20)
                assert chunk, f"closed after {answered} responses"
                buffer += chunk
                while b"\r\n\r\n" in buffer:
                    head, _, tail = buffer.partition(b"\r\n\r\n")
                    length = int([l for l in head.split(b"\r\n") if l.lower().startswith(b"content-length")][0]
                                 .split(b":")[1])
                    if len(tail) < length:
                        break
                    assert head.startswith(b"HTTP/1.1 200"), head[:40]
                    buffer = tail[length:]
                    answered += 1

        read_thread = threading.Thread(target=reader)
        read_thread.start()
        loaded = probe.sample()
        read_thread.join(60)
        sender.join(60)
        report("pipelined_flood", quiet, loaded, f"; {answered} of {n} pipelined requests answered in order")
        assert answered == n
        flood.close()


def expect_refusal(port, raw, status, label):
    with connect(port) as s:
        try:
            s.sendall(raw)
        except (BrokenPipeError, ConnectionResetError):
            pass  # refused before everything was sent: the response is still there to read
        got = read_response(s)[0]
        assert got == status, (label, got)
        assert closed_by_server(s, 5), label


def test_oversized_malformed(work):
    with serve(work) as server:
        port = server.port
        cases = [
            (b"GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + b"x" * 1_000_000 + b"\r\n\r\n", 431, "a 1 MB header"),
            (b"GET /" + b"a" * 20_000 + b" HTTP/1.1\r\nHost: a\r\n\r\n", 431, "a 20 kB target"),
            (b"POST /api/v1/events/mint-barcamp/registrations HTTP/1.1\r\nHost: a\r\nContent-Length: 10000000000\r\n"
             b"Content-Type: application/json\r\n\r\n", 413, "10 GB declared"),
            (b"POST /api/v1/events/mint-barcamp/registrations HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n"
             b"Content-Type: application/json\r\n\r\n" + b"1000\r\n" + b"x" * 4096 + b"\r\n" * 1 + (b"1000\r\n" + b"x" * 4096 + b"\r\n") * 30,
             413, "endless chunks"),
            (b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + os.urandom(200) + b"\r\n\r\n", 400, "a TLS hello"),
            (b"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", 400,
             "two Content-Lengths (request smuggling)"),
            (b"GET / HTTP/1.1\r\nHo st: a\r\n\r\n", 400, "a space in a header name"),
            (b"GET / HTTP/1.1\r\nHost: a\r\nX: a\x00b\r\n\r\n", 400, "NUL in a header value"),
        ]
        for raw, status, label in cases:
            expect_refusal(port, raw, status, label)
        assert Probe(port).once() > 0  # still serving
        print(f"oversized_malformed: {len(cases)} kinds refused with the right status and closed; still serving")


def test_connection_cap(work):
    with serve(work, "--max-connections", "100", "--read-timeout", "3") as server:
        holders = []
        for _ in range(100):
            s = connect(server.port)
            s.sendall(b"GET / HTTP/1.1\r\nHost: a\r\n")  # half a request: busy, not idle
            holders.append(s)
        time.sleep(0.3)
        with connect(server.port) as s:
            status, body, _ = read_response(s)
        assert status == 503 and b"Too many connections" in body, (status, body)
        deadline = time.monotonic() + 10
        while True:  # the read deadline frees the slots
            try:
                served = Probe(server.port).once()
                break
            except (AssertionError, ConnectionError, OSError):
                assert time.monotonic() < deadline, "never served again"
                time.sleep(0.2)
        print(f"connection_cap: at 100 busy connections a newcomer got 503; served again ({served:.1f} ms) "
              "after the read deadline freed them")
        for s in holders:
            s.close()


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        globals()[sys.argv[1]](folder)
