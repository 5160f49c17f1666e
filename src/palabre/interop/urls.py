"""Article URLs → thread keys, so imported threads meet the widget's threads.

The widget's key is the page's canonical URL, else `origin + pathname`. An imported URL is
normalised the same way: scheme and host in lower case, default port dropped, fragment dropped,
tracking parameters (`utm_*`, `fbclid`, `gclid`, Blogger's `m=0|1`) dropped, other query
parameters kept (WordPress `?p=12` permalinks). The path is kept as is — a trailing slash is
neither added nor removed, since `/article` and `/article/` are distinct pages for the widget —
except that an empty path becomes `/`. `base_url` rebases every URL on another origin (a site
that moved from http to https, or Isso's relative URIs)."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from palabre.errors import PalabreError

_DEFAULT_PORTS = {"http": 80, "https": 443}
_TRACKING = {"fbclid", "gclid", "mc_cid", "mc_eid"}


def normalise_url(url: str, place: str, base_url: str | None = None) -> str:
    """The thread key for `url`; `place` names the source element in errors."""
    raw = url.strip()
    parts = urlsplit(raw)
    if base_url:
        base = urlsplit(base_url.strip())
        parts = parts._replace(scheme=base.scheme, netloc=base.netloc)
    if not parts.scheme and not parts.netloc and raw.startswith("/"):
        return _path_and_query(parts.path, parts.query)  # relative (Isso without --base-url)
    if parts.scheme.lower() not in _DEFAULT_PORTS or not parts.hostname:
        raise PalabreError(
            "import_valeur_invalide", params={"place": place, "field": "url", "value": raw[:200]}
        )
    scheme = parts.scheme.lower()
    host = parts.hostname.lower()
    try:
        port = parts.port
    except ValueError as exc:
        raise PalabreError(
            "import_valeur_invalide", params={"place": place, "field": "url", "value": raw[:200]}
        ) from exc
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    return f"{scheme}://{netloc}{_path_and_query(parts.path, parts.query)}"


def _path_and_query(path: str, query: str) -> str:
    kept = [
        (k, v)
        for k, v in parse_qsl(query, keep_blank_values=True)
        if not k.startswith("utm_") and k not in _TRACKING and not (k == "m" and v in {"0", "1"})
    ]
    return urlunsplit(("", "", path or "/", urlencode(kept), ""))
