"""The seed articles shipped as package data (copies of ../shared/seeds)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

SEED_IDS = ("seed-000", "seed-003")


@dataclass(frozen=True, slots=True)
class SeedComment:
    id: str
    parent: str | None
    author: str | None
    text: str


@dataclass(frozen=True, slots=True)
class SeedArticle:
    id: str
    title: str
    author: str | None
    published: str
    site: str
    body: str
    charter: dict[str, Any] | None
    comments: tuple[SeedComment, ...]

    @property
    def thread_key(self) -> str:
        return f"demo/{self.id}"

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.split("\n\n") if p.strip()]


def load_seed(seed_id: str) -> SeedArticle:
    raw = json.loads(
        (resources.files("palabre.demo") / "seeds" / f"{seed_id}.json").read_text("utf-8")
    )
    return SeedArticle(
        id=raw["id"],
        title=raw["title"],
        author=raw.get("author"),
        published=raw.get("published", ""),
        site=raw.get("site", ""),
        body=raw.get("body", ""),
        charter=raw.get("charter"),
        comments=tuple(
            SeedComment(c["id"], c.get("parent"), c.get("author"), c["text"])
            for c in raw["comments"]
        ),
    )


def load_seeds() -> list[SeedArticle]:
    return [load_seed(seed_id) for seed_id in SEED_IDS]
