"""The detector registry: core detectors always, optional ones when available."""

from __future__ import annotations

from pathlib import Path

import pytest

from palabre.moderation.detectors import Detector, default_detectors

CORE = ["insultes", "grossieretes", "haine", "violence", "menace", "illegal", "spam"]


def test_core_detectors_come_first() -> None:
    core = default_detectors(include_optional=False)
    assert [d.name for d in core] == CORE
    everything = default_detectors()
    assert [d.name for d in everything][: len(CORE)] == CORE


def test_every_detector_follows_the_protocol() -> None:
    for detector in default_detectors():
        assert isinstance(detector, Detector)
        assert detector.categories, detector.name


def test_learned_detector_needs_its_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PALABRE_MODEL_DIR", str(tmp_path))
    assert "modele-appris" not in [d.name for d in default_detectors()]
