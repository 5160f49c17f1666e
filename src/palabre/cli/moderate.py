"""`palabre moderate`: moderates a file of comments, one verdict per comment (JSONL)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.progress import Progress

from palabre.cli._batch import Item, Problem, count_lines, read_items
from palabre.cli._common import engine_for, err_console, fail
from palabre.moderation.engine import ModerationEngine
from palabre.typography import french

LABELS = {"publish": "publiés", "hold": "en attente", "reject": "refusés"}


def moderate(
    input_path: Annotated[
        Path,
        typer.Option(
            "--input",
            "-i",
            help="Fichier d'entrée : JSONL "
            '({"id", "text"} par ligne) ou CSV (colonne '
            "« text », « id » facultative).",
        ),
    ],
    output_path: Annotated[
        Path,
        typer.Option(
            "--output", "-o", help="Fichier de sortie JSONL : un verdict par commentaire."
        ),
    ],
    charter: Annotated[
        Path | None,
        typer.Option("--charter", help="Fichier de charte TOML (par défaut : la charte livrée)."),
    ] = None,
) -> None:
    """Modère un fichier de commentaires selon la charte et écrit un verdict par ligne."""
    if not input_path.is_file():
        raise fail(f"fichier d'entrée introuvable : {input_path}")
    engine = engine_for(charter)
    counts: Counter[str] = Counter()
    try:
        total = count_lines(input_path)
        with (
            output_path.open("w", encoding="utf-8") as out,
            Progress(console=Console(stderr=True), transient=True) as progress,
        ):
            task = progress.add_task("Modération", total=total)
            for entry in read_items(input_path):
                if isinstance(entry, Problem):
                    counts["ignorées"] += 1
                    err_console.print(
                        french(f"ligne {entry.line} ignorée : {entry.message}"), markup=False
                    )
                else:
                    decision = _write(out, entry, engine)
                    counts[decision] += 1
                progress.update(task, completed=getattr(entry, "line", 0))
    except (OSError, UnicodeDecodeError) as exc:
        raise fail(f"lecture ou écriture impossible : {exc}") from exc
    summary = ", ".join(f"{counts[k]} {v}" for k, v in LABELS.items())
    err_console.print(
        french(f"Terminé : {summary}, {counts['ignorées']} ligne(s) ignorée(s)."), markup=False
    )


def _write(out: TextIO, item: Item, moderator: ModerationEngine) -> str:
    verdict = moderator.check(item.text)
    record = {"id": item.id, **verdict.as_dict()}
    out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return verdict.decision


def register(app: typer.Typer) -> None:
    app.command("moderate", help="Modère un fichier de commentaires (JSONL ou CSV).")(moderate)
