"""The one CSV convention of palabre (dashboard audit export and `palabre export-audit`):
UTF-8 with a byte-order mark, CRLF line ends, « ; » between cells by default (what a French
spreadsheet expects, decimal commas being «,»), another separator on request, and cells that a
spreadsheet would take for a formula defused."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Final

SEPARATORS: Final[dict[str, str]] = {"point-virgule": ";", "virgule": ",", "tabulation": "\t"}
DEFAULT_SEPARATOR: Final = "point-virgule"
BOM: Final = "\ufeff"


def separator(name: str | None) -> str:
    """The character for a separator's name (« point-virgule », « virgule », « tabulation »,
    or the character itself); the default for anything else."""
    if name in SEPARATORS.values():
        return str(name)
    return SEPARATORS.get((name or "").strip().lower(), SEPARATORS[DEFAULT_SEPARATOR])


def defuse(cell: str) -> str:
    """A cell starting with = + - @ would be a formula in a spreadsheet: quote it."""
    return "'" + cell if cell[:1] in {"=", "+", "-", "@", "\t", "\r"} else cell


def csv_text(rows: Iterable[Sequence[str]], sep: str = ";") -> str:
    """The whole file, byte-order mark included."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator="\r\n")
    for row in rows:
        writer.writerow([defuse(str(cell)) for cell in row])
    return BOM + buffer.getvalue()
