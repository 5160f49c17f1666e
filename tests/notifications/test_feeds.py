"""Atom feeds validate against the structure RFC 4287 requires."""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from defusedxml import ElementTree
from fastapi.testclient import TestClient

A = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
THREAD = "https://journal.example/article-3"


def _valid_atom(body: bytes) -> Element:
    feed = ElementTree.fromstring(body)
    assert feed.tag == f"{A}feed"
    assert feed.get(XML_LANG) == "fr"
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{A}{name}")) == 1, name
        assert (feed.findtext(f"{A}{name}") or "").strip(), name
    assert RFC3339.match(feed.findtext(f"{A}updated") or "")
    assert [link for link in feed.findall(f"{A}link") if link.get("rel") == "self"]
    feed_author = feed.find(f"{A}author/{A}name") is not None
    ids = [feed.findtext(f"{A}id")]
    for entry in feed.findall(f"{A}entry"):
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{A}{name}")) == 1, name
            assert (entry.findtext(f"{A}{name}") or "").strip(), name
        assert RFC3339.match(entry.findtext(f"{A}updated") or "")
        assert RFC3339.match(entry.findtext(f"{A}published") or "")
        assert feed_author or entry.find(f"{A}author/{A}name") is not None
        content = entry.find(f"{A}content")
        assert content is not None and content.get("type") == "html"
        ids.append(entry.findtext(f"{A}id"))
    assert len(ids) == len(set(ids)), "ids must be unique"
    assert all(str(i).startswith("tag:") for i in ids)
    return feed


def _post(client: TestClient, text: str, thread: str = THREAD) -> None:
    response = client.post(
        "/api/comments",
        json={"thread": thread, "text": text, "thread_title": "Le budget", "author": "Zoé"},
    )
    assert response.status_code == 201


def test_thread_and_site_feeds_list_published_comments(app_client: TestClient) -> None:
    _post(app_client, "Premier avis publié sur le budget.")
    _post(app_client, "Deuxième avis <b>publié</b>, avec *emphase*.")
    _post(app_client, "Un avis à RETENIR, jamais dans le flux.")
    _post(app_client, "Un avis sur un autre article.", thread="https://journal.example/autre")

    response = app_client.get("/feeds/thread.atom", params={"site": "default", "thread": THREAD})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = _valid_atom(response.content)
    entries = feed.findall(f"{A}entry")
    assert len(entries) == 2
    assert feed.findtext(f"{A}title") == "Commentaires : Le budget"
    first = entries[0]  # newest first
    assert "Deuxième avis" in (first.findtext(f"{A}content") or "")
    content = first.findtext(f"{A}content") or ""
    assert "<em>emphase</em>" in content and "&amp;" not in content  # HTML, escaped once
    alternate = [link.get("href") for link in first.findall(f"{A}link")]
    assert alternate and str(alternate[0]).startswith(THREAD + "#palabre-comment-")
    assert "RETENIR" not in response.text

    site = app_client.get("/feeds/site.atom", params={"site": "default"})
    site_feed = _valid_atom(site.content)
    assert len(site_feed.findall(f"{A}entry")) == 3


def test_empty_and_unknown_feeds(app_client: TestClient) -> None:
    empty = app_client.get("/feeds/site.atom")
    _valid_atom(empty.content)
    missing = app_client.get("/feeds/thread.atom", params={"thread": "https://nulle.part/"})
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "fil_inconnu"
    unknown = app_client.get("/feeds/site.atom", params={"site": "inconnu"})
    assert unknown.json()["error"]["code"] == "site_inconnu"
