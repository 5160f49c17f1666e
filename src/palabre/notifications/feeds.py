"""Atom feeds (RFC 4287) of published comments, per article and per site, built with feedgen."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from palabre.comments.sites import find_thread, get_site
from palabre.errors import PalabreError
from palabre.notifications.compose import comment_url, thread_title
from palabre.status import CommentStatus
from palabre.storage.models import Comment, Site, Thread

if TYPE_CHECKING:  # feedgen (and lxml) load with the first feed, not in every web process
    from feedgen.feed import FeedGenerator

FEED_SIZE = 50


def _tag(public_url: str, path: str) -> str:
    """Stable `tag:` URIs (RFC 4151) as ids, independent of where the feed is fetched from."""
    host = urlsplit(public_url).hostname or "palabre.local"
    return f"tag:{host},2024:{path}"


def _feed(
    public_url: str, feed_id: str, title: str, self_url: str, alternate: str, updated: datetime
) -> FeedGenerator:
    from feedgen.feed import FeedGenerator

    fg = FeedGenerator()
    fg.id(_tag(public_url, feed_id))
    fg.title(title)
    fg.language("fr")
    fg.updated(updated)
    fg.author({"name": "palabre"})
    fg.generator("palabre")
    fg.link(href=self_url, rel="self", type="application/atom+xml")
    if alternate:
        fg.link(href=alternate, rel="alternate", type="text/html")
    return fg


def _entries(fg: FeedGenerator, public_url: str, rows: list[tuple[Comment, Thread]]) -> None:
    for comment, thread in reversed(rows):  # feedgen prepends: add oldest first
        entry = fg.add_entry()
        entry.id(_tag(public_url, f"comment/{comment.id}"))
        name = comment.author_name or "Anonyme"
        entry.title(f"{name} sur « {thread_title(thread)} »")
        entry.author({"name": name})
        entry.published(comment.created_at)
        entry.updated(comment.edited_at or comment.created_at)
        entry.content(comment.html, type="html")
        url = comment_url(thread, comment.id)
        if url:
            entry.link(href=url, rel="alternate", type="text/html")


def _latest(rows: list[tuple[Comment, Thread]], fallback: datetime) -> datetime:
    return max((c.edited_at or c.created_at for c, _ in rows), default=fallback)


def thread_feed(session: Session, public_url: str, site_key: str, thread_key: str) -> bytes:
    site = get_site(session, site_key)
    thread = find_thread(session, site, thread_key)
    if thread is None:
        raise PalabreError("fil_inconnu", params={"thread": thread_key[:200]}, field="thread")
    comments = session.scalars(
        select(Comment)
        .where(Comment.thread_id == thread.id, Comment.status == CommentStatus.PUBLISHED)
        .order_by(Comment.created_at.desc(), Comment.id.desc())
        .limit(FEED_SIZE)
    ).all()
    rows = [(c, thread) for c in comments]
    self_url = (
        f"{public_url.rstrip('/')}/feeds/thread.atom?site={quote(site.key, safe='')}"
        f"&thread={quote(thread.key, safe='')}"
    )
    fg = _feed(
        public_url,
        f"site/{site.key}/thread/{thread.id}",
        f"Commentaires : {thread_title(thread)}",
        self_url,
        thread.url or comment_url(thread, 0).split("#")[0],
        _latest(rows, thread.created_at),
    )
    _entries(fg, public_url, rows)
    return bytes(fg.atom_str(pretty=True))


def site_feed(session: Session, public_url: str, site_key: str) -> bytes:
    site: Site = get_site(session, site_key)
    found = session.execute(
        select(Comment, Thread)
        .join(Thread, Comment.thread_id == Thread.id)
        .where(Thread.site_id == site.id, Comment.status == CommentStatus.PUBLISHED)
        .order_by(Comment.created_at.desc(), Comment.id.desc())
        .limit(FEED_SIZE)
    ).all()
    rows = [(c, t) for c, t in found]
    self_url = f"{public_url.rstrip('/')}/feeds/site.atom?site={quote(site.key, safe='')}"
    fg = _feed(
        public_url,
        f"site/{site.key}",
        f"Commentaires : {site.name}",
        self_url,
        "",
        _latest(rows, site.created_at),
    )
    _entries(fg, public_url, rows)
    return bytes(fg.atom_str(pretty=True))
