"""Comment text: the Markdown subset and the sanitiser never let active code through."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from palabre.comments.text import clean_text, render
from palabre.errors import PalabreError


def test_render_keeps_the_subset() -> None:
    html = render("**gras** et *italique*\n\n> citation\n\n- un\n- deux\n\n`code`")
    for tag in ("<strong>", "<em>", "<blockquote>", "<ul>", "<li>", "<code>"):
        assert tag in html


def test_render_drops_images_and_raw_html() -> None:
    html = render('![x](https://example.org/x.png) <b onclick="x()">b</b>')
    assert "<img" not in html and "<b " not in html
    assert "&lt;b onclick" in html, "raw HTML is shown as text, never as markup"


@pytest.mark.parametrize(
    "text",
    ["[a](javascript:alert(1))", "<script>x</script>", "<a href=x onmouseover=alert(1)>x</a>"],
)
def test_active_code_is_refused(text: str) -> None:
    with pytest.raises(PalabreError) as error:
        clean_text(text, 5000)
    assert error.value.code == "contenu_dangereux"


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("<>\"'=/ ascriptonloadjv:()[]*_`&#;x1\n")), max_size=80)
)
def test_rendered_html_never_contains_active_code(text: str) -> None:
    html = render(text).lower()
    assert "<script" not in html
    assert "javascript:" not in html
    import re

    assert not re.search(r"<[^>]*\son[a-z]+=", html)
