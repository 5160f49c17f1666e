"""`palabre check`: checks one comment against the charter."""

from __future__ import annotations

import json
import sys
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from palabre.cli._common import engine_for, err_console, fail
from palabre.moderation.charter_engine import InvalidCommentError
from palabre.moderation.verdict import Verdict
from palabre.typography import french

STYLES: dict[str, str] = {
    "haine": "bold white on red",
    "violence": "bold white on dark_red",
    "insulte": "bold black on orange1",
    "grossierete": "black on yellow",
    "illegal": "bold white on magenta",
    "orthographe": "underline cyan",
    "langue": "underline blue",
    "spam": "black on grey70",
}
DECISIONS = {
    "publish": ("publié", "green"),
    "hold": ("en attente de modération", "yellow"),
    "reject": ("refusé", "red"),
}


def read_text(text: str) -> str:
    """TEXT itself, or stdin when TEXT is '-' (UTF-8 required)."""
    if text != "-":
        return text
    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise fail(
            f"l'entrée standard n'est pas du texte UTF-8 valide (octet {exc.start})."
        ) from exc


def highlighted(text: str, verdict: Verdict) -> Text:
    out = Text(text)
    for c in verdict.corrections:
        out.stylize(STYLES["orthographe"], c.start, c.end)
    for reason in reversed(verdict.reasons):
        for span in reason.spans:
            out.stylize(STYLES.get(reason.category or "", "bold"), span.start, span.end)
    return out


def decimal(value: float) -> str:
    """A score as a French reader writes it: « 0,51 » (as the dashboard does)."""
    return f"{value:.2f}".replace(".", ",")


def show(console: Console, text: str, verdict: Verdict) -> None:
    label, colour = DECISIONS[verdict.decision]
    console.print(highlighted(text, verdict))
    console.print(french(f"\nDécision : [bold {colour}]{label}[/]"))
    for r in verdict.reasons:
        console.print(
            french(
                f" • [bold]{r.clause}[/] « {r.clause_text} » — {r.category} "
                f"({decimal(r.score)}, {DECISIONS[r.action][0]})"
            )
        )
        console.print(f"   {r.explanation}", markup=False)
    for c in verdict.corrections:
        hint = f" → {', '.join(c.suggestions)}" if c.suggestions else ""
        console.print(
            f" ✎ «\u00a0{text[c.start : c.end]}\u00a0»\u00a0: {french(c.message)}{hint}",
            markup=False,
        )  # the reader's words as written
    scores = " ; ".join(f"{k} {decimal(v)}" for k, v in verdict.scores.items() if v > 0)
    console.print(french(f"Scores : {scores or 'aucun signal'} — langue : {verdict.language}"))


def loading() -> AbstractContextManager[object]:
    """A spinner and « Chargement du moteur… » on stderr while the engine loads (a couple of
    seconds), on a terminal only: nothing in a pipe, a script or a test."""
    if not err_console.is_terminal:
        return nullcontext()
    return err_console.status("Chargement du moteur de modération…", spinner="dots")


def check(
    text: Annotated[
        str, typer.Argument(help="Texte du commentaire, ou « - » pour lire l'entrée standard.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Affiche le verdict en JSON.")] = False,
    charter: Annotated[
        Path | None,
        typer.Option("--charter", help="Fichier de charte TOML (par défaut : la charte livrée)."),
    ] = None,
) -> None:
    """Examine un commentaire selon la charte et affiche la décision et ses raisons."""
    body = read_text(text)
    with loading():
        engine = engine_for(charter)
        try:
            verdict = engine.check(body)  # the first check loads the detectors' data
        except InvalidCommentError as exc:
            raise fail(str(exc)) from exc
    if as_json:
        sys.stdout.write(json.dumps(verdict.as_dict(), ensure_ascii=False) + "\n")
    else:
        show(Console(), body, verdict)


def register(app: typer.Typer) -> None:
    app.command("check", help="Examine un commentaire selon la charte du site.")(check)
