"""The spoiler gate: what a reader has not watched yet stays collapsed behind a reveal control.

A reader's progress is snapped down to a bucket (BUCKET seconds), so a page shows one of a few
versions per film, and cached pages stay shared by every reader in the same bucket. Snapping
down never reveals more than the reader has watched."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest

from films.models import Film
from reviews.premiere.selectors import premiere_on_now
from reviews.spoilers.models import WatchProgress

BUCKET = 300  # five minutes
# Anonymous readers' progress: "<film pk>=<seconds>|done|off" pairs joined by ".".
COOKIE = "watch_progress"


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
        return "unset" if self.position is None else f"at{self.position}"


def parse_cookie(value: str) -> dict[int, str]:
    """The anonymous reader's cookie as {film pk: "2700" | "done" | "off"}; junk is ignored."""
    progress: dict[int, str] = {}
    for pair in value.split("."):
        film, _, state = pair.partition("=")
        if film.isdigit() and (state.isdigit() or state in ("done", "off")):
            progress[int(film)] = state
    return progress


def premiere_default(film: Film) -> Gate | None:
    """During the film's premiere, a reader who has not said how far they are is where everyone
    watching is: at the premiere's elapsed time, rounded up to its bucket, so the comments of
    the last few minutes show (they carry that time: reviews/premiere). None outside one."""
    premiere = premiere_on_now(film.pk)
    if premiere is None:
        return None
    return Gate(position=snap(premiere.elapsed() + BUCKET - 1))


def gate_for(request: HttpRequest, film: Film) -> Gate:
    """The gate of the reader asking, for `film`."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        row = WatchProgress.objects.filter(reader=user, film=film).first()
        if row is None or (row.position is None and not row.finished):
            return premiere_default(film) or Gate(position=None)
        return Gate(
            position=None if row.position is None else snap(row.position), finished=row.finished
        )
    state = parse_cookie(request.COOKIES.get(COOKIE, "")).get(film.pk)
    if state is None:
        return premiere_default(film) or Gate(position=None)
    if state == "off":
        return Gate(position=None, off=True)
    if state == "done":
        return Gate(position=None, finished=True)
    return Gate(position=snap(int(state)))
