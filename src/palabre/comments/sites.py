"""Sites and threads: lookup, creation, allowed origins."""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from palabre.errors import PalabreError
from palabre.storage.models import Site, Thread

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


def printable(value: str) -> str:
    """Titles and URLs given by a page are shown in feeds, e-mails and the dashboard: no control,
    invisible or bidirectional characters."""
    return " ".join(_CONTROL.sub(" ", value).split())


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else ""


def get_site(session: Session, key: str) -> Site:
    site = session.scalar(select(Site).where(Site.key == key))
    if site is None:
        raise PalabreError("site_inconnu", params={"site": key[:100]}, field="site")
    return site


def ensure_site(
    session: Session, key: str, name: str, origins: list[str], now: datetime, auto_create: bool = True
) -> Site:
    site = session.scalar(select(Site).where(Site.key == key))
    if site is None:
        site = Site(key=key, name=name, origins=origins, auto_create_threads=auto_create,
                    created_at=now)
        session.add(site)
        session.flush()
    else:
        site.origins = sorted(set(site.origins) | set(origins))
    return site


def find_thread(session: Session, site: Site, key: str) -> Thread | None:
    return session.scalar(select(Thread).where(Thread.site_id == site.id, Thread.key == key))


def get_or_create_thread(
    session: Session, site: Site, key: str, title: str, url: str, now: datetime
) -> Thread:
    thread = find_thread(session, site, key)
    if thread is not None:
        if title and not thread.title:
            thread.title = printable(title)[:500]
        return thread
    if not site.auto_create_threads:
        raise PalabreError("fil_inconnu", params={"thread": key[:200]}, field="thread")
    thread = Thread(site_id=site.id, key=key, title=printable(title)[:500],
                    url=printable(url)[:2000], created_at=now)
    session.add(thread)
    session.flush()
    return thread


def origin_allowed(site: Site, origin: str | None, own_origin: str) -> bool:
    """No Origin header (same-origin GET, curl) or our own origin is fine; else the site's list."""
    if not origin:
        return True
    origin = origin.lower().rstrip("/")
    return origin == own_origin.lower().rstrip("/") or origin in {o.lower() for o in site.origins}
