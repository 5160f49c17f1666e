"""Sites and threads: lookup, creation, allowed origins."""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import and_, bindparam, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
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


# Built once: every post asks both.
_SITE_BY_KEY = select(Site).where(Site.key == bindparam("key"))
_THREAD_BY_KEY = select(Thread).where(
    Thread.site_id == bindparam("site_id"), Thread.key == bindparam("key")
)

# A reader's post asks for both at once (comments/service.py): the thread is None until its
# first comment.
_SITE_AND_THREAD = (
    select(Site, Thread)
    .outerjoin(Thread, and_(Thread.site_id == Site.id, Thread.key == bindparam("thread")))
    .where(Site.key == bindparam("site"))
)


def get_site(session: Session, key: str) -> Site:
    site = session.scalar(_SITE_BY_KEY, {"key": key})
    if site is None:
        raise PalabreError("site_inconnu", params={"site": key[:100]}, field="site")
    return site


def ensure_site(
    session: Session,
    key: str,
    name: str,
    origins: list[str],
    now: datetime,
    auto_create: bool = True,
) -> Site:
    site = session.scalar(select(Site).where(Site.key == key))
    if site is None:
        site = Site(
            key=key, name=name, origins=origins, auto_create_threads=auto_create, created_at=now
        )
        session.add(site)
        session.flush()
    else:
        site.origins = sorted(set(site.origins) | set(origins))
    return site


def site_and_thread(session: Session, site_key: str, thread_key: str) -> tuple[Site, Thread | None]:
    """The site (`site_inconnu` if none) and its thread of that key if it exists: one statement."""
    row = session.execute(_SITE_AND_THREAD, {"site": site_key, "thread": thread_key}).first()
    if row is None:
        raise PalabreError("site_inconnu", params={"site": site_key[:100]}, field="site")
    return row[0], row[1]


def find_thread(session: Session, site: Site, key: str) -> Thread | None:
    return session.scalar(_THREAD_BY_KEY, {"site_id": site.id, "key": key})


def get_or_create_thread(
    session: Session, site: Site, key: str, title: str, url: str, now: datetime
) -> Thread:
    """The thread of `key`, created by its first comment. Race-free on both databases: the
    insert does nothing when another request created the thread meanwhile, and the row is then
    read back. Title and URL come from the first poster only, checked; later posters never
    change them."""
    thread = find_thread(session, site, key)
    if thread is not None:
        return thread
    return create_thread(session, site, key, title, url, now)


def create_thread(
    session: Session, site: Site, key: str, title: str, url: str, now: datetime
) -> Thread:
    """A new thread, unless another request has just created it: then that one."""
    if not site.auto_create_threads:
        raise PalabreError("fil_inconnu", params={"thread": key[:200]}, field="thread")
    values = {
        "site_id": site.id,
        "key": key,
        "title": printable(title)[:500],
        "url": thread_url(site, url),
        "created_at": now,
    }
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(
        insert(Thread).values(**values).on_conflict_do_nothing(index_elements=["site_id", "key"])
    )
    thread = find_thread(session, site, key)
    assert thread is not None  # inserted now, or by the request that won the race
    return thread


def thread_url(site: Site, url: str) -> str:
    """A thread's URL as shown in the dashboard, feeds, e-mails and webhooks: http(s) only, on
    one of the site's declared origins when it declares any, without credentials; or a path on
    the site itself. Empty stays empty; anything else is refused (`url_fil_invalide`)."""
    url = printable(url)
    if not url:
        return ""
    if url.startswith("/") and not url.startswith("//") and "\\" not in url:
        return url[:2000]  # a path on the site itself (the demo's articles): no scheme, no host
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        raise PalabreError("url_fil_invalide", field="thread_url")
    try:
        port = parts.port
    except ValueError:
        raise PalabreError("url_fil_invalide", field="thread_url") from None
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    netloc = host + (f":{port}" if port is not None else "")
    clean = urlunsplit((parts.scheme.lower(), netloc, parts.path, parts.query, parts.fragment))
    declared = {o.lower().rstrip("/") for o in site.origins}
    if declared and origin_of(clean) not in declared:
        raise PalabreError("url_fil_invalide", field="thread_url")
    if len(clean) > 2000:
        raise PalabreError("url_fil_invalide", field="thread_url")
    return clean


def origin_allowed(site: Site, origin: str | None, own_origin: str) -> bool:
    """No Origin header (same-origin GET, curl) or our own origin is fine; else the site's list."""
    if not origin:
        return True
    origin = origin.lower().rstrip("/")
    return origin == own_origin.lower().rstrip("/") or origin in {o.lower() for o in site.origins}
