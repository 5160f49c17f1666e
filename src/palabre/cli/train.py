"""`palabre train`: retrain the learned moderation model from the shipped data.

The training code (`palabre.training`) needs scikit-learn, which only the `train` extra
installs: it is imported here, inside the command, and nowhere else in palabre (an import
contract in pyproject.toml). Without scikit-learn the command stops at once with exit code 2."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from palabre.cli._common import fail, load_config
from palabre.typography import french

if TYPE_CHECKING:
    from palabre.training.datasets import Example

_INSTALL_TRAIN = "pip install 'palabre[train]'"  # a shell command, quotes included

_COMMAND_HELP = (
    "Réentraîne le modèle de modération appris à partir des jeux de données, le compare au "
    "modèle actif sur le jeu dev figé, puis écrit le nouvel artefact dans --out. Le modèle "
    "actif n'est remplacé qu'avec --activate. Nécessite l'extra « train » (scikit-learn)."
)
_DATA_HELP = "Dossier des jeux de données (défaut : $PALABRE_SHARED_DATA ou ../shared/data)."
_OUT_HELP = "Dossier où écrire le nouvel artefact (modèle + manifeste)."
_ACTIVATE_HELP = "Remplacer le modèle actif (livré avec palabre) par le nouveau."
_EXTRA_HELP = (
    'Exemples étiquetés en plus (JSONL : {"text": …, "labels": {"insulte": 1}}), par exemple '
    "des décisions de modérateurs. Ils ne servent qu'à l'entraînement. Répétable."
)


def train_command(
    data: Annotated[Path | None, typer.Option("--data", help=_DATA_HELP)] = None,
    out: Annotated[Path, typer.Option("--out", help=_OUT_HELP)] = Path("build/modele"),
    activate: Annotated[bool, typer.Option("--activate", help=_ACTIVATE_HELP)] = False,
    extra: Annotated[list[Path] | None, typer.Option("--extra", help=_EXTRA_HELP)] = None,
    regularisation: Annotated[
        float, typer.Option("--c", help="Inverse de la régularisation L2 (C).")
    ] = 2.0,
    version: Annotated[
        str | None, typer.Option("--version", help="Version du nouveau modèle (défaut : date).")
    ] = None,
    moderators: Annotated[
        bool,
        typer.Option(
            "--moderateurs/--sans-moderateurs",
            help="Ajouter les décisions des modérateurs enregistrées dans la base.",
        ),
    ] = True,
    config: Annotated[
        Path | None, typer.Option("--config", "-c", help="Configuration (base de données).")
    ] = None,
) -> None:
    """Réentraîne le modèle appris et compare-le au modèle actif sur le jeu dev figé."""
    _require_sklearn()
    from palabre.moderation.model import SHIPPED_DIR, ModelArtefactError, load_model
    from palabre.training.datasets import default_data_dir
    from palabre.training.evaluate import evaluate
    from palabre.training.export import activate as activate_artefact
    from palabre.training.fit import TrainSettings
    from palabre.training.pipeline import run_training, save_run
    from palabre.training.report import print_comparison, print_test

    data_dir = data or default_data_dir()
    extras = list(extra or [])
    typer.echo(f"Entraînement sur {data_dir} …")
    decisions = _moderator_examples(config) if moderators else []
    typer.echo(french(f"Décisions de modérateurs ajoutées : {len(decisions)}"))
    try:
        run = run_training(
            data_dir,
            TrainSettings(regularisation_c=regularisation),
            extras,
            version,
            extra_examples=decisions,
        )
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith(("sklearn", "scipy")):
            raise
        raise _missing_sklearn() from exc
    except FileNotFoundError as exc:
        raise typer.BadParameter(str(exc), param_hint="--data") from exc
    try:
        current = load_model()
        current_report = evaluate(current, run.dev)
        current_version: str | None = current.version
    except ModelArtefactError as exc:
        typer.echo(french(f"Modèle actif illisible ({exc}) : pas de comparaison."))
        current_report, current_version = None, None
    print_comparison(run.dev_report, current_report, run.model.version, current_version)
    print_test(run.test_report)
    directory = save_run(run, data_dir, out, extras)
    typer.echo(f"Nouvel artefact écrit dans {directory} (version {run.model.version}).")
    if activate:
        activate_artefact(directory, SHIPPED_DIR)
        typer.echo(french(f"Modèle actif remplacé : {SHIPPED_DIR}"))
    else:
        typer.echo("Modèle actif inchangé (ajoutez --activate pour le remplacer).")


def _missing_sklearn() -> typer.Exit:
    return fail(
        "l'entraînement a besoin de scikit-learn, qui n'est pas installé : installez l'extra "
        f"« train » ({_INSTALL_TRAIN})."
    )


def _require_sklearn() -> None:
    """Stops with a French message (exit code 2) when scikit-learn cannot be imported."""
    try:
        import sklearn.linear_model  # noqa: F401
    except ImportError as exc:
        raise _missing_sklearn() from exc


def _moderator_examples(config: Path | None) -> list[Example]:
    """This site's moderator decisions, from the configured database (none if there is none)."""
    from palabre.review.learning import moderator_examples
    from palabre.services import open_database
    from palabre.training.datasets import examples_from_pairs

    settings = load_config(config)
    if not settings.database_url and not (settings.data_path / "palabre.sqlite3").exists():
        return []
    database = open_database(settings)  # no secret needed: only the decisions are read
    try:
        with database.session() as session:
            return examples_from_pairs(moderator_examples(session), source="moderateurs")
    finally:
        database.dispose()


def register(app: typer.Typer) -> None:
    app.command(name="train", help=_COMMAND_HELP)(train_command)
