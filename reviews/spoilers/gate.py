"""The spoiler gate: what a reader has not watched yet stays collapsed behind a reveal control.

A reader's progress is snapped down to a bucket (BUCKET seconds), so a page shows one of a few
versions per film, and cached pages stay shared by every reader in the same bucket. Snapping
down never reveals more than the reader has watched."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.utils.translation import gettext

from config import pagecache
from films import timecodes
from films.models import Film
from reviews.premiere.selectors import premiere_on_now
from reviews.spoilers.models import WatchProgress

BUCKET = 300  # five minutes
# Anonymous readers' progress: "<film pk>=<seconds>|done|off" pairs joined by ".".
COOKIE = "watch_progress"
COOKIE_MAX_AGE = 365 * 24 * 3600
# More films than this in one cookie is junk: a reader's cookie stays short.
COOKIE_FILMS = 20
# A position beyond this (ten hours) is junk too: no film runs that long.
LONGEST = 10 * 3600


def snap(seconds: int) -> int:
    return seconds - seconds % BUCKET


@dataclass(frozen=True)
class Gate:
    position: int | None  # seconds watched, snapped to a bucket; None: the reader has not said
    finished: bool = False
    off: bool = False

    def hides(self, *, timecode: int | None, contains_spoilers: bool) -> bool:
        """Whether an item is collapsed for this reader. Without a stated progress everything
        tagged is collapsed: spoiling nothing is the point."""
        if self.off or self.finished:
            return False
        if timecode is not None:
            return self.position is None or timecode > self.position
        return contains_spoilers

    @property
    def key(self) -> str:
        """Names this version of a page in cache keys."""
        if self.off:
            return "off"
        if self.finished:
            return "done"
        return "open" if self.position is None else f"at{self.position}"

    @property
    def position_text(self) -> str:
        """The position as readers write it ("0:45"); "" when unknown."""
        return "" if self.position is None else timecodes.format(self.position)

    def summary(self, *, timecode: int | None) -> str:
        """What the reveal control of an item this gate hides says."""
        if timecode is None:
            return gettext("Spoiler · reveal")
        if self.position is None:
            return gettext("At %(timecode)s · reveal") % {"timecode": timecodes.format(timecode)}
        return gettext("After %(position)s · reveal") % {"position": self.position_text}


OPEN = Gate(position=None)


def _state(value: str) -> str | None:
    """One film's state in the cookie (seconds without leading zeros), or None for junk."""
    if value in ("done", "off"):
        return value
    if value.isascii() and value.isdigit() and len(value) <= 6 and int(value) <= LONGEST:
        return str(int(value))
    return None


def parse_cookie(value: str) -> dict[int, str]:
    """The anonymous reader's cookie as {film pk: "2700" | "done" | "off"}; junk is ignored."""
    progress: dict[int, str] = {}
    for pair in value.split(".")[:COOKIE_FILMS]:
        film, _, state = pair.partition("=")
        is_film = film.isascii() and film.isdigit() and len(film) <= 12
        if is_film and (canonical := _state(state)) is not None:
            progress[int(film)] = canonical
    return progress


def write_cookie(progress: dict[int, str]) -> str:
    """The cookie's value for `progress`, in a canonical order."""
    return ".".join(f"{film}={state}" for film, state in sorted(progress.items()))


def canonical_cookie(value: str) -> str:
    """What of the cookie changes a page: its states snapped to buckets, in order; "" when it
    says nothing (or only junk), so such readers share the pages of readers without it.
    Named by settings.PAGE_CACHE_KEY_COOKIES."""
    progress = parse_cookie(value)
    return write_cookie(
        {film: state if state in ("done", "off") else str(snap(int(state)))
         for film, state in progress.items()}
    )  # fmt: skip


def premiere_default(film_pk: int, request: HttpRequest | None = None) -> Gate | None:
    """During the film's premiere, a reader who has not said how far they are is where everyone
    watching is: at the premiere's elapsed time, rounded up to its bucket, so the comments of
    the last few minutes show (they carry that time: reviews/premiere). None outside one."""
    premiere = premiere_on_now(film_pk, request)
    if premiere is None:
        return None
    return Gate(position=snap(premiere.elapsed() + BUCKET - 1))


def _from_state(state: str | None) -> Gate:
    if state is None:
        return OPEN
    if state == "off":
        return Gate(position=None, off=True)
    if state == "done":
        return Gate(position=None, finished=True)
    return Gate(position=snap(int(state)))


def progress_stamp(reader_pk: int) -> str:
    """A reader's watch progress, of every film (bumped by reviews/spoilers/services.py)."""
    return f"reviews.watch-progress:{reader_pk}"


def _signed_in_gate(request: HttpRequest, film_pk: int) -> Gate:
    user = request.user

    def compute():
        row = (
            WatchProgress.objects.filter(reader=user, film_id=film_pk)
            .values_list("position", "finished", "gate_off")
            .first()
        )
        if row is None:
            return OPEN, [progress_stamp(user.pk)]
        position, finished, off = row
        gate = Gate(
            position=None if position is None else snap(position), finished=finished, off=off
        )
        return gate, [progress_stamp(user.pk)]

    name = f"watch-progress:{user.pk}:{film_pk}"
    return pagecache.page_part(request, name, compute, localised=False).value


def gate_for(request: HttpRequest, film: Film | int) -> Gate:
    """The gate of the reader asking, for `film` (or its pk): a signed-in reader's from their
    account (kept until they change it), a visitor's from the cookie; during the film's
    premiere, a reader who has not said is where the premiere is. Once per request."""
    film_pk = film if isinstance(film, int) else film.pk
    gates = request.__dict__.setdefault("_spoiler_gates", {})
    if film_pk not in gates:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            gates[film_pk] = _signed_in_gate(request, film_pk)
        else:
            state = parse_cookie(request.COOKIES.get(COOKIE, "")).get(film_pk)
            gates[film_pk] = _from_state(state)
        if gates[film_pk] == OPEN:
            # Not kept with the reader's gate: it moves on as the premiere plays.
            gates[film_pk] = premiere_default(film_pk, request) or OPEN
    return gates[film_pk]


def mark_gated(items, gate: Gate) -> list:
    """Give each item (with `timecode` and `contains_spoilers`) its `gated_summary`: what its
    reveal control says when `gate` hides it, "" when it is shown. Templates wrap the item in
    `<details class="gated">` when it is not empty."""
    items = list(items)
    for item in items:
        hidden = gate.hides(timecode=item.timecode, contains_spoilers=item.contains_spoilers)
        item.gated_summary = gate.summary(timecode=item.timecode) if hidden else ""
    return items
