"""`palabre site add|list`: the sites this palabre serves and their allowed origins."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy import select

from palabre.comments.sites import ensure_site, origin_of
from palabre.settings import load_settings
from palabre.storage.db import Database
from palabre.storage.migrate import upgrade
from palabre.storage.models import Site

site_app = typer.Typer(help="Gérer les sites servis et leurs origines autorisées.",
                       no_args_is_help=True)
ConfigOption = Annotated[
    Path | None, typer.Option("--config", "-c", help="Fichier de configuration TOML.")
]


def _database(config: Path | None) -> Database:
    database = Database(load_settings(config).resolved_database_url)
    upgrade(database.engine)
    return database


@site_app.command("add")
def add(
    key: Annotated[str, typer.Argument(help="Identifiant du site (ex. journal).")],
    origin: Annotated[
        list[str], typer.Option("--origin", "-o", help="Origine autorisée (répétable).")
    ],
    name: Annotated[str, typer.Option(help="Nom affiché du site.")] = "",
    auto_create: Annotated[
        bool, typer.Option("--auto-create/--no-auto-create",
                           help="Créer le fil d'un article au premier commentaire.")
    ] = True,
    config: ConfigOption = None,
) -> None:
    """Ajoute un site (ou complète ses origines)."""
    origins = [origin_of(o) for o in origin]
    if not key.strip() or len(key) > 64 or not all(origins):
        typer.echo("Erreur : identifiant (64 caractères au plus) ou origine invalide "
                   "(attendu : https://hôte[:port]).", err=True)
        raise typer.Exit(2)
    database = _database(config)
    with database.session() as session:
        site = ensure_site(session, key, name or key, origins, datetime.now(UTC), auto_create)
        site.auto_create_threads = auto_create
        typer.echo(f"Site « {site.key} » : origines {', '.join(site.origins)}")


@site_app.command("list")
def list_sites(config: ConfigOption = None) -> None:
    """Liste les sites et leurs origines."""
    database = _database(config)
    with database.session() as session:
        for site in session.scalars(select(Site).order_by(Site.key)):
            creation = "création automatique des fils" if site.auto_create_threads else "fils déclarés"
            typer.echo(f"{site.key}\t{site.name}\t{', '.join(site.origins)}\t{creation}")


def register(app: typer.Typer) -> None:
    app.add_typer(site_app, name="site")


__all__ = ["register"]
