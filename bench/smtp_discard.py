"""An SMTP server for bench/mail.sh (Debian's python3-aiosmtpd) that accepts and discards every message.
Prints its port, then serves until killed."""
import asyncio
import socket
import sys

from aiosmtpd.smtp import SMTP


class Discard:
    async def handle_DATA(self, server, session, envelope):
        return "250 2.0.0 accepted"


async def main():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = await asyncio.get_running_loop().create_server(lambda: SMTP(Discard(), hostname="bench.test"), sock=sock)
    print(sock.getsockname()[1], flush=True)
    await server.serve_forever()


asyncio.run(main())
