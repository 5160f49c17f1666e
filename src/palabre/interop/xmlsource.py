"""Hostile XML, read safely (defusedxml: no entity expansion, no DTD tricks, no network) with
the line of every element kept, so an error names its place in the file."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from palabre.errors import PalabreError

_EXPAT_FR = {
    "no element found": "fin de fichier inattendue (fichier tronqué ?)",
    "not well-formed (invalid token)": "caractère invalide ou XML mal formé",
    "mismatched tag": "balise fermante qui ne correspond pas à la balise ouverte",
    "undefined entity": "entité non définie (une entité HTML comme &eacute; hors d'un bloc "
    "CDATA ?)",
    "unclosed token": "élément non terminé (fichier tronqué ?)",
    "junk after document element": "contenu après la fin de l'élément racine",
    "reference to invalid character number": "référence à un caractère interdit en XML",
    "unknown encoding": "encodage déclaré inconnu",
    "encoding specified in XML declaration is incorrect": "encodage déclaré incorrect",
    "XML or text declaration not at start of entity": "déclaration XML mal placée",
    "unclosed CDATA section": "section CDATA non fermée",
    "syntax error": "erreur de syntaxe",
    "duplicate attribute": "attribut en double",
}


class _LineBuilder(ET.TreeBuilder):
    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[ET.Element, int] = {}
        self.expat: Any = None

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        element = super().start(tag, attrs)
        self.lines[element] = int(self.expat.CurrentLineNumber) if self.expat else 0
        return element


@dataclass(frozen=True, slots=True)
class XmlDocument:
    root: ET.Element
    lines: dict[ET.Element, int]
    path: str

    def line(self, element: ET.Element) -> int:
        return self.lines.get(element, 0)


def parse(path: Path, fmt: str, expected_root: str) -> XmlDocument:
    """Parses `path`; a syntax error names its line and column, a wrong root element the format."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PalabreError(
            "import_illisible", params={"path": str(path), "detail": exc.strerror or str(exc)}
        ) from exc
    builder = _LineBuilder()
    parser = DefusedXMLParser(target=builder)
    builder.expat = getattr(parser, "parser", None)
    try:
        parser.feed(data)
        root = parser.close()
    except ET.ParseError as exc:
        line, column = exc.position
        message = str(exc).split(":", 1)[0]
        raise PalabreError(
            "import_xml_invalide",
            params={
                "path": path.name,
                "line": line,
                "column": column + 1,
                "detail": _EXPAT_FR.get(message, message),
            },
        ) from exc
    except DefusedXmlException as exc:
        raise PalabreError(
            "import_format_inattendu",
            params={
                "path": path.name,
                "format": fmt,
                "detail": "le fichier déclare des entités ou une DTD, refusées par sécurité",
            },
        ) from exc
    if local(root.tag) != expected_root:
        raise PalabreError(
            "import_format_inattendu",
            params={
                "path": path.name,
                "format": fmt,
                "detail": f"élément racine <{local(root.tag)}> au lieu de <{expected_root}>",
            },
        )
    return XmlDocument(root, builder.lines, path.name)


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def children(element: ET.Element, name: str) -> list[ET.Element]:
    return [c for c in element if local(c.tag) == name]


def child(element: ET.Element, name: str) -> ET.Element | None:
    return next((c for c in element if local(c.tag) == name), None)


def text(element: ET.Element, name: str) -> str:
    found = child(element, name)
    return (found.text or "").strip() if found is not None else ""


def attr(element: ET.Element, name: str) -> str:
    """An attribute by local name, whatever its namespace (dsq:id, ref…)."""
    for key, value in element.attrib.items():
        if local(key) == name:
            return value.strip()
    return ""


def required(value: str, place: str, field: str) -> str:
    if not value:
        raise PalabreError("import_champ_manquant", params={"place": place, "field": field})
    return value


def parse_date(value: str, place: str, field: str) -> datetime:
    """ISO 8601 (`Z` or offset; naive means UTC) or WordPress's `YYYY-MM-DD HH:MM:SS`."""
    raw = required(value.strip(), place, field)
    try:
        parsed = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError as exc:
        raise PalabreError(
            "import_valeur_invalide", params={"place": place, "field": field, "value": raw[:60]}
        ) from exc
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def truthy(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "oui"}
