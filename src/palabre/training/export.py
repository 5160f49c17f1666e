"""Writing a model artefact: config, lexicon, float16 weights, and a manifest with hashes."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from palabre.moderation.model.artefact import (
    ARTEFACT_FILES,
    CONFIG,
    FORMAT,
    LEXICON,
    MANIFEST,
    WEIGHTS,
    sha256_of,
)
from palabre.moderation.model.heads import HEADS
from palabre.training.fit import Trained


def _dump(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n", "utf-8")


def _encoder_json(trained: Trained) -> dict[str, Any] | None:
    if trained.encoder_weights is None:
        return None
    from palabre.moderation.model import encoder

    return {
        "name": encoder.NAME,
        "package": encoder.PACKAGE,
        "package_version": encoder.package_version(),
        "licence": "Apache-2.0",
        "dimensions": int(trained.encoder_weights.shape[1]),
        "scale": trained.settings.encoder_scale,
    }


def write_artefact(
    directory: Path, trained: Trained, version: str, provenance: dict[str, Any]
) -> Path:
    """Writes the artefact files and the manifest into `directory` (created if needed)."""
    directory.mkdir(parents=True, exist_ok=True)
    config = {
        "format": FORMAT if trained.encoder_weights is not None else "palabre-linear-v1",
        "version": version,
        "features": trained.config.to_json(),
        "encoder": _encoder_json(trained),
        "heads": [
            {"name": h.name, "platt_a": h.platt_a, "platt_b": h.platt_b, "threshold": h.threshold}
            for h in trained.heads
        ],
    }
    _dump(directory / CONFIG, config)
    _dump(directory / LEXICON, {key: list(kinds) for key, kinds in trained.config.lexicon.items()})
    arrays: dict[str, npt.NDArray[Any]] = {
        "weights": trained.weights.astype(np.float16),
        "bias": trained.bias.astype(np.float32),
        "idf": trained.idf.astype(np.float16),
    }
    if trained.encoder_weights is not None:
        arrays["encoder_weights"] = trained.encoder_weights.astype(np.float32)
    with (directory / WEIGHTS).open("wb") as handle:
        np.savez_compressed(handle, allow_pickle=False, **arrays)
    manifest = {
        "name": "palabre-moderation-fr",
        "format": config["format"],
        "version": version,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "heads": list(HEADS),
        "files": {name: sha256_of(directory / name) for name in ARTEFACT_FILES},
        "training": trained.settings.to_json(),
        **provenance,
    }
    _dump(directory / MANIFEST, manifest)
    return directory


def activate(source: Path, target: Path) -> None:
    """Copies an artefact over the active one (manifest last, so a half copy fails its check)."""
    for name in (*ARTEFACT_FILES, MANIFEST):
        shutil.copyfile(source / name, target / name)
