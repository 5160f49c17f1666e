"""The settings object is typed: one field per entry of the settings table, each holding a value
of its declared type, and frozen."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from palabre.settings import SETTINGS, Settings, load_settings


def test_one_typed_field_per_setting_in_the_table_order() -> None:
    declared = [(f.name, f.type) for f in dataclasses.fields(Settings)]
    assert declared == [(s.name, type(s.default).__name__) for s in SETTINGS]


def test_every_value_has_its_declared_type_and_cannot_change(tmp_path: Path) -> None:
    settings = load_settings(
        environ={"PALABRE_PORT": "8123", "PALABRE_ACCESS_LOG": "oui"}, data_dir=str(tmp_path)
    )
    for field in dataclasses.fields(Settings):
        assert type(getattr(settings, field.name)).__name__ == field.type, field.name
    assert (settings.port, settings.access_log) == (8123, True)
    assert settings.replace(page_size="7").page_size == 7
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(settings, "port", 1)  # noqa: B010
