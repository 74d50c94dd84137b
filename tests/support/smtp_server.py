#!/usr/bin/env python3
"""A loopback SMTP server for the push tests (Debian python3-aiosmtpd): every message it
accepts is written to OUT_DIR as NNNN.eml (the raw bytes as received). Prints
"READY <port>" once listening; runs until killed.

usage: smtp_server.py OUT_DIR [PORT]   (PORT 0 or absent: a free port)"""
import os
import socket
import sys
import time

from aiosmtpd.controller import Controller


class Collect:
    def __init__(self, out):
        self.out = out
        self.n = len([f for f in os.listdir(out) if f.endswith(".eml")])  # a restart continues

    async def handle_DATA(self, server, session, envelope):
        self.n += 1
        path = os.path.join(self.out, f"{self.n:04d}.eml")
        with open(path + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(path + ".tmp", path)
        with open(os.path.join(self.out, f"{self.n:04d}.rcpt"), "w") as f:
            f.write("\n".join(envelope.rcpt_tos))
        return "250 OK"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    out = sys.argv[1]
    port = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2] != "0" else free_port()
    os.makedirs(out, exist_ok=True)
    c = Controller(Collect(out), hostname="127.0.0.1", port=port)
    c.start()
    print(f"READY {port}", flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        c.stop()


if __name__ == "__main__":
    main()
