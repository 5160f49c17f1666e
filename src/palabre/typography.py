"""French typography for every message a person reads: a no-break space before « : » and a
narrow one before « ; ! ? », no-break spaces inside « », and the typographic apostrophe (’).
Messages are written plainly in the code and pass through `french()` on their way out (the
widget applies the same rules in JavaScript)."""

from __future__ import annotations

import re

NBSP = "\u00a0"
NNBSP = "\u202f"
# not after an opening « : in « ; » the mark is what is quoted, spaced like any quoted word
_BEFORE_COLON = re.compile(r"(?<![«\s\u00a0\u202f])[ \u00a0\u202f]*:(?=\s|$)")
_BEFORE_TALL = re.compile(r"(?<![«\s\u00a0\u202f])[ \u00a0\u202f]*([;!?])(?=\s|$|[»)\"])")
_OPEN_QUOTE = re.compile(r"«[ \u00a0\u202f]*")
_CLOSE_QUOTE = re.compile(r"[ \u00a0\u202f]*»")
_APOSTROPHE = re.compile(r"(?<=[A-Za-zÀ-ÿ])'(?=[A-Za-zÀ-ÿ{])")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def french(text: str) -> str:
    """`text` with French spacing and apostrophes; `{placeholders}` are left alone (the rules
    only touch a mark followed by a space or the end, so « https://… » is untouched)."""
    parts = _PLACEHOLDER.split(text)
    holes = _PLACEHOLDER.findall(text)
    fixed = [_fix(p) for p in parts]
    out = fixed[0]
    for hole, part in zip(holes, fixed[1:], strict=True):
        out += hole + part
    return out


def _fix(text: str) -> str:
    text = _APOSTROPHE.sub("’", text)
    text = _OPEN_QUOTE.sub("«" + NBSP, text)
    text = _CLOSE_QUOTE.sub(NBSP + "»", text)
    text = _BEFORE_COLON.sub(NBSP + ":", text)
    return _BEFORE_TALL.sub(lambda m: NNBSP + m.group(1), text)
