"""`palabre eval`: measures the engine on the labelled data (dev split by default) and on the
demo seeds (golden verdicts, spelling recall)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console
from rich.table import Table as RichTable

from palabre.cli._common import engine_for, fail
from palabre.moderation.charter_engine import CharterEngine
from palabre.moderation.evaluation.datasets import default_data_dir
from palabre.moderation.evaluation.golden import golden, spelling_recall
from palabre.moderation.evaluation.metrics import Table
from palabre.moderation.evaluation.runner import evaluate

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


def show_golden(console: Console, engine: CharterEngine) -> int:
    table = RichTable(title="Verdicts attendus des commentaires de démonstration")
    for col in ("commentaire", "attendu", "catégories attendues", "obtenu", "raisons", "ok"):
        table.add_column(col)
    results = golden(engine)
    for g in results:
        reasons = ", ".join(f"{r.category} {r.score:.2f}" for r in g.verdict.reasons)
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
    console.print(f"Verdicts attendus : {passed}/{len(results)} corrects")
    found, total, missed = spelling_recall(engine)
    console.print(
        f"Rappel orthographique sur les fautes des commentaires : {found}/{total}"
        + (f" (manquées : {'; '.join(missed)})" if missed else "")
    )
    return len(results) - passed


def show_table(console: Console, table: Table, title: str) -> None:
    out = RichTable(title=title)
    for col in ("source", "catégorie", "précision", "rappel", "F1", "positifs", "exemples"):
        left = col in ("source", "catégorie")
        out.add_column(col, justify="left" if left else "right", no_wrap=left)
    for source in table.sources():
        for cat in table.categories():
            c = table.counts.get((source, cat))
            if c is None:
                continue
            total = c.tp + c.fp + c.fn + c.tn
            out.add_row(
                "TOUTES" if source == "*" else source,
                cat,
                f"{c.precision:.3f}",
                f"{c.recall:.3f}",
                f"{c.f1:.3f}",
                str(c.support),
                str(total),
            )
    console.print(out)


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
) -> None:
    """Mesure précision, rappel et F1 par catégorie, et les verdicts attendus des démos."""
    if split not in ("dev", "test"):
        raise fail("--split doit valoir « dev » ou « test ».")
    chosen: Literal["dev", "test"] = "dev" if split == "dev" else "test"
    console = Console() if Console().is_terminal else Console(width=120)
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
    with console.status("Évaluation sur les données étiquetées…"):
        table = evaluate(_moderation_only(engine, not no_model), data_dir, chosen, limit)
    show_table(console, table, f"Données étiquetées, partition {chosen}")


def register(app: typer.Typer) -> None:
    app.command("eval", help="Mesure la qualité de la modération.")(eval_command)
