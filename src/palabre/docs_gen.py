"""Parts of the docs generated from the code (settings table, error table), between markers
`<!-- generated:NAME -->` and `<!-- /generated:NAME -->`. `palabre docs` rewrites them; a test
fails when they are stale."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from palabre.errors import errors_markdown
from palabre.settings import settings_markdown

SECTIONS: dict[str, tuple[str, Callable[[], str]]] = {
    "settings": ("docs/configuration.md", settings_markdown),
    "errors": ("docs/api.md", errors_markdown),
}


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(
        rf"(<!-- generated:{name} -->\n)(.*?)(<!-- /generated:{name} -->)", re.DOTALL
    )


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
