"""The search page: full text, typos, other scripts, syntax, filters, empty states and bad
input."""

import pytest

from films.models import Credit, Film
from reviews.search.forms import SearchForm
from tests.factories import (
    CreditFactory,
    FilmFactory,
    PersonFactory,
    ReviewFactory,
)
from tests.reviews.search.conftest import SEARCH, search, titles

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
    # Neither standfirst (the factory's) mentions a comet.
    ReviewFactory(
        film=catalogue["your_name"],
        headline="Elsewhere",
        body="This mentions a comet once, in passing, at the very end of the body: comet.",
    )
    ReviewFactory(film=catalogue["your_name"], headline="Comet watch", body="Unrelated.")
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
    )
    response = search(client, q='nebula or <script>alert("x")</script>', kind="review")
    snippet = str(response.context["results"][0].snippet)
    assert "<script" not in snippet
    assert "<img" not in snippet
    assert "&lt;img src=" in snippet  # shown as text, not as an element
    assert "<script>alert" not in response.text
    assert "<mark>nebula</mark>" in snippet.lower()


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
    ("field", "value", "message"),
    [
        ("year", "twenty", "Enter a year as four digits"),
        ("year", "1500", "greater than or equal to 1888"),
        ("genre", "no-such-genre", "There is no such genre"),
        ("kind", "people", "Select a valid choice"),
    ],
)
def test_a_bad_filter_is_reported_kept_and_ignored(client, catalogue, field, value, message):
    response = search(client, q="comet", **{field: value})
    assert message in response.text
    if field == "year":
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
    for url in ["/en/", "/en/films/", catalogue["starlight"].get_absolute_url(), "/en/reviews/"]:
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


def test_form_treats_punctuation_only_as_empty(db):
    form = SearchForm({"q": "?!?"})
    assert form.is_valid()
    assert form.cleaned_data["q"] == ""
