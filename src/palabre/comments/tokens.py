"""Signed edit tokens: the author may edit or delete within a window, no account needed."""

from __future__ import annotations

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from palabre.errors import PalabreError

_SALT = "palabre.edit-token.v1"


class EditTokens:
    def __init__(self, secret_key: str, window_seconds: int) -> None:
        self._serializer = URLSafeTimedSerializer(secret_key, salt=_SALT)
        self.window_seconds = window_seconds

    def issue(self, comment_id: int, nonce: str) -> str:
        return self._serializer.dumps([comment_id, nonce])

    def verify(self, token: str | None, comment_id: int, nonce: str) -> None:
        """Raise `jeton_invalide` for a forged or foreign token, `jeton_expire` after the window."""
        if not token:
            raise PalabreError("jeton_invalide")
        try:
            payload = self._serializer.loads(token, max_age=self.window_seconds)
        except SignatureExpired:
            raise PalabreError("jeton_expire") from None
        except BadSignature:
            raise PalabreError("jeton_invalide") from None
        if payload != [comment_id, nonce]:
            raise PalabreError("jeton_invalide")


class ViewTokens:
    """Signed, long-lived proof that this browser wrote a comment: its author sees it, marked,
    while it awaits a moderator, even after the edit window. It grants no other right."""

    _salt = "palabre.view-token.v1"

    def __init__(self, secret_key: str) -> None:
        self._serializer = URLSafeTimedSerializer(secret_key, salt=self._salt)

    def issue(self, comment_id: int) -> str:
        return self._serializer.dumps(comment_id)

    def comment_id(self, token: str) -> int | None:
        """The comment a token was issued for, or None for a forged one."""
        try:
            value = self._serializer.loads(token)
        except BadSignature:
            return None
        return value if isinstance(value, int) and not isinstance(value, bool) else None
