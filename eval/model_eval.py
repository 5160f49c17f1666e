"""Évaluation du modèle appris sur les jeux TEST, avec deux références dans la même exécution.

    .venv/bin/python eval/model_eval.py [--data ../shared/data] [--model DOSSIER]

Affiche, par source et par tête : précision, rappel, F1 et macro-F1 du modèle livré, d'une
liste de mots-clés (les lexiques livrés) et d'une TF-IDF + régression logistique simple
(entraînée sur le même split train). Puis les F1 par catégorie toutes sources confondues,
les objectifs de l'issue 4, les suites fonctionnelles, la vitesse, le temps de chargement et
la mémoire. Les sources d'évaluation seule (cyberagression_fr, CC BY-NC) sont lues en entier :
elles n'ont servi ni à l'entraînement ni au réglage.
Nécessite scikit-learn (extra `train`) pour la référence TF-IDF."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from palabre.moderation.metrics import Binary, binary
from palabre.moderation.model.heads import HEADS
from palabre.training.datasets import (
    EVAL_ONLY,
    SPLIT_SEED,
    Example,
    default_data_dir,
    load_split,
)
from palabre.training.evaluate import MAIN_HEAD, Report, Scores, evaluate_scores
from palabre.training.lexicon import build_lexicon
from palabre.training.pipeline import evaluation_rows

ROOT = Path(__file__).resolve().parent.parent
FUNCTIONAL = ROOT / "tests" / "moderation" / "functional" / "cas_fonctionnels.json"
THREAT_WORDS = re.compile(
    r"\b(tuer|tue|crever|creve|buter|bute|egorger|massacrer|defoncer|defonce|cramer|bruler|"
    r"fusiller|abattre|pendre|decapiter|frapper|tabasser|menace|mort)\b"
)


def keyword_scores(examples: Sequence[Example], data_dir: Path) -> list[Scores]:
    """Référence « liste de mots » : une tête se déclenche si un mot de son lexique apparaît."""
    from palabre.moderation.model.normalise import tokenise

    lexicon = build_lexicon(data_dir)
    scores: list[Scores] = []
    for example in examples:
        words = [token.text for token in tokenise(example.text)]
        found: set[str] = set()
        for size in (1, 2, 3):
            for start in range(len(words) - size + 1):
                found.update(lexicon.get(" ".join(words[start : start + size]), ()))
        result = {head: float(head in found) for head in HEADS}
        result["violence"] = float(bool(THREAT_WORDS.search(" ".join(words))))
        result["toxicite"] = float(any(result[head] for head in HEADS if head != "toxicite"))
        scores.append(result)
    return scores


def tfidf_scores(train: Sequence[Example], examples: Sequence[Example]) -> list[Scores]:
    """Référence TF-IDF (mots, uni+bigrammes) + régression logistique, seuil 0,5, sans réglage."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    matrix = vectoriser.fit_transform([e.text for e in train])
    test_matrix = vectoriser.transform([e.text for e in examples])
    columns: dict[str, list[float]] = {}
    for head in HEADS:
        rows = [i for i, e in enumerate(train) if head in e.labels]
        classifier = LogisticRegression(C=1.0, max_iter=1000)
        classifier.fit(matrix[rows], [train[i].labels[head] for i in rows])
        columns[head] = classifier.predict_proba(test_matrix)[:, 1].tolist()
    return [{head: columns[head][i] for head in HEADS} for i in range(len(examples))]


def pooled(
    examples: Sequence[Example], scores: Sequence[Scores], fired: Callable[[str, float], bool]
) -> dict[str, Binary]:
    """Par catégorie, toutes les sources d'entraînement confondues (lignes test)."""
    result: dict[str, Binary] = {}
    for head in HEADS:
        pairs = [
            (e.labels[head], int(fired(head, s[head])))
            for e, s in zip(examples, scores, strict=True)
            if head in e.labels and e.source not in EVAL_ONLY
        ]
        result[head] = binary([g for g, _ in pairs], [p for _, p in pairs])
    return result


def print_table(reports: dict[str, Report]) -> None:
    names = list(reports)
    model = reports[names[0]]
    header = f"{'source / tête':<38}{'préc.':>7}{'rappel':>7}{'F1':>7}{'mF1':>7}"
    for name in names[1:]:
        header += f" | {name[:10]:>10} F1{'mF1':>6}"
    print(header + f"{'pos./n':>12}")
    for source, heads in model.items():
        for head, result in heads.items():
            line = f"{source + ' / ' + head:<38}{result.precision:>7.3f}{result.recall:>7.3f}"
            line += f"{result.f1:>7.3f}{result.macro_f1:>7.3f}"
            for name in names[1:]:
                other = reports[name][source][head]
                line += f" | {other.f1:>13.3f}{other.macro_f1:>6.3f}"
            print(line + f"{result.support:>6}/{result.tp + result.fp + result.fn + result.tn}")


def print_summary(reports: dict[str, Report], categories: dict[str, dict[str, Binary]]) -> None:
    print("\nMacro-F1 de la tête principale par source (modèle | références) :")
    for source in reports[next(iter(reports))]:
        head = MAIN_HEAD.get(source, "toxicite")
        values = " | ".join(
            f"{name} {reports[name][source][head].macro_f1:.3f}"
            for name in reports
            if head in reports[name][source]
        )
        print(f"  {source:<26}{head:<10}{values}")
    print("\nPar catégorie, lignes test de toutes les sources d'entraînement")
    print("(précision / rappel / F1 / macro-F1) :")
    for head in HEADS:
        values = " | ".join(
            f"{name} {r.precision:.2f}/{r.recall:.2f}/{r.f1:.3f}/{r.macro_f1:.3f}"
            for name, per_head in categories.items()
            for r in [per_head[head]]
        )
        print(f"  {head:<12}{values}")
    for name, per_head in categories.items():
        macro = sum(r.macro_f1 for r in per_head.values()) / len(per_head)
        print(f"  macro-F1 moyen sur les 5 têtes — {name} : {macro:.3f}")


def _verdict(value: float, target: float) -> str:
    return "atteint" if value >= target else "NON atteint"


def print_targets(report: Report) -> None:
    toxi = report["toxifrench_fr"]["toxicite"].macro_f1
    mlma = report["mlma_fr"]["toxicite"].macro_f1
    threat = report["cyberagression_fr"]["violence"]
    print("\nObjectifs de l'issue 4 (jeux test ; cyberagression en entier) :")
    print(f"  ToxiFrench macro-F1      {toxi:.3f}  (objectif ≥ 0,85) {_verdict(toxi, 0.85)}")
    print(f"  MLMA macro-F1 (hostile)  {mlma:.3f}  (objectif ≥ 0,70) {_verdict(mlma, 0.70)}")
    print(
        f"  CyberAgression rappel menaces {threat.recall:.3f} (précision {threat.precision:.3f}, "
        f"objectif ≥ 0,80) {_verdict(threat.recall, 0.80)}"
    )


def _model_only_rss(model_dir: Path | None) -> tuple[float, float]:
    """Peak RSS (MB, VmHWM) of a fresh process: numpy only, then numpy + model + one comment.
    (`ru_maxrss` would count the parent's memory copied at fork.)"""
    base = "import numpy;"
    directory = f"Path({str(model_dir)!r})" if model_dir else "None"
    loaded = (
        base + "from pathlib import Path; from palabre.moderation.model import load_model;"
        f"load_model({directory}).score('Bonjour à tous');"
    )
    rss = (
        "print(next(int(line.split()[1]) for line in open('/proc/self/status')"
        " if line.startswith('VmHWM')) / 1024)"
    )
    values = [
        float(
            subprocess.run(
                [sys.executable, "-c", code + rss], capture_output=True, text=True, check=True
            ).stdout
        )
        for code in (base, loaded)
    ]
    return values[0], values[1]


def print_threat_curve(examples: Sequence[Example], scores: Sequence[Scores]) -> None:
    """Descriptive only (never used to choose anything): threat recall vs. threshold."""
    pairs = [
        (e.labels["violence"], s["violence"])
        for e, s in zip(examples, scores, strict=True)
        if e.source == "cyberagression_fr"
    ]
    cells = []
    for threshold in (0.05, 0.1, 0.2, 0.3, 0.45):
        result = binary([g for g, _ in pairs], [int(p >= threshold) for _, p in pairs])
        cells.append(f"≥{threshold:.2f} : R {result.recall:.2f} P {result.precision:.2f}")
    print("  CyberAgression, menaces selon le seuil de violence : " + " ; ".join(cells))


def print_runtime(model_dir: Path | None, examples: Sequence[Example]) -> None:
    from palabre.moderation.detectors.learned import LearnedDetector
    from palabre.moderation.model import active_dir, load_model
    from palabre.moderation.model.artefact import load_directory
    from palabre.training.functional import accuracy_by_family, run_cases

    start = time.perf_counter()
    load_directory(model_dir or active_dir())
    load_seconds = time.perf_counter() - start
    model = load_model(model_dir)
    texts = [e.text for e in examples]
    start = time.perf_counter()
    for text in texts:
        model.analyse(text)
    per_comment = (time.perf_counter() - start) / len(texts) * 1000
    joined = " ".join(texts)
    by_length = []
    for length in (300, 1000, 5000):
        sample = [joined[i * length : (i + 1) * length] for i in range(50)]
        start = time.perf_counter()
        for text in sample:
            model.analyse(text)
        by_length.append(f"{length} car. {(time.perf_counter() - start) / 50 * 1000:.2f} ms")
    rss = _model_only_rss(model_dir)
    print(
        f"\nVitesse : {per_comment:.3f} ms par commentaire ({len(texts)} textes test, un cœur, "
        f"longueur moyenne {sum(map(len, texts)) / len(texts):.0f} car.)"
    )
    print(f"  selon la longueur : {' ; '.join(by_length)}")
    print(f"Chargement du modèle (lecture + vérification SHA-256) : {load_seconds * 1000:.0f} ms")
    print(
        f"Mémoire résidente d'un processus neuf qui charge le modèle et note un commentaire : "
        f"{rss[1]:.0f} Mo (dont Python + numpy seuls : {rss[0]:.0f} Mo ; modèle ≈ "
        f"{rss[1] - rss[0]:.0f} Mo)"
    )
    print("\nSuites fonctionnelles (exactitude par famille, détecteur LearnedDetector) :")
    results = run_cases(FUNCTIONAL, LearnedDetector(model_dir))
    for family, accuracy in accuracy_by_family(results).items():
        print(f"  {family:<28}{accuracy:.2f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--model", type=Path, default=None, help="dossier d'un artefact")
    args = parser.parse_args(argv)
    from palabre.moderation.model import load_model

    model = load_model(args.model)
    print(f"Modèle {model.version} — données {args.data}")
    test = evaluation_rows(args.data, SPLIT_SEED)
    train = load_split(args.data, "train")
    model_scores = [model.score(e.text) for e in test]
    systems: dict[str, tuple[list[Scores], Callable[[str, float], bool]]] = {
        "modèle": (model_scores, lambda head, p: p >= model.threshold(head)),
        "mots-clés": (keyword_scores(test, args.data), lambda head, p: p >= 0.5),
        "tfidf+LR": (tfidf_scores(train, test), lambda head, p: p >= 0.5),
    }
    reports = {
        name: evaluate_scores(test, scores, fired) for name, (scores, fired) in systems.items()
    }
    categories = {name: pooled(test, scores, fired) for name, (scores, fired) in systems.items()}
    print_table(reports)
    print_summary(reports, categories)
    print_targets(reports["modèle"])
    print_threat_curve(test, model_scores)
    print_runtime(args.model, test)
    return 0


if __name__ == "__main__":
    sys.exit(main())
