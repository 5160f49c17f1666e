"""Load the seed articles into a database: every comment goes through moderation, reply links
are kept. Loading twice adds nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from palabre.comments.service import CommentService, NewComment
from palabre.comments.sites import find_thread, get_site
from palabre.demo.seeds import SeedArticle, load_seeds
from palabre.storage.models import Comment


@dataclass(frozen=True, slots=True)
class LoadedSeed:
    article: SeedArticle
    decisions: dict[str, str]


def load_demo(service: CommentService, site: str = "default") -> list[LoadedSeed]:
    return [load_article(service, article, site) for article in load_seeds()]


def load_article(service: CommentService, article: SeedArticle, site: str) -> LoadedSeed:
    with service.db.session() as session:
        thread = find_thread(session, get_site(session, site), article.thread_key)
        existing = (
            0
            if thread is None
            else session.scalar(
                select(func.count(Comment.id)).where(Comment.thread_id == thread.id)
            )
        )
    if existing:
        return LoadedSeed(article, {})
    start = datetime.fromisoformat(article.published or "2025-08-16").replace(hour=9, tzinfo=UTC)
    ids: dict[str, int] = {}
    decisions: dict[str, str] = {}
    for index, seed in enumerate(article.comments):
        result = service.post_imported(
            NewComment(
                site=site,
                thread=article.thread_key,
                thread_title=article.title,
                thread_url=f"/demo/{article.id}",
                text=seed.text,
                author=seed.author,
                parent=ids.get(seed.parent) if seed.parent else None,
            ),
            created_at=start + timedelta(minutes=7 * index),
        )
        ids[seed.id] = result.comment.id
        decisions[seed.id] = result.decision
    return LoadedSeed(article, decisions)
