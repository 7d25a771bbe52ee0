"""The live thread's updates: readers with a premiere's thread open ask every few seconds for
its threads, with the ETag of what they have. While the thread's stamp is unbumped the answer
is a 304 worked out from the shared cache alone: no SQL, no render.

The ETag names what the reader was shown: the thread's stamp, who they are (their own held
comments and edit links show to them alone), their spoiler gate, the language and the release.
A signed-in reader's gate is read from the database, so the page says which gate it was
rendered with (`?gate=`): a poll that claims a gate only saves work, since a changed thread is
rendered with the reader's real gate, whose key the new fragment then carries."""

from __future__ import annotations

import re

from django.contrib.auth import SESSION_KEY
from django.http import HttpRequest
from django.utils import translation

from config import pagecache
from config.pagecache.keys import release
from films.models import Premiere
from reviews.discussion.subjects import Subject
from reviews.spoilers.gate import gate_for

GATE_KEY = re.compile(r"open|off|done|unset|at\d{1,6}")


def session_reader(request: HttpRequest) -> str:
    """Who is asking, from the session alone (loading the user would cost a query)."""
    if not hasattr(request, "session"):
        return "anon"
    return str(request.session.get(SESSION_KEY) or "anon")


def claimed_gate(request: HttpRequest) -> str | None:
    gate = request.GET.get("gate", "")
    return gate if GATE_KEY.fullmatch(gate) else None


def gate_key(request: HttpRequest, premiere: Premiere, *, claimed_ok: bool = True) -> str:
    """The reader's gate key: an anonymous reader's from their cookie (no query); a signed-in
    reader's as the page claims it, if `claimed_ok` and it does, else from the database. Asked
    twice in one request, the second answer is the first's, or the real one."""
    if claimed_ok and session_reader(request) != "anon" and (claimed := claimed_gate(request)):
        return claimed
    if (known := getattr(request, "premiere_gate_key", None)) is None:
        known = request.premiere_gate_key = gate_for(request, premiere.film).key
    return known


def thread_etag(request: HttpRequest, premiere: Premiere, *, gate: str) -> str:
    version = pagecache.version([Subject(premiere).stamp])
    made_of = (
        premiere.pk,
        version,
        session_reader(request),
        gate,
        translation.get_language(),
        release(),
        pagecache.template_version("reviews/discussion/discussion.html"),
    )
    return f'"{pagecache.digest(made_of)}"'
