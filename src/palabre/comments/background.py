"""Moderation in dedicated worker processes (setting `moderation_in_worker`).

The web process stores the comment as pending, hands its id to the queue (huey: Redis when
`redis_url` is set, else SQLite in data_dir) and answers at once; it never loads the engine.
`palabre worker` processes load it and drain the queue: they moderate comments, answer the
widget's pre-submit checks (`/api/check`, which waits for the answer a bounded time), and sweep
every minute the comments left pending (posted while every worker was down and not queued, a
decision that could not be written), so a stuck or dead worker never loses a comment.

Both sides register the same task names: the web side only enqueues (its task bodies never run,
it runs no consumer), the worker side runs them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from huey import Huey, crontab
from huey.exceptions import HueyException

from palabre.comments.service import CommentService
from palabre.errors import PalabreError

log = logging.getLogger(__name__)

TASK_NAME = "moderate_comment"
CHECK_TASK = "check_text"
SWEEP_TASK = "sweep_pending"
# A pre-submit check not picked up within this many seconds is dropped by the workers: the
# reader has typed on, or the web side has given up waiting.
CHECK_EXPIRES = 10


@dataclass(frozen=True, slots=True)
class QueuedModeration:
    """The queue's three tasks, as the web process calls them (each call enqueues)."""

    moderate: Any
    check_task: Any
    sweep: Any
    check_timeout: float

    def defer(self, comment_id: int) -> object:
        """Queue one stored pending comment (the comments service's `defer`)."""
        return self.moderate(comment_id)

    def check(self, text: str) -> dict[str, object]:
        """The engine's verdict on `text` from a worker, as `Verdict.as_dict()`; 503 when no
        worker answers within `check_timeout` seconds."""
        result = self.check_task(text)
        try:
            verdict: dict[str, object] = result.get(
                blocking=True,
                timeout=self.check_timeout,
                backoff=1.3,
                max_delay=0.05,
                revoke_on_timeout=True,
            )
        except HueyException:  # ResultTimeout, or the task failed in the worker
            log.warning("no moderation worker answered the pre-submit check in time")
            raise PalabreError("verification_indisponible") from None
        return verdict


def _web_side() -> CommentService:
    raise RuntimeError("the web process enqueues moderation tasks, it never runs them")


def register(
    huey: Huey,
    service: Callable[[], CommentService] = _web_side,
    *,
    check_timeout: float = 5.0,
    sweep_after: int = 60,
) -> QueuedModeration:
    """Register the moderation tasks on `huey`. `service` builds the worker's comment service
    (and its engine) on first use; the web side leaves it out. `sweep_after` (seconds; 0 = no
    sweep) is how old a pending comment must be for the minute's sweep to take it."""

    # These two return None: huey keeps a task's result only when there is one, and nobody
    # reads these (a result per comment would pile up in the queue's store).
    def moderate_comment(comment_id: int) -> None:
        service().moderate_one(comment_id)

    def check_text(text: str) -> dict[str, object]:
        return service().moderator.check(text).as_dict()

    def sweep_pending(everything: bool = False) -> None:
        """Every minute, the pending comments older than `sweep_after`; when a worker starts,
        all of them (`everything`)."""
        if sweep_after <= 0 and not everything:
            return
        older = None if everything else timedelta(seconds=sweep_after)
        done = service().moderate_pending(older_than=older)
        if done:
            log.info("moderated %d comments left pending", done)

    return QueuedModeration(
        moderate=huey.task(name=TASK_NAME, retries=3, retry_delay=5)(moderate_comment),
        check_task=huey.task(name=CHECK_TASK, expires=CHECK_EXPIRES)(check_text),
        sweep=huey.periodic_task(crontab(minute="*"), name=SWEEP_TASK)(sweep_pending),
        check_timeout=check_timeout,
    )
