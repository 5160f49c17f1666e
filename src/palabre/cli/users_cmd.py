"""`palabre user add|list|disable`: the moderation dashboard's accounts."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from palabre.cli._common import fail, open_services
from palabre.cli.i18n import FrenchTyper
from palabre.errors import PalabreError
from palabre.review.accounts import (
    create_account,
    disable_account,
    list_accounts,
    set_password,
)
from palabre.typography import french

user_app = FrenchTyper(
    help="Gérer les comptes de modération (modérateurs, administrateurs).", no_args_is_help=True
)
ConfigOption = Annotated[
    Path | None, typer.Option("--config", "-c", help="Fichier de configuration TOML.")
]


@user_app.command("add")
def add(
    email: Annotated[str, typer.Argument(help="Adresse e-mail (identifiant de connexion).")],
    role: Annotated[str, typer.Option(help="moderateur (rattaché à des sites) ou admin.")] = (
        "moderateur"
    ),
    site: Annotated[
        list[str] | None, typer.Option("--site", "-s", help="Site modéré (répétable).")
    ] = None,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Lire le mot de passe sur l'entrée standard.")
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Crée un compte ; le mot de passe est demandé (ou lu sur l'entrée standard)."""
    password = _read_password(password_stdin, "Mot de passe")
    database = open_services(config).db
    try:
        with database.session() as session:
            account = create_account(session, email, password, role, site or [], datetime.now(UTC))
            typer.echo(
                french(
                    f"Compte créé : {account.email} ({account.role})"
                    + (f", sites : {', '.join(site)}" if site else "")
                )
            )
    except PalabreError as error:
        raise fail(error) from None
    finally:
        database.dispose()


@user_app.command("list")
def list_users(config: ConfigOption = None) -> None:
    """Liste les comptes, leur rôle, leurs sites et leur état."""
    database = open_services(config).db
    with database.session() as session:
        for account, sites in list_accounts(session):
            state = "désactivé" if account.disabled else "actif"
            scope = "tous les sites" if account.role == "admin" else ", ".join(sites) or "—"
            typer.echo(f"{account.email}\t{account.role}\t{scope}\t{state}")
    database.dispose()


@user_app.command("disable")
def disable(
    email: Annotated[str, typer.Argument(help="Adresse e-mail du compte.")],
    config: ConfigOption = None,
) -> None:
    """Désactive un compte : ses sessions ne valent plus rien, il ne peut plus se connecter."""
    database = open_services(config).db
    try:
        with database.session() as session:
            account = disable_account(session, email)
            typer.echo(french(f"Compte désactivé : {account.email}"))
    except PalabreError as error:
        raise fail(error) from None
    finally:
        database.dispose()


def _read_password(from_stdin: bool, prompt: str) -> str:
    """One line of standard input, or a hidden prompt with confirmation."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    answer: str = typer.prompt(
        prompt, hide_input=True, confirmation_prompt="Confirmez le mot de passe"
    )
    return answer


@user_app.command("password")
def password(
    email: Annotated[str, typer.Argument(help="Adresse e-mail du compte.")],
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Lire le mot de passe sur l'entrée standard.")
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Change le mot de passe d'un compte et ferme toutes ses sessions ouvertes."""
    new = _read_password(password_stdin, "Nouveau mot de passe")
    database = open_services(config).db
    try:
        with database.session() as session:
            account = set_password(session, email, new)
            typer.echo(french(f"Mot de passe changé, sessions fermées : {account.email}"))
    except PalabreError as error:
        raise fail(error) from None
    finally:
        database.dispose()


def register(app: typer.Typer) -> None:
    app.add_typer(user_app, name="user")


__all__ = ["register"]
