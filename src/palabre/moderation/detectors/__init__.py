"""The detector registry: the list of detectors the charter engine runs, built on demand.

Detectors are instantiated lazily (never at import). Optional detectors — the language-quality
ones and the learned model — are included when their module is importable; the learned model
only when its model file exists."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from palabre.moderation.detectors.base import Detector

# (module, factory name). A factory returns a Detector, or None when unavailable.
CORE_DETECTORS: tuple[tuple[str, str], ...] = (
    ("palabre.moderation.detectors.insult", "InsultDetector"),
    ("palabre.moderation.detectors.profanity", "ProfanityDetector"),
    ("palabre.moderation.detectors.hate", "HateDetector"),
    ("palabre.moderation.detectors.violence", "ViolenceDetector"),
    ("palabre.moderation.detectors.threat", "ThreatDetector"),
    ("palabre.moderation.detectors.illegal", "IllegalDetector"),
    ("palabre.moderation.detectors.spam", "SpamDetector"),
)
OPTIONAL_DETECTORS: tuple[tuple[str, str], ...] = (
    ("palabre.moderation.detectors.spelling", "SpellingDetector"),
    ("palabre.moderation.detectors.language", "LanguageDetector"),
    ("palabre.moderation.detectors.learned", "LearnedDetector"),
)


def _load(module: str, factory: str, optional: bool) -> Detector | None:
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if optional and exc.name == module:
            return None
        raise
    make: Callable[[], Detector | None] | None = getattr(mod, f"make_{_snake(factory)}", None)
    if make is not None:
        return make()
    cls = getattr(mod, factory, None)
    if cls is None:
        if optional:
            return None
        raise ImportError(f"{module} ne définit pas {factory}")
    available = getattr(cls, "available", None)
    if callable(available) and not available():
        return None
    detector: Detector = cls()
    return detector


def learned_model_present() -> bool:
    """The learned detector is only registered when its model artefact exists (the active
    directory, `PALABRE_MODEL_DIR` or the shipped one, holds a manifest)."""
    try:
        from palabre.moderation.model import active_dir
    except ImportError:
        return False
    return (active_dir() / "manifest.json").is_file()


PRECONDITIONS: dict[str, Callable[[], bool]] = {
    "palabre.moderation.detectors.learned": learned_model_present,
}


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")


def default_detectors(include_optional: bool = True) -> tuple[Detector, ...]:
    """Instantiates the core detectors, plus the optional ones that are available."""
    found: list[Detector] = []
    for module, factory in CORE_DETECTORS:
        det = _load(module, factory, optional=False)
        if det is not None:
            found.append(det)
    if include_optional:
        for module, factory in OPTIONAL_DETECTORS:
            ready = PRECONDITIONS.get(module)
            if ready is not None and not ready():
                continue
            det = _load(module, factory, optional=True)
            if det is not None:
                found.append(det)
    return tuple(found)


__all__ = [
    "CORE_DETECTORS",
    "OPTIONAL_DETECTORS",
    "Detector",
    "default_detectors",
    "learned_model_present",
]
