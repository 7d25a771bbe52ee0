"""How far a signed-in reader has watched a film, and whether their spoiler gate is on.

Every write bumps the reader's progress stamp (reviews.spoilers.gate.progress_stamp): their
gate is kept with it, and so is every part of a page that shows what their gate collapses."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from config import pagecache
from films import timecodes
from films.models import Film
from reviews.spoilers.gate import progress_stamp
from reviews.spoilers.models import WatchProgress


def _changed(reader: User) -> None:
    pagecache.changed(progress_stamp(reader.pk))


def _check_position(film: Film, position: int) -> None:
    if position < 0:
        raise ValidationError(_("A time in the film cannot be negative."), code="negative")
    if film.running_time and position > film.running_time * 60:
        raise ValidationError(
            _("%(text)s is after the end of the film, which runs %(end)s.")
            % {"text": timecodes.format(position), "end": timecodes.format(film.running_time * 60)},
            code="timecode_after_end",
        )


@transaction.atomic
def progress_set(
    *, reader: User, film: Film, position: int | None = None, finished: bool = False
) -> WatchProgress:
    """The reader is `position` seconds into `film`, or has `finished` it; saying so turns
    their gate on again (as a visitor's cookie, which holds one of the two, does)."""
    if finished == (position is not None):
        raise TypeError("progress_set takes a position or finished=True")
    if position is not None:
        _check_position(film, position)
    progress, _created = WatchProgress.objects.select_for_update().update_or_create(
        reader=reader,
        film=film,
        defaults={
            "position": position,
            "finished": finished,
            "gate_off": False,
            "updated_at": timezone.now(),
        },
    )
    _changed(reader)
    return progress


@transaction.atomic
def progress_clear(*, reader: User, film: Film) -> None:
    """Forget how far the reader watched `film`: everything tagged is collapsed again."""
    WatchProgress.objects.filter(reader=reader, film=film).delete()
    _changed(reader)


@transaction.atomic
def gate_set(*, reader: User, film: Film, off: bool) -> WatchProgress | None:
    """Turn the reader's spoiler gate for `film` off (nothing collapsed) or on again (at their
    progress as it was)."""
    progress = WatchProgress.objects.select_for_update().filter(reader=reader, film=film).first()
    if progress is None:
        if not off:
            return None  # on, with no progress: as if nothing was said
        progress = WatchProgress(reader=reader, film=film)
    elif not off and progress.position is None and not progress.finished:
        progress.delete()  # the row only said "off"
        _changed(reader)
        return None
    progress.gate_off = off
    progress.updated_at = timezone.now()
    progress.full_clean(validate_unique=False)
    progress.save()
    _changed(reader)
    return progress
