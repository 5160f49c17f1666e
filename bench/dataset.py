"""Synthetic but realistic comment threads, shared by the HTTP benchmark and the 1-million generator.

A thread is a list of rows in creation order. About 30 % are replies (to a top-level comment
most of the time, else to an earlier reply), statuses follow what the engine decides on a news
site (mostly published, some held or rejected, a few deleted by their author). Everything is
drawn from a seeded `random.Random`, so two runs build the same data."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html import escape
from typing import NamedTuple

EPOCH = datetime(2026, 1, 5, 6, 0, tzinfo=UTC)

# (status, share): published comments are most of a moderated French news site's comments.
STATUSES = (("published", 0.89), ("held", 0.04), ("rejected", 0.04), ("deleted", 0.03))
REPLY_SHARE = 0.30

_OPENINGS = (
    "Merci pour cet article",
    "Je ne suis pas d'accord",
    "Article très clair",
    "Bonne analyse",
    "Il faudrait préciser",
    "Je partage votre avis",
    "Reste à savoir",
    "Les chiffres cités",
    "Personnellement",
    "Comme souvent",
    "À mon sens",
    "Sur ce point précis",
)
_MIDDLES = (
    "la réforme des retraites",
    "le budget de la commune",
    "les négociations européennes",
    "la politique énergétique",
    "la situation des hôpitaux",
    "le prix des loyers",
    "les transports en commun",
    "l'école publique",
    "la sécurité routière",
    "le climat",
    "les élections municipales",
    "la dette publique",
    "l'agriculture bretonne",
)
_ENDINGS = (
    "mérite un vrai débat.",
    "me paraît bien documenté.",
    "n'est pas si simple.",
    "devrait être expliqué davantage.",
    "reste une priorité pour beaucoup d'entre nous.",
    "a été trop peu abordé ces derniers mois.",
    "dépendra des prochaines décisions.",
    "est résumé avec justesse, merci.",
    "me laisse sceptique, pour être honnête.",
)
_AUTHORS = (
    "Claire",
    "Jean-Marc",
    "Sophie",
    "Hervé",
    "Nadia",
    "Luc",
    "Isabelle",
    "Karim",
    "Anne",
    "Thomas",
    "Mireille",
    "Yann",
    None,
)


class Row(NamedTuple):
    id: int
    thread: int  # index in the list of threads (0-based)
    parent: int | None
    root: int  # a top-level comment is its own root, as palabre stores it
    status: str
    created: datetime
    author: str | None
    text: str


def text_pool(rng: random.Random, size: int = 600) -> list[str]:
    pool = []
    for _ in range(size):
        parts = [f"{rng.choice(_OPENINGS)} : {rng.choice(_MIDDLES)} {rng.choice(_ENDINGS)}"]
        if rng.random() < 0.5:
            parts.append(f"{rng.choice(_OPENINGS)}, {rng.choice(_MIDDLES)} {rng.choice(_ENDINGS)}")
        pool.append(" ".join(parts))
    return pool


def html_of(text: str) -> str:
    return f"<p>{escape(text)}</p>" if text else ""


@dataclass
class Generator:
    """Builds threads one after the other with consecutive comment ids."""

    rng: random.Random
    next_id: int = 1
    published_only: bool = False

    def __post_init__(self) -> None:
        self.pool = text_pool(self.rng)
        cumulative, total = [], 0.0
        for status, share in STATUSES:
            total += share
            cumulative.append((total, status))
        self._cumulative = cumulative

    def _status(self) -> str:
        if self.published_only:
            return "published"
        draw = self.rng.random()
        return next((s for bound, s in self._cumulative if draw < bound), "published")

    def thread(self, index: int, size: int, start: datetime, span: timedelta) -> list[Row]:
        """`size` comments spread over `span` from `start`."""
        rng = self.rng
        step = span / max(size, 1)
        rows: list[Row] = []
        when = start
        for _ in range(size):
            when += step * (0.5 + rng.random())
            ident = self.next_id
            self.next_id += 1
            status = self._status()
            author = rng.choice(_AUTHORS)
            text = rng.choice(self.pool)
            if status == "deleted":
                author, text = None, ""
            if rows and rng.random() < REPLY_SHARE:
                # Most replies answer a top-level comment; some answer a recent reply.
                recent = rows[-min(len(rows), 30) :]
                parent = rng.choice(recent)
                rows.append(Row(ident, index, parent.id, parent.root, status, when, author, text))
            else:
                rows.append(Row(ident, index, None, ident, status, when, author, text))
        return rows


def long_tail_size(rng: random.Random) -> int:
    """Most articles get 0–50 comments; a few get hundreds (Pareto tail, capped)."""
    draw = rng.random()
    if draw < 0.25:
        return rng.randint(0, 3)
    if draw < 0.85:
        return rng.randint(4, 50)
    return min(int(50 * rng.paretovariate(1.6)), 3000)
