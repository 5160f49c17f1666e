"""Settings are data (documented, overridable); errors have stable codes in two locales."""

from __future__ import annotations

from pathlib import Path

import pytest

from palabre.errors import ERRORS, PalabreError
from palabre.settings import SETTINGS, load_settings


def test_environment_overrides_file_overrides_default(tmp_path: Path) -> None:
    config = tmp_path / "palabre.toml"
    config.write_text("port = 9000\nmax_comment_length = 300\n", encoding="utf-8")
    settings = load_settings(config, environ={"PALABRE_PORT": "9100"})
    assert settings.port == 9100
    assert settings.max_comment_length == 300
    assert settings.edit_window_seconds == 900


def test_unknown_or_invalid_setting_is_a_clear_error(tmp_path: Path) -> None:
    config = tmp_path / "palabre.toml"
    config.write_text("prot = 9000\n", encoding="utf-8")
    with pytest.raises(PalabreError) as unknown:
        load_settings(config, environ={})
    assert unknown.value.code == "reglage_inconnu" and "prot" in str(unknown.value)
    with pytest.raises(PalabreError) as invalid:
        load_settings(environ={"PALABRE_PORT": "huit mille"})
    assert invalid.value.code == "reglage_invalide"


def test_secrets_are_masked() -> None:
    settings = load_settings(environ={"PALABRE_SECRET_KEY": "s3cret"})
    assert settings.masked()["secret_key"] == "••••••"
    assert "s3cret" not in repr(settings.masked())


def test_every_setting_is_documented() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "configuration.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert f"`{setting.name}`" in doc, setting.name
        assert setting.help


def test_every_error_code_has_both_locales_and_a_valid_status() -> None:
    for code, spec in ERRORS.items():
        assert spec.fr and spec.en, code
        assert 400 <= spec.status < 600
        assert PalabreError(code).envelope()["error"]["code"] == code  # type: ignore[index]


def test_every_error_code_is_documented() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "api.md").read_text(encoding="utf-8")
    for code in ERRORS:
        assert f"`{code}`" in doc, code


def test_generated_doc_sections_are_up_to_date() -> None:
    from palabre.cli.docs_gen import stale_sections

    stale = stale_sections(Path(__file__).parents[2])
    assert not stale, f"regenerate with `.venv/bin/palabre docs`: {stale}"
