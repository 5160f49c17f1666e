"""The demo's own mail sink: a local SMTP server (aiosmtpd) that keeps what palabre sends, so
« Suivre les commentaires » works end to end without a real mail server; the page
/demo/courriels shows the messages, links included. Never used outside `palabre demo`."""

from __future__ import annotations

import email
import email.policy
import socket
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from typing import Any

MAX_KEPT = 200


@dataclass(frozen=True, slots=True)
class SentMail:
    received: datetime
    to: str
    subject: str
    text: str


class DemoMailbox:
    """An SMTP server on a free loopback port; `messages` are the newest first."""

    def __init__(self, port: int | None = None) -> None:
        from aiosmtpd.controller import Controller

        self.port = port or _free_port()
        self._messages: list[SentMail] = []
        self._lock = threading.Lock()
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        part = message.get_body(preferencelist=("plain",))
        text = part.get_content() if part is not None else ""
        mail = SentMail(
            datetime.now(UTC), str(message["To"] or ""), str(message["Subject"] or ""), str(text)
        )
        with self._lock:
            self._messages.insert(0, mail)
            del self._messages[MAX_KEPT:]
        return "250 Message accepted for delivery"

    @property
    def messages(self) -> list[SentMail]:
        with self._lock:
            return list(self._messages)

    def start(self) -> None:
        self._controller.start()

    def stop(self) -> None:
        self._controller.stop()

    def settings(self) -> dict[str, Any]:
        """The settings that send palabre's mail here."""
        return {
            "smtp_host": "127.0.0.1",
            "smtp_port": self.port,
            "smtp_security": "none",
            "smtp_user": "",
            "mail_from": "palabre (démonstration) <demo@palabre.invalid>",
        }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port
