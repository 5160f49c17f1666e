"""Reads a palabre export (JSON, `{"format": "palabre-export", "version": 1, …}`) back.

Everything is restored: threads with their keys, comments with their statuses, dates, texts and
HTML, decisions, reports, audit rows and subscriptions. Comments that came from another platform
keep their `(import_source, external_id)`; native ones are recognised on a second import by their
thread, date, author and text, so importing the same file twice adds nothing."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from palabre.errors import PalabreError
from palabre.interop.export import (
    AUDIT_FIELDS,
    BAN_FIELDS,
    DECISION_FIELDS,
    FORMAT,
    REPORT_FIELDS,
    SUBSCRIPTION_FIELDS,
    VERSION,
    schema,
)
from palabre.interop.model import STATUSES, History, ImportBatch, ImportedComment, ImportedThread


def read(path: Path, base_url: str | None = None) -> ImportBatch:
    """`base_url` is ignored: a palabre export carries its thread keys."""
    data = _load(path)
    spec = schema()["properties"]
    site = _require(data, "site", spec["site"]["required"], f"{path.name}, « site »")
    batch = ImportBatch(
        source="palabre",
        site_key=str(site["key"]),
        site_name=str(site["name"]),
        site_origins=tuple(str(o) for o in site["origins"]),
        site_created_at=_date(site["created_at"], f"{path.name}, « site »", "created_at"),
        site_auto_create=bool(site["auto_create_threads"]),
    )
    items = {
        name: _items(data, name, spec[name]["items"]["required"], path.name)
        for name in ("threads", "comments", "decisions", "reports", "audit", "subscriptions")
    }
    for place, row in items["threads"]:
        batch.threads.append(
            ImportedThread(
                external_id=str(row["id"]),
                key=str(row["key"]),
                url=str(row["url"]),
                title=str(row["title"]),
                created_at=_date(row["created_at"], place, "created_at"),
            )
        )
    by_comment = {
        name: _group(items[name], fields)
        for name, fields in (
            ("decisions", DECISION_FIELDS),
            ("reports", REPORT_FIELDS),
            ("audit", AUDIT_FIELDS),
        )
    }
    for place, row in items["comments"]:
        batch.comments.append(_comment(place, row, by_comment))
    batch.subscriptions = tuple(
        {**_pick(row, SUBSCRIPTION_FIELDS, place), "thread_id": str(row["thread_id"])}
        for place, row in items["subscriptions"]
    )
    if "bans" in data:  # absent from the first exports of format version 1
        batch.bans = tuple(
            _ban(place, row)
            for place, row in _items(data, "bans", spec["bans"]["items"]["required"], path.name)
        )
    return batch


def _ban(place: str, row: dict[str, Any]) -> dict[str, Any]:
    ban = _pick(row, BAN_FIELDS, place)
    for field in ("created_at", "expires_at", "lifted_at"):
        ban[field] = _maybe_date(row.get(field), place, field)
    ban["comment_id"] = None if row.get("comment_id") is None else str(row["comment_id"])
    return ban


def _load(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise PalabreError(
            "import_illisible", params={"path": str(path), "detail": exc.strerror or str(exc)}
        ) from exc
    except UnicodeDecodeError as exc:
        raise PalabreError(
            "import_illisible",
            params={"path": str(path), "detail": f"UTF-8 invalide à l'octet {exc.start}"},
        ) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PalabreError(
            "import_format_inattendu",
            params={
                "path": path.name,
                "format": "palabre",
                "detail": f"JSON invalide ligne {exc.lineno}, colonne {exc.colno}",
            },
        ) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PalabreError(
            "import_format_inattendu",
            params={
                "path": path.name,
                "format": "palabre",
                "detail": f"le champ « format » ne vaut pas « {FORMAT} »",
            },
        )
    if data.get("version") != VERSION:
        raise PalabreError(
            "import_version", params={"version": str(data.get("version"))[:20], "expected": VERSION}
        )
    return data


def _require(row: Any, name: str, fields: list[str], place: str) -> dict[str, Any]:
    value = row.get(name) if isinstance(row, dict) else None
    if not isinstance(value, dict):
        raise PalabreError("import_champ_manquant", params={"place": place, "field": name})
    for field in fields:
        if field not in value or (value[field] is None and field in {"key", "created_at"}):
            raise PalabreError("import_champ_manquant", params={"place": place, "field": field})
    return value


def _items(
    data: dict[str, Any], name: str, fields: list[str], file: str
) -> list[tuple[str, dict[str, Any]]]:
    rows = data.get(name)
    if not isinstance(rows, list):
        raise PalabreError("import_champ_manquant", params={"place": file, "field": name})
    out = []
    for index, row in enumerate(rows):
        ident = row.get("id", "?") if isinstance(row, dict) else "?"
        place = f"{file}, « {name} » n° {index + 1} (id={ident})"
        out.append((place, _require({"row": row}, "row", fields, place)))
    return out


def _date(value: Any, place: str, field: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError as exc:
        raise PalabreError(
            "import_valeur_invalide",
            params={"place": place, "field": field, "value": str(value)[:60]},
        ) from exc
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _maybe_date(value: Any, place: str, field: str) -> datetime | None:
    return None if value is None else _date(value, place, field)


def _pick(row: dict[str, Any], fields: tuple[str, ...], place: str) -> dict[str, Any]:
    picked = {k: row[k] for k in fields if k in row}
    for key in ("created_at", "confirmed_at", "last_digest_at"):
        if key in picked:
            picked[key] = _maybe_date(picked[key], place, key)
    return picked


def _group(
    rows: list[tuple[str, dict[str, Any]]], fields: tuple[str, ...]
) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for place, row in rows:
        grouped.setdefault(str(row["comment_id"]), []).append(_pick(row, fields, place))
    return grouped


def _comment(
    place: str, row: dict[str, Any], related: dict[str, dict[str, list[dict[str, Any]]]]
) -> ImportedComment:
    status = row["status"]
    if status not in STATUSES:
        raise PalabreError(
            "import_valeur_invalide",
            params={"place": place, "field": "status", "value": str(status)[:20]},
        )
    ident = str(row["id"])
    history = History(
        author_key=row.get("author_key"),
        html=row.get("html"),
        edited_at=_maybe_date(row.get("edited_at"), place, "edited_at"),
        deleted_at=_maybe_date(row.get("deleted_at"), place, "deleted_at"),
        report_count=int(row.get("report_count") or 0),
        decisions=tuple(related["decisions"].get(ident, ())),
        reports=tuple(related["reports"].get(ident, ())),
        audit=tuple(related["audit"].get(ident, ())),
        author_verified=bool(row.get("author_verified", False)),
        author_external_id=row.get("author_external_id"),
        import_source=row.get("import_source"),
        external_id=row.get("external_id"),
    )
    parent = row.get("parent_id")
    return ImportedComment(
        external_id=ident,
        thread_id=str(row["thread_id"]),
        parent_id=str(parent) if parent is not None else None,
        text=str(row["text"]),
        created_at=_date(row["created_at"], place, "created_at"),
        status=status,
        place=place,
        author_name=row.get("author_name"),
        author_email=row.get("author_email"),
        history=history,
    )
