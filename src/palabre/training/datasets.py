"""The labelled sources, how their labels map to the model's heads, and the fixed splits.

Only permissively licensed sources are trainable. `cyberagression_fr` (CC BY-NC 4.0) is read
for evaluation only and never reaches training data or shipped files; HurtLex (CC BY-NC-SA)
is not read at all.

Splits are explicit and seeded: a row goes to train (70 %), dev (15 %) or test (15 %) by
the SHA-256 of `seed:source:source_id`, so a row never changes split when others are added."""

from __future__ import annotations

import csv
import hashlib
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal

from palabre.moderation.model.heads import HEADS

Split = Literal["train", "dev", "test"]
Labels = dict[str, int]
Row = dict[str, str]

SPLIT_SEED: Final = 20261121
SPLIT_FRACTIONS: Final = (0.70, 0.15, 0.15)


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled text. `labels` only holds the heads this source labels."""

    text: str
    source: str
    source_id: str
    labels: Labels
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Source:
    """A dataset folder, its licence, whether it may be trained on, and its label mapping."""

    name: str
    path: str
    licence: str
    trainable: bool
    to_labels: Callable[[Row], Labels]
    meta_columns: tuple[str, ...] = ()


def _flag(row: Row, column: str) -> int:
    return 1 if row.get(column, "").strip() in {"1", "1.0", "True", "true"} else 0


def _num(row: Row, column: str) -> float:
    try:
        return float(row.get(column, "") or 0)
    except ValueError:
        return 0.0


_SUB_HEADS: Final = ("haine", "violence", "insulte", "grossierete")


def _clean(labels: Labels) -> Labels:
    """A text labelled non-toxic is negative for every category head too."""
    if labels.get("toxicite") == 0:
        return {**labels, **dict.fromkeys(_SUB_HEADS, 0)}
    return labels


def _mlma(row: Row) -> Labels:
    insult = max(_flag(row, "offensive"), _flag(row, "abusive"), _flag(row, "disrespectful"))
    labels = {"toxicite": _flag(row, "label"), "haine": _flag(row, "hateful"), "insulte": insult}
    return _clean(labels)


def _ftr(row: Row) -> Labels:
    # Label 0 is "not racist", not "clean": it says nothing about insults or toxicity.
    racist = _flag(row, "label")
    return {"haine": racist, "toxicite": 1} if racist else {"haine": 0}


def _toxifrench(row: Row) -> Labels:
    return _clean({"toxicite": _flag(row, "label")})


def _agreement(row: Row) -> Labels:
    return _clean(
        {
            "toxicite": _flag(row, "label"),
            "haine": int(_num(row, "cot_H") >= 2),
            "violence": int(_num(row, "cot_V") >= 2),
            "insulte": int(_num(row, "cot_A") >= 2),
            "grossierete": int(_num(row, "cot_S") >= 2),
        }
    )


def _rtplx(row: Row) -> Labels:
    return _clean(
        {
            "toxicite": _flag(row, "label"),
            "haine": max(_flag(row, "flag_identityattack"), _flag(row, "flag_bias")),
            "violence": _flag(row, "flag_violence"),
            "insulte": _flag(row, "flag_insult"),
            "grossierete": int(
                _flag(row, "flag_sexualcontent") and _num(row, "score_toxicity") > 1.5
            ),
        }
    )


def _jigsaw(row: Row) -> Labels:
    return _clean(
        {
            "toxicite": _flag(row, "toxic"),
            "haine": _flag(row, "identity_hate"),
            "violence": _flag(row, "threat"),
            "insulte": _flag(row, "insult"),
            "grossierete": _flag(row, "obscene"),
        }
    )


def _cyberagression(row: Row) -> Labels:
    return {
        "toxicite": _flag(row, "label"),
        "violence": _flag(row, "threat"),
        "insulte": _flag(row, "insult"),
    }


SOURCES: Final[tuple[Source, ...]] = (
    Source("mlma_fr", "mlma_fr/mlma_fr_train.csv", "MIT", True, _mlma, ("target", "group")),
    Source("ftr_racism_fr", "ftr_racism_fr/ftr_racism_fr.csv", "MIT", True, _ftr),
    Source("toxifrench_fr", "toxifrench_fr/toxifrench_fr_train.csv", "MIT", True, _toxifrench),
    Source(
        "toxifrench_agreement_fr",
        "toxifrench_agreement_fr/toxifrench_agreement_fr.csv",
        "MIT (étiquettes « silver » produites par LLM)",
        True,
        _agreement,
    ),
    Source("rtplx_fr", "rtplx_fr/rtplx_fr.csv", "MIT + Apache-2.0", True, _rtplx),
    Source(
        "jigsaw_fr_mt",
        "jigsaw_fr_mt/jigsaw_fr_mt.csv",
        "MIT (traduction) ; Jigsaw CC0 ; texte Wikipédia CC BY-SA 3.0",
        True,
        _jigsaw,
    ),
    Source(
        "cyberagression_fr",
        "cyberagression_fr/cyberagression_fr_train.csv",
        "CC BY-NC 4.0 — évaluation seulement",
        False,
        _cyberagression,
        ("verbal_abuse", "intention", "topic"),
    ),
)

SOURCES_BY_NAME: Final[dict[str, Source]] = {source.name: source for source in SOURCES}
TRAINABLE: Final[tuple[str, ...]] = tuple(s.name for s in SOURCES if s.trainable)
EVAL_ONLY: Final[tuple[str, ...]] = tuple(s.name for s in SOURCES if not s.trainable)


def default_data_dir() -> Path:
    """`PALABRE_SHARED_DATA`, else `../shared/data` from the working directory."""
    return Path(os.environ.get("PALABRE_SHARED_DATA", "../shared/data"))


def split_of(source: str, source_id: str, seed: int = SPLIT_SEED) -> Split:
    """The fixed split of one row."""
    digest = hashlib.sha256(f"{seed}:{source}:{source_id}".encode()).digest()
    position = int.from_bytes(digest[:8], "big") / 2**64
    if position < SPLIT_FRACTIONS[0]:
        return "train"
    if position < SPLIT_FRACTIONS[0] + SPLIT_FRACTIONS[1]:
        return "dev"
    return "test"


def load_source(data_dir: Path, name: str) -> list[Example]:
    """Every row of one source, labels mapped to heads."""
    source = SOURCES_BY_NAME[name]
    path = data_dir / source.path
    if not path.is_file():
        raise FileNotFoundError(f"Jeu de données introuvable : {path}")
    examples: list[Example] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            text = (row.get("text") or "").strip()
            if not text:
                continue
            labels = {head: value for head, value in source.to_labels(row).items() if head in HEADS}
            meta = {column: row.get(column, "") for column in source.meta_columns}
            examples.append(Example(text, name, row.get("source_id", ""), labels, meta))
    return examples


def load_split(
    data_dir: Path, split: Split, names: Iterable[str] = TRAINABLE, seed: int = SPLIT_SEED
) -> list[Example]:
    """The rows of the given sources that fall in `split`."""
    return [
        example
        for name in names
        for example in load_source(data_dir, name)
        if split_of(example.source, example.source_id, seed) == split
    ]


#: Hand-written French examples (ours, AGPL like palabre): neutral and positive mentions of
#: groups, criticism of ideas, counter-speech, plus a few clear attacks. Training only.
AUGMENTATION: Final = Path(__file__).resolve().parent / "augmentation_fr.jsonl"
#: Neutral and supportive mentions of groups (eval/build_identity_augmentation.py).
IDENTITY_AUGMENTATION: Final = Path(__file__).resolve().parent / "augmentation_identity_fr.jsonl"


def load_extra(path: Path, source: str = "extra") -> list[Example]:
    """Extra labelled examples (e.g. moderator decisions), one JSON object a line:
    `{"text": "...", "labels": {"insulte": 1, "toxicite": 1}}`. They go to training only."""
    examples: list[Example] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            record = json.loads(line)
            text = str(record.get("text", "")).strip()
            raw = record.get("labels", {})
            if not text or not isinstance(raw, dict):
                raise ValueError(f"{path}:{number} : il faut « text » et « labels » (objet).")
            unknown = set(raw) - set(HEADS)
            if unknown:
                raise ValueError(f"{path}:{number} : têtes inconnues {sorted(unknown)}.")
            labels = {head: int(bool(value)) for head, value in raw.items()}
            examples.append(Example(text, source, f"{path.name}:{number}", labels))
    return examples


def examples_from_pairs(
    pairs: Iterable[tuple[str, dict[str, int]]], source: str = "extra"
) -> list[Example]:
    """Extra examples from `(text, {head: 0/1})` pairs, e.g. what the future
    `load_moderator_examples(database_url)` returns; unknown heads are refused."""
    examples: list[Example] = []
    for number, (text, raw) in enumerate(pairs, start=1):
        unknown = set(raw) - set(HEADS)
        if unknown:
            raise ValueError(f"Exemple {number} : têtes inconnues {sorted(unknown)}.")
        if text.strip():
            labels = {head: int(bool(value)) for head, value in raw.items()}
            examples.append(Example(text.strip(), source, f"{source}:{number}", labels))
    return examples
