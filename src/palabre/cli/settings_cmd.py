"""`palabre settings`: show the resolved settings (secrets masked) or the docs table."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from palabre.settings import load_settings, settings_markdown


def settings(
    config: Annotated[
        Path | None, typer.Option("--config", "-c", help="Fichier de configuration TOML.")
    ] = None,
    markdown: Annotated[
        bool, typer.Option("--markdown", help="Imprime le tableau de la documentation.")
    ] = False,
) -> None:
    """Affiche les réglages en vigueur (secrets masqués)."""
    if markdown:
        typer.echo(settings_markdown(), nl=False)
        return
    for name, value in load_settings(config).masked().items():
        typer.echo(f"{name} = {value!r}")


def register(app: typer.Typer) -> None:
    app.command("settings")(settings)
