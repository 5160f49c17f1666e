"""A gettext catalog for the strings that click and Typer look up through `gettext`.

click and Typer ask `gettext.gettext` for their help and error strings (« Show this message and
exit. », « [required] », the panel titles): gettext's own way in is a message catalog for the
current domain and language. palabre writes its French (`i18n.FRENCH`) as a GNU `.mo` file in
its cache folder, named after the content's hash, binds the domain to that folder and asks for
French (`LANGUAGE=fr`, which gettext reads before `LANG`). Nothing of click's or Typer's is
replaced."""

from __future__ import annotations

import array
import gettext
import hashlib
import os
import struct
import tempfile
from pathlib import Path

MAGIC = 0x950412DE
LANGUAGE = "fr"


def mo_bytes(messages: dict[str, str]) -> bytes:
    """`messages` (msgid → translation) as a GNU `.mo` file, UTF-8, without a hash table."""
    entries = {"": "Content-Type: text/plain; charset=UTF-8\n"}
    entries.update(messages)
    keys = sorted(k.encode() for k in entries)
    values = {k.encode(): v.encode() for k, v in entries.items()}
    ids = strs = b""
    spans: list[tuple[int, int, int, int]] = []
    for key in keys:
        spans.append((len(ids), len(key), len(strs), len(values[key])))
        ids += key + b"\0"
        strs += values[key] + b"\0"
    key_start = 7 * 4 + 16 * len(keys)
    value_start = key_start + len(ids)
    table: list[int] = []
    for id_at, id_len, _, _ in spans:
        table += [id_len, id_at + key_start]
    for _, _, str_at, str_len in spans:
        table += [str_len, str_at + value_start]
    header = struct.pack("Iiiiiii", MAGIC, 0, len(keys), 7 * 4, 7 * 4 + len(keys) * 8, 0, 0)
    return header + array.array("i", table).tobytes() + ids + strs


def _cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "palabre"


def write_catalog(messages: dict[str, str], domain: str) -> Path:
    """The folder holding `<LANGUAGE>/LC_MESSAGES/<domain>.mo` for `messages`, written once
    (atomically) per content; in the temporary folder when the cache cannot be written."""
    data = mo_bytes(messages)
    name = f"gettext-{hashlib.sha256(data).hexdigest()[:16]}"
    for root in (_cache_root(), Path(tempfile.gettempdir()) / "palabre"):
        folder = root / name
        target = folder / LANGUAGE / "LC_MESSAGES" / f"{domain}.mo"
        try:
            if not (target.is_file() and target.read_bytes() == data):
                target.parent.mkdir(parents=True, exist_ok=True)
                handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                os.replace(temporary, target)
            return folder
        except OSError:
            continue
    raise OSError("no folder to write the gettext catalog in")


def install(messages: dict[str, str]) -> None:
    """Makes `gettext.gettext` answer `messages` in this process (its current domain, French)."""
    domain = gettext.textdomain()
    gettext.bindtextdomain(domain, str(write_catalog(messages, domain)))
    os.environ["LANGUAGE"] = LANGUAGE
