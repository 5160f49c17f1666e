"""The input guard's NUL test on the URL is percent-decoding's, without decoding."""

from __future__ import annotations

from urllib.parse import unquote_to_bytes

from hypothesis import given
from hypothesis import strategies as st

from palabre.web.input_guard import _nul_in_url

_PIECES = st.sampled_from(
    [b"%", b"0", b"00", b"%0", b"%00", b"\x00", b"a", b"+", b"%2", b"%%", b"F"]
)


def _decoded_has_nul(raw_path: bytes, query: bytes) -> bool:
    return b"\x00" in unquote_to_bytes(raw_path) or b"\x00" in unquote_to_bytes(
        query.replace(b"+", b" ")
    )


@given(st.lists(_PIECES, max_size=12), st.lists(_PIECES, max_size=12))
def test_same_answer_as_decoding(path: list[bytes], query: list[bytes]) -> None:
    raw_path, query_string = b"/api/" + b"".join(path), b"".join(query)
    scope = {"raw_path": raw_path, "path": "/api/", "query_string": query_string}
    assert _nul_in_url(scope) == _decoded_has_nul(raw_path, query_string)
