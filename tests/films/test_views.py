import re
from datetime import date
from http import HTTPStatus

import pytest
from django.urls import reverse

from films.models import Credit
from reviews.models import Review
from tests.factories import (
    CreditFactory,
    FilmFactory,
    GenreFactory,
    PersonFactory,
    ReviewFactory,
    WatchOptionFactory,
)

pytestmark = pytest.mark.django_db

FILM_LIST = reverse("films:film-list")


def titles(response) -> list[str]:
    return [film.title for film in response.context["film_list"]]


@pytest.fixture
def catalogue():
    """Three films with distinct dates, genres and directors."""
    drama, fantasy = GenreFactory(name="Drama", slug="drama"), GenreFactory(name="Fantasy")
    han = PersonFactory(name="Han Ji-won", slug="han-ji-won")
    shinkai = PersonFactory(name="Makoto Shinkai", slug="makoto-shinkai")
    starlight = FilmFactory(title="Lost in Starlight", release_date=date(2025, 5, 30))
    your_name = FilmFactory(title="Your Name", release_date=date(2016, 8, 26))
    suzume = FilmFactory(title="Suzume", release_date=date(2022, 11, 11))
    starlight.genres.set([drama])
    your_name.genres.set([drama, fantasy])
    suzume.genres.set([fantasy])
    CreditFactory(film=starlight, person=han)
    CreditFactory(film=your_name, person=shinkai)
    CreditFactory(film=suzume, person=shinkai)
    CreditFactory(film=starlight, person=shinkai, role=Credit.Role.WRITER)


# --- Film list -------------------------------------------------------------------------------


def test_film_list_shows_every_film_with_its_director(client, catalogue):
    response = client.get(FILM_LIST)

    assert response.status_code == HTTPStatus.OK
    assert titles(response) == ["Lost in Starlight", "Suzume", "Your Name"]
    assert "3 films" in response.text
    assert "Han Ji-won" in response.text


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("", ["Lost in Starlight", "Suzume", "Your Name"]),
        ("newest", ["Lost in Starlight", "Suzume", "Your Name"]),
        ("oldest", ["Your Name", "Suzume", "Lost in Starlight"]),
        ("title", ["Lost in Starlight", "Suzume", "Your Name"]),
    ],
)
def test_film_list_sorts(client, catalogue, sort, expected):
    response = client.get(FILM_LIST, {"sort": sort})

    assert response.status_code == HTTPStatus.OK
    assert titles(response) == expected


def test_film_list_sorts_by_title_not_by_date(client):
    FilmFactory(title="Zeta", release_date=date(2020, 1, 1))
    FilmFactory(title="Alpha", release_date=date(2010, 1, 1))
    FilmFactory(title="Mu", release_date=date(2030, 1, 1))

    response = client.get(FILM_LIST, {"sort": "title"})

    assert titles(response) == ["Alpha", "Mu", "Zeta"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"genre": "drama"}, ["Lost in Starlight", "Your Name"]),
        ({"year": "2022"}, ["Suzume"]),
        ({"director": "makoto-shinkai"}, ["Suzume", "Your Name"]),
        ({"director": "makoto-shinkai", "genre": "drama"}, ["Your Name"]),
        ({"director": "makoto-shinkai", "sort": "oldest"}, ["Your Name", "Suzume"]),
        ({"year": "1999"}, []),
    ],
)
def test_film_list_filters(client, catalogue, query, expected):
    response = client.get(FILM_LIST, query)

    assert response.status_code == HTTPStatus.OK
    assert titles(response) == expected
    assert "Some filters could not be used" not in response.text


def test_film_list_says_when_no_film_matches(client, catalogue):
    response = client.get(FILM_LIST, {"year": "1999"})

    assert "No films match these filters" in response.text
    assert "0 films" in response.text


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"year": "abc"}, "Enter a year as four digits, e.g. 2025."),
        ({"year": "1887"}, "Ensure this value is greater than or equal to 1888."),
        ({"genre": "nope"}, "Select a valid choice."),
        ({"director": "x"}, "Select a valid choice."),
        # Someone credited only as a writer is not a director to filter by.
        ({"director": "nobody-directs"}, "Select a valid choice."),
        ({"sort": "zzz"}, "Select a valid choice. zzz is not one of the available choices."),
    ],
)
def test_film_list_explains_a_bad_filter_and_ignores_it(client, catalogue, query, message):
    PersonFactory(slug="nobody-directs")

    response = client.get(FILM_LIST, query)

    assert response.status_code == HTTPStatus.OK
    assert "Some filters could not be used" in response.text
    assert message in response.text
    assert titles(response) == ["Lost in Starlight", "Suzume", "Your Name"]


def test_film_list_keeps_the_typed_year_in_a_text_input(client, catalogue):
    response = client.get(FILM_LIST, {"year": "abc"})

    # A type=number input with value="abc" is invalid HTML and browsers drop the value.
    year_input = re.search(r'<input[^>]*name="year"[^>]*>', response.text).group()
    assert response.context["filter_form"]["year"].value() == "abc"
    assert "Enter a year as four digits, e.g. 2025." in response.text
    assert 'type="text"' in year_input
    assert 'value="abc"' in year_input
    assert 'inputmode="numeric"' in year_input
    assert 'pattern="[0-9]{4}"' in year_input


def test_film_list_applies_the_good_filters_beside_a_bad_one(client, catalogue):
    response = client.get(
        FILM_LIST, {"year": "abc", "genre": "fantasy-x", "director": "han-ji-won"}
    )

    assert response.status_code == HTTPStatus.OK
    assert titles(response) == ["Lost in Starlight"]
    assert response.context["filter_form"].errors.keys() == {"year", "genre"}


def test_film_list_paginates_and_keeps_the_filters_in_page_links(client):
    drama = GenreFactory(slug="drama")
    for film in FilmFactory.create_batch(15):
        film.genres.add(drama)

    first = client.get(FILM_LIST, {"genre": "drama"})
    second = client.get(FILM_LIST, {"genre": "drama", "page": "2"})

    assert len(first.context["film_list"]) == 12
    assert "genre=drama&amp;page=2" in first.text
    assert "Page 1 of 2" in first.text
    assert len(second.context["film_list"]) == 3
    assert "Page 2 of 2" in second.text


@pytest.mark.parametrize("page_number", ["999", "abc", "0"])
def test_film_list_page_that_does_not_exist_is_not_found(client, catalogue, page_number):
    response = client.get(FILM_LIST, {"page": page_number})

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_film_list_last_page_by_name(client):
    FilmFactory.create_batch(13)

    response = client.get(FILM_LIST, {"page": "last"})

    assert response.status_code == HTTPStatus.OK
    assert response.context["page_obj"].number == 2


# --- Film detail -----------------------------------------------------------------------------


@pytest.fixture
def reviewed_film(film):
    for rating in (6, 8, 10):
        ReviewFactory(film=film, rating=rating)
    ReviewFactory(film=film, rating=1, draft=True, headline="A draft nobody sees")
    ReviewFactory(film=film, rating=2, scheduled=True, headline="A review due next week")
    return film


def test_film_detail_shows_the_average_of_published_reviews_only(client, reviewed_film):
    response = client.get(reviewed_film.get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    assert response.context["average_rating"] == 8
    assert response.context["review_count"] == 3
    assert "Rated 8 out of 10" in response.text
    assert "Average of 3 reviews" in response.text


def test_film_detail_histogram_counts_each_rating(client, reviewed_film):
    ReviewFactory(film=reviewed_film, rating=8)

    response = client.get(reviewed_film.get_absolute_url())

    histogram = {bar["score"]: bar["count"] for bar in response.context["histogram"]}
    assert list(histogram) == list(range(10, 0, -1))
    assert histogram == {10: 1, 9: 0, 8: 2, 7: 0, 6: 1, 5: 0, 4: 0, 3: 0, 2: 0, 1: 0}
    percent = {bar["score"]: bar["percent"] for bar in response.context["histogram"]}
    assert (percent[8], percent[10], percent[1]) == (100, 50, 0)


def test_film_detail_lists_published_reviews_but_not_drafts_or_scheduled(client, reviewed_film):
    published = Review.objects.published().first()

    response = client.get(reviewed_film.get_absolute_url())

    assert published.headline in response.text
    assert "A draft nobody sees" not in response.text
    assert "A review due next week" not in response.text
    assert len(response.context["reviews"]) == 3


def test_film_detail_without_reviews_says_so(client, film):
    response = client.get(film.get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    assert response.context["average_rating"] is None
    assert "Not reviewed yet." in response.text


def test_film_detail_shows_the_credits(client, film):
    CreditFactory(film=film, person=PersonFactory(name="Han Ji-won"))
    CreditFactory(
        film=film,
        person=PersonFactory(name="Kim Tae-ri"),
        role=Credit.Role.VOICE,
        character_name="Nan-young",
    )
    CreditFactory(film=film, person=PersonFactory(name="Kim Hae-won"), role=Credit.Role.MUSIC)

    response = client.get(film.get_absolute_url())

    assert [person.name for person in response.context["directors"]] == ["Han Ji-won"]
    assert "Directed by" in response.text
    assert "Kim Tae-ri" in response.text
    assert "as Nan-young" in response.text
    assert "Kim Hae-won" in response.text
    assert "Music" in response.text


@pytest.mark.parametrize(
    ("language", "title_span", "poster_span"),
    [
        (
            "ko",
            '<span class="original-title" lang="ko">이 별에 필요한</span>',
            '<span class="poster__original" lang="ko">이 별에 필요한</span>',
        ),
        (
            "",
            '<span class="original-title">이 별에 필요한</span>',
            '<span class="poster__original">이 별에 필요한</span>',
        ),
    ],
)
def test_film_detail_marks_the_language_of_the_original_title(
    client, language, title_span, poster_span
):
    film = FilmFactory(original_title="이 별에 필요한", original_language=language)

    response = client.get(film.get_absolute_url())

    assert title_span in response.text
    assert poster_span in response.text


def test_film_detail_shows_where_to_watch(client, film):
    WatchOptionFactory(
        film=film,
        provider="Netflix",
        url="https://www.netflix.com/title/1",
        region="Worldwide",
        available_from=date(2025, 5, 30),
    )

    response = client.get(film.get_absolute_url())

    assert "Where to watch" in response.text
    assert 'href="https://www.netflix.com/title/1"' in response.text
    assert "Worldwide, from 30 May 2025" in response.text


def test_film_detail_of_unknown_film_is_not_found(client, db):
    response = client.get(reverse("films:film-detail", kwargs={"slug": "no-such-film"}))

    assert response.status_code == HTTPStatus.NOT_FOUND


# --- Person ----------------------------------------------------------------------------------


def test_person_page_lists_each_film_once_with_all_roles_newest_first(client):
    person = PersonFactory(name="Han Ji-won", bio="Director and writer.")
    older = FilmFactory(title="The Summer", release_date=date(2023, 11, 22))
    newer = FilmFactory(title="Lost in Starlight", release_date=date(2025, 5, 30))
    CreditFactory(film=older, person=person)
    CreditFactory(film=newer, person=person, role=Credit.Role.VOICE, character_name="Jay", order=2)
    CreditFactory(film=newer, person=person, role=Credit.Role.WRITER, order=1)
    CreditFactory(film=newer, person=person, order=0)

    response = client.get(person.get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    assert [(e["film"].title, e["roles"]) for e in response.context["filmography"]] == [
        ("Lost in Starlight", ["Director", "Screenplay", "Voice (Jay)"]),
        ("The Summer", ["Director"]),
    ]
    assert response.text.count('class="filmography__year"') == 2
    assert "Director, Screenplay, Voice (Jay)" in response.text
    assert "Director and writer." in response.text
    assert "2023" in response.text


def test_person_page_keeps_films_of_the_same_date_and_title_apart(client):
    person = PersonFactory()
    first, second = FilmFactory.create_batch(2, title="Remake", release_date=date(2020, 1, 1))
    CreditFactory(film=first, person=person)
    CreditFactory(film=second, person=person, role=Credit.Role.MUSIC)
    CreditFactory(film=first, person=person, role=Credit.Role.WRITER, order=1)

    response = client.get(person.get_absolute_url())

    assert [(e["film"], e["roles"]) for e in response.context["filmography"]] == [
        (first, ["Director", "Screenplay"]),
        (second, ["Music"]),
    ]


@pytest.mark.parametrize(
    ("original_name", "language", "expected"),
    [
        ("한지원", "ko", '<span class="original-title" lang="ko">한지원</span>'),
        ("新海誠", "", '<span class="original-title">新海誠</span>'),
    ],
)
def test_person_page_marks_the_language_of_the_original_name(
    client, original_name, language, expected
):
    person = PersonFactory(original_name=original_name, original_name_language=language)

    response = client.get(person.get_absolute_url())

    assert expected in response.text


def test_person_without_credits_says_so(client):
    person = PersonFactory()

    response = client.get(person.get_absolute_url())

    assert "No credits recorded yet." in response.text


def test_unknown_person_is_not_found(client, db):
    response = client.get(reverse("films:person-detail", kwargs={"slug": "nobody"}))

    assert response.status_code == HTTPStatus.NOT_FOUND


# --- Query counts: fixed whatever the amount of data -------------------------------------------


def make_films(count: int) -> list:
    genres = GenreFactory.create_batch(2)
    films = FilmFactory.create_batch(count)
    for film in films:
        film.genres.set(genres)
        CreditFactory.create_batch(2, film=film)
        CreditFactory(film=film, role=Credit.Role.VOICE, character_name="Jay")
        CreditFactory(film=film, role=Credit.Role.MUSIC)
        WatchOptionFactory(film=film)
    return films


@pytest.mark.parametrize("count", [2, 15])
def test_film_list_query_count_does_not_grow(get_in_queries, count):
    make_films(count)

    # count, films, their directors, their genres, the genre and director choices of the form
    get_in_queries(FILM_LIST, 6)


@pytest.mark.parametrize("count", [2, 15])
def test_film_detail_query_count_does_not_grow(get_in_queries, count):
    film = make_films(1)[0]
    extra = make_films(count)
    for other in extra:
        CreditFactory(film=film, person=other.credits.first().person, role=Credit.Role.PRODUCER)
    ReviewFactory.create_batch(count, film=film)

    # film, genres, watch options, credits with people, rating stats, reviews with bylines,
    # readers' reviews (reviews/diary/film_reviews.py), its scenes (none: no counts read), the
    # film's premiere (its banner)
    response = get_in_queries(film.get_absolute_url(), 9)

    assert response.context["review_count"] == count


@pytest.mark.parametrize("count", [1, 8])
def test_person_page_query_count_does_not_grow(get_in_queries, count):
    person = PersonFactory()
    for film in make_films(count):
        CreditFactory(film=film, person=person, role=Credit.Role.WRITER)
        CreditFactory(film=film, person=person, role=Credit.Role.VOICE, character_name="Jay")

    # person, credits with their films (grouped by film in Python)
    response = get_in_queries(person.get_absolute_url(), 2)

    assert len(response.context["filmography"]) == count
    assert response.context["filmography"][0]["roles"] == ["Screenplay", "Voice (Jay)"]
