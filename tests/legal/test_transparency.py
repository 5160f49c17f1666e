"""Transparency report (DSA art. 15 and 24): the pure computation on rows made by hand, then a
report checked against the actions made in the test (comments posted, held, rejected by the
engine and by a person, notices filed and decided, an appeal reversing a reject) on SQLite and
PostgreSQL, through `palabre rapport-transparence` and the dashboard page."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from typer.testing import CliRunner

from legal.conftest import Legal
from legal.legal_support import CLAUSE
from palabre.cli.main import app
from palabre.csv_format import BOM
from palabre.legal import transparency
from palabre.legal.transparency import AppealRow, HeldMove, NoticeRow, Rows, StatementRow
from palabre.storage.models_legal import Appeal, Notice

THREAD = "https://journal.example/article-1"
DAY = date(2026, 3, 10)


def at(hours: float, day: date = DAY) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(hours=hours)


def test_the_report_counts_only_the_period_and_takes_medians() -> None:
    before = DAY - timedelta(days=1)
    rows = Rows(
        notices=[
            NoticeRow("menace", at(1), at(3), "removed"),
            NoticeRow("menace", at(2), at(12), "kept"),
            NoticeRow("vie_privee", at(5), None, None),
            NoticeRow("injure_diffamation", at(20, before), at(4), "removed"),
        ],
        statements=[
            StatementRow("reject", True, (("insultes", "Pas d’insultes"),), None, at(1)),
            StatementRow("hold", True, (("insultes", ""), ("spam", "Pas de spam")), None, at(2)),
            StatementRow("reject", False, (), "menace", at(3)),
            StatementRow("delete", False, (), None, at(4)),
            StatementRow("reject", True, (("spam", ""),), None, at(1, before)),
        ],
        appeals=[
            AppealRow("reversed", at(2), at(6)),
            AppealRow("upheld", at(3), at(4)),
            AppealRow("open", at(5), None),
            AppealRow("reversed", at(1, before), at(1)),
        ],
        held_moves=[
            HeldMove(7, "pending", "held", at(22, before)),
            HeldMove(7, "held", "rejected", at(2)),  # waited 4 h, left in the period
            HeldMove(8, "pending", "held", at(1)),
            HeldMove(8, "held", "published", at(1.5)),  # 30 min
            HeldMove(9, "pending", "held", at(3)),
            HeldMove(9, "held", "held", at(4)),  # no move out
            HeldMove(10, "pending", "held", at(23)),
            HeldMove(10, "held", "published", at(1, DAY + timedelta(days=1))),
        ],
    )
    report = transparency.compute(rows, DAY, DAY, "journal")
    by_category = {c: n for c, _, n in report.notices_by_category}
    assert by_category["menace"] == 2 and by_category["vie_privee"] == 1
    assert by_category["injure_diffamation"] == 0 and report.notices_received == 3
    assert (report.notices_removed, report.notices_kept, report.notices_open) == (2, 1, 1)
    # decided in the period: 2 h, 10 h and 8 h (filed the day before); median_low of three
    assert report.median_notice == timedelta(hours=8)
    assert report.decisions == {
        "hold": {"automatique": 1, "humaine": 0},
        "reject": {"automatique": 1, "humaine": 1},
        "delete": {"automatique": 0, "humaine": 1},
    }
    assert (report.automated, report.human) == (2, 2)
    assert [(g.kind, g.id, g.count) for g in report.grounds] == [
        ("clause", "insultes", 2),
        ("aucun", "", 1),
        ("categorie", "menace", 1),
        ("clause", "spam", 1),
    ]
    assert report.grounds[0].label == "insultes — Pas d’insultes"
    assert report.grounds[2].label == "Menace (signalement de contenu illicite)"
    assert (
        report.appeals_filed,
        report.appeals_upheld,
        report.appeals_reversed,
        report.appeals_open,
    ) == (3, 1, 2, 1)
    assert report.median_appeal == timedelta(hours=4)  # 4 h, 1 h and 24 h: median_low
    assert report.held_decided == 2 and report.median_held == timedelta(minutes=30)


def test_an_empty_period_says_so_in_every_format() -> None:
    report = transparency.compute(Rows(), DAY, DAY)
    data = report.as_dict()
    assert data["notices"]["received"] == 0 and data["notices"]["median_handling_seconds"] is None
    assert data["decisions"]["by_ground"] == []
    rows = report.csv_rows()
    assert rows[0] == ["rubrique", "élément", "libellé", "valeur"]
    assert ["délais médians (heures)", "recours", "du recours à la décision", ""] in rows
    text = report.text()
    assert "du 10/03/2026 au 10/03/2026" in text and "tous les sites" in text
    assert "Signalements de contenu illicite reçus\u00a0: 0" in text
    assert "'" not in text


# -- end to end --------------------------------------------------------------------------------


def _post(legal: Legal, text: str, **extra: str) -> dict[str, Any]:
    response = legal.client.post("/api/comments", json={"thread": THREAD, "text": text, **extra})
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def _notice(legal: Legal, cid: int, category: str) -> int:
    response = legal.client.post(
        f"/api/comments/{cid}/notices",
        json={
            "category": category,
            "explanation": "Ce commentaire enfreint la loi, clairement.",
            "name": "Camille Témoin",
            "email": "temoin@example.org",
            "good_faith": True,
        },
    )
    assert response.status_code == 201, response.text
    return int(response.json()["notice"]["id"])


def _actions(legal: Legal) -> None:
    """Four comments and what befalls them: the figures the report must give."""
    _post(legal, "Un avis calme et posé.")
    rejected = _post(legal, "Quelle ordure, cet élu.", email="auteur@example.org")
    held = _post(legal, "Un avis douteux.")
    quiet = _post(legal, "Un avis tranquille.")
    assert rejected["moderation"]["decision"] == "reject"
    assert held["moderation"]["decision"] == "hold"
    csrf = legal.login()
    done = legal.client.post(
        "/moderation/actions",
        data={
            "csrf": csrf,
            "verb": "reject",
            "ids": str(held["comment"]["id"]),
            "back": "/moderation/queue/held",
        },
        follow_redirects=False,
    )
    assert done.status_code == 303, done.text
    kept = _notice(legal, 1, "injure_diffamation")
    removed = _notice(legal, quiet["comment"]["id"], "menace")
    for notice_id, outcome in ((kept, "keep"), (removed, "remove")):
        legal.client.post(
            f"/moderation/notifications/{notice_id}", data={"csrf": csrf, "outcome": outcome}
        )
    cid, token = rejected["comment"]["id"], rejected["view_token"]
    filed = legal.client.post(
        f"/api/comments/{cid}/appeals", json={"token": token, "text": "Une citation."}
    )
    assert filed.status_code == 201, filed.text
    legal.client.post(
        f"/moderation/recours/{filed.json()['appeal']['id']}",
        data={"csrf": csrf, "outcome": "reverse"},
    )


def test_the_report_matches_the_actions_made(legal: Legal) -> None:
    _actions(legal)
    today = datetime.now(UTC).date()
    with legal.db.session() as session:
        report = transparency.compute(transparency.load(session, today, today, None), today, today)
        notice_times = sorted(
            n.decided_at - n.created_at  # type: ignore[operator]
            for n in session.scalars(select(Notice))
        )
        appeal = session.scalars(select(Appeal)).one()
        appeal_time = appeal.decided_at - appeal.created_at  # type: ignore[operator]
        earlier = transparency.compute(
            transparency.load(session, today - timedelta(days=9), today - timedelta(days=1), None),
            today - timedelta(days=9),
            today - timedelta(days=1),
        )

    counts = {c: n for c, _, n in report.notices_by_category}
    assert counts == {
        "injure_diffamation": 1,
        "haine_violence": 0,
        "apologie_terrorisme": 0,
        "menace": 1,
        "harcelement": 0,
        "vie_privee": 0,
        "contrefacon": 0,
        "autre": 0,
    }
    assert (report.notices_removed, report.notices_kept, report.notices_open) == (1, 1, 0)
    assert report.decisions == {
        "hold": {"automatique": 1, "humaine": 0},
        "reject": {"automatique": 1, "humaine": 2},
        "delete": {"automatique": 0, "humaine": 0},
    }
    assert [(g.kind, g.id, g.count) for g in report.grounds] == [
        ("clause", CLAUSE, 3),
        ("categorie", "menace", 1),
    ]
    assert (
        report.appeals_filed,
        report.appeals_upheld,
        report.appeals_reversed,
        report.appeals_open,
    ) == (1, 0, 1, 0)
    assert report.median_notice == notice_times[0]  # median_low of two
    assert report.median_appeal == appeal_time
    assert report.held_decided == 1 and report.median_held is not None

    assert earlier.notices_received == 0 and earlier.automated + earlier.human == 0
    assert earlier.appeals_filed == 0 and earlier.held_decided == 0

    _cli_gives_the_same_report(legal, today, report)
    _dashboard_shows_the_report(legal, today)


def _cli_gives_the_same_report(legal: Legal, today: date, report: transparency.Report) -> None:
    env = {
        "PALABRE_DATABASE_URL": legal.db.engine.url.render_as_string(hide_password=False),
        "PALABRE_DATA_DIR": str(legal.app.state.palabre.settings.data_path),
    }
    runner = CliRunner()
    day = today.isoformat()
    as_json = runner.invoke(
        app, ["rapport-transparence", "--du", day, "--au", day, "--format", "json"], env=env
    )
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.output) == report.as_dict()
    as_csv = runner.invoke(
        app,
        ["rapport-transparence", "--du", day, "--au", day, "--format", "csv", "--site", "default"],
        env=env,
    )
    assert as_csv.exit_code == 0, as_csv.output
    csv_out = as_csv.stdout_bytes.decode("utf-8")
    assert csv_out.startswith(BOM + "rubrique;élément;libellé;valeur\r\n")
    assert "signalements par catégorie;menace;Menace;1\r\n" in csv_out
    assert "décisions;reject_humaine;rejet, décision humaine;2\r\n" in csv_out
    assert "période;site;site;default\r\n" in csv_out
    text = runner.invoke(app, ["rapport-transparence", "--du", day, "--au", day], env=env)
    assert "Recours\u00a0: 1 déposés, 0 décisions maintenues, 1 annulées" in text.output
    unknown = runner.invoke(
        app, ["rapport-transparence", "--du", day, "--au", day, "--site", "inconnu"], env=env
    )
    assert unknown.exit_code == 2 and "site inconnu" in unknown.output
    backwards = runner.invoke(
        app, ["rapport-transparence", "--du", day, "--au", "2000-01-01"], env=env
    )
    assert backwards.exit_code == 2 and "--au précède --du" in backwards.output


def _dashboard_shows_the_report(legal: Legal, today: date) -> None:
    nav = legal.client.get("/moderation/queue/held").text
    assert 'href="/moderation/transparence"' in nav
    page = legal.client.get(
        "/moderation/transparence", params={"du": today.isoformat(), "au": today.isoformat()}
    )
    assert page.status_code == 200
    html = page.text
    assert "Rapport de transparence" in html
    assert '<span class="kpi-value" id="kpi-notices">2</span>' in html
    assert '<span class="kpi-value" id="kpi-decisions">4</span>' in html
    assert '<span class="kpi-value" id="kpi-reversed">1</span>' in html
    assert '<td>Menace</td><td class="num">1</td>' in html
    assert f"<td>{CLAUSE} — " in html and "Menace (signalement de contenu illicite)" in html
    assert '<td>rejet</td><td class="num">1</td><td class="num">2</td>' in html
    english = legal.client.get(
        "/moderation/transparence",
        params={"du": today.isoformat(), "au": today.isoformat(), "lang": "en"},
    ).text
    assert "Transparency report" in english and '<td>Threat</td><td class="num">1</td>' in english
    assert "<td>rejection</td>" in english
    csv = legal.client.get(
        "/moderation/transparence.csv", params={"du": today.isoformat(), "au": today.isoformat()}
    )
    assert csv.headers["content-type"].startswith("text/csv")
    assert "signalements;reçus;signalements reçus;2" in csv.content.decode("utf-8-sig")
    data = legal.client.get(
        "/moderation/transparence.json", params={"du": today.isoformat(), "au": today.isoformat()}
    ).json()
    assert data["appeals"]["reversed"] == 1 and data["decisions"]["human"] == 2
