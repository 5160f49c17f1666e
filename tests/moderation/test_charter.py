"""The charter file: the shipped default, and malformed charters refused in French."""

from __future__ import annotations

from pathlib import Path

import pytest

from palabre.moderation.charter import CharterError, default_charter, load_charter
from palabre.moderation.charter_parse import parse_charter

GOOD = """
version = "1"
nom = "Test"
[[clause]]
id = "insultes"
texte = "Pas d'insultes"
categories = ["insulte"]
[[clause]]
id = "ancienne"
texte = "Ancienne règle"
categories = ["spam"]
retiree_en = "2"
[seuils.insulte]
retenir = 0.4
rejeter = 0.8
[mots]
noms_propres = ["Zelensky"]
[mots.interdits]
insulte = ["zigoto"]
"""


def test_default_charter_has_the_seed_clauses() -> None:
    charter = default_charter()
    texts = [c.text for c in charter.active_clauses]
    assert "Aucun message à caractère raciste ou contrevenant à la loi" in texts
    assert "Aucun appel à la violence ou à la haine, ni d'insultes" in texts
    assert "Commentaire rédigé en bon français et sans fautes d'orthographe" in texts
    assert charter.clause_for("haine") is not None
    assert charter.clause_for("orthographe") is not None
    # names come from a frequency list now; misspellings are never listed as names (issue 17)
    assert not {"Netanhyaou", "Nethanyaou", "Steimer"} & set(charter.proper_names)
    assert charter.language_strictness == "stricte"
    assert "modérateurs" in " ".join(charter.notes)


def test_load_charter_none_is_default() -> None:
    assert load_charter(None) is default_charter()


def test_retired_clause_is_kept_but_not_applied() -> None:
    charter = parse_charter(GOOD)
    assert [c.id for c in charter.clauses] == ["insultes", "ancienne"]
    assert charter.clause_for("spam") is None
    assert charter.banned_words["insulte"] == ("zigoto",)
    assert charter.thresholds["insulte"].action(0.5) == "hold"
    assert charter.thresholds["insulte"].action(0.8) == "reject"
    assert charter.thresholds["insulte"].action(0.1) == "publish"


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        (GOOD.replace('nom = "Test"', 'nom = "Test'), "TOML mal formé"),
        (GOOD.replace('["insulte"]\n[[clause]]', '["injure"]\n[[clause]]'), "catégorie inconnue"),
        (GOOD.replace("retenir = 0.4", "retenir = 1.4"), "entre 0 et 1"),
        (GOOD.replace("retenir = 0.4", "retenir = 0.9"), "dépasse"),
        (GOOD.replace('texte = "Pas d\'insultes"', ""), "« texte » manquant"),
        (GOOD.replace('version = "1"', ""), "« version » manquant"),
        (GOOD.replace("[seuils.insulte]\nretenir = 0.4\nrejeter = 0.8", ""), "seuils"),
        (GOOD.replace('id = "ancienne"', 'id = "insultes"'), "en double"),
        ("inconnue = 1\n" + GOOD, "clé inconnue"),
    ],
)
def test_malformed_charters_are_refused(broken: str, expected: str) -> None:
    with pytest.raises(CharterError) as info:
        parse_charter(broken, source="x.toml")
    assert expected in str(info.value)
    assert "Charte invalide (x.toml" in str(info.value)


def test_errors_carry_the_line() -> None:
    with pytest.raises(CharterError) as info:
        parse_charter(GOOD.replace('nom = "Test"', 'nom = "Test'))
    assert info.value.line == 3
    with pytest.raises(CharterError) as info:
        parse_charter(GOOD.replace("retenir = 0.4", "retenir = 1.4"))
    assert info.value.line == GOOD.splitlines().index("retenir = 0.4") + 1


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(CharterError, match="impossible de lire"):
        load_charter(tmp_path / "absente.toml")
    path = tmp_path / "charte.toml"
    path.write_text(GOOD, encoding="utf-8")
    assert load_charter(path).name == "Test"
