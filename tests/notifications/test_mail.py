"""Message building: header injection is impossible, both parts are there."""

from __future__ import annotations

import pytest

from palabre.notifications.mail import Email, build_message, clean_header, valid_address


def test_cr_lf_in_subject_name_and_headers_cannot_inject() -> None:
    email = Email(
        to="a@example.org",
        subject="Bonjour\r\nBcc: victime@example.org",
        text="corps",
        html="<p>corps</p>",
        headers={"List-Unsubscribe": "<https://x/u>\r\nBcc: autre@example.org"},
    )
    message = build_message(email, "Le Journal\r\nBcc: x@example.org <c@journal.example>")
    raw = message.as_string()
    assert "\nBcc:" not in raw and "\rBcc:" not in raw
    assert message["Subject"] == "Bonjour Bcc: victime@example.org"
    assert message.get_body(preferencelist=("plain",)) is not None
    assert message.get_body(preferencelist=("html",)) is not None


@pytest.mark.parametrize("address", ["a@b\r\n.org", "x\n@y.org", "pas-une-adresse", "a@b"])
def test_invalid_recipients_are_refused(address: str) -> None:
    assert not valid_address(address)
    with pytest.raises(ValueError):
        build_message(Email(address, "s", "t", ""), "c@journal.example")


def test_clean_header() -> None:
    assert clean_header("a\r\nb\tc\x00") == "a b c"
