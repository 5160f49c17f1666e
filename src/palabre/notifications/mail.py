"""E-mail messages and the SMTP sender (TLS, STARTTLS or plain), header-injection safe."""

from __future__ import annotations

import re
import smtplib
import ssl
from dataclasses import dataclass, field
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formataddr, make_msgid, parseaddr

from palabre.settings import Settings

_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_EMAIL = re.compile(r"^[^@\s<>,;\"']+@[^@\s<>,;\"']+\.[^@\s<>,;\"']+$")


def clean_header(value: str) -> str:
    """CR, LF and other control characters become one space: no header can be injected."""
    return _CONTROL.sub(" ", value).strip()


def valid_address(address: str) -> bool:
    return bool(_EMAIL.match(address)) and len(address) <= 254 and not _CONTROL.search(address)


@dataclass(frozen=True, slots=True)
class Email:
    to: str
    subject: str
    text: str
    html: str
    headers: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        """Plain data, safe to serialise into the task queue."""
        return {
            "to": self.to,
            "subject": self.subject,
            "text": self.text,
            "html": self.html,
            "headers": dict(self.headers),
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Email:
        headers = data.get("headers") or {}
        assert isinstance(headers, dict)
        return cls(
            str(data["to"]),
            str(data["subject"]),
            str(data["text"]),
            str(data["html"]),
            {str(k): str(v) for k, v in headers.items()},
        )


def build_message(email: Email, sender: str) -> EmailMessage:
    """The MIME message: plain text first, HTML alternative; every header value cleaned."""
    if not valid_address(email.to):
        raise ValueError("invalid recipient address")
    name, address = parseaddr(clean_header(sender))
    message = EmailMessage()
    message["From"] = formataddr((clean_header(name), address)) if name else address
    message["To"] = str(Address(addr_spec=email.to))
    message["Subject"] = clean_header(email.subject)
    message["Message-ID"] = make_msgid(domain=address.rpartition("@")[2] or "palabre.local")
    message["Auto-Submitted"] = "auto-generated"
    for key, value in email.headers.items():
        message[clean_header(key).replace(" ", "-")] = clean_header(value)
    message.set_content(email.text)
    if email.html:
        message.add_alternative(email.html, subtype="html")
    return message


class SmtpSender:
    """Sends through the configured SMTP server; raises on failure so the task retries."""

    def __init__(self, settings: Settings, timeout: float = 20.0) -> None:
        self.host = settings.smtp_host
        self.port = settings.smtp_port
        self.security = settings.smtp_security.lower()
        self.user = settings.smtp_user
        self.password = settings.smtp_password
        self.sender = settings.mail_from
        self.timeout = timeout

    @property
    def enabled(self) -> bool:
        return bool(self.host)

    def send(self, email: Email) -> None:
        message = build_message(email, self.sender)
        with self._connect() as smtp:
            if self.user:
                smtp.login(self.user, self.password)
            smtp.send_message(message)

    def _connect(self) -> smtplib.SMTP:
        context = ssl.create_default_context()
        if self.security == "ssl":
            return smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
        smtp = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
        if self.security == "starttls":
            smtp.starttls(context=context)
        return smtp
