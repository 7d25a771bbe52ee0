"""The review lists' filter by the language an article is written in (?language=ko)."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import QueryDict
from django.utils import translation

from reviews.models import Review

PARAMETER = "language"


@dataclass(frozen=True)
class LanguageOption:
    code: str  # "" for every language
    label: str
    query: str  # the list's query string with this choice, without a page number
    current: bool


@dataclass(frozen=True)
class LanguageFilter:
    """What the reader asked for: `language` is a code of the site's languages or "" (all);
    `unknown` is a value given that names none of them, which is then ignored."""

    language: str
    unknown: str
    options: list[LanguageOption]
    query_without_page: str


def language_filter(query: QueryDict) -> LanguageFilter:
    asked = query.get(PARAMETER, "").strip()
    language = asked if asked in Review.Language.values else ""
    options = [("", None), *((code, code) for code in Review.Language.values)]
    return LanguageFilter(
        language=language,
        unknown=asked if asked and not language else "",
        options=[
            LanguageOption(
                code=code,
                # Each language by its own name, as a language switcher says it.
                label=translation.get_language_info(code)["name_local"] if code else "",
                query=_with_language(query, code),
                current=code == language,
            )
            for code, _ in options
        ],
        query_without_page=_with_language(query, language),
    )


def _with_language(query: QueryDict, language: str) -> str:
    query = query.copy()
    query.pop("page", None)
    query.pop(PARAMETER, None)
    if language:
        query[PARAMETER] = language
    return query.urlencode()
