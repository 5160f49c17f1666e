"""Pydantic's validation errors in the reader's words: one French (and English) sentence per
error type, so no English library message ever reaches a French reader."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# error type -> (French, English); `{…}` are filled from the error's context (ctx)
MESSAGES: dict[str, tuple[str, str]] = {
    "missing": ("ce champ est obligatoire", "this field is required"),
    "string_type": ("un texte est attendu", "a text is expected"),
    "string_too_short": (
        "au moins {min_length} caractère(s) attendu(s)",
        "at least {min_length} character(s)",
    ),
    "string_too_long": ("au plus {max_length} caractères", "at most {max_length} characters"),
    "string_pattern_mismatch": ("format non reconnu", "unrecognised format"),
    "int_type": ("un nombre entier est attendu", "a whole number is expected"),
    "int_parsing": ("un nombre entier est attendu", "a whole number is expected"),
    "int_from_float": ("un nombre entier est attendu", "a whole number is expected"),
    "float_type": ("un nombre est attendu", "a number is expected"),
    "float_parsing": ("un nombre est attendu", "a number is expected"),
    "bool_type": ("vrai ou faux est attendu", "true or false is expected"),
    "bool_parsing": ("vrai ou faux est attendu", "true or false is expected"),
    "greater_than_equal": ("doit valoir au moins {ge}", "must be at least {ge}"),
    "greater_than": ("doit être supérieur à {gt}", "must be greater than {gt}"),
    "less_than_equal": ("doit valoir au plus {le}", "must be at most {le}"),
    "less_than": ("doit être inférieur à {lt}", "must be less than {lt}"),
    "literal_error": ("valeur attendue : {expected}", "expected value: {expected}"),
    "enum": ("valeur attendue : {expected}", "expected value: {expected}"),
    "list_type": ("une liste est attendue", "a list is expected"),
    "too_long": ("au plus {max_length} éléments", "at most {max_length} items"),
    "too_short": ("au moins {min_length} élément(s)", "at least {min_length} item(s)"),
    "dict_type": ("un objet JSON est attendu", "a JSON object is expected"),
    "model_type": ("un objet JSON est attendu", "a JSON object is expected"),
    "model_attributes_type": ("un objet JSON est attendu", "a JSON object is expected"),
    "extra_forbidden": ("champ non prévu", "unexpected field"),
    "string_unicode": ("texte non valide", "invalid text"),
}
DEFAULT = ("valeur non valide", "invalid value")


def describe(error: Mapping[str, Any]) -> tuple[str, str]:
    """(French, English) description of one Pydantic error, never Pydantic's own English text."""
    fr, en = MESSAGES.get(str(error.get("type", "")), DEFAULT)
    ctx = {k: _plain(v) for k, v in dict(error.get("ctx") or {}).items()}
    try:
        return fr.format(**ctx), en.format(**ctx)
    except (KeyError, IndexError, ValueError):
        return DEFAULT


def _plain(value: object) -> str:
    return str(value).replace("'", "")
