"""One queue item with everything a moderator needs to decide: the article and the parent
comment, the engine's decision with the offending words marked, the spelling corrections, the
author's history and the readers' reports."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from markupsafe import Markup
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from palabre.review.highlight import (
    KIND_ORDER,
    correction_marks,
    evidence_marks,
    highlight,
    kind_of,
)
from palabre.status import DECIDED, CommentStatus
from palabre.storage.models import Comment, Decision, ModerationAction, Report, Site, Thread

HISTORY_SHOWN = 5


@dataclass(frozen=True, slots=True)
class AuthorHistory:
    total: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    recent: tuple[Comment, ...] = ()
    by_name: bool = False  # no author key (no e-mail, no IP): matched on the display name

    @property
    def rejection_rate(self) -> float | None:
        decided = sum(self.by_status.get(s, 0) for s in DECIDED)
        return None if not decided else self.by_status.get(CommentStatus.REJECTED, 0) / decided


@dataclass(frozen=True, slots=True)
class Item:
    comment: Comment
    thread: Thread
    site: Site
    parent: Comment | None
    decision: Decision | None
    text_html: Markup
    corrections: list[dict[str, Any]]
    reasons: list[dict[str, Any]]
    history: AuthorHistory
    reports: list[Report]
    entered_at: datetime

    @property
    def clauses(self) -> list[str]:
        return sorted({str(r.get("clause")) for r in self.reasons if r.get("clause")})


def load_items(session: Session, ids: Sequence[int]) -> list[Item]:
    if not ids:
        return []
    comments = {c.id: c for c in session.scalars(select(Comment).where(Comment.id.in_(ids)))}
    threads = {
        t.id: t
        for t in session.scalars(
            select(Thread).where(Thread.id.in_({c.thread_id for c in comments.values()}))
        )
    }
    sites = {
        s.id: s
        for s in session.scalars(
            select(Site).where(Site.id.in_({t.site_id for t in threads.values()}))
        )
    }
    parent_ids = {c.parent_id for c in comments.values() if c.parent_id}
    parents = {p.id: p for p in session.scalars(select(Comment).where(Comment.id.in_(parent_ids)))}
    decisions: dict[int, Decision] = {}
    for row in session.scalars(
        select(Decision).where(Decision.comment_id.in_(ids)).order_by(Decision.id)
    ):
        decisions[row.comment_id] = row
    reports: dict[int, list[Report]] = {}
    for report in session.scalars(
        select(Report).where(Report.comment_id.in_(ids)).order_by(Report.created_at)
    ):
        reports.setdefault(report.comment_id, []).append(report)
    entered = dict(
        session.execute(
            select(ModerationAction.comment_id, func.max(ModerationAction.created_at))
            .where(ModerationAction.comment_id.in_(ids))
            .group_by(ModerationAction.comment_id)
        ).all()
    )
    items = []
    for cid in ids:
        comment = comments.get(cid)
        if comment is None:
            continue
        thread = threads[comment.thread_id]
        decision = decisions.get(cid)
        reasons = sorted(
            decision.reasons if decision else [],
            key=lambda r: KIND_ORDER.get(kind_of(r.get("category")), 3),
        )
        corrections = list(decision.corrections) if decision else []
        marks = evidence_marks(comment.text, reasons) + correction_marks(comment.text, corrections)
        open_reports = [r for r in reports.get(cid, []) if r.status == "open"]
        since = (
            open_reports[0].created_at
            if open_reports and comment.status == CommentStatus.PUBLISHED
            else entered.get(cid, comment.created_at)
        )
        items.append(
            Item(
                comment=comment,
                thread=thread,
                site=sites[thread.site_id],
                parent=parents.get(comment.parent_id) if comment.parent_id else None,
                decision=decision,
                text_html=highlight(comment.text, marks),
                corrections=corrections,
                reasons=reasons,
                history=author_history(session, comment, thread.site_id),
                reports=reports.get(cid, []),
                entered_at=since,
            )
        )
    return items


def author_history(session: Session, comment: Comment, site_id: int) -> AuthorHistory:
    """The author's other comments (same author key, else same name), by status, latest few."""
    if comment.author_key:
        same = Comment.author_key == comment.author_key
    elif comment.author_name:
        same = Comment.author_name == comment.author_name
    else:
        return AuthorHistory()
    on_site = Comment.thread_id.in_(select(Thread.id).where(Thread.site_id == site_id))
    same_author = (same, on_site, Comment.id != comment.id, Comment.status != CommentStatus.DELETED)
    by_status = {
        status: int(n)
        for status, n in session.execute(
            select(Comment.status, func.count(Comment.id))
            .where(*same_author)
            .group_by(Comment.status)
        ).all()
    }
    recent = session.scalars(
        select(Comment).where(*same_author).order_by(Comment.created_at.desc()).limit(HISTORY_SHOWN)
    ).all()
    return AuthorHistory(
        sum(by_status.values()), by_status, tuple(recent), by_name=not comment.author_key
    )
