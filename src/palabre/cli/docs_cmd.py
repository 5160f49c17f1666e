"""`palabre docs`: rewrite the documentation sections generated from the code."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def docs(
    root: Annotated[Path, typer.Option(help="Racine du dépôt.")] = Path("."),
) -> None:
    """Régénère les tableaux de la documentation (réglages, codes d'erreur)."""
    from palabre.cli.docs_gen import regenerate

    changed = regenerate(root)
    typer.echo("Mis à jour : " + ", ".join(changed) if changed else "Documentation à jour.")


def register(app: typer.Typer) -> None:
    app.command("docs", hidden=True)(docs)
