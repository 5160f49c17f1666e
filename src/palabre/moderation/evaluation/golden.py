"""The demo seeds' golden verdicts and the deliberate spelling errors in the seed comments.

`SEED_ERRORS` is a hand-made list (from the notes of `expected-verdicts.json`) of the spelling
and grammar errors in the seed comments: (comment id, erroneous text). Spelling recall is the
share of them that a correction or an `orthographe` span overlaps."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from palabre.moderation.engine import ModerationEngine
from palabre.moderation.verdict import Verdict

SEED_FILES = ("seed-000.json", "seed-003.json")
ACCEPTED = {
    "publish": {"publish"},
    "not_publish": {"hold", "reject"},
    "reject": {"reject"},
    "either": {"publish", "hold", "reject"},
}
SEED_ERRORS: tuple[tuple[str, str], ...] = (
    ("3553816", "quel vision"),
    ("3553816", "Netanhyaou"),
    ("3553816", "Nethanyaou"),
    ("3553823", "ca me"),
    ("3553823", "calui"),
    ("3553823", "meurrent"),
    ("3553823", "quotidient"),
    ("3553823", "le temps jour"),
    ("3553823", "kilométères"),
    ("3553823", "rétorique"),
    ("3553823", "ce geler"),
    ("3553823", "argent content"),
    ("3553823", "théatre continu"),
    ("003-3", "netflics"),
    ("003-4", "L’europe"),
    ("003-6", "Rothshild"),
    ("003-7", "a ete explique"),
    ("003-7", "Ca signifie"),
    ("003-7", "l’Amerique"),
    ("003-8", "arait"),
    ("003-11", "manque t-il"),
    ("000-3", "à Alaska"),
)


def _seed(name: str) -> Any:
    ref = resources.files("palabre.demo").joinpath("seeds", name)
    return json.loads(ref.read_text(encoding="utf-8"))


def seed_comments() -> dict[str, str]:
    return {c["id"]: c["text"] for name in SEED_FILES for c in _seed(name)["comments"]}


def expected_verdicts() -> dict[str, dict[str, Any]]:
    verdicts: dict[str, dict[str, Any]] = _seed("expected-verdicts.json")["verdicts"]
    return verdicts


@dataclass(frozen=True, slots=True)
class GoldenResult:
    comment_id: str
    expected: str
    categories: tuple[str, ...]
    verdict: Verdict

    @property
    def ok(self) -> bool:
        found = {r.category for r in self.verdict.reasons}
        return self.verdict.decision in ACCEPTED[self.expected] and set(self.categories) <= found


def golden(moderator: ModerationEngine) -> list[GoldenResult]:
    texts = seed_comments()
    return [
        GoldenResult(
            cid, exp["decision"], tuple(exp.get("categories", ())), moderator.check(texts[cid])
        )
        for cid, exp in expected_verdicts().items()
    ]


def _spans(verdict: Verdict) -> list[tuple[int, int]]:
    out = [(c.start, c.end) for c in verdict.corrections]
    out += [
        (s.start, s.end) for r in verdict.reasons if r.category == "orthographe" for s in r.spans
    ]
    return out


def spelling_recall(moderator: ModerationEngine) -> tuple[int, int, list[str]]:
    """(found, total, missed errors) over `SEED_ERRORS`."""
    texts = seed_comments()
    verdicts: dict[str, Verdict] = {}
    missed: list[str] = []
    for cid, wrong in SEED_ERRORS:
        start = texts[cid].find(wrong)
        if start < 0:
            raise ValueError(f"erreur « {wrong} » introuvable dans le commentaire {cid}")
        end = start + len(wrong)
        verdict = verdicts.setdefault(cid, moderator.check(texts[cid]))
        if not any(s < end and start < e for s, e in _spans(verdict)):
            missed.append(f"{cid}: {wrong}")
    return len(SEED_ERRORS) - len(missed), len(SEED_ERRORS), missed
