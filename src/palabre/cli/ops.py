"""Operations: `palabre backup`, `palabre restore`, `palabre gdpr export|erase|purge`."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from palabre.cli._common import EXIT_FAILURE, fail, load_config, open_services
from palabre.cli.i18n import FrenchTyper
from palabre.typography import french

ConfigOption = Annotated[
    Path | None, typer.Option("--config", "-c", help="Fichier de configuration TOML.")
]
gdpr_app = FrenchTyper(
    help="RGPD : exporter, effacer, oublier les empreintes d'IP.", no_args_is_help=True
)


def backup_cmd(
    target: Annotated[Path, typer.Argument(help="Fichier de sauvegarde à écrire.")],
    config: ConfigOption = None,
) -> None:
    """Sauvegarde la base (SQLite : en ligne ; PostgreSQL : pg_dump)."""
    from palabre.storage.backup import BackupError, backup

    try:
        backup(load_config(config).resolved_database_url, target)
    except BackupError as exc:
        raise fail(str(exc), EXIT_FAILURE) from None
    typer.echo(french(f"Sauvegarde écrite : {target} ({target.stat().st_size} octets)"))


def restore_cmd(
    source: Annotated[Path, typer.Argument(help="Fichier de sauvegarde à restaurer.")],
    config: ConfigOption = None,
    yes: Annotated[bool, typer.Option("--yes", help="Ne pas demander de confirmation.")] = False,
) -> None:
    """Remplace le contenu de la base par la sauvegarde (arrêtez le serveur d'abord)."""
    from palabre.storage.backup import BackupError, restore

    if not yes and not typer.confirm("Remplacer tout le contenu de la base ?"):
        raise typer.Exit(1)
    try:
        restore(load_config(config).resolved_database_url, source)
    except BackupError as exc:
        raise fail(str(exc), EXIT_FAILURE) from None
    typer.echo("Base restaurée.")


@gdpr_app.command("export")
def gdpr_export(
    email: Annotated[str, typer.Argument(help="Adresse e-mail de la personne.")],
    output: Annotated[Path | None, typer.Option(help="Fichier JSON (défaut : sortie).")] = None,
    config: ConfigOption = None,
) -> None:
    """Exporte tout ce que palabre conserve sur une adresse e-mail."""
    from palabre.comments.privacy import export_person

    with open_services(config).db.session() as session:
        data = json.dumps(export_person(session, email), ensure_ascii=False, indent=2)
    if output:
        output.write_text(data + "\n", encoding="utf-8")
        typer.echo(french(f"Export écrit : {output}"))
    else:
        typer.echo(data)


@gdpr_app.command("erase")
def gdpr_erase(
    email: Annotated[str, typer.Argument(help="Adresse e-mail de la personne.")],
    config: ConfigOption = None,
    yes: Annotated[bool, typer.Option("--yes", help="Ne pas demander de confirmation.")] = False,
) -> None:
    """Efface les commentaires d'une adresse (pierres tombales conservées) et ses abonnements."""
    from palabre.comments.privacy import erase_person

    if not yes and not typer.confirm(f"Effacer toutes les données de {email} ?"):
        raise typer.Exit(1)
    with open_services(config).db.session() as session:
        count = erase_person(session, email, datetime.now(UTC))
    typer.echo(f"{count} commentaire(s) effacé(s) pour {email}.")


@gdpr_app.command("purge")
def gdpr_purge(config: ConfigOption = None) -> None:
    """Oublie les empreintes d'IP plus anciennes que le réglage ip_retention_days."""
    from palabre.comments.privacy import purge_ip_fingerprints

    services = open_services(config)
    with services.db.session() as session:
        count = purge_ip_fingerprints(
            session, datetime.now(UTC), services.settings.ip_retention_days
        )
    typer.echo(french(f"{count} empreinte(s) d'IP oubliée(s)."))


def register(app: typer.Typer) -> None:
    app.command("backup")(backup_cmd)
    app.command("restore")(restore_cmd)
    app.add_typer(gdpr_app, name="gdpr")
