"""Golden test: the default charter decides every demo seed comment as
`expected-verdicts.json` says, with the listed categories among the reasons.

The demo seeds ship with the package (`palabre/demo/seeds`). A case needing a category that no
registered detector covers (e.g. `orthographe` before the spelling detector exists) is skipped
with that reason; once the detector is registered the case runs in full."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest

from palabre.moderation.charter_engine import default_engine

SEEDS = resources.files("palabre.demo").joinpath("seeds")


def _load(name: str) -> Any:
    return json.loads(SEEDS.joinpath(name).read_text(encoding="utf-8"))


EXPECTED: dict[str, dict[str, Any]] = _load("expected-verdicts.json")["verdicts"]
COMMENTS = {
    c["id"]: c["text"]
    for seed in ("seed-000.json", "seed-003.json")
    for c in _load(seed)["comments"]
}
ACCEPTED = {
    "publish": {"publish"},
    "not_publish": {"hold", "reject"},
    "reject": {"reject"},
    "either": {"publish", "hold", "reject"},
}


def test_every_expected_comment_exists() -> None:
    assert set(EXPECTED) <= set(COMMENTS)


@pytest.mark.parametrize("comment_id", sorted(EXPECTED))
def test_seed_verdict(comment_id: str) -> None:
    expected = EXPECTED[comment_id]
    engine = default_engine()
    covered = {c for d in engine.detectors for c in d.categories}
    missing = [c for c in expected.get("categories", []) if c not in covered]
    if missing:
        pytest.skip(f"aucun détecteur enregistré pour {missing}")
    verdict = engine.check(COMMENTS[comment_id])
    summary = [(r.category, round(r.score, 2), [s.text for s in r.spans]) for r in verdict.reasons]
    assert verdict.decision in ACCEPTED[expected["decision"]], summary
    found = {r.category for r in verdict.reasons}
    for category in expected.get("categories", []):
        assert category in found, summary
