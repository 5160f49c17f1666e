"""Parts of the docs generated from the code (settings table, error table), between markers
`<!-- generated:NAME -->` and `<!-- /generated:NAME -->`. `palabre docs` rewrites them; a test
fails when they are stale."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from palabre.errors import errors_markdown
from palabre.settings import settings_markdown


def cli_markdown() -> str:
    """Every command's `--help`, as the CLI prints it (fixed width, no colour)."""
    import os

    import typer
    from typer.testing import CliRunner

    from palabre.cli.main import app

    os.environ.setdefault("NO_COLOR", "1")
    runner = CliRunner()
    env = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    command = typer.main.get_command(app)
    paths: list[list[str]] = [[]]
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        if getattr(sub, "hidden", False):
            continue
        paths.append([name])
        for child in sorted(getattr(sub, "commands", {}) or {}):
            paths.append([name, child])
    out = []
    for path in paths:
        result = runner.invoke(app, [*path, "--help"], env=env, prog_name="palabre")
        title = " ".join(["palabre", *path])
        out.append(f"### `{title}`\n\n```text\n{result.output.rstrip()}\n```\n")
    return "\n".join(out)


SECTIONS: dict[str, tuple[str, Callable[[], str]]] = {
    "settings": ("docs/configuration.md", settings_markdown),
    "errors": ("docs/api.md", errors_markdown),
    "cli": ("docs/cli.md", cli_markdown),
}


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"(<!-- generated:{name} -->\n)(.*?)(<!-- /generated:{name} -->)", re.DOTALL)


def stale_sections(root: Path) -> list[str]:
    stale = []
    for name, (path, produce) in SECTIONS.items():
        match = _pattern(name).search((root / path).read_text(encoding="utf-8"))
        if match is None or match.group(2) != produce():
            stale.append(f"{path}#{name}")
    return stale


def regenerate(root: Path) -> list[str]:
    changed = []
    for name, (path, produce) in SECTIONS.items():
        file = root / path
        text = file.read_text(encoding="utf-8")
        content = produce()
        new, count = _pattern(name).subn(
            lambda m, body=content: m.group(1) + body + m.group(3),  # type: ignore[misc]
            text,
        )
        if count == 0:
            raise ValueError(f"{path}: marqueurs <!-- generated:{name} --> absents")
        if new != text:
            file.write_text(new, encoding="utf-8")
            changed.append(path)
    return changed
