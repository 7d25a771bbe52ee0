"""The search page in Korean: its labels, counts, empty states and a bad filter's message."""

import pytest

from tests.conftest import in_korean
from tests.reviews.search.conftest import search


@pytest.fixture
def korean(client):
    in_korean(client)
    return client


def test_the_empty_search_page_speaks_korean(korean, catalogue):
    response = search(korean)

    assert "영화, 인물, 리뷰 속 단어를 검색해 보세요." in response.text
    assert 'placeholder="영화, 인물 또는 단어"' in response.text
    assert "Search for a film" not in response.text


@pytest.mark.parametrize(("query", "count"), [("comet", "결과 2개"), ("zzzzqqq", "결과 0개")])
def test_results_are_counted_in_korean(korean, catalogue, query, count):
    response = search(korean, q=query)

    assert f">{count}<" in response.text
    assert " result" not in response.text


def test_a_film_result_names_its_director_in_korean(korean, catalogue):
    response = search(korean, q="starlight", kind="film")

    assert "감독 Han Ji-won" in response.text
    assert "Directed by" not in response.text


def test_no_match_and_a_bad_genre_are_explained_in_korean(korean, catalogue):
    response = search(korean, q="zzzzqqq", genre="no-such-genre")

    assert "없는 장르예요. 목록에서 골라 주세요." in response.text
    assert "“zzzzqqq”에 맞는 결과가 없어요." in response.text
    assert "Nothing matches" not in response.text


def test_english_and_korean_searches_do_not_share_kept_results(
    page_cache_on, reader_client, catalogue
):
    # Signed in: the page is put together from the kept filters and results.
    english = search(reader_client, q="comet")
    in_korean(reader_client)
    korean = search(reader_client, q="comet")

    assert "2 results" in english.text
    assert "결과 2개" in korean.text
