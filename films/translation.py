"""The catalogue's words that editors give in English and Korean (django-modeltranslation).

Each field gains a column per language on the same row (title_en, title_ko, ...): no join, so
the query counts and the page cache's kept rows stay as they were, and the generated search
columns read both languages (films/models.py). `film.title` is the reader's language, or the
other one when it has none (MODELTRANSLATION_FALLBACK_LANGUAGES); `shown_language` says which.
"""

from __future__ import annotations

from django.db import models
from modeltranslation.translator import TranslationOptions, register
from modeltranslation.utils import build_localized_fieldname, get_language, resolution_order

from films.models import Film, Genre, Person, Scene, WatchOption


@register(Film)
class FilmTranslation(TranslationOptions):
    fields = ("title", "tagline", "synopsis")


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("name", "bio")


@register(Genre)
class GenreTranslation(TranslationOptions):
    fields = ("name",)


@register(Scene)
class SceneTranslation(TranslationOptions):
    fields = ("title",)


@register(WatchOption)
class WatchOptionTranslation(TranslationOptions):
    fields = ("note",)


def columns(field: str) -> list[str]:
    """The per-language columns of a translated field, the reader's language first:
    columns("title") == ["title_ko", "title_en"] for a Korean reader."""
    return [build_localized_fieldname(field, code) for code in resolution_order(get_language())]


def shown_language(obj: models.Model, field: str) -> str | None:
    """The language `obj.<field>` is shown in when it is not the reader's: the fallback's
    code, or None when the reader's language has the value (or no language has one)."""
    descriptor = getattr(type(obj), field)
    for position, code in enumerate(
        resolution_order(get_language(), descriptor.fallback_languages)
    ):
        if descriptor.meaningful_value(
            getattr(obj, build_localized_fieldname(field, code), None), ""
        ):
            return code if position else None
    return None


def fallback_languages(obj: models.Model, *fields: str) -> set[str]:
    """The other languages some of `fields` of `obj` are shown in (empty: all are the reader's)."""
    return {code for field in fields if (code := shown_language(obj, field))}


# After the translated fields exist: the film's revisions keep their columns too.
from films import history  # noqa: E402, F401
