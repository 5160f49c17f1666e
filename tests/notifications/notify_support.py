"""Real parts for the notification tests: an SMTP server on loopback (aiosmtpd), a huey consumer
running in threads, an HTTP receiver for webhooks, a keyword moderator."""

from __future__ import annotations

import email
import email.policy
import http.server
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from huey import Huey

from palabre.moderation.findings import CATEGORIES
from palabre.moderation.verdict import Reason, Verdict


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Inbox:
    """aiosmtpd handler: keeps every message that arrives, parsed."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        with self._lock:
            self.messages.append(message)
        return "250 Message accepted for delivery"

    def wait_for(
        self, predicate: Callable[[EmailMessage], bool], timeout: float = 15.0, count: int = 1
    ) -> list[EmailMessage]:
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                found = [m for m in self.messages if predicate(m)]
            if len(found) >= count:
                return found
            if time.monotonic() > deadline:
                subjects = [str(m["Subject"]) + " → " + str(m["To"]) for m in self.messages]
                raise AssertionError(f"no such e-mail after {timeout}s; got {subjects}")
            time.sleep(0.05)


class SmtpServer:
    def __init__(self, port: int | None = None) -> None:
        self.inbox = Inbox()
        self.port = port or free_port()
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)

    def start(self) -> None:
        self.controller.start()

    def stop(self) -> None:
        # no_assert: a server never started (the test failed before) must not hide that failure
        self.controller.stop(no_assert=True)


def body_text(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    content: str = part.get_content()
    return content


def body_html(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("html",))
    assert part is not None
    content: str = part.get_content()
    return content


class Consumer:
    """huey's own consumer, with thread workers, inside the test process (no signal handlers)."""

    def __init__(self, huey: Huey) -> None:
        self.huey = huey
        self.consumer = huey.create_consumer(
            workers=2,
            worker_type="thread",
            periodic=False,
            initial_delay=0.05,
            backoff=1.1,
            max_delay=0.2,
            scheduler_interval=1,
            check_worker_health=False,
        )
        self.consumer._set_signal_handlers = lambda: None

    def start(self) -> None:
        self.consumer.start()

    def stop(self) -> None:
        self.consumer.stop(graceful=True)

    def drain(self, timeout: float = 15.0) -> None:
        """Wait until nothing is queued, scheduled or running (twice in a row)."""
        deadline = time.monotonic() + timeout
        calm = 0
        while calm < 3:
            busy = (
                self.huey.pending_count()
                or self.huey.scheduled_count()
                or self.huey._tasks_in_flight
            )
            calm = 0 if busy else calm + 1
            if time.monotonic() > deadline:
                raise AssertionError("the task queue did not drain")
            time.sleep(0.1)


class KeywordModerator:
    """Decides by keyword so the tests choose the outcome: RETENIR → hold, REJETER → reject."""

    def check(self, text: str, context: object = None) -> Verdict:
        decision: Any = (
            "hold" if "RETENIR" in text else "reject" if "REJETER" in text else "publish"
        )
        reasons: tuple[Reason, ...] = ()
        if decision != "publish":
            reasons = (Reason("3.2", "Pas d'insulte", "insulte", decision, 0.9, (), "test"),)
        return Verdict(decision, reasons, dict.fromkeys(CATEGORIES, 0.0), "fr")


@dataclass
class Receiver:
    """A webhook receiver on 127.0.0.1: answers with the queued statuses, then 200."""

    statuses: list[int] = field(default_factory=list)
    received: list[tuple[dict[str, str], bytes]] = field(default_factory=list)
    port: int = 0
    server: http.server.ThreadingHTTPServer | None = None

    def start(self) -> None:
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                receiver.received.append(({k: v for k, v in self.headers.items()}, body))
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                return

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks/palabre"

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    def wait(self, count: int, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while len(self.received) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"{len(self.received)} webhook calls, expected {count}")
            time.sleep(0.05)
