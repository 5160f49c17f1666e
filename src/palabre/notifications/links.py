"""Signed links sent by e-mail: confirm or end a subscription, stop reply notifications, and
act on a held comment without logging in. Each kind has its own salt, so one never passes as
another; a forged link says `lien_invalide`, an expired one `lien_expire`."""

from __future__ import annotations

from typing import Any

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from palabre.errors import PalabreError

CONFIRM = "palabre.subscription.confirm.v1"
UNSUBSCRIBE = "palabre.subscription.unsubscribe.v1"
REPLIES_OPTOUT = "palabre.replies.optout.v1"
MODERATION = "palabre.moderation.link.v1"

CONFIRM_MAX_AGE = 7 * 24 * 3600


class Links:
    def __init__(self, secret_key: str, public_url: str) -> None:
        self._secret = secret_key
        self.base = public_url.rstrip("/")

    def sign(self, kind: str, payload: Any) -> str:
        return URLSafeTimedSerializer(self._secret, salt=kind).dumps(payload)

    def load(self, kind: str, token: str, max_age: int | None = None) -> Any:
        serializer = URLSafeTimedSerializer(self._secret, salt=kind)
        try:
            return serializer.loads(token, max_age=max_age)
        except SignatureExpired:
            raise PalabreError("lien_expire") from None
        except BadSignature:
            raise PalabreError("lien_invalide") from None

    def url(self, path: str, token: str, locale: str = "fr") -> str:
        """French pages by default; `&lang=en` for a reader who chose English."""
        return f"{self.base}{path}?token={token}" + ("&lang=en" if locale == "en" else "")

    # -- the links themselves --------------------------------------------------------------------

    def confirm_url(self, subscription_id: int, nonce: str, locale: str = "fr") -> str:
        token = self.sign(CONFIRM, [subscription_id, nonce])
        return self.url("/api/subscriptions/confirm", token, locale)

    def unsubscribe_url(self, subscription_id: int, nonce: str, locale: str = "fr") -> str:
        token = self.sign(UNSUBSCRIBE, [subscription_id, nonce])
        return self.url("/api/subscriptions/unsubscribe", token, locale)

    def replies_optout_url(self, email: str, locale: str = "fr") -> str:
        token = self.sign(REPLIES_OPTOUT, email)
        return self.url("/api/subscriptions/replies-optout", token, locale)

    def moderation_url(self, comment_id: int, action: str, jti: str, moderator: str) -> str:
        token = self.sign(MODERATION, [comment_id, action, jti, moderator])
        return f"{self.base}/moderation/link/{token}"
