"""Parses and validates a charter TOML document (French keys, French error messages)."""

from __future__ import annotations

import re
import tomllib
from typing import Any, cast

from palabre.moderation.charter_types import (
    STRICTNESS_LEVELS,
    Charter,
    CharterError,
    Clause,
    Strictness,
    Threshold,
)
from palabre.moderation.findings import CATEGORIES, Category

_TOML_LINE = re.compile(r"at line (\d+)")
_TOP_KEYS = frozenset(
    ("version", "nom", "preambule", "mentions", "qualite_langue", "clause", "seuils", "mots")
)


def _line_of(raw: str, *needles: str) -> int | None:
    """Best-effort 1-based line of the first line containing all `needles`."""
    for number, line in enumerate(raw.splitlines(), start=1):
        if all(n in line for n in needles):
            return number
    return None


def _category(value: object, raw: str, where: str) -> Category:
    if value not in CATEGORIES:
        raise CharterError(
            f"catégorie inconnue « {value} » dans {where} (attendu : {', '.join(CATEGORIES)})",
            _line_of(raw, f'"{value}"') or _line_of(raw, str(value)),
        )
    return value


def _text(doc: dict[str, Any], key: str, raw: str, where: str) -> str:
    value = doc.get(key)
    if not isinstance(value, str) or not value.strip():
        raise CharterError(f"champ « {key} » manquant ou vide dans {where}", _line_of(raw, key))
    return value.strip()


def _words(value: object, raw: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise CharterError(f"« {key} » doit être une liste de mots", _line_of(raw, key))
    return tuple(w.strip() for w in value if w.strip())


def _clause(doc: object, raw: str, index: int) -> Clause:
    where = f"la clause n° {index}"
    if not isinstance(doc, dict):
        raise CharterError(f"{where} doit être une table [[clause]]", None)
    cid = _text(doc, "id", raw, where)
    cats = doc.get("categories")
    if not isinstance(cats, list) or not cats:
        raise CharterError(
            f"la clause « {cid} » doit citer au moins une catégorie", _line_of(raw, f'"{cid}"')
        )
    version = doc.get("version", 1)
    if not isinstance(version, int) or version < 1:
        raise CharterError(f"version invalide pour la clause « {cid} »", _line_of(raw, "version"))
    retired = doc.get("retiree", False)
    retired_in = doc.get("retiree_en")
    if not isinstance(retired, bool) or not (retired_in is None or isinstance(retired_in, str)):
        raise CharterError(
            f"« retiree » invalide pour la clause « {cid} »", _line_of(raw, "retiree")
        )
    return Clause(
        id=cid,
        text=_text(doc, "texte", raw, f"la clause « {cid} »"),
        categories=tuple(_category(c, raw, f"la clause « {cid} »") for c in cats),
        version=version,
        retired=retired or retired_in is not None,
        retired_in=retired_in,
    )


def _unit(value: object, raw: str, name: str, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise CharterError(
            f"le seuil « {key} » de « {name} » doit être un nombre entre 0 et 1",
            _line_of(raw, key) if value is None else _line_of(raw, key, str(value)),
        )
    return float(value)


def _thresholds(doc: object, raw: str) -> dict[Category, Threshold]:
    if not isinstance(doc, dict) or not doc:
        raise CharterError("section [seuils] manquante", _line_of(raw, "seuils"))
    out: dict[Category, Threshold] = {}
    for name, entry in doc.items():
        cat = _category(name, raw, "[seuils]")
        if not isinstance(entry, dict) or "retenir" not in entry:
            raise CharterError(
                f"[seuils.{name}] doit donner « retenir »", _line_of(raw, f"seuils.{name}")
            )
        hold = _unit(entry["retenir"], raw, name, "retenir")
        reject = None if "rejeter" not in entry else _unit(entry["rejeter"], raw, name, "rejeter")
        if reject is not None and hold > reject:
            raise CharterError(
                f"[seuils.{name}] : « retenir » ({hold}) dépasse « rejeter » ({reject})",
                _line_of(raw, f"seuils.{name}"),
            )
        out[cat] = Threshold(hold=hold, reject=reject)
    return out


def _by_category(doc: object, raw: str, key: str) -> dict[Category, tuple[str, ...]]:
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise CharterError(f"[mots.{key}] doit être une table par catégorie", _line_of(raw, key))
    return {_category(k, raw, f"[mots.{key}]"): _words(v, raw, k) for k, v in doc.items()}


def _strictness(doc: object, raw: str) -> Strictness:
    level = doc.get("exigence", "normale") if isinstance(doc, dict) else "normale"
    if level not in STRICTNESS_LEVELS:
        raise CharterError(
            f"exigence de langue « {level} » inconnue (souple, normale, stricte)",
            _line_of(raw, "exigence"),
        )
    return cast(Strictness, level)


def parse_charter(raw: str, source: str = "") -> Charter:
    """Validates `raw` (TOML text) into a `Charter`; raises `CharterError` in French."""
    try:
        doc = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_LINE.search(str(exc))
        raise CharterError(
            f"TOML mal formé ({exc})", int(match[1]) if match else None, source
        ) from exc
    try:
        return _build(doc, raw, source)
    except CharterError as exc:
        raise CharterError(exc.reason, exc.line, source) from None


def _build(doc: dict[str, Any], raw: str, source: str) -> Charter:
    unknown = sorted(set(doc) - _TOP_KEYS)
    if unknown:
        raise CharterError(f"clé inconnue « {unknown[0]} »", _line_of(raw, unknown[0]))
    clauses_doc = doc.get("clause")
    if not isinstance(clauses_doc, list) or not clauses_doc:
        raise CharterError("aucune clause [[clause]] dans la charte", None)
    clauses = tuple(_clause(c, raw, i) for i, c in enumerate(clauses_doc, start=1))
    ids = [c.id for c in clauses]
    if len(set(ids)) != len(ids):
        dup = next(i for i in ids if ids.count(i) > 1)
        raise CharterError(f"identifiant de clause en double « {dup} »", _line_of(raw, dup))
    thresholds = _thresholds(doc.get("seuils"), raw)
    for clause in clauses:
        missing = [c for c in clause.categories if c not in thresholds]
        if missing and not clause.retired:
            raise CharterError(
                f"pas de seuil pour la catégorie « {missing[0]} » (clause « {clause.id} »)",
                _line_of(raw, f'"{clause.id}"'),
            )
    words = doc.get("mots", {})
    if not isinstance(words, dict):
        raise CharterError("[mots] doit être une table", _line_of(raw, "[mots]"))
    notes = doc.get("mentions", [])
    return Charter(
        version=_text(doc, "version", raw, "l'en-tête"),
        name=_text(doc, "nom", raw, "l'en-tête"),
        clauses=clauses,
        thresholds=thresholds,
        preamble=str(doc.get("preambule", "")).strip(),
        notes=_words(notes, raw, "mentions"),
        language_strictness=_strictness(doc.get("qualite_langue"), raw),
        proper_names=_words(words.get("noms_propres"), raw, "noms_propres"),
        allowed_words=_words(words.get("autorises"), raw, "autorises"),
        banned_words=_by_category(words.get("interdits"), raw, "interdits"),
        suspect_words=_by_category(words.get("suspects"), raw, "suspects"),
        source=source,
    )
