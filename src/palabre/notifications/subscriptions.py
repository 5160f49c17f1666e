"""« Suivre les commentaires »: subscribe (double opt-in), confirm, unsubscribe; stop reply
notifications. Responses never tell whether an address was already subscribed."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from palabre.comments.sites import get_or_create_thread, get_site
from palabre.comments.text import clean_email
from palabre.errors import PalabreError
from palabre.notifications import compose
from palabre.notifications.links import (
    CONFIRM,
    CONFIRM_MAX_AGE,
    REPLIES_OPTOUT,
    UNSUBSCRIBE,
    Links,
)
from palabre.notifications.mail import Email
from palabre.notifications.render import locale_of
from palabre.storage.models import EmailOptOut, Subscription, Thread

MODES = ("immediate", "digest")
RESEND_AFTER = timedelta(minutes=10)


@dataclass(frozen=True, slots=True)
class FollowRequest:
    site: str
    thread: str
    email: str
    mode: str = "immediate"
    locale: str = "fr"
    thread_title: str = ""
    thread_url: str = ""


def subscribe(session: Session, links: Links, req: FollowRequest, now: datetime) -> Email | None:
    """Create or refresh a subscription; returns the confirmation e-mail to send, if any."""
    if req.mode not in MODES:
        raise PalabreError("mode_invalide", field="mode")
    email = clean_email(req.email)
    if not email:
        raise PalabreError("email_invalide", field="email")
    site = get_site(session, req.site)
    thread = get_or_create_thread(session, site, req.thread, req.thread_title, req.thread_url, now)
    sub = session.scalar(
        select(Subscription).where(
            Subscription.thread_id == thread.id, Subscription.email == email.lower()
        )
    )
    if sub is None:
        sub = Subscription(
            thread_id=thread.id,
            email=email.lower(),
            mode=req.mode,
            token=secrets.token_hex(16),
            created_at=now,
            locale=locale_of(req.locale),
        )
        session.add(sub)
        session.flush()
    elif sub.confirmed_at is not None:
        sub.mode = req.mode  # already confirmed: only the mode changes, no new e-mail
        return None
    else:
        sub.mode, sub.locale = req.mode, locale_of(req.locale)
        if now - sub.created_at < RESEND_AFTER:  # no flood of confirmations to one address
            return None
        sub.created_at = now
    return compose.confirm_email(links, sub, thread)


def confirm(
    session: Session, links: Links, token: str, now: datetime
) -> tuple[Subscription, Thread]:
    sub = _subscription(session, links.load(CONFIRM, token, CONFIRM_MAX_AGE))
    if sub.confirmed_at is None:
        sub.confirmed_at = now
    thread = session.get(Thread, sub.thread_id)
    assert thread is not None
    return sub, thread


def unsubscription(session: Session, links: Links, token: str) -> Subscription | None:
    """The subscription a link ends; None when it has already ended (the link stays valid)."""
    payload = links.load(UNSUBSCRIBE, token)
    try:
        return _subscription(session, payload)
    except PalabreError:
        return None


def unsubscribe(session: Session, links: Links, token: str) -> Thread | None:
    sub = unsubscription(session, links, token)
    if sub is None:
        return None
    thread = session.get(Thread, sub.thread_id)
    session.delete(sub)
    return thread


def replies_optout(session: Session, links: Links, token: str, now: datetime) -> str:
    email = str(links.load(REPLIES_OPTOUT, token))
    if session.get(EmailOptOut, (email, "replies")) is None:
        session.add(EmailOptOut(email=email, kind="replies", created_at=now))
    return email


def _subscription(session: Session, payload: object) -> Subscription:
    if not (isinstance(payload, list) and len(payload) == 2 and isinstance(payload[0], int)):
        raise PalabreError("lien_invalide")
    sub = session.get(Subscription, payload[0])
    if sub is None or sub.token != payload[1]:
        raise PalabreError("lien_expire")
    return sub
