"""Names for cached values, built from what they are made of."""

from __future__ import annotations

import functools
import hashlib
import logging
from pathlib import Path

from django.conf import settings
from django.template.loader import get_template

logger = logging.getLogger(__name__)
_template_digests: dict[str, str] = {}
# What shapes a cached value: the code and the templates. A new release names new entries, so
# no process ever reads what another release rendered (or pickled).
_SOURCES = ("config", "films", "reviews", "templates")
_SUFFIXES = {".py", ".html", ".txt", ".po"}


def digest(values) -> str:
    return hashlib.md5(repr(values).encode(), usedforsecurity=False).hexdigest()


def template_version(name: str) -> str:
    """Changes with the template file's source (a partial's, "file.html#part", is its file's),
    so a deploy never serves an old layout (and, with DEBUG on, where templates change under a
    running server, an edit shows at once)."""
    file = name.partition("#")[0]
    if settings.DEBUG or file not in _template_digests:
        _template_digests[file] = digest(get_template(file).template.source)[:8]
    return _template_digests[file]


@functools.cache
def release() -> str:
    """PAGE_CACHE_RELEASE if set (a deploy's commit, say), else a digest of the sources."""
    if settings.PAGE_CACHE_RELEASE:
        return settings.PAGE_CACHE_RELEASE
    sources = hashlib.md5(usedforsecurity=False)
    for top in _SOURCES:
        for path in sorted(Path(settings.BASE_DIR, top).rglob("*")):
            if path.suffix in _SUFFIXES and "migrations" not in path.parts:
                sources.update(path.read_bytes())
    return sources.hexdigest()[:12]


def read(cache, key: str):
    """`cache.get(key)`, or None for an entry that cannot be read (a deploy changed what it was
    pickled from while sharing the release name): a miss, not an error page."""
    try:
        return cache.get(key)
    except (AttributeError, ImportError, EOFError, TypeError, ValueError) as error:
        logger.warning("Unreadable cache entry %s: %r", key, error)
        return None
