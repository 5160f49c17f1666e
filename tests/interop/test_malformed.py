"""A malformed file gives a clear French error naming its place, and the database is unchanged."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from interop.interop_support import FIXTURES, SECRET, Counter, make_isso
from palabre.errors import PalabreError
from palabre.interop import blogger, disqus, isso, palabre_format, wordpress
from palabre.interop.model import ImportBatch
from palabre.interop.writer import import_batch
from palabre.storage.db import Database

Reader = Callable[[Path, str | None], ImportBatch]


def _fails(reader: Reader, path: Path, db: Database, counts: Counter) -> PalabreError:
    import_batch(db, disqus.read(FIXTURES / "disqus.xml"), "journal", secret=SECRET)
    before = counts()
    with pytest.raises(PalabreError) as caught:
        import_batch(db, reader(path, None), "journal", secret=SECRET)
    assert counts() == before
    return caught.value


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_truncated_xml_names_the_line(migrated: Database, counts: Counter, tmp_path: Path) -> None:
    text = _fixture("disqus.xml")
    path = _write(tmp_path, "tronque.xml", text[: text.index('<post dsq:id="1005">') + 40])
    error = _fails(disqus.read, path, migrated, counts)
    assert error.code == "import_xml_invalide"
    assert "fichier tronqué" in str(error) and "tronque.xml », ligne 85" in str(error)
    assert "Rien n'a été importé" in str(error)


def test_wrong_root_element(migrated: Database, counts: Counter) -> None:
    error = _fails(disqus.read, FIXTURES / "blogger.xml", migrated, counts)
    assert error.code == "import_format_inattendu"
    assert "élément racine <feed> au lieu de <disqus>" in str(error)
    error = _fails(wordpress.read, FIXTURES / "disqus.xml", migrated, counts)
    assert "<disqus> au lieu de <rss>" in str(error)


def test_plain_rss_is_not_a_wordpress_export(tmp_path: Path) -> None:
    path = _write(tmp_path, "flux.xml", "<rss><channel><title>x</title></channel></rss>")
    with pytest.raises(PalabreError, match="wp:wxr_version"):
        wordpress.read(path, None)


def test_missing_required_field_names_the_entry(
    migrated: Database, counts: Counter, tmp_path: Path
) -> None:
    text = _fixture("disqus.xml").replace(
        "<createdAt>2025-08-16T10:05:00Z</createdAt>", "<createdAt></createdAt>"
    )
    error = _fails(disqus.read, _write(tmp_path, "d.xml", text), migrated, counts)
    assert error.code == "import_champ_manquant"
    assert str(error).startswith(
        'd.xml, ligne 63, <post dsq:id="1003"> : champ obligatoire « createdAt »'
    )


def test_unknown_thread_and_bad_status(migrated: Database, counts: Counter, tmp_path: Path) -> None:
    text = _fixture("disqus.xml").replace('<thread dsq:id="102"/>', '<thread dsq:id="999"/>', 1)
    error = _fails(disqus.read, _write(tmp_path, "d.xml", text), migrated, counts)
    assert "« thread dsq:id » : « 999 »" in str(error)
    wp = (
        (FIXTURES / "wordpress-latin1.xml")
        .read_bytes()
        .replace(b"<![CDATA[spam]]>", b"<![CDATA[peut-etre]]>")
    )
    path = tmp_path / "wp.xml"
    path.write_bytes(wp)
    error = _fails(wordpress.read, path, migrated, counts)
    assert "wp:comment_id=10" in str(error) and "wp:comment_approved" in str(error)


def test_invalid_characters_and_undeclared_entities(
    migrated: Database, counts: Counter, tmp_path: Path
) -> None:
    text = _fixture("blogger.xml").replace("Analyse juste.", "Analyse\x01 juste.")
    error = _fails(blogger.read, _write(tmp_path, "b.xml", text), migrated, counts)
    assert error.code == "import_xml_invalide" and "ligne 25, colonne 33" in str(error)
    text = _fixture("disqus.xml").replace("Budget 2026 &amp; dette", "Budget &eacute;té")
    error = _fails(disqus.read, _write(tmp_path, "e.xml", text), migrated, counts)
    assert "entité non définie" in str(error) and "ligne 38, colonne 19" in str(error)


def test_latin1_bytes_in_a_utf8_file(migrated: Database, counts: Counter, tmp_path: Path) -> None:
    path = tmp_path / "mixte.xml"
    path.write_bytes(
        _fixture("disqus.xml")
        .encode("utf-8")
        .replace("Réponse écrite".encode(), "Réponse écrite".encode("latin-1"))
    )
    error = _fails(disqus.read, path, migrated, counts)
    assert error.code == "import_xml_invalide" and "ligne 94" in str(error)


def test_entity_expansion_is_refused(tmp_path: Path) -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE disqus [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><disqus>&b;</disqus>'
    )
    with pytest.raises(PalabreError, match="refusées par sécurité"):
        disqus.read(_write(tmp_path, "bombe.xml", bomb), None)


def test_broken_isso_databases(migrated: Database, counts: Counter, tmp_path: Path) -> None:
    not_db = _write(tmp_path, "pas-une-base.db", "ceci n'est pas une base SQLite" * 200)
    error = _fails(isso.read, not_db, migrated, counts)
    assert error.code == "import_base_invalide" and "ce n'est pas une base SQLite" in str(error)
    empty = tmp_path / "vide.db"
    sqlite3.connect(empty).close()
    assert "table « threads » absente" in str(_fails(isso.read, empty, migrated, counts))
    bad_mode = make_isso(
        tmp_path / "mode.db",
        [(1, 1, None, 1.0e9, 1, "ok", None, None), (1, 2, None, 1.0e9, 9, "?", None, None)],
    )
    error = _fails(isso.read, bad_mode, migrated, counts)
    assert "mode.db, commentaire id=2" in str(error) and "« mode » : « 9 »" in str(error)
    late = make_isso(
        tmp_path / "texte.db",
        [(1, 1, None, 1.0e9, 1, "ok", None, None), (1, 2, 1, "hier", 1, "x", None, None)],
    )
    assert "« created » : « hier »" in str(_fails(isso.read, late, migrated, counts))


def test_reply_loop_is_refused(migrated: Database, counts: Counter, tmp_path: Path) -> None:
    looped = make_isso(
        tmp_path / "boucle.db",
        [(1, 1, 2, 1.0e9, 1, "a", None, None), (1, 2, 1, 1.0e9, 1, "b", None, None)],
    )
    error = _fails(isso.read, looped, migrated, counts)
    assert "boucle de réponses" in str(error)


def test_palabre_export_errors(migrated: Database, counts: Counter, tmp_path: Path) -> None:
    cut = _write(tmp_path, "export.json", '{"format": "palabre-export",\n "version": 1, "site"')
    assert "JSON invalide ligne 2" in str(_fails(palabre_format.read, cut, migrated, counts))
    other = _write(tmp_path, "autre.json", '{"format": "autre"}')
    assert "« format »" in str(_fails(palabre_format.read, other, migrated, counts))
    future = _write(tmp_path, "v2.json", '{"format": "palabre-export", "version": 2}')
    assert _fails(palabre_format.read, future, migrated, counts).code == "import_version"
