"""Site search over films and published reviews, in PostgreSQL alone.

Three ways in, combined:

- full text against the stored vectors (`Film.search_vector`, `Review.search_vector`), with
  web-search syntax: "quoted phrases", `or`, `-word`;
- trigram word similarity (pg_trgm) on film titles, original titles and people's names, so a
  typo ("lost in starlite", "Shinkia") still finds the film;
- credited names: a film matches when someone credited on it matches, by vector or trigram.

Results of both kinds are ranked together (films by text rank plus title similarity, reviews by
text rank) and paginated as one list; only the rows of the page shown are loaded whole.
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

from films.models import Credit, Film, Genre, Person
from reviews.models import Review

# Films' vectors are built with "simple" (titles mix scripts and languages); reviews' with
# "english". A query must use the configuration of the vector it is matched against.
FILM_CONFIG = "simple"
REVIEW_CONFIG = "english"

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
    """`lookup %> alternative` for any alternative: pg_trgm word similarity, GIN-indexed."""
    condition = models.Q(pk__in=[])
    for alternative in parsed.alternatives:
        condition |= models.Q(**{f"{lookup}__trigram_word_similar": alternative})
    return condition


def film_matches(text: str, parsed: ParsedQuery) -> models.QuerySet[Film]:
    """Films matching the query, annotated with `rank` (not ordered, not sliced)."""
    query = SearchQuery(text, search_type="websearch", config=FILM_CONFIG)
    credited = Credit.objects.filter(film=models.OuterRef("pk")).filter(
        person_matches(query, parsed)
    )
    similarity = [
        TrigramWordSimilarity(alternative, field_name)
        for alternative in parsed.alternatives
        for field_name in ("title", "original_title")
    ]
    films = (
        Film.objects.annotate(credited_match=models.Exists(credited))
        .filter(
            models.Q(search_vector=query)
            | _fuzzy("title", parsed)
            | _fuzzy("original_title", parsed)
            | models.Q(credited_match=True)
        )
        .annotate(
            rank=SearchRank(models.F("search_vector"), query)
            + (Greatest(*similarity) if similarity else models.Value(0.0))
            + models.Case(
                models.When(credited_match=True, then=models.Value(0.5)),
                default=models.Value(0.0),
            )
        )
    )
    if parsed.excluded:
        excluded = SearchQuery(
            " or ".join(parsed.excluded), search_type="websearch", config=FILM_CONFIG
        )
        films = films.exclude(search_vector=excluded)
    return films


def person_matches(query: SearchQuery, parsed: ParsedQuery, prefix: str = "person__") -> models.Q:
    """A condition on a person (through `prefix`) matching by name vector or trigram."""
    return (
        models.Q(**{f"{prefix}search_vector": query})
        | _fuzzy(f"{prefix}name", parsed)
        | _fuzzy(f"{prefix}original_name", parsed)
    )


def review_matches(text: str) -> models.QuerySet[Review]:
    """Published reviews matching the query, annotated with `rank`."""
    query = SearchQuery(text, search_type="websearch", config=REVIEW_CONFIG)
    return (
        Review.objects.published()
        .filter(search_vector=query)
        .annotate(rank=SearchRank(models.F("search_vector"), query))
    )


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


def _headline(expression, query: SearchQuery, config: str) -> SearchHeadline:
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


@dataclass
class Result:
    kind: str  # "film" or "review"
    object: Film | Review
    snippet: SafeString


class SearchResults:
    """Films and reviews ranked as one list, for Django's Paginator.

    `count()` is two COUNT queries (which also give the counts per kind); a slice is one
    UNION query for the ranked keys of the page, then one query per kind for those rows.
    """

    def __init__(
        self, text: str, *, kind: str = "", year: int | None = None, genre: Genre | None = None
    ):
        self.text = text
        self.kind = kind
        self.parsed = parse_query(text)
        films = film_matches(text, self.parsed)
        reviews = review_matches(text)
        if year:
            films = films.filter(release_date__year=year)
            reviews = reviews.filter(film__release_date__year=year)
        if genre:
            films = films.filter(genres=genre)
            reviews = reviews.filter(film__genres=genre)
        self.films = films
        self.reviews = reviews
        self._counts: dict[str, int] | None = None

    @property
    def counts(self) -> dict[str, int]:
        if self._counts is None:
            self._counts = {"film": self.films.count(), "review": self.reviews.count()}
        return self._counts

    def count(self) -> int:
        if self.kind:
            return self.counts[self.kind]
        return self.counts["film"] + self.counts["review"]

    def __len__(self) -> int:
        return self.count()

    def _keys(self) -> models.QuerySet:
        def keys(queryset, kind):
            return (
                queryset.order_by()
                .annotate(kind=models.Value(kind))
                .values_list("kind", "pk", "rank")
            )

        film_keys, review_keys = keys(self.films, "film"), keys(self.reviews, "review")
        if self.kind == "film":
            combined = film_keys
        elif self.kind == "review":
            combined = review_keys
        else:
            combined = film_keys.union(review_keys, all=True)
        # Kind and key break ties, so a page boundary never moves between two requests.
        return combined.order_by("-rank", "kind", "pk")

    def __getitem__(self, index: slice) -> list[Result]:
        if not isinstance(index, slice):
            raise TypeError("SearchResults is read a page at a time")
        keys = list(self._keys()[index])
        film_ids = [pk for kind, pk, _ in keys if kind == "film"]
        review_ids = [pk for kind, pk, _ in keys if kind == "review"]
        loaded = {("film", film.pk): film for film in self._load_films(film_ids)}
        loaded |= {("review", review.pk): review for review in self._load_reviews(review_ids)}
        return [
            Result(kind, loaded[kind, pk], safe_snippet(loaded[kind, pk].search_snippet))
            for kind, pk, _ in keys
            if (kind, pk) in loaded
        ]

    def _load_films(self, ids: list[int]) -> list[Film]:
        if not ids:
            return []
        query = SearchQuery(self.text, search_type="websearch", config=FILM_CONFIG)
        matched_credits = (
            Credit.objects.filter(person_matches(query, self.parsed))
            .select_related("person")
            .order_by("order", "id")
        )
        return list(
            Film.objects.filter(pk__in=ids)
            .with_directors()
            .prefetch_related(
                models.Prefetch("credits", queryset=matched_credits, to_attr="matched_credits")
            )
            .annotate(
                search_snippet=_headline(
                    Concat(
                        "tagline", models.Value(" "), "synopsis", output_field=models.TextField()
                    ),
                    query,
                    FILM_CONFIG,
                )
            )
        )

    def _load_reviews(self, ids: list[int]) -> list[Review]:
        if not ids:
            return []
        query = SearchQuery(self.text, search_type="websearch", config=REVIEW_CONFIG)
        return list(
            Review.objects.filter(pk__in=ids)
            .select_related("film", "author__profile")
            .defer("body_html")
            .annotate(
                search_snippet=_headline(
                    Concat(
                        "standfirst", models.Value(" "), "body", output_field=models.TextField()
                    ),
                    query,
                    REVIEW_CONFIG,
                )
            )
        )


def suggestions(text: str, limit: int = 3) -> list[Film | Person]:
    """Film titles and names spelt like the query, for a search that found nothing."""
    parsed = parse_query(text)
    phrase = " ".join(parsed.alternatives) or text
    films = (
        Film.objects.annotate(
            similarity=Greatest(
                TrigramWordSimilarity(phrase, "title"),
                TrigramWordSimilarity(phrase, "original_title"),
            )
        )
        .filter(similarity__gte=SUGGESTION_SIMILARITY)
        .order_by("-similarity", "title")[:limit]
    )
    people = (
        Person.objects.annotate(
            similarity=Greatest(
                TrigramWordSimilarity(phrase, "name"),
                TrigramWordSimilarity(phrase, "original_name"),
            )
        )
        .filter(similarity__gte=SUGGESTION_SIMILARITY)
        .order_by("-similarity", "name")[:limit]
    )
    found = sorted([*films, *people], key=lambda item: -item.similarity)
    return found[:limit]
