"""Dashboard statistics over a period, limited to the moderator's sites: comments per day by
status, decisions by clause and category, how often people overturn the engine (per category),
and how long held comments have been waiting."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Final, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from palabre.status import CommentStatus
from palabre.storage.models import Comment, Decision, ModerationAction, Thread

HUMAN_VERBS: Final = ("publish", "reject", "delete")
AGE_BUCKETS: Final[tuple[tuple[str, timedelta], ...]] = (
    ("< 1 h", timedelta(hours=1)),
    ("1–4 h", timedelta(hours=4)),
    ("4–24 h", timedelta(hours=24)),
    ("1–3 j", timedelta(days=3)),
    ("> 3 j", timedelta.max),
)


Q = TypeVar("Q", bound="Select[*tuple[Any, ...]]")


@dataclass(frozen=True, slots=True)
class Agreement:
    category: str
    reviewed: int
    confirmed: int

    @property
    def overturned(self) -> int:
        return self.reviewed - self.confirmed

    @property
    def rate(self) -> float:
        return self.confirmed / self.reviewed if self.reviewed else 0.0


@dataclass(frozen=True, slots=True)
class Stats:
    days: list[tuple[date, dict[str, int]]]
    by_clause: list[tuple[str, int]]
    by_category: list[tuple[str, int]]
    agreement: list[Agreement]
    queue_ages: list[tuple[str, int]]
    median_wait: timedelta | None
    totals: dict[str, int]


def _scope(query: Q, site_ids: frozenset[int] | None) -> Q:
    query = query.join(Thread, Thread.id == Comment.thread_id)
    return query if site_ids is None else query.where(Thread.site_id.in_(site_ids or {-1}))


def compute(
    session: Session, site_ids: frozenset[int] | None, now: datetime, days: int = 30
) -> Stats:
    since = now - timedelta(days=days)
    per_day = _per_day(session, site_ids, since, now, days)
    clauses, categories = _reasons(session, site_ids, since)
    ages, median = _queue_ages(session, site_ids, now)
    totals: Counter[str] = Counter()
    for _, counts in per_day:
        totals.update(counts)
    return Stats(
        per_day,
        clauses,
        categories,
        _agreement(session, site_ids, since),
        ages,
        median,
        dict(totals),
    )


def _per_day(
    session: Session, site_ids: frozenset[int] | None, since: datetime, now: datetime, days: int
) -> list[tuple[date, dict[str, int]]]:
    rows = session.execute(
        _scope(select(Comment.created_at, Comment.status), site_ids).where(
            Comment.created_at >= since
        )
    ).all()
    buckets: dict[date, Counter[str]] = {
        (now - timedelta(days=i)).date(): Counter() for i in range(days - 1, -1, -1)
    }
    for created, status in rows:
        if created.date() in buckets:
            buckets[created.date()][status] += 1
    return [(day, dict(counter)) for day, counter in buckets.items()]


def _latest_reasons(
    session: Session, site_ids: frozenset[int] | None, since: datetime
) -> dict[int, list[Any]]:
    rows = session.execute(
        _scope(
            select(Decision.comment_id, Decision.reasons).join(
                Comment, Comment.id == Decision.comment_id
            ),
            site_ids,
        )
        .where(Decision.created_at >= since)
        .order_by(Decision.id)
    ).all()
    return {cid: list(reasons or []) for cid, reasons in rows}


def _reasons(
    session: Session, site_ids: frozenset[int] | None, since: datetime
) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    clauses: Counter[str] = Counter()
    categories: Counter[str] = Counter()
    for reasons in _latest_reasons(session, site_ids, since).values():
        clauses.update({str(r.get("clause")) for r in reasons if r.get("clause")})
        categories.update({str(r.get("category")) for r in reasons if r.get("category")})
    return clauses.most_common(), categories.most_common()


def _agreement(
    session: Session, site_ids: frozenset[int] | None, since: datetime
) -> list[Agreement]:
    """Per category: comments a person decided on, and how many agreed with the engine
    (rejected what it held or rejected, published what it published). Publishing what the
    engine held or rejected, or removing what it published, overturns it."""
    actions = session.execute(
        _scope(
            select(
                ModerationAction.comment_id, ModerationAction.action, ModerationAction.decision_id
            ).join(Comment, Comment.id == ModerationAction.comment_id),
            site_ids,
        )
        .where(ModerationAction.created_at >= since)
        .order_by(ModerationAction.created_at, ModerationAction.id)
    ).all()
    engine: dict[int, int] = {}
    human: dict[int, str | None] = {}
    for cid, action, decision_id in actions:
        if action.startswith("auto_") and decision_id is not None:
            engine[cid] = decision_id
        elif action in HUMAN_VERBS:
            human[cid] = action
        elif action == "undo":
            human[cid] = None
    decided = {cid: verb for cid, verb in human.items() if verb and cid in engine}
    decisions = {
        d.id: d
        for d in session.scalars(
            select(Decision).where(Decision.id.in_({engine[c] for c in decided}))
        )
    }
    reviewed: Counter[str] = Counter()
    confirmed: Counter[str] = Counter()
    for cid, verb in decided.items():
        decision = decisions.get(engine[cid])
        if decision is None:
            continue
        agrees = (verb == "publish") == (decision.decision == "publish")
        cats = {str(r.get("category")) for r in decision.reasons or [] if r.get("category")}
        for cat in cats or {"aucune"}:
            reviewed[cat] += 1
            confirmed[cat] += int(agrees)
    return [Agreement(cat, n, confirmed[cat]) for cat, n in reviewed.most_common()]


def _queue_ages(
    session: Session, site_ids: frozenset[int] | None, now: datetime
) -> tuple[list[tuple[str, int]], timedelta | None]:
    entered = session.execute(
        _scope(
            select(Comment.id, func.max(ModerationAction.created_at)).join(
                ModerationAction, ModerationAction.comment_id == Comment.id
            ),
            site_ids,
        )
        .where(Comment.status == CommentStatus.HELD)
        .group_by(Comment.id)
    ).all()
    waits = sorted(now - at for _, at in entered if at is not None)
    counts = dict.fromkeys((label for label, _ in AGE_BUCKETS), 0)
    for wait in waits:
        label = next(lbl for lbl, limit in AGE_BUCKETS if wait < limit)
        counts[label] += 1
    median = waits[len(waits) // 2] if waits else None
    return list(counts.items()), median
