"""Moderator and admin accounts, the sites they may act on, login with throttling."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final, Literal

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from palabre.errors import PalabreError
from palabre.review.passwords import (
    MIN_LENGTH,
    dummy_hash,
    hash_password,
    needs_rehash,
    verify_password,
)
from palabre.review.sessions import end_all_sessions
from palabre.storage.models import Site
from palabre.storage.models_review import Account, AccountSite, LoginAttempt

Role = Literal["moderateur", "admin"]
ROLES: Final[tuple[Role, ...]] = ("moderateur", "admin")


@dataclass(frozen=True, slots=True)
class Moderator:
    """Who is acting, as the dashboard sees them. `site_ids` is None for an admin (every site)."""

    id: int
    email: str
    role: str
    locale: str
    site_ids: frozenset[int] | None

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def may_act_on(self, site_id: int) -> bool:
        return self.site_ids is None or site_id in self.site_ids

    @property
    def audit_name(self) -> str:
        return self.email


def normalize_email(email: str) -> str:
    return email.strip().lower()


def create_account(
    session: Session,
    email: str,
    password: str,
    role: str,
    site_keys: Sequence[str],
    now: datetime,
) -> Account:
    email = normalize_email(email)
    if role not in ROLES:
        raise PalabreError("role_invalide", params={"role": role[:20]})
    if "@" not in email or len(email) > 254:
        raise PalabreError("email_invalide")
    if len(password) < MIN_LENGTH:
        raise PalabreError("mot_de_passe_court", params={"min": MIN_LENGTH})
    if session.scalar(select(Account.id).where(Account.email == email)) is not None:
        raise PalabreError("compte_existant", params={"email": email})
    sites = _sites(session, site_keys)
    if role == "moderateur" and not sites:
        raise PalabreError("site_requis")
    account = Account(
        email=email,
        password_hash=hash_password(password),
        role=role,
        locale="",
        disabled=False,
        created_at=now,
    )
    session.add(account)
    session.flush()
    for site in sites:
        session.add(AccountSite(account_id=account.id, site_id=site.id))
    return account


def _sites(session: Session, keys: Sequence[str]) -> list[Site]:
    sites = []
    for key in keys:
        site = session.scalar(select(Site).where(Site.key == key))
        if site is None:
            raise PalabreError("site_inconnu", params={"site": key[:100]})
        sites.append(site)
    return sites


def disable_account(session: Session, email: str) -> Account:
    account = session.scalar(select(Account).where(Account.email == normalize_email(email)))
    if account is None:
        raise PalabreError("compte_inconnu", params={"email": email[:254]})
    account.disabled = True
    end_all_sessions(session, account.id)
    return account


def set_password(session: Session, email: str, password: str) -> Account:
    """A new password ends every open dashboard session of the account."""
    account = session.scalar(select(Account).where(Account.email == normalize_email(email)))
    if account is None:
        raise PalabreError("compte_inconnu", params={"email": email[:254]})
    if len(password) < MIN_LENGTH:
        raise PalabreError("mot_de_passe_court", params={"min": MIN_LENGTH})
    account.password_hash = hash_password(password)
    end_all_sessions(session, account.id)
    return account


def list_accounts(session: Session) -> list[tuple[Account, list[str]]]:
    accounts = session.scalars(select(Account).order_by(Account.email)).all()
    rows = session.execute(
        select(AccountSite.account_id, Site.key).join(Site, Site.id == AccountSite.site_id)
    ).all()
    keys: dict[int, list[str]] = {}
    for account_id, key in rows:
        keys.setdefault(account_id, []).append(key)
    return [(a, sorted(keys.get(a.id, []))) for a in accounts]


def moderator_of(session: Session, account_id: int) -> Moderator | None:
    """The active account behind a session, or None when it is gone or disabled."""
    account = session.get(Account, account_id)
    if account is None or account.disabled:
        return None
    site_ids: frozenset[int] | None = None
    if account.role != "admin":
        site_ids = frozenset(
            session.scalars(
                select(AccountSite.site_id).where(AccountSite.account_id == account.id)
            ).all()
        )
    return Moderator(account.id, account.email, account.role, account.locale, site_ids)


@dataclass(frozen=True, slots=True)
class Throttle:
    max_failures: int  # per account and IP fingerprint
    window: timedelta
    max_account_failures: int = 0  # per account, whatever the IP (0: no such limit)


def authenticate(
    session: Session, email: str, password: str, ip: str, now: datetime, throttle: Throttle
) -> Account | None:
    """The account for these credentials, or None (the failure is recorded: commit it).
    `ip` is the address's keyed fingerprint, never the address. Raises `connexion_bloquee`
    (429) after too many failures within the window for this account from this IP, or for this
    account from any IP, before even looking at the password."""
    email = normalize_email(email)[:254]
    ip = ip[:64]
    since = now - throttle.window
    recent = select(func.count(LoginAttempt.id)).where(
        LoginAttempt.email == email,
        LoginAttempt.succeeded.is_(False),
        LoginAttempt.created_at >= since,
    )
    failures = session.scalar(recent.where(LoginAttempt.ip == ip)) or 0
    blocked = failures >= throttle.max_failures
    if not blocked and throttle.max_account_failures:
        blocked = (session.scalar(recent) or 0) >= throttle.max_account_failures
    if blocked:
        minutes = max(1, int(throttle.window.total_seconds() // 60))
        raise PalabreError("connexion_bloquee", params={"minutes": minutes})
    account = session.scalar(select(Account).where(Account.email == email))
    ok = verify_password(account.password_hash if account else dummy_hash(), password)
    ok = ok and account is not None and not account.disabled
    session.add(LoginAttempt(email=email, ip=ip, succeeded=ok, created_at=now))
    if not ok or account is None:
        return None
    session.execute(delete(LoginAttempt).where(LoginAttempt.created_at < since))
    if needs_rehash(account.password_hash):
        account.password_hash = hash_password(password)
    account.last_login_at = now
    return account
