"""Notices of illegal content (DSA art. 16, « Signaler un contenu illicite »): anyone names the
category under French law, explains, gives their name and e-mail and states their good faith;
they get an acknowledgement, a person decides before the deadline, they get the decision. The
comment's author gets a statement of reasons when it is removed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from palabre.comments import text as comment_text
from palabre.errors import PalabreError
from palabre.events import DecisionMade, Event
from palabre.notifications.compose import comment_url
from palabre.notifications.mail import valid_address
from palabre.review.accounts import Moderator
from palabre.review.actions import comment_in_scope
from palabre.status import CommentStatus
from palabre.storage.models import Comment, ModerationAction, Thread
from palabre.storage.models_legal import Notice


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    fr: str
    en: str


CATEGORIES: Final[tuple[Category, ...]] = (
    Category("injure_diffamation", "Injure ou diffamation", "Insult or defamation"),
    Category(
        "haine_violence",
        "Provocation à la haine ou à la violence",
        "Incitement to hatred or violence",
    ),
    Category("apologie_terrorisme", "Apologie du terrorisme", "Apology of terrorism"),
    Category("menace", "Menace", "Threat"),
    Category("harcelement", "Harcèlement", "Harassment"),
    Category("vie_privee", "Atteinte à la vie privée", "Invasion of privacy"),
    Category("contrefacon", "Contrefaçon", "Copyright or trademark infringement"),
    Category("autre", "Autre contenu illicite", "Other illegal content"),
)
CATEGORY_IDS: Final = {c.id: c for c in CATEGORIES}


def label(category: str, locale: str = "fr") -> str:
    found = CATEGORY_IDS.get(category)
    return category if found is None else found.en if locale == "en" else found.fr


def file(
    session: Session,
    comment_id: int,
    category: str,
    explanation: str,
    name: str,
    email: str,
    good_faith: bool,
    now: datetime,
    deadline_hours: int,
) -> Notice:
    if category not in CATEGORY_IDS:
        raise PalabreError(
            "categorie_illicite_invalide", params={"category": category[:40]}, field="category"
        )
    explanation = comment_text.clean_author_free_text(explanation, 5000)
    if len(explanation) < 10:
        raise PalabreError("explication_requise", field="explanation")
    name = comment_text.clean_author_free_text(name, 200)
    if not name:
        raise PalabreError("nom_requis", field="name")
    email = email.strip()
    if not valid_address(email):
        raise PalabreError("email_invalide", field="email")
    if not good_faith:
        raise PalabreError("bonne_foi_requise", field="good_faith")
    comment = session.get(Comment, comment_id)
    if comment is None or comment.status != CommentStatus.PUBLISHED:
        raise PalabreError("commentaire_inconnu")
    thread = session.get(Thread, comment.thread_id)
    assert thread is not None
    notice = Notice(
        comment_id=comment.id,
        site_id=thread.site_id,
        category=category,
        explanation=explanation,
        location=comment_url(thread, comment.id) or f"commentaire n° {comment.id} — {thread.key}",
        name=name,
        email=email,
        good_faith=True,
        status="open",
        created_at=now,
        due_at=now + timedelta(hours=deadline_hours),
    )
    session.add(notice)
    session.flush()
    return notice


@dataclass(frozen=True, slots=True)
class NoticeDecided:
    notice: Notice
    events: list[Event]
    changed: bool


def decide(
    session: Session, moderator: Moderator, notice_id: int, remove: bool, now: datetime
) -> NoticeDecided:
    """A person decides: remove the comment (rejected, with a statement of reasons to its
    author) or keep it. Audited on the comment."""
    notice = session.get(Notice, notice_id, with_for_update=True)
    if notice is None or notice.comment_id is None:
        raise PalabreError("notification_inconnue")
    comment = comment_in_scope(session, moderator, notice.comment_id)
    if notice.status != "open":
        return NoticeDecided(notice, [], False)
    before = comment.status
    events: list[Event] = []
    if remove and before in {CommentStatus.PUBLISHED, CommentStatus.HELD}:
        comment.status = CommentStatus.REJECTED
        events.append(DecisionMade(comment.id, comment.thread_id, "reject", CommentStatus.REJECTED))
    notice.status, notice.outcome = "decided", "removed" if remove else "kept"
    notice.decided_at, notice.decided_by = now, moderator.email
    session.add(
        ModerationAction(
            comment_id=comment.id,
            actor=moderator.email,
            action="notice_removed" if remove else "notice_kept",
            from_status=before,
            to_status=comment.status,
            clauses=[],
            note=f"signalement de contenu illicite n° {notice.id} ({label(notice.category)})",
            created_at=now,
        )
    )
    session.flush()
    return NoticeDecided(notice, events, True)


def open_notices(
    session: Session, site_ids: frozenset[int] | None, limit: int = 200
) -> list[tuple[Notice, Comment | None]]:
    """The notices queue, nearest deadline first."""
    query = (
        select(Notice, Comment)
        .outerjoin(Comment, Comment.id == Notice.comment_id)
        .where(Notice.status == "open")
    )
    if site_ids is not None:
        query = query.where(Notice.site_id.in_(site_ids or {-1}))
    rows = session.execute(query.order_by(Notice.due_at, Notice.id).limit(limit)).all()
    return [(n, c) for n, c in rows]
