"""palabre's own functional suites, decided by the engine (harm clauses, the learned model
included): a regression guard on their held-out `test` half. The per-family figures and the
75 % target are printed by `palabre eval --split test` (docs/engine.md)."""

from __future__ import annotations

import pytest

from palabre.moderation.charter_engine import CharterEngine, default_engine
from palabre.moderation.evaluation import decisions
from palabre.moderation.evaluation.suites import SUITES, suite_cases

#: Measured 0.917 (hate) and 0.894 (threats) on 2026-12-08 (13th reading, model fr-2026.12.07.3); a drop
#: below this floor is a regression, not noise (about 400 cases each).
FLOOR = 0.75


def _moderation_engine() -> CharterEngine:
    full = default_engine()
    keep = tuple(d for d in full.detectors if d.name not in ("orthographe", "langue"))
    return CharterEngine(full.charter, keep)


@pytest.mark.parametrize("suite", SUITES)
def test_held_out_half_of_each_suite_stays_above_the_floor(suite: str) -> None:
    items = [
        (c.text, c.suite, {"toxicite": int(c.harmful)}, c.family)
        for c in suite_cases("test", (suite,))
    ]
    report = decisions.run(_moderation_engine(), items)
    figures = decisions.source_figures(suite, report.rows[suite])
    assert figures is not None
    assert figures.harm.macro_f1 >= FLOOR, figures.harm.as_dict()
