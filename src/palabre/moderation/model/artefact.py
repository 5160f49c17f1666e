"""Reading a model artefact: manifest, SHA-256 check of every file, arrays without pickle.

An artefact is a folder holding `manifest.json` (version, file hashes, heads, training data
and licences, split seed, metrics), `config.json` (features, heads, calibration,
thresholds), `lexicon.json` and `weights.npz` (float16 weights, bias, idf)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Final

import numpy as np

from palabre.moderation.model.features import FeatureConfig
from palabre.moderation.model.scorer import HeadParams, ModerationModel

MANIFEST: Final = "manifest.json"
CONFIG: Final = "config.json"
LEXICON: Final = "lexicon.json"
WEIGHTS: Final = "weights.npz"
ARTEFACT_FILES: Final[tuple[str, ...]] = (CONFIG, LEXICON, WEIGHTS)
FORMAT: Final = "palabre-linear-v2"
#: v1: hashed n-grams only; v2 adds the sentence encoder's weights (`encoder_weights`).
FORMATS: Final = frozenset({"palabre-linear-v1", FORMAT})


class ModelArtefactError(RuntimeError):
    """The model files are missing, altered or not of a known format."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_manifest(directory: Path) -> dict[str, Any]:
    path = directory / MANIFEST
    if not path.is_file():
        raise ModelArtefactError(f"Modèle introuvable : pas de {MANIFEST} dans {directory}.")
    manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return manifest


def verify(directory: Path, manifest: dict[str, Any]) -> None:
    """Raises `ModelArtefactError` unless every artefact file matches its recorded SHA-256."""
    recorded: dict[str, str] = manifest.get("files", {})
    for name in ARTEFACT_FILES:
        path = directory / name
        if name not in recorded:
            raise ModelArtefactError(f"Le manifeste du modèle ne donne pas l'empreinte de {name}.")
        if not path.is_file():
            raise ModelArtefactError(f"Fichier du modèle manquant : {path}.")
        actual = sha256_of(path)
        if actual != recorded[name]:
            raise ModelArtefactError(
                f"Empreinte SHA-256 inattendue pour {path} : {actual} au lieu de "
                f"{recorded[name]}. Le fichier a été modifié ou corrompu ; réentraînez le "
                "modèle avec « palabre train » ou restaurez les fichiers livrés."
            )


def load_directory(directory: Path) -> ModerationModel:
    """Loads and checks the artefact in `directory` (no caching: see `load_model`)."""
    manifest = read_manifest(directory)
    if manifest.get("format") not in FORMATS:
        raise ModelArtefactError(f"Format de modèle inconnu : {manifest.get('format')!r}.")
    verify(directory, manifest)
    config = json.loads((directory / CONFIG).read_text(encoding="utf-8"))
    raw_lexicon = json.loads((directory / LEXICON).read_text(encoding="utf-8"))
    lexicon = {str(key): tuple(str(k) for k in kinds) for key, kinds in raw_lexicon.items()}
    with np.load(directory / WEIGHTS, allow_pickle=False) as arrays:
        weights = arrays["weights"].astype(np.float32)
        bias = arrays["bias"].astype(np.float32)
        idf = arrays["idf"].astype(np.float32)
        encoder_weights = (
            arrays["encoder_weights"].astype(np.float32) if "encoder_weights" in arrays else None
        )
    heads = tuple(
        HeadParams(h["name"], float(h["platt_a"]), float(h["platt_b"]), float(h["threshold"]))
        for h in config["heads"]
    )
    features = FeatureConfig.from_json(config["features"], lexicon)
    if weights.shape != (len(heads), features.size) or idf.shape != (features.size,):
        raise ModelArtefactError(
            "Les dimensions des poids ne correspondent pas à la configuration."
        )
    encoder = config.get("encoder") or {}
    scale = float(encoder.get("scale", 0.0))
    if encoder_weights is not None and encoder_weights.shape != (
        len(heads),
        int(encoder.get("dimensions", -1)),
    ):
        raise ModelArtefactError("Les dimensions des poids de l'encodeur sont inattendues.")
    if config["version"] != manifest.get("version"):
        raise ModelArtefactError("La version du manifeste et celle de la configuration diffèrent.")
    return ModerationModel(
        str(config["version"]), features, weights, bias, idf, heads, encoder_weights, scale
    )
