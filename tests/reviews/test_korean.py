"""Review pages and feeds in Korean: the list, the review with its dates and stars, a film's
critics' part, and the feed's titles."""

import xml.etree.ElementTree as ET
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from tests.conftest import in_korean
from tests.factories import CommentFactory, ReviewFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def korean(client):
    in_korean(client)
    return client


@pytest.fixture
def starlight_review(film):
    return ReviewFactory(
        film=film,
        headline="A love letter written in starlight",
        rating=7,
        publish_at=datetime(2025, 5, 30, 9, 0, tzinfo=ZoneInfo("Asia/Seoul")),
    )


def test_the_review_list_is_in_korean(korean, starlight_review):
    CommentFactory(review=starlight_review)
    CommentFactory(review=starlight_review)

    response = korean.get(reverse("reviews:review-list"))

    assert '<h1 class="page-title">리뷰</h1>' in response.text
    assert "댓글 2개" in response.text
    assert "2025. 5. 30." in response.text  # the short date, in Korean order
    assert "30 May 2025" not in response.text


def test_a_review_page_gives_korean_dates_stars_and_reading_time(korean, starlight_review):
    response = korean.get(starlight_review.get_absolute_url())

    assert "2025년 5월 30일" in response.text
    assert 'aria-label="별점 10점 만점에 7점"' in response.text
    assert f"읽는 데 {starlight_review.reading_time}분" in response.text
    assert "min read" not in response.text
    assert "아직 댓글이 없어요. 첫 댓글을 남겨 보세요." in response.text


def test_a_film_page_shows_the_critics_in_korean(korean, film, starlight_review):
    ReviewFactory(film=film, rating=9)

    response = korean.get(film.get_absolute_url())

    assert "리뷰 2개 평균" in response.text
    assert "Average of" not in response.text


def test_the_feeds_are_titled_in_korean(korean, film, starlight_review):
    latest = ET.fromstring(korean.get(reverse("reviews:feed")).content)
    of_film = ET.fromstring(korean.get(reverse("reviews:film-feed", args=[film.slug])).content)

    assert latest.find(f"{ATOM}title").text.endswith(": 최신 리뷰")
    assert of_film.find(f"{ATOM}title").text.endswith(f": {film.title} 리뷰")
