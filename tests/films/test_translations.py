"""The catalogue in English and Korean (issue 15): editors give both in the admin, readers see
their own language or, when it is missing, the other one with a line saying so; the search
and the page cache's kept rows cover both languages."""

import re
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from films import pages
from films.models import Credit, Film, Genre, Person
from tests.conftest import in_korean
from tests.factories import (
    CreditFactory,
    FilmFactory,
    GenreFactory,
    PersonFactory,
    WatchOptionFactory,
)
from tests.films.test_admin import film_form, inline_management
from tests.films.test_views import make_films
from tests.reviews.search.conftest import search, titles

pytestmark = pytest.mark.django_db

KOREAN_NOTICE = "이 영화의 한국어 정보가 아직 없어 영어로 보여 드려요."
ENGLISH_NOTICE = escape(
    "This film's details aren't available in English yet, so they're shown in Korean."
)


def korean(client: Client) -> Client:
    in_korean(client)
    return client


def heading(response) -> str:
    return re.search(r"<h1[^>]*>.*?</h1>", response.text, re.S).group(0)


@pytest.fixture
def starlight(db) -> Film:
    return FilmFactory(
        title_en="Lost in Starlight",
        title_ko="이 별에 필요한",
        original_title="",
        slug="lost-in-starlight",
        tagline_en="One of them is leaving the planet.",
        tagline_ko="한 사람은 지구를 떠난다.",
        synopsis_en="Seoul, 2050.",
        synopsis_ko="2050년 서울.",
    )


# The admin


def test_the_editor_gives_a_film_in_both_languages(editor_client):
    response = editor_client.post(
        reverse("admin:films_film_add"),
        film_form(
            title_ko="이 별에 필요한",
            tagline_en="One of them is leaving the planet.",
            tagline_ko="한 사람은 지구를 떠난다.",
            **inline_management("watch_options", 1),
            **{
                "watch_options-0-provider": "Netflix",
                "watch_options-0-url": "https://www.netflix.com/title/1",
                "watch_options-0-region": "Worldwide",
                "watch_options-0-note_en": "With Korean subtitles",
                "watch_options-0-note_ko": "한국어 자막 제공",
            },
        ),
    )

    assert response.status_code == HTTPStatus.FOUND
    film = Film.objects.get(slug="lost-in-starlight")
    assert (film.title_en, film.title_ko) == ("Lost in Starlight", "이 별에 필요한")
    assert (film.tagline_en, film.tagline_ko) == (
        "One of them is leaving the planet.",
        "한 사람은 지구를 떠난다.",
    )
    option = film.watch_options.get()
    assert (option.note_en, option.note_ko) == ("With Korean subtitles", "한국어 자막 제공")


def test_the_editor_gives_a_person_and_a_genre_in_both_languages(editor_client):
    person = editor_client.post(
        reverse("admin:films_person_add"),
        {
            "name_en": "Kim Tae-ri",
            "name_ko": "김태리",
            "original_name": "김태리",
            "original_name_language": "ko",
            "slug": "kim-tae-ri",
            "bio_en": "Voices Nan-young.",
            "bio_ko": "난영의 목소리를 맡았다.",
        },
    )
    genre = editor_client.post(
        reverse("admin:films_genre_add"),
        {"name_en": "Romance", "name_ko": "로맨스", "slug": "romance"},
    )

    assert person.status_code == genre.status_code == HTTPStatus.FOUND
    kim = Person.objects.get(slug="kim-tae-ri")
    assert (kim.name_en, kim.name_ko, kim.bio_ko) == (
        "Kim Tae-ri",
        "김태리",
        "난영의 목소리를 맡았다.",
    )
    assert Genre.objects.filter(name_en="Romance", name_ko="로맨스").exists()


def test_the_english_title_is_required_and_the_korean_one_is_not(editor_client):
    url = reverse("admin:films_film_add")

    untitled = korean(editor_client).post(url, film_form(title_en="", title_ko="이 별에 필요한"))
    in_english_only = editor_client.post(url, film_form())

    # English is the source language: the library's admin requires it as the model does.
    assert untitled.status_code == HTTPStatus.OK
    assert untitled.context["adminform"].form.errors["title_en"]
    assert "title_ko" not in untitled.context["adminform"].form.errors
    assert in_english_only.status_code == HTTPStatus.FOUND
    film = Film.objects.get()
    assert (film.title_en, film.title_ko) == ("Lost in Starlight", None)


def test_the_editor_sees_both_languages_labelled_in_korean(editor_client, starlight):
    page = korean(editor_client).get(reverse("admin:films_film_change", args=[starlight.pk]))

    assert page.status_code == HTTPStatus.OK
    assert 'name="title_en"' in page.text
    assert 'name="title_ko"' in page.text
    assert "줄거리 [ko]" in page.text
    assert "개봉일" in page.text


def test_the_untranslated_column_keeps_english_whatever_the_editors_language(editor_client):
    korean(editor_client).post(
        reverse("admin:films_film_add"), film_form(title_ko="이 별에 필요한")
    )

    # Other apps' lookups and exports read the untranslated column.
    assert Film.objects.rewrite(False).filter(title="Lost in Starlight").exists()


def test_a_constraint_message_is_in_the_readers_language(db):
    credit = CreditFactory.build(
        film=FilmFactory(), person=PersonFactory(), role=Credit.Role.DIRECTOR, character_name="Jay"
    )
    with translation.override("ko"), pytest.raises(ValidationError) as error:
        credit.full_clean()

    assert "배역 이름은 목소리 출연에만 적을 수 있어요." in error.value.messages
    assert "Only voice roles have a character name." not in error.value.messages


# What readers see


def test_each_reader_sees_the_film_in_their_language(client, starlight):
    english = client.get(starlight.get_absolute_url())
    hangul = korean(Client()).get(starlight.get_absolute_url())

    assert "Lost in Starlight" in heading(english)
    assert "이 별에 필요한" in heading(hangul)
    assert "Lost in Starlight" not in heading(hangul)
    assert "2050년 서울." in hangul.text
    for page in (english, hangul):
        assert 'class="fallback-notice"' not in page.text
        assert "lang=" not in heading(page)


def test_a_film_without_korean_is_shown_in_english_saying_so(client):
    film = FilmFactory(title_en="Clearer Than You Think", synopsis_en="Her first feature.")

    page = korean(client).get(film.get_absolute_url())

    assert '<h1 class="page-title" lang="en">Clearer Than You Think' in page.text
    assert '<div class="prose" lang="en"><p>Her first feature.</p></div>' in page.text
    assert page.text.count(KOREAN_NOTICE) == 1
    assert ENGLISH_NOTICE not in page.text


def test_a_film_given_only_in_korean_is_shown_to_english_readers_saying_so(client):
    film = FilmFactory(title_en=None, title_ko="그 여름", synopsis_en=None, synopsis_ko="한 계절.")

    page = client.get(film.get_absolute_url())

    assert '<h1 class="page-title" lang="ko">그 여름' in page.text
    assert page.text.count(ENGLISH_NOTICE) == 1
    assert KOREAN_NOTICE not in page.text


def test_a_person_without_korean_is_shown_in_english_saying_so(client):
    person = PersonFactory(name_en="Makoto Shinkai", bio_en="Director of Suzume.")
    given = PersonFactory(
        name_en="Kim Tae-ri", name_ko="김태리", bio_en="Voices.", bio_ko="목소리."
    )

    page = korean(client).get(person.get_absolute_url())
    other = client.get(given.get_absolute_url())

    assert '<h1 class="page-title" lang="en">Makoto Shinkai' in page.text
    assert "이 인물의 한국어 정보가 아직 없어 영어로 보여 드려요." in page.text
    assert "김태리" in heading(other)
    assert 'class="fallback-notice"' not in other.text


def test_the_film_list_says_once_that_some_cards_are_in_english(client, starlight):
    FilmFactory.create_batch(2, title_en="Untranslated")

    page = korean(client).get(reverse("films:film-list"))

    assert page.text.count("일부 영화의 한국어 정보가 아직 없어 영어로 보여 드려요.") == 1
    assert page.text.count('<h3 class="film-card__title" lang="en">Untranslated</h3>') == 2
    assert '<h3 class="film-card__title">이 별에 필요한</h3>' in page.text


def test_genres_credits_and_where_to_watch_notes_in_the_readers_language(client, starlight):
    starlight.genres.add(GenreFactory(name_en="Romance", name_ko="로맨스"))
    CreditFactory(film=starlight, person=PersonFactory(name_en="Han Ji-won", name_ko="한지원"))
    WatchOptionFactory(film=starlight, note_en="With Korean subtitles", note_ko="한국어 자막 제공")
    WatchOptionFactory(film=starlight, provider="Watcha", note_en="With English subtitles")

    page = korean(client).get(starlight.get_absolute_url()).text

    assert ">로맨스</a>" in page
    assert ">한지원</a>" in page
    assert '<span class="watch-list__note">한국어 자막 제공</span>' in page
    assert '<span class="watch-list__note" lang="en">With English subtitles</span>' in page
    assert "Romance" not in page


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_korean_film_page_takes_the_queries_of_the_english_one(
    client, get_in_queries, language
):
    film = make_films(1)[0]
    with translation.override(language):
        url = film.get_absolute_url()  # /en/films/... or /ko/films/...

    # As pinned in test_views: the translations are columns of the rows already read.
    get_in_queries(url, 9)


# Search


@pytest.fixture
def korean_only(db):
    """A film and a person whose Hangul is only in their Korean columns."""
    film = FilmFactory(title_en="Lost in Starlight", title_ko="이 별에 필요한", original_title="")
    other = FilmFactory(title_en="Your Name.", title_ko="너의 이름은.", original_title="")
    kim = PersonFactory(name_en="Kim Tae-ri", name_ko="김태리", original_name="")
    CreditFactory(film=film, person=kim, role=Credit.Role.VOICE)
    return film, other


@pytest.mark.parametrize(
    "query", ["별에", "이별에필요한", "ㅇㅂㅇㅍㅇㅎ", "김태리", "ㄱㅌㄹ", "Kim Tae-ri", "starlight"]
)
def test_hangul_search_reads_the_korean_columns(client, korean_only, query):
    assert titles(search(client, q=query, kind="film")) == ["Lost in Starlight"]


def test_a_korean_reader_finds_the_film_under_its_english_title_and_sees_the_korean(
    client, korean_only
):
    assert titles(search(korean(client), q="Your Name", kind="film")) == ["너의 이름은."]


# The page cache


@pytest.mark.parametrize("fields", [(), ("title", "slug")])
def test_one_kept_row_shows_each_reader_their_language(
    page_cache_on, rf, starlight, django_assert_num_queries, fields
):
    with translation.override("en"):
        english = pages.kept_film(rf.get("/"), starlight.slug, fields=fields)
    with translation.override("ko"), django_assert_num_queries(0):
        kept = pages.kept_film(rf.get("/"), starlight.slug, fields=fields)
        hangul = kept.title
    with translation.override("en"):
        assert english.title == kept.title == "Lost in Starlight"

    assert hangul == "이 별에 필요한"


def test_a_signed_in_reader_who_switches_language_gets_the_page_in_it(
    page_cache_on, reader_client, starlight
):
    url = starlight.get_absolute_url()
    assert "Lost in Starlight" in heading(reader_client.get(url))  # kept in English

    page = korean(reader_client).get(url)

    assert "이 별에 필요한" in heading(page)
    assert "한 사람은 지구를 떠난다." in page.text
    assert "One of them is leaving the planet." not in page.text
