"""French for the strings that click and Typer print themselves (usage, panels, errors).

Both look their strings up through `gettext` at call time (click) or once at import (Typer's
panel titles); palabre ships no gettext catalog, so the French is given here and installed on the
modules' `_` when the CLI starts. `PALABRE_LOCALE=en` keeps the English."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, Final

FRENCH: Final[dict[str, str]] = {
    "Show this message and exit.": "Affiche cette aide et quitte.",
    "Usage:": "Utilisation :",
    "Options": "Options",
    "Commands": "Commandes",
    "Arguments": "Arguments",
    "Error": "Erreur",
    "Error: {message}": "Erreur : {message}",
    "Aborted!": "Interrompu.",
    "Aborted.": "Interrompu.",
    "Missing argument": "Argument manquant",
    "Missing option": "Option manquante",
    "Missing parameter": "Paramètre manquant",
    "Missing parameter: {param_name}": "Paramètre manquant : {param_name}",
    "Missing command.": "Commande manquante.",
    "Missing {param_type}": "{param_type} manquant",
    "No such command {name!r}.": "Commande inconnue : {name!r}.",
    "No such option {name!r}.": "Option inconnue : {name!r}.",
    "Invalid value for {param_hint}: {message}": "Valeur invalide pour {param_hint} : {message}",
    "Invalid value: {message}": "Valeur invalide : {message}",
    "Try '{command} {option}' for help.": "Essayez « {command} {option} » pour l'aide.",
    "Do you want to continue?": "Voulez-vous continuer ?",
    "Confirm the action without prompting.": "Confirme l'action sans la demander.",
    "Could not open file {filename!r}: {message}": "Impossible d'ouvrir {filename!r} : {message}",
    "[required]": "[obligatoire]",
    "[default: {}]": "[défaut : {}]",
    "[env var: {}]": "[variable : {}]",
    "(deprecated) ": "(obsolète) ",
    "default: {default}": "défaut : {default}",
    "env var: {var}": "variable : {var}",
    "Try [blue]'{command_path} {help_option}'[/] for help.":
        "Essayez [blue]« {command_path} {help_option} »[/] pour l'aide.",
}

_TYPER_CONSTANTS: Final[dict[str, str]] = {
    "REQUIRED_LONG_STRING": "[required]",
    "DEFAULT_STRING": "[default: {}]",
    "ENVVAR_STRING": "[env var: {}]",
    "DEPRECATED_STRING": "(deprecated) ",
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commands",
    "ERRORS_PANEL_TITLE": "Error",
    "ABORTED_TEXT": "Aborted.",
    "RICH_HELP": "Try [blue]'{command_path} {help_option}'[/] for help.",
}


def _translate(message: str) -> str:
    return FRENCH.get(message, message)


def install_french() -> None:
    """Apply French unless the administrator asked for English."""
    if os.environ.get("PALABRE_LOCALE", "fr").lower().startswith("en"):
        return
    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import typer.rich_utils

    translate: Callable[[str], str] = _translate
    for module in (click.core, click.decorators, click.exceptions, click.formatting,
                   typer.rich_utils):
        module._ = translate  # type: ignore[attr-defined]
    for name, english in _TYPER_CONSTANTS.items():
        setattr(typer.rich_utils, name, FRENCH[english])
    _patch_vendored_click()


def _patch_vendored_click() -> None:
    """Typer vendors a copy of click whose help option and usage prefix are plain English
    literals; wrap the two functions that print them. Skipped if a Typer release moves them."""
    try:
        from typer._click import decorators, formatting
    except ImportError:  # pragma: no cover - another Typer layout
        return
    original_help = decorators.help_option
    original_usage = formatting.HelpFormatter.write_usage
    if getattr(original_help, "_palabre_french", False):
        return

    def help_option(param_decls: list[str]) -> Any:
        make = original_help(param_decls)

        def apply(command: Any) -> Any:
            result = make(command)
            command.params[-1].help = FRENCH["Show this message and exit."]
            return result

        return apply

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        original_usage(self, prog, args, "Utilisation : " if prefix is None else prefix)

    help_option._palabre_french = True  # type: ignore[attr-defined]
    decorators.help_option = help_option
    formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]
