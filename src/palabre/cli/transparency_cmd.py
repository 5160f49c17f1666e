"""`palabre rapport-transparence`: the transparency report of a period (DSA art. 15 and 24)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy import select

from palabre.cli._common import fail, open_services
from palabre.csv_format import csv_text, separator
from palabre.legal import transparency
from palabre.storage.models import Site

FORMATS = ("texte", "csv", "json")


def _day(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise fail(
            f"date invalide pour {option} : « {value[:40]} » (attendu : AAAA-MM-JJ)."
        ) from None


def rapport_transparence(
    du: Annotated[str, typer.Option("--du", help="Premier jour de la période (AAAA-MM-JJ).")],
    au: Annotated[str, typer.Option("--au", help="Dernier jour de la période (AAAA-MM-JJ).")],
    site: Annotated[str | None, typer.Option("--site", "-s", help="Seulement ce site.")] = None,
    format_: Annotated[
        str, typer.Option("--format", "-f", help="texte (défaut), csv ou json.")
    ] = "texte",
    sep: Annotated[
        str,
        typer.Option(
            "--separateur", help="Pour le CSV : point-virgule (défaut), virgule ou tabulation."
        ),
    ] = "point-virgule",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Fichier à écrire (par défaut : la sortie standard)."),
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", "-c", help="Fichier de configuration TOML.")
    ] = None,
) -> None:
    """Rapport de transparence d'une période (DSA, art. 15 et 24).

    Signalements par catégorie, décisions par motif et par caractère automatisé ou humain,
    délais médians de traitement, recours et décisions annulées."""
    since, until = _day(du, "--du"), _day(au, "--au")
    if until < since:
        raise fail("la période est vide : --au précède --du.")
    if format_ not in FORMATS:
        raise fail(f"format inconnu : « {format_[:20]} » (texte, csv ou json).")
    database = open_services(config).db
    try:
        with database.session() as session:
            site_ids = None
            if site is not None:
                found = session.scalar(select(Site.id).where(Site.key == site))
                if found is None:
                    raise fail(f"site inconnu : « {site[:64]} ».")
                site_ids = frozenset({found})
            report = transparency.compute(
                transparency.load(session, since, until, site_ids), since, until, site
            )
    finally:
        database.dispose()
    if format_ == "json":
        data = (json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n").encode()
    elif format_ == "csv":
        data = csv_text(report.csv_rows(), separator(sep)).encode("utf-8")
    else:
        data = report.text().encode("utf-8")
    if output is None:
        typer.echo(data, nl=False)  # bytes: CSV line ends are kept as CRLF
        return
    try:
        output.write_bytes(data)
    except OSError as exc:
        raise fail(f"écriture impossible dans {output} : {exc.strerror or exc}") from exc
    typer.echo(f"Rapport de transparence écrit dans {output}.")


def register(app: typer.Typer) -> None:
    app.command("rapport-transparence")(rapport_transparence)


__all__ = ["register"]
