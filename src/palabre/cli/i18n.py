"""French for the strings that click and Typer print themselves (usage, panels, errors).

palabre's commands and groups are its own classes (`FrenchTyper` makes them): `FrenchGroup`
raises click's errors, written as English f-strings, again in French before Typer prints them;
`FrenchCommand` and `FrenchGroup` give their help texts French typography, write the usage line
and `--help` in French and show no type for a flag. Nothing of click's or Typer's functions is
replaced (tests/core/test_no_patching.py).

Two things have no hook but module data, and are still set: the strings click and Typer look
up through `gettext` (palabre ships no gettext catalog, so the French is given to the modules'
`_`) when the CLI starts (`install_french`), and Typer's panel titles and markers, constants of
`typer.rich_utils` that its help and error printers read. Typer imports `rich_utils` (rich's
Markdown and tracebacks: ~0.07 s) only to print help or an error, so these are set by palabre's
classes just before Typer prints either (`french_rich_utils`): a command that prints neither,
`palabre check`, does not import it. `PALABRE_LOCALE=en` keeps the English."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Final

import typer
from typer._click.core import Command, Context  # Typer's own copy of click
from typer._click.exceptions import ClickException, UsageError
from typer._click.formatting import HelpFormatter
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption
from typer.exceptions import Abort
from typer.models import CommandFunctionType

from palabre.typography import french

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
    "No such command {name!r}.": "Commande inconnue : « {name} ».",
    "Show the version and exit.": "Affiche la version et quitte.",
    "No such option {name!r}.": "Option inconnue : « {name} ».",
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
    "Try [blue]'{command_path} {help_option}'[/] for help.": "Essayez [blue]« {command_path} {help_option} »[/] pour l'aide.",
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
    return french(FRENCH.get(message, message))


def speaks_french() -> bool:
    """French, unless the administrator asked for English (`PALABRE_LOCALE=en`)."""
    return not os.environ.get("PALABRE_LOCALE", "fr").lower().startswith("en")


def install_french() -> None:
    """The French of the strings looked up through `gettext` and of Typer's panel titles,
    unless the administrator asked for English."""
    if not speaks_french():
        return
    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import typer.core

    translate: Callable[[str], str] = _translate
    for module in (click.core, click.decorators, click.exceptions, click.formatting, typer.core):
        module._ = translate  # type: ignore[attr-defined]
    if "typer.rich_utils" in sys.modules:  # imported already: in French now
        french_rich_utils()


def french_rich_utils() -> None:
    """The French of Typer's `rich_utils` (its `_`, panel titles and markers), imported now if
    it is not yet: what palabre's groups and commands call before Typer prints help or an
    error with it."""
    if not speaks_french():
        return
    import typer.rich_utils

    typer.rich_utils._ = _translate  # type: ignore[attr-defined]
    for name, english in _TYPER_CONSTANTS.items():
        setattr(typer.rich_utils, name, french(FRENCH[english]))


# Typer's vendored click writes its errors as English f-strings: they are put in French here.
_ERRORS: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (re.compile(r"^Missing argument '([^']*)'\.(.*)$", re.S), "Argument manquant : « \\1 ».\\2"),
    (re.compile(r"^Missing option '([^']*)'\.(.*)$", re.S), "Option manquante : « \\1 ».\\2"),
    (
        re.compile(r"^Missing (?:parameter|argument|option)(.*)\.(.*)$", re.S),
        "Paramètre manquant\\1.\\2",
    ),
    (re.compile(r"^No such option: (.*)$", re.S), "Option inconnue : \\1"),
    (re.compile(r"^No such command '([^']*)'\.?$", re.S), "Commande inconnue : « \\1 »."),
    (
        re.compile(r"^Invalid value for '([^']*)': (.*)$", re.S),
        "Valeur invalide pour « \\1 » : \\2",
    ),
    (re.compile(r"^Invalid value: (.*)$", re.S), "Valeur invalide : \\1"),
    (
        re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((.*)\)$", re.S),
        "Argument en trop : \\1",
    ),
    (
        re.compile(r"^Option '([^']*)' requires an argument\.$"),
        "L'option « \\1 » attend une valeur.",
    ),
)


def french_error(message: str) -> str:
    for pattern, replacement in _ERRORS:
        if pattern.match(message):
            return french(pattern.sub(replacement, message))
    return message


def in_french(error: ClickException) -> ClickException:
    """`error` with its message in French: a new error of the same kind (usage error or not,
    same exit code, same context), or `error` itself when there is nothing to translate."""
    message = error.format_message()
    translated = french_error(message)
    if translated == message:
        return error
    if isinstance(error, UsageError):
        french_usage = UsageError(translated, ctx=error.ctx)
        french_usage.exit_code = error.exit_code
        return french_usage
    plain = ClickException(translated)
    plain.exit_code = error.exit_code
    return plain


class FrenchGroup(TyperGroup):
    """palabre's command groups: the errors of parsing and of the commands below, at any
    depth, are raised again in French before Typer prints them; their help as
    `FrenchCommand`'s."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        _french_help(self)

    def get_help_option(self, ctx: Context) -> TyperOption | None:
        return _french_help_option(super().get_help_option(ctx))

    def format_usage(self, ctx: Context, formatter: HelpFormatter) -> None:
        _french_usage(self, ctx, formatter)

    def format_help(self, ctx: Context, formatter: HelpFormatter) -> None:
        french_rich_utils()
        super().format_help(ctx, formatter)

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: Context | None = None,
        **extra: Any,
    ) -> Context:
        with _errors_in_french():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: Context) -> Any:
        with _errors_in_french():
            return super().invoke(ctx)


class FrenchCommand(TyperCommand):
    """palabre's commands: help texts with French typography, the usage line and `--help`
    in French, no type shown for a flag (`--help <bool>`: a flag takes no value). Their
    errors: `FrenchGroup`."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        _french_help(self)

    def get_help_option(self, ctx: Context) -> TyperOption | None:
        return _french_help_option(super().get_help_option(ctx))

    def format_usage(self, ctx: Context, formatter: HelpFormatter) -> None:
        _french_usage(self, ctx, formatter)

    def format_help(self, ctx: Context, formatter: HelpFormatter) -> None:
        french_rich_utils()
        super().format_help(ctx, formatter)


class FrenchTyper(typer.Typer):
    """A Typer whose groups and commands are palabre's (`FrenchGroup`, `FrenchCommand`), unless
    a `cls` is given."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("cls", FrenchGroup)
        super().__init__(**kwargs)

    def command(
        self, name: str | None = None, *, cls: type[TyperCommand] | None = None, **kwargs: Any
    ) -> Callable[[CommandFunctionType], CommandFunctionType]:
        return super().command(name, cls=cls or FrenchCommand, **kwargs)


def _french_help(command: Command) -> None:
    """The help texts of `command` and of its parameters with French typography (the
    typographic apostrophe, no-break spaces before « : ; ! ? » and inside « »), and no type
    for its flags."""
    if not speaks_french():
        return
    command.help = french(command.help) if command.help else command.help
    command.short_help = french(command.short_help) if command.short_help else command.short_help
    command.epilog = french(command.epilog) if command.epilog else command.epilog
    for param in command.params:
        if isinstance(param, TyperOption | TyperArgument) and param.help:
            param.help = french(param.help)
        if isinstance(param, TyperOption):
            _flag_without_type(param)


def _french_help_option(option: TyperOption | None) -> TyperOption | None:
    """`--help`, which click creates with an English help text and Typer shows with a type."""
    if option is not None and speaks_french():
        option.help = _translate("Show this message and exit.")
        _flag_without_type(option)
    return option


def _flag_without_type(option: TyperOption) -> None:
    """A flag's empty metavar, which Typer shows instead of its type: what
    `typer.Option(metavar="")` would say, for every flag of palabre's commands at once."""
    if option.is_flag and option.metavar is None:
        option.metavar = ""


def _french_usage(command: Command, ctx: Context, formatter: HelpFormatter) -> None:
    """click's `format_usage`, with the prefix in French."""
    prefix = french("Utilisation : ") if speaks_french() else None
    pieces = command.collect_usage_pieces(ctx)
    formatter.write_usage(ctx.command_path, " ".join(pieces), prefix)


@contextmanager
def _errors_in_french() -> Iterator[None]:
    try:
        yield
    except ClickException as error:
        french_rich_utils()  # Typer prints it with rich_utils
        translated = in_french(error) if speaks_french() else error
        if translated is error:
            raise
        raise translated from error
    except (Abort, EOFError):  # « Interrompu. », printed by rich_utils too
        french_rich_utils()
        raise
