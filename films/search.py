"""Matching films and people for a search, in PostgreSQL alone.

Two ways in, combined:

- full text against the films' and people's stored vectors, with web-search syntax: "quoted
  phrases", `or`, `-word`;
- trigram word similarity (pg_trgm) on film titles, original titles and people's names, so a
  typo ("lost in starlite", "Shinkia") still finds the film;

and a film matches when someone credited on it matches. The site search (reviews/search)
combines these with the reviews into one ranked list.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    TrigramWordSimilarity,
)
from django.db import models
from django.db.models.functions import Concat, Greatest
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from films.models import Credit, Film, Person
from films.translation import columns

# Films' vectors are built with "simple": titles mix scripts and languages. A query must use
# the configuration of the vector it is matched against.
FILM_CONFIG = "simple"

MAX_QUERY_LENGTH = 200
MAX_ALTERNATIVES = 5
# Above pg_trgm's default word_similarity_threshold (0.6) the `%>` operator matches; this is
# the lower bar used only to suggest spellings when nothing matched.
SUGGESTION_SIMILARITY = 0.3

# Private-use characters as highlight markers: ts_headline puts them around matches, and they
# become <mark> only after the rest of the snippet has been escaped.
START, STOP = "\ue000", "\ue001"

_TOKEN = re.compile(r'"[^"]*"?|\S+')
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_MARKS = re.compile(r"(^|\s)(?:#{1,6}|>)\s|[*_`]+")
_SPACES = re.compile(r"\s+")


def strip_controls(raw: str) -> str:
    """Control and separator characters (NUL, newlines, ...) as plain spaces, collapsed;
    at most 200 characters."""
    text = "".join(" " if unicodedata.category(char)[0] in "CZ" else char for char in raw)
    return _SPACES.sub(" ", text).strip()[:MAX_QUERY_LENGTH].strip()


def clean_query(raw: str) -> str:
    """The query as searched: `strip_controls`, and "" when nothing searchable is left
    (only punctuation or symbols)."""
    text = strip_controls(raw)
    return text if any(char.isalnum() for char in text) else ""


@dataclass
class ParsedQuery:
    """What the trigram side needs from a web-search query; full text takes it as it is."""

    # The positive words of each `or` alternative, quotes removed.
    alternatives: list[str] = field(default_factory=list)
    # Words after a minus: a fuzzy match must not bring back what the reader excluded.
    excluded: list[str] = field(default_factory=list)


def parse_query(text: str) -> ParsedQuery:
    parsed = ParsedQuery()
    current: list[str] = []
    for token in _TOKEN.findall(text):
        if token.lower() == "or":
            if current:
                parsed.alternatives.append(" ".join(current))
            current = []
        elif token.startswith("-") and len(token) > 1:
            parsed.excluded.append(token[1:].strip('"'))
        else:
            current.append(token.strip('"'))
    if current:
        parsed.alternatives.append(" ".join(current))
    parsed.alternatives = [a for a in parsed.alternatives if a.strip()][:MAX_ALTERNATIVES]
    parsed.excluded = [word for word in parsed.excluded if word.strip()]
    return parsed


def _fuzzy(lookup: str, parsed: ParsedQuery) -> models.Q:
    """`lookup %> alternative` for any alternative: pg_trgm word similarity, GIN-indexed.

    The operator form, not `word_similarity(...) > x`: only the operator can use the
    gin_trgm_ops indexes, and it tests rows without computing a similarity for each."""
    condition = models.Q(pk__in=[])
    for alternative in parsed.alternatives:
        condition |= models.Q(**{f"{lookup}__trigram_word_similar": alternative})
    return condition


# Hangul syllables and the consonants a reader types for initials (ㄱ to ㅎ).
_HANGUL = re.compile("[\uac00-\ud7a3\u3131-\u314e]")


def hangul_keys(parsed: ParsedQuery) -> list[str]:
    """The alternatives written in Hangul as the stored keys compare them (films.models,
    `hangul_search_keys`): lower case, without spaces, so "이별에필요한" and "ㅇㅂㅇㅍㅇㅎ" find
    "이 별에 필요한", as does a part of a word ("필요")."""
    keys = ("".join(a.lower().split()).replace("|", "") for a in parsed.alternatives)
    return [key for key in keys if _HANGUL.search(key)]


def _in_hangul(lookup: str, parsed: ParsedQuery) -> models.Q:
    """`lookup` holds a Hangul alternative of the query: a substring of a title or name
    written without spaces, or of its initial consonants. Only for queries in Hangul."""
    condition = models.Q(pk__in=[])
    for key in hangul_keys(parsed):
        condition |= models.Q(**{f"{lookup}__contains": key})
    return condition


def person_matches(query: SearchQuery, parsed: ParsedQuery, prefix: str = "person__") -> models.Q:
    """A condition on a person (through `prefix`) matching by name vector or trigram."""
    condition = models.Q(**{f"{prefix}search_vector": query})
    for name in (*columns("name"), "original_name"):
        condition |= _fuzzy(f"{prefix}{name}", parsed)
    return condition | _in_hangul(f"{prefix}hangul_keys", parsed)


def credit_matches(text: str, parsed: ParsedQuery) -> models.QuerySet[Credit]:
    """Credits of the people matching the query.

    The plan for the people: at the bench's 2,000 PostgreSQL reads them all (about 5 ms, a
    `%>` test costs some 2 µs a row) rather than the GIN indexes, whose pages its default
    random_page_cost = 4 prices as disk reads. With random_page_cost = 1.1, the usual setting
    for a database held in memory or on SSD, it takes the indexes (under 1 ms); with many more
    people it does so anyway."""
    query = SearchQuery(text, search_type="websearch", config=FILM_CONFIG)
    return Credit.objects.filter(
        person__in=Person.objects.filter(person_matches(query, parsed, ""))
    )


def film_matches(
    text: str, parsed: ParsedQuery, credited: models.Expression
) -> models.QuerySet[Film]:
    """Films matching the query, annotated with `rank` (not ordered, not sliced).

    `credited` is a subquery of the ids of the films credited to a matching person (in
    `SearchResults`, the statement's own list of matching credits, worked out once)."""
    query = SearchQuery(text, search_type="websearch", config=FILM_CONFIG)
    titles = (*columns("title"), "original_title")
    similarity = [
        TrigramWordSimilarity(alternative, field_name)
        for alternative in parsed.alternatives
        for field_name in titles
    ]
    matches = models.Q(search_vector=query) | _in_hangul("hangul_keys", parsed)
    for field_name in titles:
        matches |= _fuzzy(field_name, parsed)
    films = Film.objects.filter(matches | models.Q(pk__in=credited)).annotate(
        # Computed for the matching films only: the filter above runs first.
        rank=SearchRank(models.F("search_vector"), query)
        + (Greatest(*similarity) if similarity else models.Value(0.0))
        + models.Case(
            models.When(pk__in=credited, then=models.Value(0.5)),
            default=models.Value(0.0),
        )
    )
    if parsed.excluded:
        excluded = SearchQuery(
            " or ".join(parsed.excluded), search_type="websearch", config=FILM_CONFIG
        )
        films = films.exclude(search_vector=excluded)
    # Every translated field is named by its column above. Without the library's rewriting,
    # `values_list("pk", "rank")` keeps its order in the SQL that the site search builds on.
    return films.rewrite(False)


def safe_snippet(headline: str | None) -> SafeString:
    """A ts_headline result as HTML: everything escaped, then the markers turned into <mark>.

    The source is reader-visible text (a synopsis, a review's Markdown), so nothing in it may
    become markup; the markers are paired here, so a stray one cannot leave a <mark> open.
    """
    text = _MARKDOWN_LINK.sub(r"\1", headline or "")
    text = _SPACES.sub(" ", _MARKDOWN_MARKS.sub(r"\1", text)).strip()
    parts: list[str] = []
    open_mark = False
    for chunk in re.split(f"([{START}{STOP}])", text):
        if chunk == START:
            if not open_mark:
                parts.append("<mark>")
                open_mark = True
        elif chunk == STOP:
            if open_mark:
                parts.append("</mark>")
                open_mark = False
        else:
            parts.append(escape(chunk))
    if open_mark:
        parts.append("</mark>")
    # Every chunk of source text was escaped above; only our own tags are left.
    return mark_safe(re.sub(" {2,}", " ", "".join(parts)))


def headline(expression, query: SearchQuery, config: str) -> SearchHeadline:
    return SearchHeadline(
        expression,
        query,
        config=config,
        start_sel=START,
        stop_sel=STOP,
        min_words=12,
        max_words=30,
        max_fragments=2,
        fragment_delimiter=" … ",
    )


def suggestions(text: str, limit: int = 3) -> list[Film | Person]:
    """Film titles and names spelt like the query, for a search that found nothing."""
    parsed = parse_query(text)
    phrase = " ".join(parsed.alternatives) or text
    films = _spelt_like(Film.objects, phrase, "title", "original_title")[:limit]
    people = _spelt_like(Person.objects, phrase, "name", "original_name")[:limit]
    found = sorted([*films, *people], key=lambda item: -item.similarity)
    return found[:limit]


def _spelt_like(objects, phrase: str, name: str, original_name: str):
    """Rows whose name, in either language or in its own script, is spelt like the phrase."""
    similarity = Greatest(
        *(
            TrigramWordSimilarity(phrase, field_name)
            for field_name in (*columns(name), original_name)
        )
    )
    return (
        objects.annotate(similarity=similarity)
        .filter(similarity__gte=SUGGESTION_SIMILARITY)
        .order_by("-similarity", name)
    )


def films_for_results(ids: list[int], text: str, matched_credits: set[int]) -> list[Film]:
    """The films of a page of results, with a highlighted snippet of their text, their
    directors, and the credits whose person matched (shown under the title)."""
    if not ids:
        return []
    query = SearchQuery(text, search_type="websearch", config=FILM_CONFIG)
    # Directors and matched credits in one prefetch, split below.
    credits = (
        Credit.objects.filter(
            models.Q(role=Credit.Role.DIRECTOR) | models.Q(pk__in=matched_credits)
        )
        .select_related("person")
        .order_by("order", "id")
    )
    films = list(
        Film.objects.filter(pk__in=ids)
        .order_by()
        .defer("search_vector")
        .prefetch_related(models.Prefetch("credits", queryset=credits, to_attr="page_credits"))
        .annotate(
            # Both languages' text, the reader's first: the match may be in either.
            search_snippet=headline(
                Concat(
                    *(
                        part
                        for texts in zip(columns("tagline"), columns("synopsis"), strict=True)
                        for field_name in texts
                        for part in (models.F(field_name), models.Value(" "))
                    ),
                    output_field=models.TextField(),
                ),
                query,
                FILM_CONFIG,
            )
        )
    )
    for film in films:
        film.director_credits = [
            credit for credit in film.page_credits if credit.role == Credit.Role.DIRECTOR
        ]
        film.matched_credits = [
            credit for credit in film.page_credits if credit.pk in matched_credits
        ]
    return films
