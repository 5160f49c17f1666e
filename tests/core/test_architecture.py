"""docs/architecture.md and the import contract that `lint-imports` checks say the same thing,
and every part of the package has its place in the layers."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import palabre

ROOT = Path(__file__).parents[2]


def _contract(contract_id: str) -> dict[str, Any]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts: list[dict[str, Any]] = config["tool"]["importlinter"]["contracts"]
    return next(c for c in contracts if c["id"] == contract_id)


def _layers() -> list[set[str]]:
    layers: list[str] = _contract("layers")["layers"]
    return [{p.strip().removeprefix("palabre.") for p in layer.split("|")} for layer in layers]


def test_every_part_of_the_package_has_a_layer() -> None:
    package = Path(palabre.__file__).parent
    parts = {p.name for p in package.iterdir() if (p / "__init__.py").exists()}
    parts |= {p.stem for p in package.glob("*.py")} - {"__init__", "__main__"}
    placed = set().union(*_layers())
    assert parts == placed


def test_the_documented_layers_are_the_checked_ones() -> None:
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    # the table's rows: | level | parts (« \| » between independent ones) | role | … |
    cells = [re.split(r"(?<!\\)\|", line) for line in doc.splitlines()]
    rows = [row[2] for row in cells if len(row) > 2 and row[1].strip().isdigit()]
    documented = [set(re.findall(r"`([a-z_]+)`", cell)) for cell in rows]
    assert documented == _layers()
