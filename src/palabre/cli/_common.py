"""Helpers shared by the moderation commands: engine for a charter file, French errors."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from palabre.moderation.charter import CharterError, load_charter
from palabre.moderation.charter_engine import CharterEngine, build_engine, default_engine
from palabre.typography import french

EXIT_USAGE = 2
err_console = Console(stderr=True, highlight=False)


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """Prints a French error on stderr and returns the exit to raise."""
    err_console.print(f"[bold red]Erreur\u00a0:[/] {french(message)}", markup=True)
    return typer.Exit(code)


def engine_for(charter: Path | None) -> CharterEngine:
    """The default engine, or one for the charter file given (errors exit with code 2)."""
    if charter is None:
        return default_engine()
    try:
        return build_engine(load_charter(charter))
    except CharterError as exc:
        raise fail(str(exc)) from exc
