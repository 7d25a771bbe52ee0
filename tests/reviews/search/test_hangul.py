"""Search in Hangul (issue 15): full words, parts of words, spacing variants, initial
consonants (초성) and romanised names, each with the films it must find, and none it must not."""

import pytest

from films.models import Credit, Film, Person
from films.search import hangul_keys, parse_query
from tests.factories import CreditFactory, PersonFactory
from tests.reviews.search.conftest import search, titles


@pytest.fixture
def voiced(catalogue):
    kim = PersonFactory(name="Kim Tae-ri", original_name="김태리", slug="kim-tae-ri")
    CreditFactory(film=catalogue["starlight"], person=kim, role=Credit.Role.VOICE)
    return catalogue


@pytest.mark.parametrize(
    ("query", "kind_of_query"),
    [
        ("별에", "a full word of the original title"),
        ("필요", "part of a word"),
        ("이별에필요한", "the title written without its spaces"),
        ("이별 에필요한", "the title spaced differently"),
        ("ㅇㅂㅇㅍㅇㅎ", "the title's initial consonants"),
        ("ㅂㅇ ㅍㅇㅎ", "some of them, spaced"),
        ("김태리", "a credited name in Hangul"),
        ("태리", "part of a credited name"),
        ("ㄱㅌㄹ", "a credited name's initial consonants"),
        ("ㅎㅈㅇ", "the director's initial consonants"),
        ("Kim Tae-ri", "a credited name romanised"),
        ("kim taeri", "romanised, spelt another way"),
    ],
)
def test_a_korean_query_finds_the_film(client, voiced, query, kind_of_query):
    found = titles(search(client, q=query, kind="film"))
    assert found == ["Lost in Starlight"], kind_of_query


@pytest.mark.parametrize("query", ["ㅋㅋㅋ", "별에서온", "ㅇㅂㅇㅍㅇㅎㅎ", "ㄱㅌㄹㅎ"])
def test_a_korean_query_that_matches_nothing_finds_nothing(client, voiced, query):
    response = search(client, q=query, kind="film")
    assert titles(response) == []


def test_the_stored_keys_are_the_names_without_spaces_and_their_initials(voiced):
    film = Film.objects.get(pk=voiced["starlight"].pk)
    assert film.hangul_keys == "lostinstarlight|이별에필요한|lostinstarlight|ㅇㅂㅇㅍㅇㅎ"
    person = Person.objects.get(slug="kim-tae-ri")
    assert person.hangul_keys == "kimtae-ri|김태리|kimtae-ri|ㄱㅌㄹ"


def test_only_the_hangul_alternatives_of_a_query_become_keys():
    assert hangul_keys(parse_query("이 별에 or starlight or ㅇㅂ")) == ["이별에", "ㅇㅂ"]
    assert hangul_keys(parse_query("starlight")) == []
