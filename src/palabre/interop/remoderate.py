"""Re-moderation: published comments (imported or not) checked again against the current charter.

Without `apply` nothing changes: the report counts decisions and clauses and keeps up to five
examples per clause with the words that break it. With `apply`, each comment that now breaks the
charter is held or rejected as the charter says, with a Decision row and an audit row whose actor
is « re-modération »; one transaction per batch of comments."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from palabre.comments.moderation_step import apply_verdict, context_for
from palabre.comments.sites import get_site
from palabre.moderation.engine import ModerationEngine
from palabre.moderation.fallback import engine_failure_verdict
from palabre.moderation.findings import CheckContext
from palabre.moderation.verdict import Verdict
from palabre.status import STATUS_FOR, CommentStatus
from palabre.storage.db import Database
from palabre.storage.models import Comment, Site, Thread
from palabre.typography import french

ACTOR = "re-modération"
EXAMPLES_PER_CLAUSE = 5
BATCH = 200
DECISION_LABELS = {
    "publish": "resteraient publiés",
    "hold": "seraient mis en attente",
    "reject": "seraient refusés",
}


@dataclass(frozen=True, slots=True)
class Example:
    comment_id: int
    excerpt: str
    words: tuple[str, ...]


@dataclass(slots=True)
class RemoderationReport:
    applied: bool
    examined: int = 0
    decisions: Counter[str] = field(default_factory=Counter)
    changes: Counter[str] = field(default_factory=Counter)  # "published → held"
    clauses: Counter[str] = field(default_factory=Counter)
    categories: Counter[str] = field(default_factory=Counter)
    clause_texts: dict[str, str] = field(default_factory=dict)
    examples: dict[str, list[Example]] = field(default_factory=dict)

    def add(self, comment_id: int, text: str, verdict: Verdict) -> None:
        self.examined += 1
        self.decisions[verdict.decision] += 1
        if verdict.decision != "publish":
            self.changes[f"{CommentStatus.PUBLISHED} → {STATUS_FOR[verdict.decision]}"] += 1
        for clause in dict.fromkeys(r.clause for r in verdict.reasons):
            self.clauses[clause] += 1
        for category in dict.fromkeys(r.category for r in verdict.reasons if r.category):
            self.categories[str(category)] += 1
        for reason in verdict.reasons:
            self.clause_texts.setdefault(reason.clause, reason.clause_text)
            examples = self.examples.setdefault(reason.clause, [])
            if len(examples) < EXAMPLES_PER_CLAUSE and all(
                e.comment_id != comment_id for e in examples
            ):
                words = tuple(
                    dict.fromkeys(
                        s.text
                        for r in verdict.reasons
                        if r.clause == reason.clause
                        for s in r.spans
                    )
                )
                examples.append(Example(comment_id, _excerpt(text), words))

    def lines(self) -> list[str]:
        head = (
            "Re-modération appliquée"
            if self.applied
            else "Re-modération — rapport seul (rien n'a été modifié ; --apply pour appliquer)"
        )
        out = [head, f"Commentaires publiés examinés : {self.examined}"]
        out += [f"  {self.decisions[d]} {label}" for d, label in DECISION_LABELS.items()]
        if self.changes:
            out.append("Changements de statut" + (" :" if self.applied else " proposés :"))
            out += [f"  {change} : {n}" for change, n in sorted(self.changes.items())]
        if self.categories:
            out.append(
                "Par catégorie : " + ", ".join(f"{c} {n}" for c, n in self.categories.most_common())
            )
        out = [french(line) for line in out]
        for clause, n in self.clauses.most_common():
            out.append(french(f"Clause « {clause} » — {self.clause_texts.get(clause, '')} : {n}"))
            for ex in self.examples.get(clause, []):  # the comment's words stay as written
                words = ", ".join(f"«\u00a0{w}\u00a0»" for w in ex.words) or "—"
                out.append(f"  n° {ex.comment_id}\u00a0: {ex.excerpt} [mots\u00a0: {words}]")
        return out


def _excerpt(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def remoderate(
    db: Database,
    moderator: ModerationEngine,
    *,
    site: str | None = None,
    since: datetime | None = None,
    apply: bool = False,
    now: datetime,
    progress: Callable[[int, int], None] | None = None,
) -> RemoderationReport:
    report = RemoderationReport(applied=apply)
    ids = _candidates(db, site, since)
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        with db.session() as session:
            comments = session.scalars(
                select(Comment).where(Comment.id.in_(chunk)).order_by(Comment.id)
            ).all()
            for comment in comments:
                if comment.status != CommentStatus.PUBLISHED or not comment.text.strip():
                    continue
                # as when it was last moderated: the author's texts of the day before, the
                # thread's title (comments/moderation_step.py)
                context = context_for(session, comment, comment.edited_at or comment.created_at)
                verdict = _check(moderator, comment.text, context)
                report.add(comment.id, comment.text, verdict)
                if apply and verdict.decision != "publish":
                    apply_verdict(session, comment, verdict, now, actor=ACTOR)
        if progress:
            progress(min(start + BATCH, len(ids)), len(ids))
    return report


def _check(moderator: ModerationEngine, text: str, context: CheckContext) -> Verdict:
    """A failing engine holds the comment for a human, as when it is posted."""
    try:
        return moderator.check(text, context)
    except Exception as exc:
        return engine_failure_verdict(repr(exc))


def _candidates(db: Database, site: str | None, since: datetime | None) -> list[int]:
    with db.session() as session:
        query = select(Comment.id).where(Comment.status == CommentStatus.PUBLISHED)
        if site is not None:
            site_row: Site = get_site(session, site)
            query = query.join(Thread, Comment.thread_id == Thread.id).where(
                Thread.site_id == site_row.id
            )
        if since is not None:
            query = query.where(Comment.created_at >= since)
        return list(session.scalars(query.order_by(Comment.id)).all())
