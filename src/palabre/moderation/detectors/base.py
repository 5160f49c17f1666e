"""The detector protocol: every detector finds, none decides.

A detector receives the comment text (already truncated by the engine), the check context and
the charter (for the site's proper names, allowed, banned and suspect words). It returns a
`DetectorOutput`: findings with evidence spans indexing the ORIGINAL text, plus, for the
language-quality detectors, corrections and the detected language."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

from palabre.moderation.findings import Category, CheckContext, DetectorOutput

if TYPE_CHECKING:
    from palabre.moderation.charter import Charter


@runtime_checkable
class Detector(Protocol):
    """One detector. `name` is stable (used in reasons and failures); `categories` lists the
    categories its findings may carry (the first one is blamed if it fails)."""

    name: str
    categories: tuple[Category, ...]

    def detect(self, text: str, context: CheckContext, charter: Charter) -> DetectorOutput: ...
