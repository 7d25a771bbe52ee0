"""Whatever a visitor types or puts in a URL, the site answers without a server error."""

from http import HTTPStatus

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import FilmFactory, GenreFactory, ReviewFactory

pytestmark = pytest.mark.django_db

# Fast, and quiet about pytest's function-scoped fixtures being shared by the examples (each
# example is a request; sharing the signed-in client and the rows is what we want).
examples = settings(
    max_examples=50,
    deadline=None,
    database=None,  # no .hypothesis/ folder in the work tree
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Any text, including NUL and other control characters, very long strings and odd Unicode.
anything = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=30),
    st.sampled_from(
        ["", " ", "\x00", "0", "-1", "99999999999999999999", "2025", "NaN", "' OR 1=1", "²", "١٢"]
    ),
)
maybe = st.one_of(st.none(), anything)


def query(**params) -> dict:
    return {key: value for key, value in params.items() if value is not None}


@pytest.fixture(autouse=True)
def generous_rate_limits(settings):
    """Rate limits would turn most examples into a quick refusal; test what lies behind them."""
    settings.COMMENT_RATE_LIMIT_PER_USER = settings.COMMENT_RATE_LIMIT_PER_IP = (10_000, 60)
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "10000/m/ip"}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def catalogue(db):
    genre = GenreFactory(name="Animation", slug="animation")
    film = FilmFactory(title="Lost in Starlight", slug="lost-in-starlight")
    film.genres.add(genre)
    return ReviewFactory(film=film, headline="A song between planets")


@examples
@given(body=anything, parent=maybe, htmx=st.booleans())
def test_posting_any_comment_never_fails(reader_client, catalogue, body, parent, htmx):
    headers = {"HX-Request": "true"} if htmx else {}
    response = reader_client.post(
        f"/en/reviews/{catalogue.slug}/comments/",
        query(body=body, parent=parent),
        headers=headers,
    )
    assert response.status_code < HTTPStatus.INTERNAL_SERVER_ERROR


@examples
@given(q=anything, kind=maybe, year=maybe, genre=maybe, page=maybe)
def test_searching_for_anything_never_fails(client, catalogue, q, kind, year, genre, page):
    response = client.get("/en/search/", query(q=q, kind=kind, year=year, genre=genre, page=page))
    assert response.status_code < HTTPStatus.INTERNAL_SERVER_ERROR


@examples
@given(
    email=anything,
    username=anything,
    password1=anything,
    password2=st.one_of(st.none(), anything, st.just("same")),
    display_name=maybe,
)
def test_signing_up_with_anything_never_fails(
    client, email, username, password1, password2, display_name
):
    response = client.post(
        "/en/accounts/signup/",
        query(
            email=email,
            username=username,
            password1=password1,
            password2=password1 if password2 == "same" else password2,
            display_name=display_name,
        ),
    )
    assert response.status_code < HTTPStatus.INTERNAL_SERVER_ERROR


@examples
@given(genre=maybe, year=maybe, director=maybe, sort=maybe, page=maybe)
def test_filtering_the_film_list_by_anything_never_fails(
    client, catalogue, genre, year, director, sort, page
):
    response = client.get(
        "/en/films/", query(genre=genre, year=year, director=director, sort=sort, page=page)
    )
    assert response.status_code < HTTPStatus.INTERNAL_SERVER_ERROR


@examples
@given(sort=maybe, page=maybe)
def test_paging_any_list_never_fails(client, catalogue, sort, page):
    for path in (
        "/en/reviews/",
        f"/en/reviews/{catalogue.slug}/",
        "/en/films/lost-in-starlight/reviews/",
    ):
        response = client.get(path, query(sort=sort, page=page))
        assert response.status_code < HTTPStatus.INTERNAL_SERVER_ERROR
