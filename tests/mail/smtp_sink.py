"""A real SMTP server (Debian's python3-aiosmtpd) on a loopback port, in a thread, for delivery tests.

It records every accepted message and every DATA attempt, and can be told to answer with faults: a reply for
the next DATA commands (e.g. 451), a reply for a recipient (e.g. 550), or to hold a message after its data
arrived, before or after accepting it (to kill the sender mid-delivery)."""
import asyncio
import email
import email.policy
import socket
import threading
import time
import warnings

from aiosmtpd.smtp import SMTP, AuthResult


# The AUTH test runs without TLS on purpose (loopback only); aiosmtpd warns about that.
warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")


class SmtpSink:
    def __init__(self, port=0, login=None, tls_context=None, implicit_tls=False):
        """login: (user, password) bytes to require AUTH; tls_context: offer STARTTLS (required then), or with
        implicit_tls speak TLS from the first byte (smtps://)."""
        self.port, self.login = port, login
        self.tls_context, self.implicit_tls = tls_context, implicit_tls
        self.messages, self.attempts, self.rcpt_attempts = [], [], []
        self.data_replies, self.rcpt_replies = [], {}
        self.hold = None  # "before_accepting" or "before_replying": DATA waits until this is None again
        self.held = threading.Event()
        self.lock = threading.Lock()

    # aiosmtpd handler hooks
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        with self.lock:
            self.rcpt_attempts.append(address)
            reply = self.rcpt_replies.get(address)
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.attempts.append(time.monotonic())
            reply = self.data_replies.pop(0) if self.data_replies else None
        if reply:
            return reply
        if self.hold == "before_accepting":
            await self.wait_while_held()
        with self.lock:
            self.messages.append({"rcpt": list(envelope.rcpt_tos), "raw": envelope.content,
                                  "authenticated": bool(getattr(session, "authenticated", False)),
                                  "tls": server.transport.get_extra_info("ssl_object") is not None})
        if self.hold == "before_replying":
            await self.wait_while_held()
        return "250 2.0.0 accepted"

    async def wait_while_held(self):
        self.held.set()
        while self.hold:
            await asyncio.sleep(0.05)

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        ok = self.login is not None and (auth_data.login, auth_data.password) == self.login
        return AuthResult(success=ok, handled=False)

    def __enter__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", self.port))
        self.port = self.sock.getsockname()[1]
        self.loop = asyncio.new_event_loop()
        ready = threading.Event()

        def factory():
            options = {"hostname": "sink.test"}
            if self.tls_context is not None and not self.implicit_tls:
                options.update(tls_context=self.tls_context, require_starttls=True)
            if self.login is not None:
                # Without TLS the test allows AUTH in the clear (loopback only); with STARTTLS, AUTH needs it
                # (aiosmtpd cannot tell that an implicit TLS connection is encrypted, so it is not asked there).
                options.update(authenticator=self.authenticate, auth_required=True,
                               auth_require_tls=self.tls_context is not None and not self.implicit_tls)
            return SMTP(self, **options)

        def run():
            asyncio.set_event_loop(self.loop)
            ssl = self.tls_context if self.implicit_tls else None
            self.server = self.loop.run_until_complete(self.loop.create_server(factory, sock=self.sock, ssl=ssl))
            ready.set()
            self.loop.run_forever()

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()
        ready.wait(10)
        return self

    def __exit__(self, *exc):
        self.hold = None

        async def close():
            self.server.close()
            await self.server.wait_closed()

        asyncio.run_coroutine_threadsafe(close(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)

    def mails_to(self, address):
        with self.lock:
            raw = [m["raw"] for m in self.messages if address in m["rcpt"]]
        return [email.message_from_bytes(r, policy=email.policy.default) for r in raw]

    def wait_for(self, address, count=1, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            mails = self.mails_to(address)
            if len(mails) >= count:
                return mails
            time.sleep(0.1)
        raise AssertionError(f"{count} mail(s) to {address} expected, got {len(self.mails_to(address))}")


def free_port():
    """A loopback port nothing listens on (for 'the SMTP server is down')."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
