"""Untrusted HTML → palabre's Markdown subset, and article URLs → thread keys."""

from __future__ import annotations

import pytest

from palabre.comments.text import render
from palabre.errors import PalabreError
from palabre.interop.textconv import EMPTY_TEXT, clean_name, html_to_markdown
from palabre.interop.urls import normalise_url


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "<p>Un <b>mot</b> et <i>un autre</i></p><p>Suite</p>",
            "Un **mot** et *un autre*\n\nSuite",
        ),
        ('<a href="https://ex.fr/a b" onclick="x()">lien</a>', "[lien](https://ex.fr/a%20b)"),
        ('<a href="javascript:alert(1)">piège</a>', "piège"),
        ('<a href="data:text/html,x">x</a>', "x"),
        ("avant<script>alert('x')</script>après", "avantaprès"),
        ("<style>p{}</style><iframe src=x>cadre</iframe>texte", "texte"),
        ("<blockquote>cité</blockquote>réponse", "> cité\n\nréponse"),
        ("<ul><li>un</li><li>deux</li></ul>", "- un\n- deux"),
        ("ligne<br>suivante", "ligne  \nsuivante"),
        ("5 * 3 = 15, a_b, [x]", "5 \\* 3 = 15, a\\_b, \\[x\\]"),
        (
            "<p>- pas une liste</p><p>1. ni une liste numérotée</p><p># ni un titre</p>",
            "\\- pas une liste\n\n1\\. ni une liste numérotée\n\n\\# ni un titre",
        ),
        ("&lt;script&gt; &eacute;t&eacute; &#128512; &amp;", "\\<script> été 😀 &"),
        ('<img src="x" onerror="alert(1)">', EMPTY_TEXT),
        ("caf\u0065\u0301\x00\x1b", "café"),
        ("non\u00a0sécable", "non\u00a0sécable"),
    ],
)
def test_html_to_markdown(source: str, expected: str) -> None:
    assert html_to_markdown(source) == expected


def test_rendered_html_is_safe_and_keeps_structure() -> None:
    html = render(
        html_to_markdown(
            '<p><b>Gras</b> <a href="https://ex.fr" style="x">lien</a></p>'
            "<p>&lt;img src=x onerror=alert(1)&gt; <script>alert(2)</script></p>"
        )
    )
    assert "<strong>Gras</strong>" in html and 'href="https://ex.fr"' in html
    assert "<img" not in html and "<script" not in html and "alert(2)" not in html


def test_markdown_source_keeps_markdown() -> None:
    text = "**gras** et <b>html</b>\n\n> citation <script>alert(1)</script>\n\n- liste"
    assert html_to_markdown(text, markdown_source=True) == (
        "**gras** et **html**\n\n> citation\n\n- liste"
    )


def test_author_names() -> None:
    assert clean_name("  Jeanne\u202e <b>Martin</b>  ") == "Jeanne bMartin/b"
    assert clean_name("x" * 100) == "x" * 80
    assert clean_name(" \x07 ") is None and clean_name(None) is None


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("HTTPS://Journal.Example:443/Article/#comments", "https://journal.example/Article/"),
        ("http://journal.example:8080/a", "http://journal.example:8080/a"),
        ("https://journal.example", "https://journal.example/"),
        ("https://journal.example/a?utm_source=x&p=12&fbclid=y", "https://journal.example/a?p=12"),
        ("https://blog.example/2025/08/x.html?m=1", "https://blog.example/2025/08/x.html"),
        ("https://journal.example/sans-barre", "https://journal.example/sans-barre"),
        ("/chemin/relatif/", "/chemin/relatif/"),
    ],
)
def test_thread_keys(url: str, key: str) -> None:
    assert normalise_url(url, "test") == key


def test_base_url_and_invalid_urls() -> None:
    assert normalise_url("/a/", "x", "https://Journal.Example") == "https://journal.example/a/"
    assert normalise_url("http://old.example/a", "x", "https://new.example") == (
        "https://new.example/a"
    )
    for bad in ("ftp://x.fr/a", "javascript:alert(1)", "pas une adresse", "https://x.fr:99999/"):
        with pytest.raises(PalabreError) as caught:
            normalise_url(bad, "fichier, ligne 3")
        assert caught.value.code == "import_valeur_invalide"
        assert str(caught.value).startswith("fichier, ligne 3 : valeur invalide pour « url »")
