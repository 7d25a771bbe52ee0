"""Search in Hangul over review articles (issue 15): full words, parts of words and other
spacings find a review written in Korean, by its headline, standfirst or body, and initial
consonants (초성) by its headline; and nothing else."""

import pytest

from reviews.models import Review
from tests.factories import ReviewFactory
from tests.reviews.search.conftest import search, titles

KOREAN_HEADLINE = "2050년 서울에서 들려오는 익숙한 소리"


@pytest.fixture
def korean_reviews(catalogue):
    ReviewFactory(
        film=catalogue["starlight"],
        language=Review.Language.KO,
        headline=KOREAN_HEADLINE,
        standfirst="세운상가의 수리점과 노들섬의 밤을 소리로 먼저 그려 낸다.",
        body="김태리의 난영은 말수가 적지만 짧은 대사 끝에 남는 떨림이 많은 것을 전한다.",
        slug="seoul-2050-ko",
    )
    ReviewFactory(
        film=catalogue["your_name"],
        language=Review.Language.KO,
        headline="혜성과 붉은 실",
        standfirst="몸이 바뀐 두 사람의 이야기는 지금 봐도 눈부시다.",
        body="산골 마을 위로 떨어지는 혜성 장면은 여전히 압도적이다.",
        slug="comet-ko",
    )
    return catalogue


@pytest.mark.parametrize(
    ("query", "kind_of_query"),
    [
        ("서울에서", "a full word of the headline"),
        ("들려오는 익숙한", "two words of the headline"),
        ("익숙", "part of a word"),
        ("익숙한소리", "words run together"),
        ("들려 오는", "a word split by a space"),
        ("세운상가", "a word of the standfirst"),
        ("노들섬의 밤", "words of the standfirst"),
        ("수리점과노들섬", "the standfirst run together"),
        ("난영은", "a word of the body"),
        ("떨림", "part of a word of the body"),
        ("대사끝에", "the body spaced differently"),
    ],
)
def test_a_korean_query_finds_the_review(client, korean_reviews, query, kind_of_query):
    assert titles(search(client, q=query, kind="review")) == [KOREAN_HEADLINE], kind_of_query


@pytest.mark.parametrize("query", ["혜성", "붉은실", "산골 마을"])
def test_each_review_is_found_by_its_own_words(client, korean_reviews, query):
    assert titles(search(client, q=query, kind="review")) == ["혜성과 붉은 실"]


@pytest.mark.parametrize("query", ["부산", "서울역에서", "ㅂㅅㄱ", "익숙하지", "ㄴㅇㅇ"])
def test_a_korean_query_that_matches_no_review_finds_none(client, korean_reviews, query):
    assert titles(search(client, q=query, kind="review")) == []


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("ㅎㅅㄱ ㅂㅇ ㅅ", ["혜성과 붉은 실"]),  # the whole headline's initials, spaced as written
        ("ㅎㅅㄱㅂㅇㅅ", ["혜성과 붉은 실"]),  # run together
        ("ㅂㅇㅅ", ["혜성과 붉은 실"]),  # part of it
        ("ㅇㅅㅎㅅㄹ", [KOREAN_HEADLINE]),  # 익숙한 소리
    ],
)
def test_initial_consonants_find_a_review_by_its_headline(client, korean_reviews, query, found):
    assert titles(search(client, q=query, kind="review")) == found


def test_initial_consonants_do_not_reach_into_the_body(client, korean_reviews):
    # 산골 마을 (ㅅㄱㅁㅇ) is in the comet review's body only.
    assert titles(search(client, q="ㅅㄱㅁㅇ", kind="review")) == []


def test_an_english_query_still_finds_reviews_by_full_text(client, korean_reviews):
    assert titles(search(client, q="comet", kind="review")) == ["The comet and the thread"]


def test_a_draft_in_korean_is_not_found(client, korean_reviews):
    Review.objects.filter(slug="comet-ko").update(status=Review.Status.DRAFT)
    assert titles(search(client, q="혜성", kind="review")) == []


def test_the_stored_text_is_lower_case_without_spaces(korean_reviews):
    review = Review.objects.get(slug="comet-ko")
    assert review.hangul_text == (
        "혜성과붉은실몸이바뀐두사람의이야기는지금봐도눈부시다.산골마을위로떨어지는혜성장면은여전히압도적이다."
    )


def test_korean_and_english_results_rank_together(client, korean_reviews):
    """A review that names the film's Korean title, in English or in Korean, is found by it."""
    ReviewFactory(
        film=korean_reviews["starlight"],
        headline="A farewell in the stars",
        body="The original title, 이 별에 필요한, is a pun on farewell.",
        slug="farewell",
    )
    found = titles(search(client, q="이별에필요한", kind="review"))
    assert found == ["A farewell in the stars"]


@pytest.mark.parametrize("query", ["서울 -노들섬", "서울 -난영", "서울 -떨림"])
def test_a_word_excluded_leaves_the_review_out(client, korean_reviews, query):
    assert titles(search(client, q=query, kind="review")) == []


def test_excluding_another_word_keeps_the_review(client, korean_reviews):
    assert titles(search(client, q="서울 -부산", kind="review")) == [KOREAN_HEADLINE]
