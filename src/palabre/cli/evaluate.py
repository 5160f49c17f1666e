"""`palabre eval`: measures what the product decides.

1. The demo seeds' expected verdicts and the spelling recall on their known faults (the
   language clause).
2. The ENGINE's decisions on the labelled data (dev split by default, `--split test` for the
   published figures): per source, the macro-F1 of « flagged by a harm clause », precision
   and recall of each class, ROC-AUC of the harm score, the share of non-toxic rows flagged;
   per category, recall and false alarms.
3. palabre's own functional suites, per family (their `test` half with `--split test`,
   else the `train` half).
4. The learned model alone, at its operating points, for comparison."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from rich.console import Console
from rich.table import Table as RichTable

from palabre.cli._common import engine_for, fail
from palabre.moderation.charter_engine import CharterEngine
from palabre.moderation.evaluation import decisions
from palabre.moderation.evaluation.datasets import default_data_dir, examples
from palabre.moderation.evaluation.golden import golden, spelling_recall
from palabre.moderation.evaluation.suites import suite_cases
from palabre.typography import french

LEARNED = "modele-appris"
MODERATION = {"haine", "violence", "insulte", "grossierete", "illegal", "spam"}


def _moderation_only(engine: CharterEngine, with_model: bool) -> CharterEngine:
    """The same charter with only the detectors that score moderation categories (and
    without the learned model when `with_model` is false)."""
    keep = tuple(
        d
        for d in engine.detectors
        if set(d.categories) & MODERATION and (with_model or d.name != LEARNED)
    )
    return CharterEngine(engine.charter, keep)


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}".replace(".", ",")


def show_golden(console: Console, engine: CharterEngine) -> int:
    table = RichTable(title="Verdicts attendus des commentaires de démonstration")
    for col in ("commentaire", "attendu", "catégories attendues", "obtenu", "raisons", "ok"):
        table.add_column(col)
    results = golden(engine)
    for g in results:
        reasons = ", ".join(f"{r.category} {_num(r.score)}" for r in g.verdict.reasons)
        table.add_row(
            g.comment_id,
            g.expected,
            ", ".join(g.categories),
            g.verdict.decision,
            reasons,
            "oui" if g.ok else "[red]NON[/]",
        )
    console.print(table)
    passed = sum(g.ok for g in results)
    console.print(french(f"Verdicts attendus : {passed}/{len(results)} corrects"))
    found, total, missed = spelling_recall(engine)
    console.print(
        french(
            f"Rappel orthographique (clause de langue) sur les fautes des commentaires : "
            f"{found}/{total}" + (f" (manquées : {'; '.join(missed)})" if missed else "")
        )
    )
    return len(results) - passed


def show_sources(console: Console, figures: list[decisions.SourceFigures], title: str) -> None:
    out = RichTable(title=title)
    columns = (
        "source",
        "n",
        "macro-F1",
        "préc. toxique",
        "rappel toxique",
        "préc. propre",
        "rappel propre",
        "ROC-AUC",
        "propres signalés",
    )
    for col in columns:
        out.add_column(col, justify="left" if col == "source" else "right", no_wrap=True)
    for f in figures:
        h = f.harm
        clean_precision = h.tn / (h.tn + h.fn) if h.tn + h.fn else 0.0
        clean_recall = h.tn / (h.tn + h.fp) if h.tn + h.fp else 0.0
        out.add_row(
            f.source,
            str(h.tp + h.fp + h.fn + h.tn),
            _num(h.macro_f1),
            _num(h.precision),
            _num(h.recall),
            _num(clean_precision),
            _num(clean_recall),
            _num(f.auc),
            f"{f.clean_flagged * 100:.1f} %".replace(".", ","),
        )
    console.print(out)


def show_categories(console: Console, figures: list[decisions.SourceFigures]) -> None:
    out = RichTable(title="Par catégorie (décisions du moteur)")
    for col in ("source", "catégorie", "rappel", "positifs", "fausses alertes", "négatifs"):
        out.add_column(col, justify="left" if col in ("source", "catégorie") else "right")
    for f in figures:
        for c in f.categories:
            if not c.support:
                continue
            out.add_row(
                f.source,
                c.category,
                _num(c.recall),
                str(c.support),
                f"{c.false_alarm * 100:.1f} %".replace(".", ","),
                str(c.negatives),
            )
    console.print(out)


def show_families(console: Console, report: decisions.DecisionReport, split: str) -> int:
    """Prints the accuracy of each family; returns how many are below 75 %."""
    below = 0
    for source in sorted(report.rows):
        out = RichTable(title=f"Suite fonctionnelle {source} (moitié {split})")
        for col in ("famille", "correctes", "cas", "exactitude"):
            out.add_column(col, justify="left" if col == "famille" else "right")
        for family, (ok, total) in report.families(source).items():
            share = ok / total if total else 0.0
            below += share < 0.75
            mark = "" if share >= 0.75 else " [red]< 75 %[/]"
            out.add_row(family, str(ok), str(total), f"{share * 100:.0f} %{mark}")
        console.print(out)
    return below


def _model_alone(
    engine: CharterEngine, items: list[tuple[str, str, dict[str, int], str]]
) -> list[decisions.SourceFigures]:
    from palabre.moderation.model import load_model
    from palabre.moderation.model.heads import HEAD_CATEGORY

    learned = [d for d in engine.detectors if d.name == LEARNED]
    if not learned:
        return []
    model = load_model()
    report = decisions.DecisionReport()
    for text, source, labels, family in items:
        scores = model.score(text)
        flagged = {
            HEAD_CATEGORY.get(head, "insulte")
            for head, p in scores.items()
            if p >= model.threshold(head)
        }
        harm = max(scores.values())
        report.add(decisions.Judged(source, labels, frozenset(flagged), harm, family))
    return report.figures()


def _as_json(figures: list[decisions.SourceFigures]) -> list[dict[str, Any]]:
    return [
        {
            "source": f.source,
            "harm": f.harm.as_dict(),
            "roc_auc": None if f.auc is None else round(f.auc, 4),
            "clean_flagged": round(f.clean_flagged, 4),
            "categories": [
                {
                    "category": c.category,
                    "recall": round(c.recall, 4),
                    "support": c.support,
                    "false_alarm": round(c.false_alarm, 4),
                    "negatives": c.negatives,
                }
                for c in f.categories
            ],
        }
        for f in figures
    ]


def eval_command(
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            help="Dossier des données étiquetées "
            "(défaut : $PALABRE_SHARED_DATA, sinon ../shared/data).",
        ),
    ] = None,
    split: Annotated[
        str,
        typer.Option(
            "--split",
            help="Partition mesurée : dev (réglages) ou "
            "test (chiffres publiés, à lire une seule fois).",
        ),
    ] = "dev",
    limit: Annotated[
        int | None, typer.Option("--limit", help="Au plus N exemples par source.")
    ] = None,
    charter: Annotated[
        Path | None, typer.Option("--charter", help="Fichier de charte TOML.")
    ] = None,
    seeds_only: Annotated[
        bool, typer.Option("--seeds-only", help="Seulement les commentaires de démonstration.")
    ] = False,
    no_model: Annotated[
        bool, typer.Option("--no-model", help="Sans le modèle appris (règles et lexiques seuls).")
    ] = False,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Écrire aussi les chiffres dans ce fichier JSON.")
    ] = None,
) -> None:
    """Mesure les décisions du moteur (par source, clause et famille) et les verdicts des démos."""
    if split not in ("dev", "test"):
        raise fail("--split doit valoir « dev » ou « test ».")
    chosen: Literal["dev", "test"] = "dev" if split == "dev" else "test"
    console = Console() if Console().is_terminal else Console(width=140)
    engine = engine_for(charter)
    if no_model:
        engine = CharterEngine(
            engine.charter, tuple(d for d in engine.detectors if d.name != LEARNED)
        )
    failures = show_golden(console, engine)
    if seeds_only:
        raise typer.Exit(1 if failures else 0)
    data_dir = data or default_data_dir()
    if not data_dir.is_dir():
        raise fail(
            f"dossier de données introuvable : {data_dir} (option --data ou PALABRE_SHARED_DATA)"
        )
    judged = _moderation_only(engine, not no_model)
    items = [(e.text, e.source, e.labels, "") for e in examples(data_dir, chosen, limit)]
    suite_split: Literal["train", "test"] = "test" if chosen == "test" else "train"
    suite_items = [
        (c.text, c.suite, {"toxicite": int(c.harmful)}, c.family) for c in suite_cases(suite_split)
    ]
    with console.status("Décisions du moteur sur les données étiquetées…"):
        report = decisions.run(judged, items)
        suites = decisions.run(judged, suite_items)
    figures = report.figures() + suites.figures()
    show_sources(
        console, figures, f"Décisions du moteur — signalé par une clause de préjudice ({chosen})"
    )
    show_categories(console, report.figures())
    below = show_families(console, suites, suite_split)
    console.print(french(f"Familles sous 75 % : {below}"))
    with console.status("Modèle appris seul…"):
        alone = _model_alone(judged, items)
    if alone:
        show_sources(console, alone, f"Modèle appris seul, à ses seuils ({chosen})")
    if json_out is not None:
        payload = {
            "split": chosen,
            "engine": _as_json(figures),
            "families": {
                s: {f: list(v) for f, v in suites.families(s).items()} for s in suites.rows
            },
            "model_alone": _as_json(alone),
        }
        json_out.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")


def register(app: typer.Typer) -> None:
    app.command("eval", help="Mesure la qualité de la modération.")(eval_command)
