"""`palabre export`, `palabre export-audit` and `palabre remoderate`."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from palabre.cli._common import (
    EXIT_FAILURE,
    EXIT_USAGE,
    engine_for,
    err_console,
    fail,
    open_services,
)
from palabre.cli.import_cmd import ConfigOption
from palabre.csv_format import separator
from palabre.errors import PalabreError
from palabre.interop.export import audit_csv, export_site
from palabre.interop.remoderate import remoderate
from palabre.typography import french

SiteOption = Annotated[str, typer.Option("--site", "-s", help="Site à exporter.")]


def export(
    site: SiteOption,
    output: Annotated[Path, typer.Option("--output", "-o", help="Fichier JSON à écrire.")],
    config: ConfigOption = None,
) -> None:
    """Exporte toutes les données d'un site en JSON (format « palabre-export », version 1)."""
    database = open_services(config, EXIT_FAILURE).db
    try:
        data = export_site(database, site, datetime.now(UTC))
        output.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except PalabreError as exc:
        raise fail(exc, EXIT_FAILURE) from exc
    except OSError as exc:
        raise fail(
            f"écriture impossible dans {output} : {exc.strerror or exc}", EXIT_FAILURE
        ) from exc
    finally:
        database.dispose()
    typer.echo(
        french(
            f"Site « {site} » exporté dans {output} : {len(data['threads'])} fil(s), "
            f"{len(data['comments'])} commentaire(s), {len(data['audit'])} ligne(s) d'audit."
        )
    )


def export_audit(
    site: SiteOption,
    output: Annotated[Path, typer.Option("--output", "-o", help="Fichier CSV à écrire.")],
    config: ConfigOption = None,
    sep: Annotated[
        str,
        typer.Option(
            "--separateur", help="Séparateur : point-virgule (défaut), virgule ou tabulation."
        ),
    ] = "point-virgule",
) -> None:
    """Exporte le journal d'audit d'un site en CSV (UTF-8 avec BOM, « ; », pour Excel)."""
    database = open_services(config, EXIT_FAILURE).db
    try:
        output.write_bytes(audit_csv(database, site, separator(sep)))
    except PalabreError as exc:
        raise fail(exc, EXIT_FAILURE) from exc
    except OSError as exc:
        raise fail(
            f"écriture impossible dans {output} : {exc.strerror or exc}", EXIT_FAILURE
        ) from exc
    finally:
        database.dispose()
    typer.echo(french(f"Journal d'audit du site « {site} » écrit dans {output}."))


def parse_since(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise PalabreError("date_invalide", params={"value": value[:40]}) from exc
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed


def remoderate_command(
    site: Annotated[str | None, typer.Option("--site", "-s", help="Seulement ce site.")] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since", help="Seulement les commentaires publiés depuis cette date (AAAA-MM-JJ)."
        ),
    ] = None,
    charter: Annotated[
        Path | None,
        typer.Option("--charter", help="Fichier de charte TOML (par défaut : la charte livrée)."),
    ] = None,
    apply: Annotated[
        bool,
        typer.Option(
            "--apply",
            help="Appliquer : mettre en attente ou retirer ce qui enfreint la charte. "
            "Sans cette option, rien n'est modifié.",
        ),
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Repasse les commentaires publiés (importés ou non) à la charte actuelle."""
    try:
        since_date = parse_since(since)
    except PalabreError as exc:
        raise fail(exc, EXIT_USAGE) from exc
    engine = engine_for(charter)
    database = open_services(config, EXIT_FAILURE).db
    try:
        with Progress(
            TextColumn("Re-modération"),
            BarColumn(),
            MofNCompleteColumn(),
            console=err_console,
            transient=True,
        ) as progress:
            task = progress.add_task("Re-modération", total=None)
            report = remoderate(
                database,
                engine,
                site=site,
                since=since_date,
                apply=apply,
                now=datetime.now(UTC),
                progress=lambda done, total: progress.update(task, completed=done, total=total),
            )
    except PalabreError as exc:
        raise fail(exc, EXIT_FAILURE) from exc
    finally:
        database.dispose()
    typer.echo("\n".join(report.lines()))


def register(app: typer.Typer) -> None:
    app.command("export")(export)
    app.command("export-audit")(export_audit)
    app.command("remoderate")(remoderate_command)


__all__ = ["register"]
