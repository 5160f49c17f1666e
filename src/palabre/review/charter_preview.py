"""The dashboard's charter preview in the moderation workers (setting `moderation_in_worker`):
the web process never builds an engine, not even for a previewed charter. It hands the two
charters and the recent comments to a worker through the task queue, as `/api/check` does, and
waits a bounded time for the `Preview`. Both sides register the task under the same name: the
web side only enqueues, `palabre worker` runs it (cli/worker_wiring.py)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from huey import Huey
from huey.exceptions import HueyException

from palabre.errors import PalabreError
from palabre.moderation.charter import Charter
from palabre.review.charters import Preview, preview

log = logging.getLogger(__name__)

PREVIEW_TASK = "preview_charter"
# A preview runs the engine twice over `charter_preview_size` comments: a worker gets this many
# times the pre-submit check's wait (`check_timeout_seconds`) to answer.
PREVIEW_WAIT_CHECKS = 12


@dataclass(frozen=True, slots=True)
class QueuedPreview:
    """`charters.preview`, computed by a moderation worker."""

    task: Any
    timeout: float

    def __call__(
        self, current: Charter, proposed: Charter, comments: Sequence[tuple[int, str, str]]
    ) -> Preview:
        result = self.task(current, proposed, [tuple(c) for c in comments])
        try:
            answer: Preview = result.get(
                blocking=True,
                timeout=self.timeout,
                backoff=1.3,
                max_delay=0.1,
                revoke_on_timeout=True,
            )
        except HueyException:  # ResultTimeout, or the task failed in the worker
            log.warning("no moderation worker computed the charter preview in time")
            raise PalabreError("apercu_indisponible") from None
        return answer


def register_preview(huey: Huey, timeout: float) -> QueuedPreview:
    """Register the preview task on `huey` (the same on both sides); a preview not picked up
    within `timeout` seconds is dropped by the workers (the web side has given up)."""

    def preview_charter(
        current: Charter, proposed: Charter, comments: list[tuple[int, str, str]]
    ) -> Preview:
        return preview(current, proposed, comments)

    expires = max(1, int(timeout))
    return QueuedPreview(huey.task(name=PREVIEW_TASK, expires=expires)(preview_charter), timeout)
