"""Moderation in the background workers (setting `moderation_in_worker`): the request stores the
comment as pending and returns at once; a `palabre worker` process runs the engine. The comment
is held from the readers meanwhile, and the app's pending sweeper moderates it itself if no
worker has within `pending_sweep_seconds`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from huey import Huey

from palabre.comments.service import CommentService

TASK_NAME = "moderate_comment"


def register(huey: Huey, service: Callable[[], CommentService]) -> Any:
    """The huey task that moderates one comment; `service` builds the worker's comment service
    (and its engine) on first use."""

    def moderate_comment(comment_id: int) -> str:
        return service().moderate_one(comment_id)

    return huey.task(name=TASK_NAME, retries=3, retry_delay=5)(moderate_comment)
