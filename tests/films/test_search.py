"""The search page: full text, typos, other scripts, syntax, filters, bad input, the query
plan, and the page cache."""

import json
import re
from datetime import date
from http import HTTPStatus

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from config import pagecache
from films.models import Credit, Film, Genre, Person
from films.search import MAX_QUERY_LENGTH, clean_query, parse_query, safe_snippet
from reviews.models import Review
from reviews.readers.services import profile_update
from reviews.search.engine import SearchResults
from reviews.search.forms import SearchForm
from reviews.services import review_publish
from tests.factories import (
    CreditFactory,
    FilmFactory,
    GenreFactory,
    PersonFactory,
    ReviewFactory,
    UserFactory,
)

SEARCH = reverse("reviews:search")


@pytest.fixture
def catalogue(db):
    """Two films in three scripts, their directors, and reviews of each."""
    animation = GenreFactory(name="Animation", slug="animation")
    drama = GenreFactory(name="Drama", slug="drama")
    starlight = FilmFactory(
        title="Lost in Starlight",
        original_title="이 별에 필요한",
        original_language="ko",
        slug="lost-in-starlight",
        release_date=date(2025, 5, 30),
        tagline="Love across the distance between Earth and Mars.",
        synopsis="An astronaut bound for Mars and a musician who repairs old audio gear.",
    )
    starlight.genres.add(animation, drama)
    your_name = FilmFactory(
        title="Your Name.",
        original_title="君の名は。",
        original_language="ja",
        slug="your-name",
        release_date=date(2016, 8, 26),
        tagline="Two strangers swap bodies.",
        synopsis="A comet, a town in the mountains, and a thread that ties two lives.",
    )
    your_name.genres.add(animation)
    han = PersonFactory(name="Han Ji-won", original_name="한지원", slug="han-ji-won")
    shinkai = PersonFactory(name="Makoto Shinkai", original_name="新海誠", slug="makoto-shinkai")
    CreditFactory(film=starlight, person=han, role=Credit.Role.DIRECTOR)
    CreditFactory(film=your_name, person=shinkai, role=Credit.Role.DIRECTOR)
    ReviewFactory(
        film=starlight,
        headline="A love letter written in starlight",
        standfirst="Han Ji-won's debut feature looks up.",
        body="The **Mars** sequences are luminous; the songs carry the film home.",
        slug="love-letter",
    )
    ReviewFactory(
        film=your_name,
        headline="The comet and the thread",
        standfirst="Shinkai's body-swap romance still dazzles.",
        body="Musician or not, everyone remembers the soundtrack and the comet.",
        slug="comet-thread",
    )
    return {"starlight": starlight, "your_name": your_name, "han": han, "shinkai": shinkai}


def titles(response) -> list[str]:
    """The films and reviews listed, in order, by title or headline."""
    return [
        result.object.title if result.kind == "film" else result.object.headline
        for result in response.context["results"]
    ]


def search(client, **params):
    response = client.get(SEARCH, params)
    assert response.status_code == HTTPStatus.OK
    return response


# --- Finding things --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Lost in Starlight", "Lost in Starlight"),
        ("lost in starlite", "Lost in Starlight"),  # typo: trigram similarity
        ("starlite", "Lost in Starlight"),
        ("이 별에", "Lost in Starlight"),  # Korean original title, by the simple-config vector
        ("이 별에 필요한", "Lost in Starlight"),
        ("君の名は", "Your Name."),  # Japanese original title
        ("Shinkai", "Your Name."),  # a credited name
        ("Shinkia", "Your Name."),  # a misspelt credited name
        ("新海誠", "Your Name."),  # a name in its own script
        ("한지원", "Lost in Starlight"),
        ("mars musician", "Lost in Starlight"),  # synopsis
        ("distance between earth", "Lost in Starlight"),  # tagline
    ],
)
def test_search_finds_the_film(client, catalogue, query, expected):
    response = search(client, q=query, kind="film")
    assert titles(response)[0] == expected


def test_a_film_found_by_a_credited_name_shows_the_credit(client, catalogue):
    response = search(client, q="Shinkia", kind="film")
    film = response.context["results"][0].object
    assert [credit.person.name for credit in film.matched_credits] == ["Makoto Shinkai"]
    assert "Makoto Shinkai" in response.text


def test_a_film_found_by_its_title_shows_its_directors_and_no_credit_line(client, catalogue):
    CreditFactory(
        film=catalogue["starlight"], person=PersonFactory(name="Jinny Lee"), role=Credit.Role.MUSIC
    )
    response = search(client, q="starlight", kind="film")
    film = response.context["results"][0].object
    assert film.directors == [catalogue["han"]]
    assert film.matched_credits == []
    assert "Directed by Han Ji-won" in response.text
    assert "Credits:" not in response.text


def test_search_finds_published_reviews_by_headline_standfirst_and_body(client, catalogue):
    assert "The comet and the thread" in titles(search(client, q="comet", kind="review"))
    assert "A love letter written in starlight" in titles(search(client, q="debut", kind="review"))
    # English stemming on reviews: "songs" finds "song", "luminously" is not needed.
    assert "A love letter written in starlight" in titles(search(client, q="song", kind="review"))


def test_drafts_and_scheduled_reviews_are_not_found(client, catalogue):
    ReviewFactory(film=catalogue["starlight"], headline="Secret draft about nebulae", draft=True)
    ReviewFactory(
        film=catalogue["starlight"], headline="Scheduled piece about nebulae", scheduled=True
    )
    response = search(client, q="nebulae")
    assert titles(response) == []
    assert response.context["paginator"].count == 0


def test_titles_rank_above_bodies(client, catalogue):
    ReviewFactory(
        film=catalogue["your_name"],
        headline="Elsewhere",
        standfirst="Nothing here.",
        body="This mentions a comet once, in passing, at the very end of the body: comet.",
        slug="elsewhere",
    )
    ReviewFactory(
        film=catalogue["your_name"],
        headline="Comet watch",
        standfirst="Nothing here.",
        body="Unrelated.",
        slug="comet-watch",
    )
    found = titles(search(client, q="comet", kind="review"))
    assert found.index("Comet watch") < found.index("Elsewhere")


def test_a_film_title_ranks_above_reviews_that_mention_it(client, catalogue):
    assert titles(search(client, q="starlight"))[0] == "Lost in Starlight"


# --- Web-search syntax -----------------------------------------------------------------------


def test_quoted_phrase_needs_the_words_together(client, catalogue):
    assert titles(search(client, q='"comet and the thread"', kind="review")) == [
        "The comet and the thread"
    ]
    assert titles(search(client, q='"thread comet"', kind="review")) == []


def test_or_finds_either(client, catalogue):
    found = titles(search(client, q="Shinkai or Han", kind="film"))
    assert set(found) == {"Lost in Starlight", "Your Name."}


def test_or_with_a_typo_on_one_side_still_finds_both(client, catalogue):
    found = titles(search(client, q="Shinkia or starlite", kind="film"))
    assert set(found) == {"Lost in Starlight", "Your Name."}


def test_minus_word_leaves_matches_out(client, catalogue):
    assert titles(search(client, q="comet -soundtrack", kind="review")) == []
    assert titles(search(client, q="animation -mars", kind="film")) == []
    # Not even a fuzzy title match brings back an excluded film.
    assert "Lost in Starlight" not in titles(search(client, q="starlight -mars", kind="film"))


def test_parse_query():
    parsed = parse_query('"lost in" starlite or Shinkia -mars')
    assert parsed.alternatives == ["lost in starlite", "Shinkia"]
    assert parsed.excluded == ["mars"]


# --- Highlighting ----------------------------------------------------------------------------


def test_snippets_highlight_the_words_found(client, catalogue):
    response = search(client, q="comet", kind="review")
    assert "<mark>comet</mark>" in str(response.context["results"][0].snippet).lower()
    assert "<mark>" in response.text


def test_snippet_from_a_review_body_cannot_inject_markup(client, catalogue):
    ReviewFactory(
        film=catalogue["starlight"],
        headline="Nebula notes",
        standfirst="About a nebula.",
        body='<script>alert("nebula")</script> <img src=x onerror=alert(1)> the nebula glows',
        slug="nebula",
    )
    response = search(client, q='nebula or <script>alert("x")</script>', kind="review")
    snippet = str(response.context["results"][0].snippet)
    assert "<script" not in snippet
    assert "<img" not in snippet
    assert "&lt;img src=" in snippet  # shown as text, not as an element
    assert "<script>alert" not in response.text
    assert "<mark>nebula</mark>" in snippet.lower()


def test_safe_snippet_escapes_and_pairs_markers():
    assert str(safe_snippet("a <b> \ue000c\ue001 \ue001 d > \ue000e")) == (
        "a &lt;b&gt; <mark>c</mark> d <mark>e</mark>"
    )
    assert str(safe_snippet("## Heading and a [link](/x/) with *stars*")) == (
        "Heading and a link with stars"
    )
    assert str(safe_snippet(None)) == ""


# --- Filters, counts, pagination -------------------------------------------------------------


def test_kind_filter(client, catalogue):
    films = search(client, q="comet", kind="film")
    assert {result.kind for result in films.context["results"]} == {"film"}
    reviews = search(client, q="comet", kind="review")
    assert {result.kind for result in reviews.context["results"]} == {"review"}
    both = search(client, q="comet")
    assert {result.kind for result in both.context["results"]} == {"film", "review"}


def test_year_filter_applies_to_films_and_to_the_films_of_reviews(client, catalogue):
    found = titles(search(client, q="mars or comet", year="2016"))
    assert "Your Name." in found
    assert "The comet and the thread" in found
    assert "Lost in Starlight" not in found
    assert "A love letter written in starlight" not in found


def test_genre_filter(client, catalogue):
    found = titles(search(client, q="mars or comet", genre="drama"))
    assert "Lost in Starlight" in found
    assert "Your Name." not in found
    assert "The comet and the thread" not in found


def test_result_counts_per_kind(client, catalogue):
    response = search(client, q="comet")
    counts = {option["kind"]: option["count"] for option in response.context["kinds"]}
    assert counts == {"": 2, "film": 1, "review": 1}
    assert "2 results" in response.text


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"year": "twenty"}, "Enter a year as four digits"),
        ({"year": "1500"}, "greater than or equal to 1888"),
        ({"genre": "no-such-genre"}, "There is no such genre"),
        ({"kind": "people"}, "Select a valid choice"),
    ],
)
def test_a_bad_filter_is_reported_kept_and_ignored(client, catalogue, params, message):
    response = search(client, q="comet", **params)
    assert message in response.text
    value = next(iter(params.values()))
    if "year" in params:
        assert f'value="{value}"' in response.text  # the typed value stays in the box
    assert response.context["paginator"].count == 2  # the search itself still ran


def test_pagination_over_films_and_reviews(client, db, settings):
    for number in range(8):
        FilmFactory(title=f"Comet {number}", synopsis="A comet.")
        ReviewFactory(headline=f"Comet review {number}", body="Comet.")
    first = search(client, q="comet")
    assert first.context["paginator"].count == 16
    assert first.context["paginator"].num_pages == 2
    assert len(first.context["results"]) == 10
    assert "page=2" in first.text
    assert "q=comet" in first.text
    second = search(client, q="comet", page="2")
    assert len(second.context["results"]) == 6
    seen = titles(first) + titles(second)
    assert len(set(seen)) == 16  # no row twice, none left out
    assert search(client, q="comet", page="99").context["page_obj"].number == 2
    assert search(client, q="comet", page="x").context["page_obj"].number == 1


# --- Empty states ----------------------------------------------------------------------------


def test_empty_search_shows_help_and_examples(client, catalogue):
    response = search(client)
    assert "results" not in response.context
    assert "Search for a film, a person or words in our reviews" in response.text
    assert "?q=Lost%20in%20Starlight" in response.text
    assert "Animation" in response.text  # browse by genre


def test_no_results_suggests_spellings_and_ways_out(client, catalogue):
    response = search(client, q="Lost in Stralight zebra", kind="review", year="2016")
    assert response.context["paginator"].count == 0
    assert "Nothing matches" in response.text
    assert "Search again without the filters" in response.text
    assert [str(item) for item in response.context["suggestions"]][:1] == ["Lost in Starlight"]
    assert "Did you mean" in response.text


def test_header_search_box_is_on_every_page(client, catalogue):
    for url in ["/", "/films/", catalogue["starlight"].get_absolute_url(), "/reviews/"]:
        html = client.get(url).text
        assert f'<form class="site-search" role="search" method="get" action="{SEARCH}">' in html
        assert 'for="site-search-q"' in html
        assert 'name="q"' in html


# --- Bad queries -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "x" * 5000,
        "lost " * 300,
        "!!!",
        "?!*&^%$#@()[]{}<>|\\/'\":;,.~`-+=",
        "'",
        '"',
        '"unterminated phrase',
        "- - -",
        "-",
        "or",
        "or or or",
        "&&& ||| !!!",
        "starlight:*",
        "'; DROP TABLE films_film; --",
        "1' OR '1'='1",
        "1; SELECT pg_sleep(5)",
        "UNION SELECT password FROM auth_user",
        "lost\x00 in\x00 starlight",
        "\x00",
        "lost\tin\nstar\rlight\x1b[31m",
        "\u200b\u202e\ufeff",
        "<script>alert(1)</script>",
        "%' OR 1=1 --",
        "\\",
        "🌟✨",
        "a" * 199 + "이",
    ],
)
def test_bad_queries_give_a_normal_page(client, catalogue, query):
    response = search(client, q=query)
    assert "<script>alert(1)</script>" not in response.text
    assert Film.objects.count() == 2  # and nothing was dropped, obviously


def test_control_characters_are_stripped_not_refused(client, catalogue):
    response = search(client, q="lost\x00 in\x00 starlite", kind="film")
    assert response.context["query"] == "lost in starlite"
    assert titles(response)[0] == "Lost in Starlight"


def test_repeated_q_uses_the_last(client, catalogue):
    response = client.get(f"{SEARCH}?q=zebra&q=comet")
    assert response.context["query"] == "comet"


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("  lost   in\tstarlight ", "lost in starlight"),
        ("!!!", ""),
        ("...---...", ""),
        ("\x00\x01", ""),
        ("x" * 500, "x" * MAX_QUERY_LENGTH),
        ("이 별에", "이 별에"),
        ("-mars", "-mars"),
    ],
)
def test_clean_query(raw, cleaned):
    assert clean_query(raw) == cleaned


def test_form_treats_punctuation_only_as_empty(db):
    form = SearchForm({"q": "?!?"})
    assert form.is_valid()
    assert form.cleaned_data["q"] == ""


def test_search_results_count_matches_the_rows(catalogue):
    results = SearchResults("comet")
    assert results.count() == len(results[0:100]) == 2


def test_slices_agree_with_the_whole_list(catalogue):
    whole = [(result.kind, result.object.pk) for result in SearchResults("comet or mars")[0:10]]
    assert len(whole) == 4
    parts = []
    for start in range(4):
        parts += [(r.kind, r.object.pk) for r in SearchResults("comet or mars")[start : start + 1]]
    assert parts == whole


def test_filtering_by_kind_still_counts_the_other_kind(client, catalogue):
    response = search(client, q="comet", kind="film")
    counts = {option["kind"]: option["count"] for option in response.context["kinds"]}
    assert counts == {"": 2, "film": 1, "review": 1}
    assert response.context["paginator"].count == 1


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="No such kind"):
        SearchResults("comet", kind="people")


# --- Query count -----------------------------------------------------------------------------


def make_matches(films: int, reviews: int) -> None:
    """Films that mention a comet in their synopsis, and reviews with one in the headline
    (which rank higher): a first page holds both kinds as long as reviews < 10."""
    for n in range(films):
        film = FilmFactory(title=f"Film {n}", synopsis="A comet over the town.")
        CreditFactory(film=film, person=PersonFactory(name=f"Director {n}"))
    for n in range(reviews):
        ReviewFactory(headline=f"Comet review {n}", body="The comet.")


# Genre choices in the form; one statement for both counts and the page's ranked keys; the
# films of the page and their credits (directors and matched ones); the reviews of the page.
SEARCH_QUERIES = 5


@pytest.mark.parametrize(("films", "reviews"), [(1, 1), (40, 6)])
def test_search_page_query_count_is_fixed(client, db, django_assert_num_queries, films, reviews):
    make_matches(films, reviews)
    with django_assert_num_queries(SEARCH_QUERIES):
        response = client.get(SEARCH, {"q": "comet"})
    assert response.context["paginator"].count == films + reviews
    kinds = {result.kind for result in response.context["results"]}
    assert kinds == {"film", "review"}


def statements(queries) -> list[str]:
    """The ranking statements among the queries a request made."""
    return [query["sql"] for query in queries if "search_credited" in query["sql"]]


@pytest.mark.parametrize(("page", "statements_run"), [("1", 1), ("3", 1), ("5", 1), ("99", 2)])
def test_a_page_and_the_counts_come_from_one_statement(client, db, page, statements_run):
    """Any page in range: counts and keys together. Past the end, the Paginator falls back to
    the last page, which costs a second statement."""
    make_matches(40, 6)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(SEARCH, {"q": "comet", "page": page})
    assert len(statements(queries.captured_queries)) == statements_run
    assert response.context["paginator"].count == 46
    assert len(response.context["results"]) == (6 if page in ("5", "99") else 10)


@pytest.mark.parametrize("kind", ["", "film", "review"])
def test_the_statement_reads_each_table_once(db, kind):
    """People, credits, films and reviews are each matched once per search, however many
    times the statement uses the matches (the counts, the ranked keys, the credits shown)."""
    results = SearchResults("comet or Shinkia", kind=kind, year=2016)
    sql, params = results.statement(slice(0, 10))
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    scanned = re.findall(r'"Relation Name": "(\w+)"', json.dumps(plan))
    # The year filter joins the films again for the reviews: that is the reviews' own join.
    assert sorted(scanned) == sorted(
        ["films_person", "films_credit", "films_film", "reviews_review", "films_film"]
    )


def test_review_vectors_stay_in_the_row(db):
    """Ranking reads every matching review's vector: kept in the row (storage MAIN, films
    migration 0006), not in the TOAST table, where each read costs an index look-up."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstorage FROM pg_attribute"
            " WHERE attrelid = 'reviews_review'::regclass AND attname = 'search_vector'"
        )
        assert cursor.fetchone() == ("m",)


def test_search_page_query_count_for_no_query(client, db, django_assert_num_queries):
    with django_assert_num_queries(2):  # genre choices in the form, genres to browse
        client.get(SEARCH)


def test_search_page_query_count_for_no_results(client, db, django_assert_num_queries):
    make_matches(3, 3)
    # Genre choices, the counts (with an empty page), and the spelling suggestions (films,
    # people).
    with django_assert_num_queries(4):
        client.get(SEARCH, {"q": "zebra"})


# --- Anonymous readers: the page cache -------------------------------------------------------


@pytest.fixture
def anonymous():
    """A client of its own: `client` is the one the signed-in fixtures sign in."""
    return Client()


def test_anonymous_search_pages_come_from_the_page_cache(
    anonymous, catalogue, page_cache_on, django_assert_num_queries
):
    url = f"{SEARCH}?q=comet&kind=review"
    first = anonymous.get(url)
    with django_assert_num_queries(0):
        second = anonymous.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "The comet and the thread" in second.text


def test_search_pages_of_signed_in_readers_are_fresh(reader_client, catalogue, page_cache_on):
    url = f"{SEARCH}?q=comet"
    reader_client.get(url)
    response = reader_client.get(url)
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


def test_a_review_text_edit_refreshes_search_pages(anonymous, catalogue, page_cache_on):
    """A text edit that leaves the review's publication alone (the admin's save of a
    published review) still changes what the search finds."""
    url = f"{SEARCH}?q=nebula"
    assert "Nothing matches" in anonymous.get(url).text
    assert anonymous.get(url)["X-Page-Cache"] == "hit"
    review = Review.objects.get(slug="love-letter")
    review.body += " A nebula, too."
    review.save()
    pagecache.review_changed(review)  # what ReviewAdmin.save_model does
    response = anonymous.get(url)
    assert "X-Page-Cache" not in response
    assert "A love letter written in starlight" in response.text


def test_renaming_a_person_in_the_admin_refreshes_search_pages(
    anonymous, catalogue, page_cache_on, editor_client
):
    url = f"{SEARCH}?q=Hosoda&kind=film"
    assert "Nothing matches" in anonymous.get(url).text
    assert anonymous.get(url)["X-Page-Cache"] == "hit"
    shinkai = catalogue["shinkai"]
    response = editor_client.post(
        reverse("admin:films_person_change", args=[shinkai.pk]),
        {"name": "Mamoru Hosoda", "original_name": "", "slug": shinkai.slug, "bio": ""},
    )
    assert response.status_code == HTTPStatus.FOUND
    assert "Your Name." in anonymous.get(url).text


def test_deleting_a_person_in_the_admin_refreshes_search_pages(
    anonymous, catalogue, page_cache_on, editor_client
):
    url = f"{SEARCH}?q=Shinkai&kind=film"
    assert "Your Name." in anonymous.get(url).text
    assert anonymous.get(url)["X-Page-Cache"] == "hit"
    response = editor_client.post(
        reverse("admin:films_person_delete", args=[catalogue["shinkai"].pk]), {"post": "yes"}
    )
    assert response.status_code == HTTPStatus.FOUND
    assert "Nothing matches" in anonymous.get(url).text


def test_person_vector_is_stored(catalogue):
    person = Person.objects.get(slug="makoto-shinkai")
    assert "shinkai" in str(person.search_vector)


# --- Signed-in readers: the filters and the results as page-cache fragments -----------------


@pytest.fixture
def signed_in(reader):
    """The reader's own client, so an editor can sign in to `client` in the same test."""
    client = Client()
    client.force_login(reader)
    return client


def results_section(response) -> str:
    return re.search(r'<section class="results".*?</section>', response.text, re.S).group()


def filters_form(response) -> str:
    return re.search(r'<form class="filters.*?</form>', response.text, re.S).group()


# Cold: the session, the reader with their profile; the genre choices for the filters; when
# the next scheduled review goes live (the fragments' lifetime); then the search itself
# (SEARCH_QUERIES less the genre choices).
SIGNED_IN_COLD = 2 + 1 + 1 + SEARCH_QUERIES - 1
# Warm: the session and the reader only. The filters and results come from the cache.
SIGNED_IN_WARM = 2


def test_a_signed_in_readers_repeated_search_comes_from_the_fragments(
    signed_in, catalogue, page_cache_on, django_assert_num_queries
):
    url = f"{SEARCH}?q=comet"
    with django_assert_num_queries(SIGNED_IN_COLD):
        first = signed_in.get(url)
    with django_assert_num_queries(SIGNED_IN_WARM):
        second = signed_in.get(url)
    assert "private" in second["Cache-Control"]
    assert results_section(second) == results_section(first)
    assert "Your Name." in results_section(second)
    assert "The comet and the thread" in results_section(second)


def test_search_fragments_hold_nothing_of_one_request(signed_in, catalogue, page_cache_on):
    """Shared parts: the reader's CSRF token (the sign-out form) and CSP nonce stay outside."""
    url = f"{SEARCH}?q=comet"
    signed_in.get(url)
    response = signed_in.get(url)
    assert "csrfmiddlewaretoken" in response.text
    shared = results_section(response) + filters_form(response)
    assert "csrfmiddlewaretoken" not in shared
    assert "nonce" not in shared


@pytest.mark.parametrize(
    "params",
    [
        {"q": "comet", "kind": "review"},
        {"q": "comet", "year": "2016"},
        {"q": "comet", "genre": "drama"},
        {"q": "comet or mars", "page": "2"},
        {"q": "comet", "year": "abc", "utm_source": "x"},
    ],
)
def test_each_search_has_its_own_fragments(signed_in, catalogue, page_cache_on, settings, params):
    """Filters, pages and whatever else the links repeat name different fragments."""
    make_matches(12, 0)
    settings.PAGE_CACHE_ENABLED = False
    expected = search(signed_in, **params)  # rendered for this request alone
    settings.PAGE_CACHE_ENABLED = True
    plain = search(signed_in, q="comet")  # kept
    response = search(signed_in, **params)
    assert results_section(response) != results_section(plain)
    assert results_section(response) == results_section(expected)
    assert filters_form(response) == filters_form(expected)


def test_publishing_a_matching_review_shows_in_a_signed_in_search(
    signed_in, catalogue, page_cache_on
):
    url = f"{SEARCH}?q=nebula"
    assert "Nothing matches" in signed_in.get(url).text
    review = ReviewFactory(draft=True, headline="A nebula over Mars", film=catalogue["starlight"])
    assert "Nothing matches" in signed_in.get(url).text  # a draft is not searched
    review_publish(review=review)
    assert "A nebula over Mars" in results_section(signed_in.get(url))


def test_editing_a_review_in_the_admin_shows_in_a_signed_in_search(
    signed_in, catalogue, page_cache_on, editor_client, editor
):
    url = f"{SEARCH}?q=nebula"
    assert "Nothing matches" in signed_in.get(url).text
    review = Review.objects.get(slug="love-letter")
    published = timezone.localtime(review.publish_at)
    response = editor_client.post(
        reverse("admin:reviews_review_change", args=[review.pk]),
        {
            "film": review.film_id,
            "headline": review.headline,
            "slug": review.slug,
            "standfirst": review.standfirst,
            "body": review.body + " A nebula, too.",
            "rating": review.rating,
            "author": review.author_id,
            "status": review.status,
            "publish_at_0": published.strftime("%Y-%m-%d"),
            "publish_at_1": published.strftime("%H:%M:%S"),
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    assert "A love letter written in starlight" in results_section(signed_in.get(url))


def test_renaming_a_person_in_the_admin_shows_in_a_signed_in_search(
    signed_in, catalogue, page_cache_on, editor_client
):
    url = f"{SEARCH}?q=Your+Name"
    assert "Makoto Shinkai" in results_section(signed_in.get(url))
    shinkai = catalogue["shinkai"]
    response = editor_client.post(
        reverse("admin:films_person_change", args=[shinkai.pk]),
        {"name": "Mamoru Hosoda", "original_name": "", "slug": shinkai.slug, "bio": ""},
    )
    assert response.status_code == HTTPStatus.FOUND
    shown = results_section(signed_in.get(url))
    assert "Mamoru Hosoda" in shown
    assert "Makoto Shinkai" not in shown


def test_renaming_a_reviews_author_shows_in_a_signed_in_search(signed_in, catalogue, page_cache_on):
    url = f"{SEARCH}?q=comet&kind=review"
    review = Review.objects.get(slug="comet-thread")
    old_name = review.author.profile.display_name
    assert old_name in results_section(signed_in.get(url))
    profile_update(user=review.author, display_name="Byeol", bio="", notify_replies=False)
    shown = results_section(signed_in.get(url))
    assert "Byeol" in shown
    assert old_name not in shown


def test_adding_a_genre_in_the_admin_shows_in_a_signed_in_readers_filters(
    signed_in, catalogue, page_cache_on, editor_client
):
    url = f"{SEARCH}?q=comet"
    assert "Fantasy" not in signed_in.get(url).text
    response = editor_client.post(
        reverse("admin:films_genre_add"), {"name": "Fantasy", "slug": "fantasy"}
    )
    assert response.status_code == HTTPStatus.FOUND
    assert 'value="fantasy"' in signed_in.get(url).text


@pytest.mark.parametrize("how", ["delete page", "delete action"])
def test_deleting_a_genre_in_the_admin_leaves_a_signed_in_readers_filters(
    signed_in, catalogue, page_cache_on, editor_client, how
):
    url = f"{SEARCH}?q=comet"
    drama = Genre.objects.get(slug="drama")
    assert 'value="drama"' in signed_in.get(url).text
    if how == "delete page":
        response = editor_client.post(
            reverse("admin:films_genre_delete", args=[drama.pk]), {"post": "yes"}
        )
    else:
        response = editor_client.post(
            reverse("admin:films_genre_changelist"),
            {"action": "delete_selected", ACTION_CHECKBOX_NAME: [drama.pk], "post": "yes"},
        )
    assert response.status_code == HTTPStatus.FOUND
    assert not Genre.objects.filter(slug="drama").exists()
    assert 'value="drama"' not in signed_in.get(url).text


def test_an_unknown_genre_is_reported_from_the_kept_filters(signed_in, catalogue, page_cache_on):
    url = f"{SEARCH}?q=comet&genre=western"
    signed_in.get(url)
    response = signed_in.get(url)
    assert "There is no such genre" in response.text
    assert response.context["form"].errors  # the form is still validated for each request


def test_a_kept_search_shows_each_reader_their_own_name(catalogue, page_cache_on, editor):
    """The results are shared; the rest of the page (the account menu) is each reader's."""
    url = f"{SEARCH}?q=comet"
    readers = {}
    for username, name in (("byeol", "Byeol Kim"), ("dal", "Dal Park")):
        user = UserFactory(username=username, profile__display_name=name)
        readers[name] = Client()
        readers[name].force_login(user)
    staff = Client()
    staff.force_login(editor)
    first = readers["Byeol Kim"].get(url)
    second = readers["Dal Park"].get(url)
    third = staff.get(url)
    assert results_section(second) == results_section(first) == results_section(third)
    assert "Byeol Kim" in first.text
    assert "Dal Park" in second.text
    assert "Byeol Kim" not in second.text
    assert "Dal Park" not in first.text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', first.text).group(1)
    assert token not in second.text
