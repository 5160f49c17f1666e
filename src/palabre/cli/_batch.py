"""Reading comments for `palabre moderate`: JSONL (`{"id", "text"}`) or CSV (`text`, optional
`id`). Bad lines are yielded as problems with their line number, never dropped silently."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Item:
    line: int
    id: str
    text: str


@dataclass(frozen=True, slots=True)
class Problem:
    line: int
    message: str


def _from_json(line_no: int, raw: str) -> Item | Problem:
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        return Problem(line_no, f"JSON invalide ({exc.msg})")
    if not isinstance(obj, dict):
        return Problem(line_no, "un objet JSON est attendu")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return Problem(line_no, "champ « text » absent ou vide")
    ident = obj.get("id", line_no)
    return Item(line_no, str(ident), text)


def read_jsonl(path: Path) -> Iterator[Item | Problem]:
    with path.open("rb") as handle:
        for line_no, raw in enumerate(handle, start=1):
            try:
                decoded = raw.decode("utf-8")
            except UnicodeDecodeError:
                yield Problem(line_no, "ligne qui n'est pas en UTF-8")
                continue
            if decoded.strip():
                yield _from_json(line_no, decoded)


def read_csv(path: Path) -> Iterator[Item | Problem]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or "text" not in reader.fieldnames:
            yield Problem(1, "colonne « text » absente de l'en-tête CSV")
            return
        for row in reader:
            line_no = reader.line_num
            text = row.get("text")
            if not text or not text.strip():
                yield Problem(line_no, "champ « text » vide")
                continue
            yield Item(line_no, row.get("id") or str(line_no), text)


def read_items(path: Path) -> Iterator[Item | Problem]:
    """Items of a .csv file, or of a JSONL file (any other extension)."""
    return read_csv(path) if path.suffix.lower() == ".csv" else read_jsonl(path)


def count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for _ in handle)
