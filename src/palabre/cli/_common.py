"""Helpers shared by the commands: the one error path (a French message on stderr, an exit
code), palabre's parts built from the configuration (`palabre.services`), the engine for a
charter file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.text import Text

from palabre.errors import PalabreError
from palabre.moderation.charter import CharterError, load_charter
from palabre.moderation.charter_engine import CharterEngine, build_engine, default_engine
from palabre.typography import french

if TYPE_CHECKING:  # `palabre check` loads neither the database nor the services
    from palabre.services import Services
    from palabre.settings import Settings

EXIT_FAILURE = 1  # the work could not be done (a file, the database, an import)
EXIT_USAGE = 2  # what was asked is wrong (an argument, an unknown name, a refused action)
err_console = Console(stderr=True, highlight=False)


def fail(message: str | PalabreError, code: int = EXIT_USAGE) -> typer.Exit:
    """The CLI's one error path: prints a French error on stderr and returns the exit to
    raise (`raise fail(...)`)."""
    text = message.message("fr") if isinstance(message, PalabreError) else message
    line = Text.assemble(("Erreur\u00a0: ", "bold red"), french(text))
    err_console.print(line, soft_wrap=True)
    return typer.Exit(code)


def open_services(
    config: Path | None, code: int = EXIT_USAGE, *, migrate: bool = True, **overrides: Any
) -> Services:
    """palabre's parts for this configuration file (`palabre.services.build`); a configuration
    or database error exits with `code`."""
    from palabre.services import build

    try:
        return build(load_config(config, code, **overrides), migrate=migrate)
    except PalabreError as exc:
        raise fail(exc, code) from exc


def load_config(config: Path | None, code: int = EXIT_USAGE, **overrides: Any) -> Settings:
    """The settings of this configuration file; an error exits with `code`."""
    from palabre.settings import load_settings

    given: dict[str, Any] = {k: v for k, v in overrides.items() if v is not None}
    try:
        return load_settings(config, **given)
    except PalabreError as exc:
        raise fail(exc, code) from exc


def engine_for(charter: Path | None) -> CharterEngine:
    """The default engine, or one for the charter file given (errors exit with code 2)."""
    if charter is None:
        return default_engine()
    try:
        return build_engine(load_charter(charter))
    except CharterError as exc:
        raise fail(str(exc)) from exc
