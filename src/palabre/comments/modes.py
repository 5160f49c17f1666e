"""Moderation modes, per site and per article (loi du 29 juillet 1982, art. 93-3):

- `pre`: every comment waits for a person; the engine's verdict sorts the queue and explains.
- `engine`: the engine publishes the clean, holds the doubtful, rejects the clear.
- `post`: everything not clearly violating is published at once; the doubtful is published and
  queued for review after publication (an open report by the system, in « Signalés »).

The mode in force and the engine's own proposal are recorded on each decision."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Final, Literal, cast

from sqlalchemy import Connection, Table, bindparam, insert, select, update

from palabre.comments import moderation_step
from palabre.errors import PalabreError
from palabre.moderation.verdict import Action, Verdict
from palabre.settings import Settings
from palabre.status import STATUS_FOR, CommentStatus
from palabre.storage import statement_rows
from palabre.storage.models import Comment, Decision, ModerationAction, Report, Site, Thread

Mode = Literal["pre", "engine", "post"]
MODES: Final[tuple[Mode, ...]] = ("pre", "engine", "post")
# The reason of the report that queues a doubtful comment published in `post` mode.
POST_REVIEW_REASON: Final = "revue_a_posteriori"
SYSTEM: Final = "système"


def check_mode(value: str) -> Mode:
    for mode in MODES:
        if value == mode:
            return mode
    raise PalabreError("mode_moderation_invalide", params={"mode": value[:20]})


def mode_in_force(thread: Thread, site: Site, settings: Settings) -> Mode:
    """The article's mode, else the site's, else the setting `moderation_mode`."""
    return check_mode(thread.moderation_mode or site.moderation_mode or settings.moderation_mode)


def applied_action(proposed: Action, mode: Mode) -> tuple[Action, bool]:
    """What is done with the engine's proposal in `mode`, and whether the comment is queued
    for review after publication."""
    if mode == "pre":
        return "hold", False
    if mode == "post" and proposed == "hold":
        return "publish", True
    return proposed, False


# The comment, locked until the decision is written, with the modes of its thread and site.
_COMMENTS: Final = cast(Table, Comment.__table__)
_LOCK: Final = (
    select(Comment.status, Thread.moderation_mode, Site.moderation_mode)
    .join(Thread, Thread.id == Comment.thread_id)
    .join(Site, Site.id == Thread.site_id)
    .where(Comment.id == bindparam("comment_id"))
    .with_for_update(of=_COMMENTS)
)
_SET_STATUS: Final = (
    update(_COMMENTS)
    .where(_COMMENTS.c.id == bindparam("comment_id"))
    .values(status=bindparam("status"))
)
_INSERT_DECISION: Final = insert(cast(Table, Decision.__table__))
_INSERT_AUDIT: Final = insert(cast(Table, ModerationAction.__table__))
_INSERT_REPORT: Final = insert(cast(Table, Report.__table__))


def record_verdict(
    connection: Connection, comment_id: int, verdict: Verdict, now: datetime, settings: Settings
) -> tuple[str, bool]:
    """Record the engine's verdict on a pending comment as the mode in force makes it: status,
    decision row (with mode and proposal), audit row and, for a hold or a reject, its statement
    of reasons (storage/statement_rows.py: the ORM's mapper event does not see a Core INSERT),
    in the caller's transaction: four statements, one more for the statement, one more for a
    review after publication. Returns the comment's status and whether
    this call decided: a comment no longer pending (moderated meanwhile) is left as it is."""
    row = connection.execute(_LOCK, {"comment_id": comment_id}).first()
    if row is None:
        raise LookupError(f"comment {comment_id} not found")
    previous, thread_mode, site_mode = row
    if previous != CommentStatus.PENDING:
        return previous, False
    mode = check_mode(thread_mode or site_mode or settings.moderation_mode)
    action, review_after = applied_action(verdict.decision, mode)
    applied = replace(verdict, decision=action)
    values = moderation_step.decision_values(comment_id, applied, now)
    values.update(mode=mode, proposed=verdict.decision)
    inserted = connection.execute(_INSERT_DECISION, values).inserted_primary_key
    assert inserted is not None
    decision_id = int(inserted[0])
    status = STATUS_FOR[action]
    connection.execute(_SET_STATUS, {"comment_id": comment_id, "status": status})
    audit = moderation_step.audit_values(comment_id, applied, previous, decision_id, now)
    inserted = connection.execute(_INSERT_AUDIT, audit).inserted_primary_key
    assert inserted is not None
    if statement_rows.needs_statement(audit["actor"], previous, status):  # DSA art. 17
        statement_rows.write_statement(connection, audit, int(inserted[0]), values["reasons"], mode)
    if review_after:
        connection.execute(
            _INSERT_REPORT,
            {
                "comment_id": comment_id,
                "reason": POST_REVIEW_REASON,
                "details": "Publié sans modération préalable ; à revoir.",
                "created_at": now,
            },
        )
    return status, True
