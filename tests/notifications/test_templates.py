"""Every e-mail renders in French and in English, text and HTML, with the comment escaped."""

from __future__ import annotations

import pytest

from palabre.notifications.render import SUBJECTS, render_email, render_page

COMMENT = {
    "id": 7,
    "author": "Zoé <b>",
    "verified": True,
    "text": "Texte & avis",
    "html": "<p>Texte &amp; avis</p>",
    "url": "https://j.example/a#palabre-comment-7",
    "date": "01/02/2026 10:00",
}
CONTEXT = {
    "thread_title": "L'article <i>",
    "mode": "digest",
    "confirm_url": "https://p/c?token=t",
    "c": COMMENT,
    "comments": [COMMENT, COMMENT],
    "unsubscribe_url": "https://p/u?token=t",
    "optout_url": "https://p/o?token=t",
    "reasons": ["3.2 Pas d'insulte"],
    "hours": 72,
    "publish_url": "https://p/moderation/link/a",
    "reject_url": "https://p/moderation/link/b",
}


@pytest.mark.parametrize("locale", ["fr", "en"])
@pytest.mark.parametrize("name", sorted(SUBJECTS["fr"]))
def test_every_template_renders(name: str, locale: str) -> None:
    email = render_email(name, locale, "a@example.org", CONTEXT)
    assert email.subject == SUBJECTS[locale][name].format(title="L'article <i>")
    assert email.text.strip() and email.html.strip()
    assert f'<html lang="{locale}">' in email.html
    assert "<i>" not in email.html and "&lt;i&gt;" in email.html  # titles are escaped
    assert "Zoé <b>" not in email.html


def test_unknown_locale_falls_back_to_french() -> None:
    assert render_email("confirm", "de", "a@example.org", CONTEXT).subject.startswith("Confirmez")


def test_page_escapes() -> None:
    html = render_page("fr", "Titre", ["<script>x</script>"], quote="<b>q</b>")
    assert "<script>" not in html and "&lt;b&gt;" in html
