"""Names for cached values, built from what they are made of."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.template.loader import get_template

_template_digests: dict[str, str] = {}


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
