"""Request bodies of the public API."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from palabre.storage.models import MAX_ID as MAX_ID  # re-exported for the routes

THREAD_KEY = r"^[^\x00-\x1f\x7f]+$"  # an article's URL or id: no control characters


class CommentIn(BaseModel):
    model_config = ConfigDict(extra="ignore")

    site: str = Field("default", min_length=1, max_length=64)
    thread: str = Field(min_length=1, max_length=1000, pattern=THREAD_KEY)
    thread_title: str = Field("", max_length=500)
    thread_url: str = Field("", max_length=2000)
    parent: int | None = Field(None, ge=1, le=MAX_ID)
    author: str | None = Field(None, max_length=200)
    reader: str | None = Field(
        None,
        max_length=64,
        description="Jeton aléatoire du navigateur du lecteur (limite de débit).",
    )
    email: str | None = Field(None, max_length=254)
    text: str
    website: str | None = Field(None, max_length=200, description="Pot de miel : doit rester vide.")
    sso: str | None = Field(None, max_length=4000, description="JWT HS256 signé par le site (SSO).")


class CommentEditIn(BaseModel):
    text: str


class OwnIn(BaseModel):
    """The view tokens a browser keeps for the comments it posted on one thread."""

    site: str = Field("default", min_length=1, max_length=64)
    thread: str = Field(min_length=1, max_length=1000, pattern=THREAD_KEY)
    tokens: list[str] = Field(max_length=50)


class ReportIn(BaseModel):
    reason: str = Field(max_length=40)
    details: str | None = Field(None, max_length=2000)
    email: str | None = Field(
        None,
        max_length=254,
        description="Facultatif : un signalement compte une fois par personne.",
    )


class CountsIn(BaseModel):
    site: str = Field("default", min_length=1, max_length=64)
    threads: list[str] = Field(max_length=500)


class CheckIn(BaseModel):
    text: str
    site: str = Field("default", max_length=64)
