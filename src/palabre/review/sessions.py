"""Dashboard sessions kept server-side: the signed cookie names a session, and the session is
only worth something while its row exists. Logout ends it; a password change or disabling the
account ends every session of that account."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from palabre.storage.models_review import DashboardSession


def _digest(sid: str) -> str:
    """Only a hash of the session id is stored: a copy of the table opens no session."""
    return hashlib.sha256(sid.encode()).hexdigest()


def open_session(
    session: Session, sid: str, account_id: int, now: datetime, lifetime: timedelta
) -> None:
    session.execute(delete(DashboardSession).where(DashboardSession.expires_at <= now))
    session.add(
        DashboardSession(
            sid_hash=_digest(sid), account_id=account_id, created_at=now, expires_at=now + lifetime
        )
    )


def session_is_open(session: Session, sid: str, account_id: int, now: datetime) -> bool:
    return (
        session.scalar(
            select(DashboardSession.sid_hash).where(
                DashboardSession.sid_hash == _digest(sid),
                DashboardSession.account_id == account_id,
                DashboardSession.expires_at > now,
            )
        )
        is not None
    )


def end_session(session: Session, sid: str) -> None:
    session.execute(delete(DashboardSession).where(DashboardSession.sid_hash == _digest(sid)))


def end_all_sessions(session: Session, account_id: int) -> None:
    session.execute(delete(DashboardSession).where(DashboardSession.account_id == account_id))
