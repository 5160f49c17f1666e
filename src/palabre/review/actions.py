"""What a moderator does to comments: publish, reject, delete, dismiss reports, undo. Each
status change writes its audit row (who, when, what, which clauses, note) in the same
transaction; the events go out once the caller has committed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Final, Literal, Protocol, get_args

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from palabre.comments.service import tombstone
from palabre.errors import PalabreError
from palabre.events import CommentDeleted, DecisionMade, Event
from palabre.review.accounts import Moderator
from palabre.status import STATUS_FOR, CommentStatus, verb_for
from palabre.storage.models import Comment, Decision, ModerationAction, Report, Thread

Verb = Literal["publish", "reject", "delete"]
# What each of a moderator's verbs makes of a comment.
TARGET: Final[dict[str, CommentStatus]] = {verb: STATUS_FOR[verb] for verb in get_args(Verb)}
# What closing a reported comment's reports means, by verb.
REPORT_OUTCOME: Final[dict[str, str]] = {
    "publish": "dismissed",
    "reject": "upheld",
    "delete": "upheld",
}


@dataclass(slots=True)
class Applied:
    """What was done, so it can be undone and announced."""

    action_ids: list[int] = field(default_factory=list)
    report_ids: list[int] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.action_ids)


class Actor(Protocol):
    """Who acts on comments: a moderator signed in (`accounts.Moderator`), or one following a
    signed link from a moderator e-mail (`notifications.moderation_links.LinkActor`)."""

    @property
    def audit_name(self) -> str:
        """How the audit names them."""
        ...

    def may_act_on(self, site_id: int) -> bool: ...


def comment_in_scope(session: Session, moderator: Actor, comment_id: int) -> Comment:
    """The comment, locked for update, if the moderator may act on its site (403 otherwise)."""
    comment = session.get(Comment, comment_id, with_for_update=True)
    if comment is None:
        raise PalabreError("commentaire_inconnu")
    site_id = session.scalar(select(Thread.site_id).where(Thread.id == comment.thread_id))
    if site_id is None or not moderator.may_act_on(site_id):
        raise PalabreError("hors_perimetre")
    return comment


def engine_clauses(session: Session, comment_id: int) -> list[str]:
    reasons = session.scalar(
        select(Decision.reasons)
        .where(Decision.comment_id == comment_id)
        .order_by(Decision.id.desc())
        .limit(1)
    )
    return sorted({str(r["clause"]) for r in reasons or [] if r.get("clause")})


def _close_reports(session: Session, comment_id: int, outcome: str) -> list[int]:
    ids = list(
        session.scalars(
            select(Report.id).where(Report.comment_id == comment_id, Report.status == "open")
        ).all()
    )
    if ids:
        session.execute(update(Report).where(Report.id.in_(ids)).values(status=outcome))
    return ids


def _audit(
    session: Session,
    comment: Comment,
    actor: str,
    action: str,
    before: str,
    note: str,
    now: datetime,
    clauses: list[str] | None = None,
) -> int:
    row = ModerationAction(
        comment_id=comment.id,
        actor=actor,
        action=action,
        from_status=before,
        to_status=comment.status,
        clauses=clauses if clauses is not None else engine_clauses(session, comment.id),
        note=note[:2000],
        created_at=now,
    )
    session.add(row)
    session.flush()
    return row.id


def apply(
    session: Session,
    moderator: Actor,
    comment_ids: Sequence[int],
    verb: Verb,
    note: str,
    now: datetime,
) -> Applied:
    """Publish, reject or delete each comment (all in scope, or nothing is done)."""
    if verb not in TARGET:
        raise PalabreError("action_inconnue", params={"action": str(verb)[:20]})
    done = Applied()
    for comment_id in dict.fromkeys(comment_ids):
        comment = comment_in_scope(session, moderator, comment_id)
        before = comment.status
        if before in {CommentStatus.DELETED, CommentStatus.PENDING}:
            continue
        reports = _close_reports(session, comment.id, REPORT_OUTCOME[verb])
        if before == TARGET[verb] and not reports:
            continue
        comment.status = TARGET[verb]
        if verb == "delete":
            comment.deleted_at = now  # text is wiped by `purge_deleted` once undo is over
        done.report_ids.extend(reports)
        done.action_ids.append(
            _audit(session, comment, moderator.audit_name, verb, before, note, now)
        )
        done.events.append(_event(comment, verb))
    return done


def _event(comment: Comment, verb: str) -> Event:
    if comment.status == CommentStatus.DELETED:
        return CommentDeleted(comment.id, comment.thread_id)
    return DecisionMade(comment.id, comment.thread_id, verb, comment.status)


def dismiss_reports(
    session: Session, moderator: Moderator, comment_id: int, note: str, now: datetime
) -> Applied:
    """The reports were unfounded: close them, the comment stays as it is."""
    comment = comment_in_scope(session, moderator, comment_id)
    reports = _close_reports(session, comment.id, "dismissed")
    if not reports:
        return Applied()
    action = _audit(
        session, comment, moderator.email, "dismiss_reports", comment.status, note, now, clauses=[]
    )
    return Applied([action], reports, [])


def undo(
    session: Session,
    moderator: Moderator,
    action_ids: Sequence[int],
    report_ids: Sequence[int],
    now: datetime,
) -> Applied:
    """Revert the moderator's own recent actions, each with its own audit row. An action whose
    comment changed since is left alone."""
    done = Applied()
    for action_id in action_ids:
        action = session.get(ModerationAction, action_id)
        if action is None or action.actor != moderator.email or action.from_status is None:
            continue
        comment = comment_in_scope(session, moderator, action.comment_id)
        if comment.status != action.to_status or (
            comment.status == CommentStatus.DELETED
            and not comment.text
            and action.from_status != CommentStatus.DELETED
        ):
            continue
        before = comment.status
        comment.status = action.from_status
        if before == CommentStatus.DELETED:
            comment.deleted_at = None
        done.action_ids.append(
            _audit(
                session,
                comment,
                moderator.email,
                "undo",
                before,
                f"annule l'action n° {action.id}",
                now,
                clauses=list(action.clauses or []),
            )
        )
        if before != comment.status:
            done.events.append(_event(comment, _verb_for(comment.status)))
    if report_ids:
        session.execute(update(Report).where(Report.id.in_(list(report_ids))).values(status="open"))
    return done


def _verb_for(status: str) -> str:
    verb = verb_for(status)
    return status if verb is None or verb == "delete" else verb


def purge_deleted(session: Session, now: datetime, grace: timedelta) -> int:
    """Wipe the text and author of comments a moderator deleted more than `grace` ago."""
    stale = session.scalars(
        select(Comment)
        .where(
            Comment.status == CommentStatus.DELETED,
            Comment.text != "",
            Comment.deleted_at < now - grace,
        )
        .limit(500)
    ).all()
    for comment in stale:
        tombstone(comment, comment.deleted_at or now)
    return len(stale)


def ban_author(
    session: Session,
    moderator: Moderator,
    comment_id: int,
    duration: timedelta | None,
    note: str,
    now: datetime,
) -> Applied:
    """Ban (no duration) or suspend the comment's author on the comment's site, with an audit
    row on the comment. The comment itself keeps its status."""
    from palabre.review.bans import add_ban

    comment = comment_in_scope(session, moderator, comment_id)
    site_id = session.scalar(select(Thread.site_id).where(Thread.id == comment.thread_id))
    assert site_id is not None
    add_ban(
        session,
        site_id=site_id,
        author_key=comment.author_key,
        author_email=comment.author_email,
        duration=duration,
        actor=moderator.email,
        note=note,
        now=now,
        comment_id=comment.id,
        ip_key=comment.ip_key,
        browser_key=comment.browser_key,
    )
    verb = "ban" if duration is None else "suspend"
    until = "" if duration is None else f"jusqu'au {(now + duration):%Y-%m-%d %H:%M} UTC"
    text = " — ".join(t for t in (until, note) if t)
    action = _audit(session, comment, moderator.email, verb, comment.status, text, now)
    return Applied([action], [], [])
