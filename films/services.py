"""Changes to the catalogue: films, people, credits, genres and where to watch. The admin,
commands and the shell all go through these, and each says what it made stale
(films/stamps.py)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from films import stamps
from films.images import make_poster_variants
from films.models import Credit, Film, Genre, Person, WatchOption


@transaction.atomic
def film_save(*, film: Film, poster_changed: bool = False) -> Film:
    """Create or change a film; a new or removed poster gets its resized copies remade."""
    film.full_clean()
    film.save()
    if poster_changed:
        make_poster_variants(film)
    stamps.film_changed(film)
    return film


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
    person.full_clean()
    person.save()
    stamps.person_changed(person)
    return person


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
    stamps.credit_changed(credit)
    credit.delete()


@transaction.atomic
def genre_save(*, genre: Genre) -> Genre:
    genre.full_clean()
    genre.save()
    stamps.genre_changed(genre)
    return genre


@transaction.atomic
def genre_delete(*, genre: Genre) -> None:
    stamps.genre_changed(genre)
    genre.delete()


@transaction.atomic
def watch_option_save(*, option: WatchOption) -> WatchOption:
    option.full_clean()
    option.save()
    stamps.watch_option_changed(option)
    return option


@transaction.atomic
def watch_option_delete(*, option: WatchOption) -> None:
    stamps.watch_option_changed(option)
    option.delete()
