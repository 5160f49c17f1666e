"""The model's output heads and the charter categories they speak for."""

from __future__ import annotations

from typing import Final

from palabre.moderation.findings import Category

#: `toxicite` is the overall score; the other heads are charter categories.
HEADS: Final[tuple[str, ...]] = ("toxicite", "haine", "violence", "insulte", "grossierete")

HEAD_CATEGORY: Final[dict[str, Category]] = {
    "haine": "haine",
    "violence": "violence",
    "insulte": "insulte",
    "grossierete": "grossierete",
}

HEAD_LABELS_FR: Final[dict[str, str]] = {
    "toxicite": "toxicité générale",
    "haine": "haine ou racisme",
    "violence": "violence ou menace",
    "insulte": "insulte",
    "grossierete": "grossièreté ou obscénité",
}
