"""One training run end to end: load the fixed splits, fit, evaluate, write the artefact."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from palabre.moderation.model.artefact import sha256_of
from palabre.moderation.model.scorer import ModerationModel
from palabre.training.datasets import (
    AUGMENTATION,
    EVAL_ONLY,
    IDENTITY_AUGMENTATION,
    SOURCES_BY_NAME,
    SPLIT_FRACTIONS,
    TRAINABLE,
    Example,
    load_extra,
    load_split,
    split_of,
)
from palabre.training.evaluate import Report, evaluate, report_json
from palabre.training.export import write_artefact
from palabre.training.fit import Trained, TrainSettings, fit
from palabre.training.lexicon import build_lexicon, lexicon_licences


@dataclass(frozen=True, slots=True)
class TrainingRun:
    trained: Trained
    model: ModerationModel
    dev: list[Example]
    dev_report: Report
    test_report: Report


def new_version() -> str:
    return datetime.now(UTC).strftime("fr-%Y.%m.%d-%H%M")


def _data_provenance(data_dir: Path, seed: int, extra: Sequence[Path]) -> list[dict[str, Any]]:
    from palabre.training.datasets import load_source

    entries: list[dict[str, Any]] = []
    for name in (*TRAINABLE, *EVAL_ONLY):
        source = SOURCES_BY_NAME[name]
        rows = load_source(data_dir, name)
        counts: dict[str, int] = {"train": 0, "dev": 0, "test": 0}
        for example in rows:
            counts[split_of(name, example.source_id, seed)] += 1
        if not source.trainable:
            counts = {"évaluation (toutes les lignes)": len(rows)}
        entries.append(
            {
                "source": name,
                "file": source.path,
                "licence": source.licence,
                "use": "entraînement" if source.trainable else "évaluation seulement",
                "rows": counts,
            }
        )
    entries.append(
        {
            "source": "augmentation",
            "file": "palabre/training/augmentation_fr.jsonl",
            "licence": "AGPL-3.0-or-later (écrit pour palabre)",
            "use": "entraînement",
        }
    )
    entries.append(
        {
            "source": "augmentation",
            "file": "palabre/training/augmentation_identity_fr.jsonl",
            "licence": "AGPL-3.0-or-later (écrit pour palabre, eval/build_identity_augmentation.py)",
            "use": "entraînement (mentions neutres de groupes)",
        }
    )
    entries.extend(
        {
            "source": "extra",
            "file": str(path),
            "sha256": sha256_of(path),
            "rows": {"train": len(load_extra(path))},
            "use": "entraînement",
        }
        for path in extra
    )
    return entries


def evaluation_rows(data_dir: Path, seed: int) -> list[Example]:
    """The test split of every trainable source, plus ALL rows of the evaluation-only sources
    (never trained or tuned on, so every row is held out)."""
    from palabre.training.datasets import load_source

    rows = load_split(data_dir, "test", TRAINABLE, seed=seed)
    for name in EVAL_ONLY:
        rows.extend(load_source(data_dir, name))
    return rows


def suite_examples() -> list[Example]:
    """The `train` half of palabre's own functional suites (the `test` half is never seen)."""
    from palabre.moderation.evaluation.suites import suite_cases

    return [Example(c.text, "suites", c.id, c.labels()) for c in suite_cases("train")]


def rule_flags(dev: Sequence[Example]) -> list[frozenset[str]]:
    """What the rule detectors alone (default charter, no model) hold each dev row for."""
    from palabre.moderation.charter import default_charter
    from palabre.moderation.charter_engine import CharterEngine
    from palabre.moderation.detectors import default_detectors
    from palabre.moderation.evaluation.decisions import flagged_categories

    engine = CharterEngine(default_charter(), default_detectors(include_optional=False))
    return [flagged_categories(engine.check(e.text)) for e in dev]


def tune_for_engine(trained: Trained, dev: Sequence[Example]) -> Trained:
    """Replaces each head's threshold by the engine-level operating point found on dev."""
    from dataclasses import replace

    from palabre.training import operating_points as op

    model = trained.as_model("tuning")
    rows = op.rows_for(model, dev, rule_flags(dev))
    thresholds = op.search(rows, [h.threshold for h in trained.heads])
    return replace(trained, heads=op.with_thresholds(trained.heads, thresholds))


def run_training(
    data_dir: Path,
    settings: TrainSettings | None = None,
    extra: Sequence[Path] = (),
    version: str | None = None,
    extra_examples: Sequence[Example] = (),
) -> TrainingRun:
    """Fits on train (+ extra examples: JSONL files and/or ready examples such as moderator
    decisions from `examples_from_pairs`), calibrates on dev, evaluates dev and test."""
    settings = settings or TrainSettings()
    train = load_split(data_dir, "train", seed=settings.seed)
    train.extend(load_extra(AUGMENTATION, "augmentation"))
    train.extend(load_extra(IDENTITY_AUGMENTATION, "augmentation"))
    for path in extra:
        train.extend(load_extra(path))
    train.extend(extra_examples)
    train.extend(suite_examples())
    dev = load_split(data_dir, "dev", seed=settings.seed)
    trained = fit(train, dev, build_lexicon(data_dir), settings)
    trained = tune_for_engine(trained, dev)
    model = trained.as_model(version or new_version())
    test = evaluation_rows(data_dir, settings.seed)
    return TrainingRun(trained, model, dev, evaluate(model, dev), evaluate(model, test))


def save_run(run: TrainingRun, data_dir: Path, directory: Path, extra: Sequence[Path]) -> Path:
    seed = run.trained.settings.seed
    provenance = {
        "data": _data_provenance(data_dir, seed, extra),
        "lexicons": lexicon_licences(),
        "splits": {
            "method": "sha256(f'{seed}:{source}:{source_id}') → [0, 1) ; < 0,70 train, "
            "< 0,85 dev, sinon test",
            "seed": seed,
            "fractions": list(SPLIT_FRACTIONS),
            "evaluation_only": "toutes les lignes (jamais vues à l'entraînement ni au réglage)",
        },
        "calibration": "Platt sur dev ; seuil par tête choisi sur dev (F1, macro-F1 pour toxicite)",
        "metrics": {"dev": report_json(run.dev_report), "test": report_json(run.test_report)},
    }
    return write_artefact(directory, run.trained, run.model.version, provenance)
