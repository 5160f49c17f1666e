"""The labelled French data sets of `shared/data`, with each one's labels mapped to charter
categories as `shared/data/README.md` explains. `toxicite` is the general label: the engine
counts as positive when any of haine, violence, insulte, grossierete is held or rejected.

A label a data set does not give is absent (not negative). Non-commercial sets
(`cyberagression_fr`) are read for evaluation only."""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from palabre.moderation.evaluation.splits import Split, split_of

Labels = dict[str, int]
Row = dict[str, str]
TOXIC = ("haine", "violence", "insulte", "grossierete")


def _on(row: Row, *columns: str) -> int:
    return int(any(row.get(c, "").strip() in {"1", "1.0", "True", "true"} for c in columns))


def _num(row: Row, column: str) -> float:
    try:
        return float(row.get(column) or 0)
    except ValueError:
        return 0.0


def _clean(labels: Labels) -> Labels:
    """A text labelled non-toxic is negative for every toxic category."""
    return {**labels, **dict.fromkeys(TOXIC, 0)} if labels.get("toxicite") == 0 else labels


def _mlma(r: Row) -> Labels:
    hate = _on(r, "hateful") and r.get("target", "") in {"origin", "religion"}
    insult = _on(r, "offensive", "abusive", "disrespectful")
    return _clean({"toxicite": _on(r, "label"), "haine": int(hate), "insulte": insult})


def _ftr(r: Row) -> Labels:
    return {"haine": _on(r, "label")}  # 0 = "not racist", says nothing of insults


def _agreement(r: Row) -> Labels:
    labels = {"toxicite": _on(r, "label")}
    for cat, col in (("haine", "cot_H"), ("violence", "cot_V"), ("insulte", "cot_A")):
        labels[cat] = int(_num(r, col) >= 2)
    return _clean(labels)


def _rtplx(r: Row) -> Labels:
    return _clean(
        {
            "toxicite": _on(r, "label"),
            "violence": _on(r, "flag_violence"),
            "insulte": _on(r, "flag_insult"),
            "haine": _on(r, "flag_identityattack", "flag_bias"),
        }
    )


def _jigsaw(r: Row) -> Labels:
    return _clean(
        {
            "toxicite": _on(r, "toxic"),
            "haine": _on(r, "identity_hate"),
            "violence": _on(r, "threat"),
            "insulte": _on(r, "insult"),
            "grossierete": _on(r, "obscene"),
        }
    )


def _cyber(r: Row) -> Labels:
    """Threats (THR) and name-calling (NCG) as labelled by the CyberAgression annotators."""
    return {
        "toxicite": _on(r, "label"),
        "violence": _on(r, "threat"),
        "insulte": _on(r, "insult"),
    }


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    path: str
    labels: Callable[[Row], Labels]


SOURCES: tuple[Source, ...] = (
    Source("mlma_fr", "mlma_fr/mlma_fr_train.csv", _mlma),
    Source("ftr_racism_fr", "ftr_racism_fr/ftr_racism_fr.csv", _ftr),
    Source(
        "toxifrench_fr",
        "toxifrench_fr/toxifrench_fr_train.csv",
        lambda r: _clean({"toxicite": _on(r, "label")}),
    ),
    Source(
        "toxifrench_agreement_fr", "toxifrench_agreement_fr/toxifrench_agreement_fr.csv", _agreement
    ),
    Source("rtplx_fr", "rtplx_fr/rtplx_fr.csv", _rtplx),
    Source("jigsaw_fr_mt", "jigsaw_fr_mt/jigsaw_fr_mt.csv", _jigsaw),
    Source("cyberagression_fr", "cyberagression_fr/cyberagression_fr_train.csv", _cyber),
)


@dataclass(frozen=True, slots=True)
class Example:
    source: str
    source_id: str
    text: str
    labels: Labels


def default_data_dir() -> Path:
    """`PALABRE_SHARED_DATA`, else `../shared/data` relative to the working directory."""
    return Path(os.environ.get("PALABRE_SHARED_DATA", "../shared/data"))


def examples(data_dir: Path, split: Split, limit: int | None = None) -> Iterator[Example]:
    """Rows of `split` from every source found under `data_dir` (at most `limit` per source)."""
    for source in SOURCES:
        path = data_dir / source.path
        if not path.is_file():
            continue
        taken = 0
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                text, sid = (row.get("text") or "").strip(), row.get("source_id") or ""
                if not text or split_of(source.name, sid) != split:
                    continue
                yield Example(source.name, sid, text, source.labels(row))
                taken += 1
                if limit is not None and taken >= limit:
                    break


def all_texts(data_dir: Path) -> list[str]:
    """Every non-empty text of every source found under `data_dir`, in file order, every split
    (for benchmarks, which time the engine and score nothing)."""
    pool: list[str] = []
    for source in SOURCES:
        path = data_dir / source.path
        if path.is_file():
            with path.open(encoding="utf-8", newline="") as handle:
                pool.extend(row["text"] for row in csv.DictReader(handle) if row.get("text"))
    return pool
