"""Site search over films and published reviews, in PostgreSQL alone.

Three ways in, combined:

- full text against the stored vectors (`Film.search_vector`, `Review.search_vector`), with
  web-search syntax: "quoted phrases", `or`, `-word`;
- trigram word similarity (pg_trgm) on film titles, original titles and people's names, so a
  typo ("lost in starlite", "Shinkia") still finds the film;
- credited names: a film matches when someone credited on it matches, by vector or trigram.

Results of both kinds are ranked together (films by text rank plus title similarity, reviews by
text rank) and paginated as one list; only the rows of the page shown are loaded whole.

A page of results costs one pass over the matches: one statement (`SearchResults.statement`)
matches the people, the films and the reviews once each, ranks only the rows that matched,
counts both kinds from those same rows and returns the ranked keys of the page shown. Then one
query per kind loads the page's rows, with `ts_headline` for those rows alone.
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
from django.core.paginator import Page, Paginator
from django.db import connection, models
from django.db.models.expressions import RawSQL
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
    """`lookup %> alternative` for any alternative: pg_trgm word similarity, GIN-indexed.

    The operator form, not `word_similarity(...) > x`: only the operator can use the
    gin_trgm_ops indexes, and it tests rows without computing a similarity for each."""
    condition = models.Q(pk__in=[])
    for alternative in parsed.alternatives:
        condition |= models.Q(**{f"{lookup}__trigram_word_similar": alternative})
    return condition


def person_matches(query: SearchQuery, parsed: ParsedQuery, prefix: str = "person__") -> models.Q:
    """A condition on a person (through `prefix`) matching by name vector or trigram."""
    return (
        models.Q(**{f"{prefix}search_vector": query})
        | _fuzzy(f"{prefix}name", parsed)
        | _fuzzy(f"{prefix}original_name", parsed)
    )


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
    similarity = [
        TrigramWordSimilarity(alternative, field_name)
        for alternative in parsed.alternatives
        for field_name in ("title", "original_title")
    ]
    films = Film.objects.filter(
        models.Q(search_vector=query)
        | _fuzzy("title", parsed)
        | _fuzzy("original_title", parsed)
        | models.Q(pk__in=credited)
    ).annotate(
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
    return films


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
        loaded = {("film", film.pk): film for film in self._load_films(film_ids, matched)}
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

    def _load_films(self, ids: list[int], matched_credits: set[int]) -> list[Film]:
        if not ids:
            return []
        query = SearchQuery(self.text, search_type="websearch", config=FILM_CONFIG)
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
                search_snippet=_headline(
                    Concat(
                        "tagline", models.Value(" "), "synopsis", output_field=models.TextField()
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

    def _load_reviews(self, ids: list[int]) -> list[Review]:
        if not ids:
            return []
        query = SearchQuery(self.text, search_type="websearch", config=REVIEW_CONFIG)
        return list(
            Review.objects.filter(pk__in=ids)
            .order_by()
            .select_related("film", "author__profile")
            .defer("body_html", "search_vector")
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
