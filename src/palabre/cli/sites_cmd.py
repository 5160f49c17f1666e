"""`palabre site add|list`: the sites this palabre serves and their allowed origins."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy import select

from palabre.cli._common import fail, open_services
from palabre.cli.i18n import FrenchTyper
from palabre.comments.sites import ensure_site, origin_of
from palabre.storage.models import Site
from palabre.typography import french

site_app = FrenchTyper(
    help="Gérer les sites servis et leurs origines autorisées.", no_args_is_help=True
)
ConfigOption = Annotated[
    Path | None, typer.Option("--config", "-c", help="Fichier de configuration TOML.")
]


@site_app.command("add")
def add(
    key: Annotated[str, typer.Argument(help="Identifiant du site (ex. journal).")],
    origin: Annotated[
        list[str], typer.Option("--origin", "-o", help="Origine autorisée (répétable).")
    ],
    name: Annotated[str, typer.Option(help="Nom affiché du site.")] = "",
    auto_create: Annotated[
        bool,
        typer.Option(
            "--auto-create/--no-auto-create",
            help="Créer le fil d'un article au premier commentaire.",
        ),
    ] = True,
    config: ConfigOption = None,
) -> None:
    """Ajoute un site (ou complète ses origines)."""
    origins = [origin_of(o) for o in origin]
    if not key.strip() or len(key) > 64 or not all(origins):
        raise fail(
            "identifiant (64 caractères au plus) ou origine invalide "
            "(attendu : https://hôte[:port])."
        )
    database = open_services(config).db
    with database.session() as session:
        site = ensure_site(session, key, name or key, origins, datetime.now(UTC), auto_create)
        site.auto_create_threads = auto_create
        typer.echo(french(f"Site « {site.key} » : origines {', '.join(site.origins)}"))


@site_app.command("list")
def list_sites(config: ConfigOption = None) -> None:
    """Liste les sites et leurs origines."""
    database = open_services(config).db
    with database.session() as session:
        for site in session.scalars(select(Site).order_by(Site.key)):
            creation = (
                "création automatique des fils" if site.auto_create_threads else "fils déclarés"
            )
            typer.echo(f"{site.key}\t{site.name}\t{', '.join(site.origins)}\t{creation}")


@site_app.command("set")
def set_rules(
    key: Annotated[str, typer.Argument(help="Identifiant du site.")],
    mode: Annotated[
        str | None,
        typer.Option(
            help="Mode de modération : pre, engine ou post (vide = réglage moderation_mode)."
        ),
    ] = None,
    close_after: Annotated[
        int | None,
        typer.Option(help="Fermer un article N jours après son premier commentaire (0 = jamais)."),
    ] = None,
    quota: Annotated[
        int | None,
        typer.Option(help="Commentaires par auteur, par article et par jour (0 = aucune limite)."),
    ] = None,
    quota_length: Annotated[
        int | None,
        typer.Option(
            help="Longueur maximale d'un commentaire, en caractères (0 = aucune limite propre)."
        ),
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Règles d'un site : mode de modération, fermeture automatique, limites par article."""
    from palabre.comments.modes import check_mode
    from palabre.comments.sites import get_site

    database = open_services(config).db
    with database.session() as session:
        site = get_site(session, key)
        if mode is not None:
            site.moderation_mode = check_mode(mode) if mode else None
        if close_after is not None:
            site.close_after_days = max(0, close_after)
        if quota is not None:
            site.quota_per_day = max(0, quota)
        if quota_length is not None:
            site.quota_max_length = max(0, quota_length)
        typer.echo(
            french(
                f"Site « {site.key} » : mode {site.moderation_mode or '(réglage)'}, "
                f"fermeture {site.close_after_days if site.close_after_days is not None else '(réglage)'} j, "
                f"limite {site.quota_per_day if site.quota_per_day is not None else '(réglage)'}/jour, "
                f"{site.quota_max_length if site.quota_max_length is not None else '(réglage)'} caractères"
            )
        )


@site_app.command("article")
def article_rules(
    key: Annotated[str, typer.Argument(help="Identifiant du site.")],
    thread: Annotated[str, typer.Argument(help="Clé de l'article (son URL ou son identifiant).")],
    mode: Annotated[
        str | None,
        typer.Option(
            help="Mode de modération de cet article : pre, engine ou post (vide = celui du site)."
        ),
    ] = None,
    closed: Annotated[
        bool | None,
        typer.Option("--close/--open", help="Fermer ou rouvrir les commentaires de l'article."),
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Règles d'un article : son mode de modération, fermer ou rouvrir ses commentaires."""
    from palabre.comments.controls import set_closed
    from palabre.comments.modes import check_mode
    from palabre.comments.sites import find_thread, get_site
    from palabre.errors import PalabreError

    database = open_services(config).db
    with database.session() as session:
        found = find_thread(session, get_site(session, key), thread)
        if found is None:
            raise PalabreError("fil_inconnu", params={"thread": thread[:200]})
        if mode is not None:
            found.moderation_mode = check_mode(mode) if mode else None
        if closed is not None:
            set_closed(found, closed, datetime.now(UTC))
        state = "fermé" if found.closed_at else "ouvert"
        typer.echo(
            french(f"Article « {found.key} » : {state}, mode {found.moderation_mode or '(site)'}")
        )


def register(app: typer.Typer) -> None:
    app.add_typer(site_app, name="site")


__all__ = ["register"]
