"""Editors' words shown in the other language when the reader's has none (films/translation.py):
`{% lang_of film "title" %}` gives the element the fallback's lang attribute, and
`{% fallback_notice film "title" "synopsis" %}` says so once on the page."""

from __future__ import annotations

from collections.abc import Iterable

from django import template
from django.db import models
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, get_language_info, gettext

from films.models import Film, Person
from films.translation import fallback_languages, shown_language

register = template.Library()


@register.simple_tag
def lang_of(obj: models.Model | None, field: str) -> SafeString:
    """` lang="ko"` when `obj.<field>` is shown in Korean to a reader of English (and the
    other way round); nothing when it is in the reader's language."""
    code = shown_language(obj, field) if obj is not None else None
    return format_html(' lang="{}"', code) if code else SafeString()


def _notice(message: str, fallback: str) -> SafeString:
    names = {
        "language": get_language_info(get_language())["name_translated"],
        "fallback": get_language_info(fallback)["name_translated"],
    }
    return format_html('<p class="fallback-notice">{}</p>', message % names)


@register.simple_tag
def fallback_notice(obj: Film | Person, *fields: str) -> SafeString:
    """One line saying that some of the film's or person's `fields` are in the other
    language, because the reader's has none yet."""
    if not (codes := fallback_languages(obj, *fields)):
        return SafeString()
    if isinstance(obj, Person):
        message = gettext(
            "This person's details aren't available in %(language)s yet, "
            "so they're shown in %(fallback)s."
        )
    else:
        message = gettext(
            "This film's details aren't available in %(language)s yet, "
            "so they're shown in %(fallback)s."
        )
    return _notice(message, min(codes))


@register.simple_tag
def films_fallback_notice(films: Iterable[Film]) -> SafeString:
    """For a list of film cards: one line when some of their titles are in the other language."""
    codes = {code for film in films if (code := shown_language(film, "title"))}
    if not codes:
        return SafeString()
    message = gettext(
        "Some films' details aren't available in %(language)s yet, "
        "so they're shown in %(fallback)s."
    )
    return _notice(message, min(codes))
