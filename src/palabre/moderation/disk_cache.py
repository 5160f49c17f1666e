"""Where the moderation engine keeps, between processes, what it derives from data files
(the sentence encoder's tokenizer and weights, simplemma's French dictionary, compiled
regular expressions): `~/.cache/palabre/`, or `$XDG_CACHE_HOME/palabre/`.

Each file is named by a key of what it was derived from (`file_key`), so a new package version
or data file is a new name, and written whole under a temporary name, then renamed
(`write_atomic`): a reader sees the old file, the new one, or none. Only plain values are kept
(`marshal`, `.npy` without pickles), never code. Readers fall back to deriving the data again
when anything is off."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "palabre"


def file_key(path: Path, version: str, fmt: int) -> str:
    """A name for what is derived from the data file `path` of a package at `version`, in
    cache format `fmt`: it changes when any of them does."""
    stat = path.stat()
    raw = f"{fmt}|{version}|{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
    return hashlib.sha256(raw.encode()).hexdigest()[:20]


def write_atomic(path: Path, data: bytes) -> None:
    """Writes `data` to `path` under a temporary name, then renames it (raises OSError)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as out:
        out.write(data)
    os.replace(out.name, path)
