"""The search page: full text, typos, other scripts, syntax, filters, and bad input."""

from datetime import date
from http import HTTPStatus

import pytest
from django.urls import reverse

from films.forms import SearchForm
from films.models import Credit, Film, Person
from films.search import MAX_QUERY_LENGTH, SearchResults, clean_query, parse_query, safe_snippet
from tests.factories import CreditFactory, FilmFactory, GenreFactory, PersonFactory, ReviewFactory

SEARCH = reverse("films:search")


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


# --- Query count -----------------------------------------------------------------------------


def make_matches(films: int, reviews: int) -> None:
    """Films that mention a comet in their synopsis, and reviews with one in the headline
    (which rank higher): a first page holds both kinds as long as reviews < 10."""
    for n in range(films):
        film = FilmFactory(title=f"Film {n}", synopsis="A comet over the town.")
        CreditFactory(film=film, person=PersonFactory(name=f"Director {n}"))
    for n in range(reviews):
        ReviewFactory(headline=f"Comet review {n}", body="The comet.")


# Genre choices in the form; counts of films and of reviews; the page's ranked keys (UNION);
# the films of the page, their directors and their matched credits; the reviews of the page.
SEARCH_QUERIES = 8


@pytest.mark.parametrize(("films", "reviews"), [(1, 1), (40, 6)])
def test_search_page_query_count_is_fixed(client, db, django_assert_num_queries, films, reviews):
    make_matches(films, reviews)
    with django_assert_num_queries(SEARCH_QUERIES):
        response = client.get(SEARCH, {"q": "comet"})
    assert response.context["paginator"].count == films + reviews
    kinds = {result.kind for result in response.context["results"]}
    assert kinds == {"film", "review"}


def test_search_page_query_count_for_no_query(client, db, django_assert_num_queries):
    with django_assert_num_queries(2):  # genre choices in the form, genres to browse
        client.get(SEARCH)


def test_search_page_query_count_for_no_results(client, db, django_assert_num_queries):
    make_matches(3, 3)
    # Genre choices, two counts, and the spelling suggestions (films, people).
    with django_assert_num_queries(5):
        client.get(SEARCH, {"q": "zebra"})


def test_person_vector_is_stored(catalogue):
    person = Person.objects.get(slug="makoto-shinkai")
    assert "shinkai" in str(person.search_vector)
