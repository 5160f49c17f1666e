"""Charter editing (preview, malformed edits saving nothing, versions), statistics, audit."""

from __future__ import annotations

import html

from sqlalchemy import func, select

from palabre.review.charters import file_source
from palabre.storage.models_review import CharterVersion
from palabre.typography import french

from .conftest import ADMIN, MODERATOR, Dash


def _versions(dash: Dash) -> int:
    with dash.db.session() as session:
        return int(session.scalar(select(func.count(CharterVersion.id))) or 0)


def test_a_malformed_charter_shows_the_error_and_saves_nothing(dash: Dash) -> None:
    csrf = dash.login(ADMIN)
    broken = file_source().replace("retenir = 0.45\nrejeter = 0.75", "retenir = 2", 1)
    for path in ("/moderation/charter/save", "/moderation/charter/preview"):
        response = dash.client.post(path, data={"csrf": csrf, "source": broken})
        assert response.status_code == 422
        text = html.unescape(response.text)
        assert french("Charte invalide : rien n'a été enregistré.") in text
        assert "doit être un nombre entre 0 et 1" in text
        assert "retenir = 2" in text  # the edit is kept in the form
    assert _versions(dash) == 0


def test_preview_then_save_a_new_version(dash: Dash) -> None:
    dash.comment("Cette saperlipopette de réforme ne passera pas.")
    dash.comment("Merci pour cet article clair.")
    csrf = dash.login(ADMIN)
    edit = dash.client.get("/moderation/charter/edit")
    assert edit.status_code == 200 and "racisme-loi" in edit.text
    source = file_source().replace(
        "[mots.interdits]\ninsulte = []", '[mots.interdits]\ninsulte = ["saperlipopette"]'
    )
    preview = dash.client.post("/moderation/charter/preview", data={"csrf": csrf, "source": source})
    assert preview.status_code == 200
    assert 'id="changed-count">1<' in preview.text
    assert "Cette saperlipopette de réforme" in preview.text
    assert _versions(dash) == 0  # a preview saves nothing
    saved = dash.client.post(
        "/moderation/charter/save",
        data={"csrf": csrf, "source": source, "note": "nouveau mot interdit"},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    page = dash.client.get(saved.headers["location"]).text
    assert "Nouvelle version enregistrée" in page and "nouveau mot interdit" in page
    assert "saperlipopette" in page and ADMIN[0] in page
    assert _versions(dash) == 1


def test_stats_page_renders_svg_charts(dash: Dash) -> None:
    held = dash.comment("Un avis douteux.")
    dash.comment("Une remarque ordure.")
    dash.comment("Merci.")
    csrf = dash.login(MODERATOR)
    dash.act(csrf, "publish", held)
    page = dash.client.get("/moderation/stats").text
    assert page.count("<svg") >= 4
    assert "violence-haine-insultes" in page  # decisions by clause
    assert "Accord entre le moteur et les modérateurs" in page
    assert '<td class="num">1</td>' in page  # one comment reviewed, overturned
    english = dash.client.get("/moderation/stats?lang=en").text
    assert "Comments per day" in english


def test_the_dashboard_speaks_english_on_request(dash: Dash) -> None:
    csrf = dash.login(MODERATOR)
    assert (
        "Recently published"
        in dash.client.get("/moderation/queue/held", headers={"Accept-Language": "en-GB"}).text
    )
    dash.client.post(
        "/moderation/preferences", data={"csrf": csrf, "lang": "en", "back": "/moderation/stats"}
    )
    assert "Statistics" in dash.client.get("/moderation/stats").text
