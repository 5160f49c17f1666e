"""Moderation modes, per site and per article (loi du 29 juillet 1982, art. 93-3):

- `pre`: every comment waits for a person; the engine's verdict sorts the queue and explains.
- `engine`: the engine publishes the clean, holds the doubtful, rejects the clear.
- `post`: everything not clearly violating is published at once; the doubtful is published and
  queued for review after publication (an open report by the system, in « Signalés »).

The mode in force and the engine's own proposal are recorded on each decision."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Final, Literal

from sqlalchemy.orm import Session

from palabre.comments import moderation_step
from palabre.errors import PalabreError
from palabre.moderation.verdict import Action, Verdict
from palabre.settings import Settings
from palabre.storage.models import Comment, Decision, Report, Site, Thread

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


def apply_verdict(
    session: Session, comment: Comment, verdict: Verdict, now: datetime, settings: Settings
) -> Decision:
    """Record the engine's verdict as the mode in force makes it: status, decision row (with
    mode and proposal) and audit row in the caller's transaction."""
    thread = session.get(Thread, comment.thread_id)
    assert thread is not None
    site = session.get(Site, thread.site_id)
    assert site is not None
    mode = mode_in_force(thread, site, settings)
    action, review_after = applied_action(verdict.decision, mode)
    decision = moderation_step.apply_verdict(
        session, comment, replace(verdict, decision=action), now
    )
    decision.mode = mode
    decision.proposed = verdict.decision
    if review_after:
        session.add(
            Report(
                comment_id=comment.id,
                reason=POST_REVIEW_REASON,
                details="Publié sans modération préalable ; à revoir.",
                created_at=now,
            )
        )
    return decision
