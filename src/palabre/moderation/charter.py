"""The site's charter: clauses readers see, what to do at which confidence, the site's words.

The charter is a TOML file written in French (see docs/charter.md). `load_charter()` reads and
validates it (`charter_parse.py`); a malformed file raises `CharterError` with the line (when
known) and a French reason. The types are in `charter_types.py`, importable from here.
Clauses are versioned and retired, never deleted, so old decisions keep their meaning."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from palabre.moderation.charter_parse import parse_charter
from palabre.moderation.charter_types import STRICTNESS_LEVELS as STRICTNESS_LEVELS
from palabre.moderation.charter_types import Charter as Charter
from palabre.moderation.charter_types import CharterError as CharterError
from palabre.moderation.charter_types import Clause as Clause
from palabre.moderation.charter_types import Strictness as Strictness
from palabre.moderation.charter_types import Threshold as Threshold

DEFAULT_CHARTER = "fr-default.toml"


def load_charter(path: str | Path | None = None) -> Charter:
    """Reads the charter at `path`, or the shipped default charter when `path` is None."""
    if path is None:
        return default_charter()
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CharterError(f"impossible de lire le fichier ({exc})", path=str(p)) from exc
    return parse_charter(raw, source=str(p))


_DEFAULT: list[Charter] = []


def default_charter() -> Charter:
    """The shipped default charter (read once, then cached)."""
    if not _DEFAULT:
        ref = resources.files("palabre.moderation").joinpath("charters", DEFAULT_CHARTER)
        _DEFAULT.append(parse_charter(ref.read_text(encoding="utf-8"), source=DEFAULT_CHARTER))
    return _DEFAULT[0]
