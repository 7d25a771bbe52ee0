"""Changes to the catalogue: films, people, credits, genres and where to watch. The admin,
commands and the shell all go through these, and each says what it made stale
(films/stamps.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from config.revisions.records import reason_for_restore
from films import stamps
from films.images import make_poster_variants
from films.models import Credit, Film, Genre, Person, Premiere, Scene, WatchOption


def _saved[Row: models.Model](obj: Row, changed: Callable[[Row], None]) -> Row:
    """Validate and save; then say what showed the object (its stamp bumps on commit too)."""
    obj.full_clean()
    obj.save()
    changed(obj)
    return obj


def _deleted[Row: models.Model](obj: Row, changed: Callable[[Row], None]) -> None:
    changed(obj)  # before the row goes: the stamps are named after it
    obj.delete()


@transaction.atomic
def film_save(*, film: Film, poster_changed: bool = False) -> Film:
    """Create or change a film; a new or removed poster gets its resized copies remade."""
    _saved(film, stamps.film_changed)
    if poster_changed:
        make_poster_variants(film)
    return film


@transaction.atomic
def film_restore(*, film: Film, revision) -> Film:
    """Bring back the film's record as it was in `revision` (one of its own), saved through
    `film_save`: a new revision, and the pages showing the film are fresh."""
    from films.history import RESTORED_FIELDS

    if revision.id != film.pk:
        raise ValidationError(_("That revision is of another film."), code="other_film")
    for name in RESTORED_FIELDS:
        setattr(film, name, getattr(revision, name))
    film._change_reason = reason_for_restore(revision)
    return film_save(film=film)


@transaction.atomic
def film_genres_set(*, film: Film, genres: Iterable[Genre]) -> Film:
    film.genres.set(genres)
    stamps.film_changed(film)
    return film


@transaction.atomic
def film_delete(*, film: Film) -> None:
    """Delete a film with its credits and where to watch it (films with reviews are kept by
    the database: the reviews app protects them)."""
    stamps.film_changed(film)
    for credit in film.credits.all():
        stamps.credit_changed(credit)
    film.delete()


@transaction.atomic
def person_save(*, person: Person) -> Person:
    return _saved(person, stamps.person_changed)


@transaction.atomic
def person_delete(*, person: Person) -> None:
    stamps.person_changed(person)
    for credit in person.credits.all():
        stamps.credit_changed(credit)
    person.delete()


@transaction.atomic
def credit_save(*, credit: Credit) -> Credit:
    """Credit a person on a film, or change the credit (possibly to another film or person:
    the pages of both are stale)."""
    before = Credit.objects.filter(pk=credit.pk).first()
    credit.full_clean()
    credit.save()
    for changed in (before, credit) if before else (credit,):
        stamps.credit_changed(changed)
    return credit


@transaction.atomic
def credit_delete(*, credit: Credit) -> None:
    _deleted(credit, stamps.credit_changed)


@transaction.atomic
def genre_save(*, genre: Genre) -> Genre:
    return _saved(genre, stamps.genre_changed)


@transaction.atomic
def genre_delete(*, genre: Genre) -> None:
    _deleted(genre, stamps.genre_changed)


@transaction.atomic
def watch_option_save(*, option: WatchOption) -> WatchOption:
    return _saved(option, stamps.watch_option_changed)


@transaction.atomic
def watch_option_delete(*, option: WatchOption) -> None:
    _deleted(option, stamps.watch_option_changed)


@transaction.atomic
def scene_save(*, scene: Scene) -> Scene:
    """Add or change one of a film's scenes."""
    return _saved(scene, stamps.scene_changed)


# Where rows being renumbered or moved wait while a film's scenes are saved together.
_STEP_ASIDE_NUMBER, _STEP_ASIDE_SECONDS = 20_000, 10_000_000


@transaction.atomic
def scenes_save(*, film: Film, changed: Iterable[Scene], deleted: Iterable[Scene] = ()) -> None:
    """Save a film's scenes together, as the admin's inline sends them (checked together by
    films.forms.SceneFormSet): two scenes may swap numbers or starts. The saved rows that
    change step aside first, so the film's numbers and starts stay unique at every moment."""
    changed = list(changed)
    for scene in deleted:
        _deleted(scene, stamps.scene_changed)
    moving = [scene.pk for scene in changed if scene.pk]
    Scene.objects.filter(film=film, pk__in=moving).update(
        number=models.F("number") + _STEP_ASIDE_NUMBER,
        start=models.F("start") + _STEP_ASIDE_SECONDS,
    )
    for scene in changed:
        scene.film = film
        _saved(scene, stamps.scene_changed)


@transaction.atomic
def scene_delete(*, scene: Scene) -> None:
    """A scene goes with its thread."""
    _deleted(scene, stamps.scene_changed)


def premiere_save(*, premiere: Premiere) -> Premiere:
    """Schedule a premiere or move it; refused when it ends before it starts or overlaps
    another premiere of the film (Premiere.clean). A moved one's film pages change at once."""
    return _saved(premiere, stamps.premiere_changed)


@transaction.atomic
def premiere_delete(*, premiere: Premiere) -> None:
    _deleted(premiere, stamps.premiere_changed)
