"""The shipped widget files: present in the installed package, small, plain ES2019.

Read through importlib.resources, so that a file left out of the wheel fails here."""

from __future__ import annotations

import gzip
import re
from importlib import resources

import pytest

WIDGET_DIR = resources.files("palabre.web") / "static" / "widget"
BUDGET_GZIP = 30 * 1024  # widget.js + widget.css, gzipped


def gzipped_size(name: str) -> int:
    return len(gzip.compress((WIDGET_DIR / name).read_bytes(), compresslevel=9))


def test_widget_and_css_fit_the_gzip_budget() -> None:
    total = gzipped_size("widget.js") + gzipped_size("widget.css")
    print(f"widget.js + widget.css gzipped: {total} bytes")
    assert total < BUDGET_GZIP


def test_count_script_is_tiny() -> None:
    assert gzipped_size("count.js") < 2 * 1024


@pytest.mark.parametrize("name", ["widget.js", "count.js"])
def test_scripts_stay_es2019_and_write_no_user_html(name: str) -> None:
    source = (WIDGET_DIR / name).read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|(?<![:\\])//[^\n]*", "", source, flags=re.S)  # drop comments
    code = re.sub(r'"(?:[^"\\\n]|\\.)*"', '""', code)  # and string literals
    assert "?." not in code.replace("? .", ""), "optional chaining is ES2020"
    assert "??" not in code, "nullish coalescing is ES2020"
    assert not re.search(r"^\s*(import|export)\s", code, re.M), "no modules: one classic script"
    # innerHTML is written once, into an inert <template>, with the server's sanitised html
    assert code.count("innerHTML") == (1 if name == "widget.js" else 0)
    assert "insertAdjacentHTML" not in code and "document.write" not in code
    assert "eval(" not in code and "new Function" not in code


def test_every_css_selector_is_prefixed() -> None:
    css = (WIDGET_DIR / "widget.css").read_text(encoding="utf-8")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"@media[^{]*\{", "", css)
    css = re.sub(r"@keyframes[^{]+\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", "", css)
    selectors = re.findall(r"([^{};@]+)\{", css)
    for group in selectors:
        for selector in group.split(","):
            selector = selector.strip()
            if not selector or selector.startswith(("from", "to")):
                continue
            assert selector.startswith(".palabre"), selector
