"""The moderation engine's entry point used by the comments service, the CLI and the API.

`ModerationEngine` is the protocol the rest of palabre depends on. The charter engine
(`palabre.moderation.charter_engine`) implements it."""

from __future__ import annotations

from typing import Protocol

from palabre.moderation.findings import CheckContext
from palabre.moderation.verdict import Verdict


class ModerationEngine(Protocol):
    """Checks one comment against the site's charter."""

    def check(self, text: str, context: CheckContext | None = None) -> Verdict: ...
