"""An Isso database (plain SQLite, read-only; Isso itself is not needed).

Mapping: `threads.uri` (a path, made absolute with `--base-url`) → thread, `threads.title`;
`comments` → comment with `parent` → reply, `text` (Markdown, stray HTML neutralised),
`author`, `email`, `created` (epoch seconds, float) → date. Status from `mode`: 1 → published,
2 → held (awaiting a moderator), 4 → deleted (tombstone)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from palabre.errors import PalabreError
from palabre.interop.model import ImportBatch, ImportedComment, ImportedThread
from palabre.interop.textconv import clean_address, clean_name, html_to_markdown
from palabre.interop.urls import normalise_url
from palabre.status import CommentStatus

MODES: dict[int, CommentStatus] = {
    1: CommentStatus.PUBLISHED,
    2: CommentStatus.HELD,
    4: CommentStatus.DELETED,
}
NEEDED = {
    "threads": {"id", "uri", "title"},
    "comments": {"tid", "id", "parent", "created", "mode", "text", "author", "email"},
}


def read(path: Path, base_url: str | None = None) -> ImportBatch:
    if not path.is_file():
        raise PalabreError(
            "import_illisible", params={"path": str(path), "detail": "fichier introuvable"}
        )
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise _broken(path, str(exc)) from exc
    try:
        _check_schema(connection, path)
        return _read(connection, path, base_url)
    except sqlite3.Error as exc:
        raise _broken(path, str(exc)) from exc
    finally:
        connection.close()


def _broken(path: Path, detail: str) -> PalabreError:
    french = {
        "file is not a database": "ce n'est pas une base SQLite",
        "database disk image is malformed": "base SQLite endommagée",
    }
    return PalabreError(
        "import_base_invalide", params={"path": path.name, "detail": french.get(detail, detail)}
    )


def _check_schema(connection: sqlite3.Connection, path: Path) -> None:
    for table, columns in NEEDED.items():
        found = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
        if not found:
            raise _broken(path, f"table « {table} » absente")
        missing = sorted(columns - found)
        if missing:
            raise _broken(path, f"colonne(s) {', '.join(missing)} absente(s) de « {table} »")


def _read(connection: sqlite3.Connection, path: Path, base_url: str | None) -> ImportBatch:
    batch = ImportBatch(source="isso")
    threads: dict[str, ImportedThread] = {}
    for tid, uri, title in connection.execute("SELECT id, uri, title FROM threads ORDER BY id"):
        place = f"{path.name}, fil id={tid}"
        if not uri:
            raise PalabreError("import_champ_manquant", params={"place": place, "field": "uri"})
        threads[str(tid)] = ImportedThread(
            external_id=str(tid),
            key=normalise_url(str(uri), place, base_url),
            url=str(uri),
            title=str(title or ""),
        )
    rows = connection.execute(
        "SELECT id, tid, parent, created, mode, text, author, email FROM comments ORDER BY id"
    )
    for ident, tid, parent, created, mode, body, author, email in rows:
        place = f"{path.name}, commentaire id={ident}"
        batch.comments.append(
            _comment(place, ident, tid, parent, created, mode, body, author, email, threads)
        )
    used = {c.thread_id for c in batch.comments}
    batch.threads = [t for key, t in threads.items() if key in used]
    return batch


def _comment(
    place: str,
    ident: object,
    tid: object,
    parent: object,
    created: object,
    mode: object,
    body: object,
    author: object,
    email: object,
    threads: dict[str, ImportedThread],
) -> ImportedComment:
    def invalid(field: str, value: object) -> PalabreError:
        return PalabreError(
            "import_valeur_invalide",
            params={"place": place, "field": field, "value": str(value)[:60]},
        )

    if str(tid) not in threads:
        raise invalid("tid", tid)
    if not isinstance(mode, int) or mode not in MODES:
        raise invalid("mode", mode)
    if not isinstance(created, int | float) or isinstance(created, bool):
        raise invalid("created", created)
    try:
        when = datetime.fromtimestamp(float(created), UTC)
    except (OverflowError, OSError, ValueError) as exc:
        raise invalid("created", created) from exc
    status = MODES[mode]
    if status != CommentStatus.DELETED and not (isinstance(body, str) and body.strip()):
        raise PalabreError("import_champ_manquant", params={"place": place, "field": "text"})
    return ImportedComment(
        external_id=str(ident),
        thread_id=str(tid),
        parent_id=str(parent) if parent is not None else None,
        text=html_to_markdown(str(body), markdown_source=True)
        if status != CommentStatus.DELETED
        else "",
        created_at=when,
        status=status,
        place=place,
        author_name=clean_name(author if isinstance(author, str) else None),
        author_email=clean_address(email if isinstance(email, str) else None),
    )
