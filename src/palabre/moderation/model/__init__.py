"""The learned French moderation model (issue 4): a shipped artefact, loaded lazily.

Nothing is read at import. `load_model()` reads and checks the artefact once per process
(per folder) and caches it; `model_version()` gives the version every verdict can record."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from palabre.moderation.model.artefact import ModelArtefactError
from palabre.moderation.model.heads import HEAD_CATEGORY, HEADS
from palabre.moderation.model.scorer import Analysis, ModerationModel

__all__ = [
    "HEADS",
    "HEAD_CATEGORY",
    "SHIPPED_DIR",
    "Analysis",
    "ModelArtefactError",
    "ModerationModel",
    "active_dir",
    "load_model",
    "model_version",
]

#: The shipped (active) artefact lives next to this file.
SHIPPED_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=16)
def _resolved(directory: Path) -> Path:
    """`directory` made absolute, symbolic links followed: once per path and process, since
    every check asks for the model (`Path.resolve` walks the file system)."""
    return directory.resolve()


def active_dir() -> Path:
    """`PALABRE_MODEL_DIR` when set (e.g. a freshly trained artefact), else the shipped one."""
    override = os.environ.get("PALABRE_MODEL_DIR")
    return _resolved(Path(override)) if override else SHIPPED_DIR


@lru_cache(maxsize=4)
def _load(directory: Path) -> ModerationModel:
    from palabre.moderation.model.artefact import load_directory

    return load_directory(directory)


def load_model(directory: Path | None = None) -> ModerationModel:
    """The model in `directory` (default: `active_dir()`), loaded once per process."""
    return _load(_resolved(directory) if directory is not None else active_dir())


def model_version(directory: Path | None = None) -> str:
    """The version of the model verdicts are made with."""
    return load_model(directory).version
