"""The site search: films and published reviews ranked together as one list, in PostgreSQL
alone.

Films and people match as films/search.py says; reviews by full text against their stored
vectors. A page of results costs one pass over the matches: one statement
(`SearchResults.statement`) matches the people, the films and the reviews once each, ranks
only the rows that matched, counts both kinds from those same rows and returns the ranked keys
of the page shown. Then one query per kind loads the page's rows, with `ts_headline` for those
rows alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.paginator import Page, Paginator
from django.db import connection, models
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat
from django.utils.safestring import SafeString

from films.models import Film, Genre
from films.search import (
    ParsedQuery,
    credit_matches,
    film_matches,
    films_for_results,
    hangul_keys,
    headline,
    parse_query,
    safe_snippet,
)
from reviews.models import Review

# Reviews' vectors are built with "english"; a query must use the same configuration.
REVIEW_CONFIG = "english"
# What a match in Hangul text adds to a review's rank (full text ranks are mostly under 0.1):
# below a film whose title matched, above a passing mention found by full text.
HANGUL_MATCH_RANK = 0.2
# A query of Hangul initial consonants (compatibility jamo ㄱ to ㅎ) and nothing else.
_INITIALS_ONLY = re.compile("[\u3131-\u314e]+")


def review_matches(text: str, parsed: ParsedQuery | None = None) -> models.QuerySet[Review]:
    """Published reviews matching the query, annotated with `rank`: by full text, and for a
    query in Hangul, by a substring of their text without spaces (`Review.hangul_text`), so
    that a part of a word or another spacing finds them too, and a query of initial consonants
    alone (ㅂㅇ ㅅㄱ) by those of the headline (`Review.headline_keys`)."""
    query = SearchQuery(text, search_type="websearch", config=REVIEW_CONFIG)
    parsed = parsed or parse_query(text)
    keys = hangul_keys(parsed)
    in_hangul = models.Q(pk__in=[])
    for key in keys:
        in_hangul |= _hangul_match(key)
    rank = SearchRank(models.F("search_vector"), query)
    if keys:
        rank += models.Case(
            models.When(in_hangul, then=models.Value(HANGUL_MATCH_RANK)),
            default=models.Value(0.0),
        )
    reviews = (
        Review.objects.published()
        .filter(models.Q(search_vector=query) | in_hangul)
        .annotate(rank=rank)
    )
    if keys and parsed.excluded:
        # Full text already leaves out what the reader excluded; a substring match must too.
        excluded = ParsedQuery(alternatives=parsed.excluded)
        reviews = reviews.exclude(
            search_vector=SearchQuery(
                " or ".join(parsed.excluded), search_type="websearch", config=REVIEW_CONFIG
            )
        )
        for key in hangul_keys(excluded):
            reviews = reviews.exclude(_hangul_match(key))
    return reviews


def _hangul_match(key: str) -> models.Q:
    if _INITIALS_ONLY.fullmatch(key):
        return models.Q(headline_keys__contains=key)
    return models.Q(hangul_text__contains=key)


@dataclass
class Result:
    kind: str  # "film" or "review"
    object: Film | Review
    snippet: SafeString


# Names of the statement's common table expressions, for the SQL that refers to them.
_CREDITED, _FILMS, _REVIEWS = "search_credited", "search_films", "search_reviews"
# A page number past this is no page a reader asks for: it is left to the Paginator.
_MAX_EXPECTED_PAGE = 10_000


@dataclass
class Key:
    """One ranked result of the statement: its kind and key, and for a film, the ids of its
    credits whose person matched (shown under the title)."""

    kind: str
    pk: int
    credit_ids: list[int]


class SearchResults:
    """Films and reviews ranked as one list, for Django's Paginator.

    One statement gives the counts of both kinds and the ranked keys of a slice;
    `get_page` fetches the page asked for with the counts, so the Paginator's `count()` and
    slice cost one statement together. Then one query per kind loads the rows of the page.
    """

    def __init__(
        self, text: str, *, kind: str = "", year: int | None = None, genre: Genre | None = None
    ):
        if kind not in ("", "film", "review"):
            raise ValueError(f"No such kind of result: {kind!r}")
        self.text = text
        self.kind = kind
        self.parsed = parse_query(text)
        credited = RawSQL(f"SELECT film_id FROM {_CREDITED}", ())
        films = film_matches(text, self.parsed, credited)
        reviews = review_matches(text, self.parsed)
        if year:
            films = films.filter(release_date__year=year)
            reviews = reviews.filter(film__release_date__year=year)
        if genre:
            films = films.filter(genres=genre)
            reviews = reviews.filter(film__genres=genre)
        self.films = films
        self.reviews = reviews
        self._counts: dict[str, int] | None = None
        # The slice whose keys the last statement returned, and those keys.
        self._window = slice(0, 0)
        self._keys: list[Key] = []

    def get_page(self, number, per_page: int) -> Page:
        """`Paginator.get_page(number)`, with that page's keys fetched in the statement that
        counts (a number out of range costs one statement more, for the page it falls back
        to)."""
        expected = _page_number(number)
        self._window = slice((expected - 1) * per_page, expected * per_page)
        return Paginator(self, per_page).get_page(number)

    @property
    def counts(self) -> dict[str, int]:
        if self._counts is None:
            self._fetch(self._window)
        return self._counts

    def count(self) -> int:
        if self.kind:
            return self.counts[self.kind]
        return self.counts["film"] + self.counts["review"]

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[Result]:
        if not isinstance(index, slice) or index.step not in (None, 1) or index.stop is None:
            raise TypeError("SearchResults is read a page at a time")
        start = index.start or 0
        if index.stop <= start:
            return []
        window = self._window
        if self._counts is None or not (window.start <= start and index.stop <= window.stop):
            self._fetch(slice(start, index.stop))
            window = self._window
        keys = self._keys[start - window.start : index.stop - window.start]
        matched = {pk for key in keys for pk in key.credit_ids}
        film_ids = [key.pk for key in keys if key.kind == "film"]
        review_ids = [key.pk for key in keys if key.kind == "review"]
        loaded = {
            ("film", film.pk): film for film in films_for_results(film_ids, self.text, matched)
        }
        loaded |= {("review", review.pk): review for review in self._load_reviews(review_ids)}
        return [
            Result(
                key.kind,
                loaded[key.kind, key.pk],
                safe_snippet(loaded[key.kind, key.pk].search_snippet),
            )
            for key in keys
            if (key.kind, key.pk) in loaded
        ]

    def _fetch(self, window: slice) -> None:
        """Run `statement(window)`: the counts, and the keys of the slice."""
        with connection.cursor() as cursor:
            cursor.execute(*self.statement(window))
            rows = cursor.fetchall()
        self._counts = {"film": rows[0][0], "review": rows[0][1]}
        self._window = window
        self._keys = [
            Key(kind, pk, credit_ids or []) for _, _, kind, pk, credit_ids in rows if kind
        ]

    def statement(self, window: slice) -> tuple[str, list]:
        """Counts of both kinds, and the ranked keys of `window`, in one statement.

        Each part is a queryset compiled to SQL (so `published()` and the lookups stay the
        single source of what matches), joined as common table expressions. A CTE that is
        read twice (the matching credits; the films and reviews when they are both counted
        and ranked) is computed once, so each table is matched once per search, and the
        rank is computed for the matching rows only. A kind that is only counted (the other
        kind when `kind` filters) is read once, inlined, and never ranked.
        """
        credits_sql, credits_params = _compiled(
            credit_matches(self.text, self.parsed).values_list("id", "film_id")
        )
        films_sql, films_params = _compiled(self.films.values_list("pk", "rank"))
        reviews_sql, reviews_params = _compiled(self.reviews.values_list("pk", "rank"))
        ranked = " UNION ALL ".join(
            f"SELECT '{kind}' AS kind, pk, rank FROM {table}"
            for kind, table in (("film", _FILMS), ("review", _REVIEWS))
            if self.kind in ("", kind)
        )
        # Kind and key break ties, so a page boundary never moves between two requests. The
        # LEFT JOIN keeps the counts' row when the page is empty.
        sql = f"""
            WITH {_CREDITED} (id, film_id) AS ({credits_sql}),
                 {_FILMS} (pk, rank) AS ({films_sql}),
                 {_REVIEWS} (pk, rank) AS ({reviews_sql})
            SELECT counts.films, counts.reviews, page.kind, page.pk,
                   CASE WHEN page.kind = 'film' THEN ARRAY(
                       SELECT id FROM {_CREDITED} WHERE film_id = page.pk ORDER BY id
                   ) END
            FROM (
                SELECT (SELECT count(*) FROM {_FILMS}) AS films,
                       (SELECT count(*) FROM {_REVIEWS}) AS reviews
            ) AS counts
            LEFT JOIN LATERAL (
                {ranked}
                ORDER BY rank DESC, kind, pk
                LIMIT %s OFFSET %s
            ) AS page ON true
        """
        params = [
            *credits_params,
            *films_params,
            *reviews_params,
            window.stop - window.start,
            window.start,
        ]
        return sql, params

    def _load_reviews(self, ids: list[int]) -> list[Review]:
        if not ids:
            return []
        query = SearchQuery(self.text, search_type="websearch", config=REVIEW_CONFIG)
        return list(
            Review.objects.filter(pk__in=ids)
            .order_by()
            .select_related("film", "author__profile")
            .defer("body_html", "search_vector", "hangul_text")
            .annotate(
                search_snippet=headline(
                    Concat(
                        "standfirst", models.Value(" "), "body", output_field=models.TextField()
                    ),
                    query,
                    REVIEW_CONFIG,
                )
            )
        )


def _compiled(queryset: models.QuerySet) -> tuple[str, tuple]:
    """A queryset's SQL and parameters, unordered, to embed in a larger statement."""
    return queryset.order_by().query.sql_with_params()


def _page_number(number) -> int:
    """The page a `page` parameter most likely names (1 when it names none)."""
    try:
        value = int(number)
    except (TypeError, ValueError):
        return 1
    return value if 1 <= value <= _MAX_EXPECTED_PAGE else 1
