"""The catalogue's pages in Korean: a reader whose language is Korean (the cookie LocaleMiddleware
reads) gets the labels, counts, dates and running times written as Korean sites write them."""

from datetime import date
from http import HTTPStatus

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from films.models import Credit, Film
from tests.conftest import in_korean
from tests.factories import CreditFactory, FilmFactory, PersonFactory, WatchOptionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def korean(client):
    in_korean(client)
    return client


@pytest.fixture
def starlight():
    film = FilmFactory(lost_in_starlight=True, release_date=date(2025, 5, 30), running_time=96)
    CreditFactory(film=film, person=PersonFactory(name="Han Ji-won"))
    CreditFactory(
        film=film,
        person=PersonFactory(name="Kim Tae-ri"),
        role=Credit.Role.VOICE,
        character_name="Nan-young",
    )
    WatchOptionFactory(film=film, region="Worldwide", available_from=date(2025, 5, 30))
    return film


def test_film_page_in_korean(korean, starlight):
    response = korean.get(reverse("films:film-detail", kwargs={"slug": starlight.slug}))

    assert response.status_code == HTTPStatus.OK
    text = response.text
    for korean_text in (
        "개봉일",
        "2025년 5월 30일",
        "상영 시간",
        "감독",
        "줄거리",
        "볼 수 있는 곳",
    ):
        assert korean_text in text
    assert '<time datetime="PT1H36M">1시간 36분</time>' in text
    assert "Worldwide, 2025년 5월 30일부터" in text
    assert "Nan-young 역" in text
    for english in ("Running time", "Directed by", "Where to watch", "1 h 36 min", "30 May 2025"):
        assert english not in text


def test_film_page_in_english_has_the_same_machine_duration(client, starlight):
    response = client.get(reverse("films:film-detail", kwargs={"slug": starlight.slug}))

    assert '<time datetime="PT1H36M">1 h 36 min</time>' in response.text
    assert "Worldwide, from 30 May 2025" in response.text


def test_a_year_only_release_is_the_year_in_korean_too(korean):
    film = FilmFactory(
        release_date=date(2019, 1, 1), release_date_precision=Film.DatePrecision.YEAR
    )

    response = korean.get(reverse("films:film-detail", kwargs={"slug": film.slug}))

    assert "<dd>2019</dd>" in response.text
    assert "2019년 1월 1일" not in response.text


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "signed-in"])
def test_a_reader_gets_the_film_page_in_each_language_in_turn(
    client, reader, starlight, page_cache_on, signed_in
):
    """The page kept whole for visitors, and the body kept for signed-in readers, are kept
    once per language."""
    if signed_in:
        client.force_login(reader)
    url = reverse("films:film-detail", kwargs={"slug": starlight.slug})

    english = client.get(url)
    in_korean(client)
    korean = client.get(url)

    assert "Running time" in english.text
    assert "상영 시간" in korean.text
    assert "Running time" not in korean.text


@pytest.mark.parametrize(("count", "shown"), [(1, "영화 1편"), (3, "영화 3편")])
def test_film_list_counts_films_in_korean(korean, count, shown):
    FilmFactory.create_batch(count)

    response = korean.get(reverse("films:film-list"))

    assert shown in response.text
    assert f"{count} film" not in response.text


def test_film_list_filters_and_their_errors_in_korean(korean):
    FilmFactory()

    response = korean.get(reverse("films:film-list"), {"year": "soon"})

    text = response.text
    for korean_text in ("정렬", "최신순", "모든 장르", "모든 감독", "결과 보기", "예: 2025"):
        assert korean_text in text
    assert "일부 필터를 적용할 수 없었어요:" in text
    assert "연도를 네 자리 숫자로 입력해 주세요. 예: 2025" in text
    assert "Enter a year as four digits" not in text
    assert "Newest first" not in text


def test_film_list_with_no_match_says_so_in_korean(korean):
    response = korean.get(reverse("films:film-list"), {"year": "1900"})

    assert "영화 0편" in response.text
    assert f'<a href="{reverse("films:film-list")}">모든 영화 보기</a>' in response.text


def test_person_page_in_korean(korean):
    person = PersonFactory(name="Han Ji-won")

    response = korean.get(reverse("films:person-detail", kwargs={"slug": person.slug}))

    assert "<title>Han Ji-won — Starlight Reviews</title>" in response.text
    assert "아직 등록된 크레디트가 없어요." in response.text
    assert "No credits recorded yet." not in response.text


def test_home_page_in_korean(korean, starlight):
    response = korean.get(reverse("home"))

    text = response.text
    assert "추천 영화" in text
    assert '<time datetime="PT1H36M">1시간 36분</time>' in text
    assert "2025년 5월 30일" in text
    assert "영화 전체 보기 →" in text
    assert "Featured film" not in text
    assert "Browse all films" not in text


def test_not_found_page_in_korean(korean):
    response = korean.get(reverse("films:film-detail", kwargs={"slug": "no-such-film"}))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "우주에서 길을 잃었어요" in response.text
    assert "Lost in space" not in response.text


def test_server_error_page_in_korean_without_a_context():
    with translation.override("ko"):
        page = render_to_string("500.html")

    assert '<html lang="ko">' in page
    assert "신호가 끊겼어요" in page
    assert "A signal went missing" not in page
