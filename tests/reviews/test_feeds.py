"""Atom feeds: the latest reviews, and the reviews of each film."""

import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from reviews.feeds import FEED_LENGTH
from reviews.models import Review
from tests.factories import FilmFactory, ReviewFactory

ATOM = "{http://www.w3.org/2005/Atom}"


def parse(response) -> ET.Element:
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def when(element: ET.Element, tag: str) -> datetime:
    return datetime.fromisoformat(text(element, tag))


def entries(feed: ET.Element) -> list[ET.Element]:
    return feed.findall(f"{ATOM}entry")


def text(element: ET.Element, tag: str) -> str:
    return element.find(f"{ATOM}{tag}").text


@pytest.fixture
def reviews(film):
    other = FilmFactory(title="Your Name.", slug="your-name")
    now = timezone.now()
    return {
        "older": ReviewFactory(
            film=film, headline="Older", slug="older", publish_at=now - timedelta(days=3)
        ),
        "newer": ReviewFactory(
            film=film,
            headline="Newer & better",
            slug="newer",
            standfirst="A <b>bold</b> claim.",
            publish_at=now - timedelta(days=1),
        ),
        "other": ReviewFactory(
            film=other, headline="Other film", slug="other", publish_at=now - timedelta(days=2)
        ),
        "draft": ReviewFactory(film=film, headline="Draft", slug="draft", draft=True),
        "scheduled": ReviewFactory(
            film=film, headline="Scheduled", slug="scheduled", scheduled=True
        ),
    }


def test_latest_reviews_feed_lists_published_reviews_newest_first(client, reviews):
    feed = parse(client.get(reverse("reviews:feed")))
    assert text(feed, "title") == "Starlight Reviews: latest reviews"
    assert [text(entry, "title") for entry in entries(feed)] == [
        "Newer & better",
        "Other film",
        "Older",
    ]


def test_feed_entries_carry_link_summary_author_dates_and_film(client, reviews):
    feed = parse(client.get(reverse("reviews:feed")))
    entry = entries(feed)[0]
    review = reviews["newer"]
    assert entry.find(f"{ATOM}link").get("href") == (
        f"http://testserver{review.get_absolute_url()}"
    )
    assert text(entry, "id") == f"http://testserver{review.get_absolute_url()}"
    assert text(entry, "summary") == "A <b>bold</b> claim."  # escaped XML text, read back
    assert entry.find(f"{ATOM}author/{ATOM}name").text == review.author.profile.display_name
    assert entry.find(f"{ATOM}category").get("term") == "Lost in Starlight"
    assert abs(when(entry, "published") - review.publish_at) < timedelta(seconds=1)
    assert abs(when(entry, "updated") - max(review.updated_at, review.publish_at)) < timedelta(
        seconds=1
    )
    # The feed's own updated date is its newest entry's.
    assert text(feed, "updated") == max(text(e, "updated") for e in entries(feed))


def test_feed_self_and_alternate_links(client, reviews):
    feed = parse(client.get(reverse("reviews:feed")))
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links["self"] == "http://testserver/en/feeds/reviews/"
    assert links["alternate"] == "http://testserver/en/reviews/"


def test_film_feed_lists_only_that_films_published_reviews(client, film, reviews):
    feed = parse(client.get(reverse("reviews:film-feed", kwargs={"slug": film.slug})))
    assert text(feed, "title") == "Starlight Reviews: reviews of Lost in Starlight"
    assert [text(entry, "title") for entry in entries(feed)] == ["Newer & better", "Older"]
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links["alternate"] == "http://testserver/en/films/lost-in-starlight/reviews/"


def test_film_feed_of_an_unknown_film_is_404(client, db):
    response = client.get(reverse("reviews:film-feed", kwargs={"slug": "nope"}))
    assert response.status_code == HTTPStatus.NOT_FOUND


def test_scheduled_review_enters_the_feed_when_due(client, reviews):
    Review.objects.filter(pk=reviews["scheduled"].pk).update(
        publish_at=timezone.now() - timedelta(minutes=1)
    )
    feed = parse(client.get(reverse("reviews:feed")))
    assert text(entries(feed)[0], "title") == "Scheduled"


def test_feed_is_capped(client, film):
    ReviewFactory.create_batch(FEED_LENGTH + 3, film=film)
    assert len(entries(parse(client.get(reverse("reviews:feed"))))) == FEED_LENGTH


def test_feed_query_count(client, film, django_assert_num_queries):
    ReviewFactory.create_batch(5, film=film)
    with django_assert_num_queries(1):
        client.get(reverse("reviews:feed"))


@pytest.mark.parametrize(
    ("url", "feeds"),
    [
        ("/en/", ["/en/feeds/reviews/"]),
        ("/en/films/", ["/en/feeds/reviews/"]),
        (
            "/en/films/lost-in-starlight/",
            ["/en/feeds/reviews/", "/en/films/lost-in-starlight/feed/"],
        ),
        (
            "/en/films/lost-in-starlight/reviews/",
            ["/en/feeds/reviews/", "/en/films/lost-in-starlight/feed/"],
        ),
        ("/en/reviews/newer/", ["/en/feeds/reviews/", "/en/films/lost-in-starlight/feed/"]),
        ("/en/search/?q=star", ["/en/feeds/reviews/"]),
    ],
)
def test_pages_link_their_feeds_for_autodiscovery(client, reviews, url, feeds):
    html = client.get(url).text
    for href in feeds:
        assert '<link rel="alternate" type="application/atom+xml"' in html
        assert f'href="{href}"' in html
    assert html.count('type="application/atom+xml"') == len(feeds)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_each_language_has_its_feeds_of_the_articles_written_in_it(client, film, language):
    now = timezone.now()
    ReviewFactory(film=film, headline="In English", slug="in-english", publish_at=now)
    ReviewFactory(
        film=film, headline="한국어 리뷰", slug="korean-review", language="ko", publish_at=now
    )
    written = {"en": ["In English"], "ko": ["한국어 리뷰"]}[language]
    with translation.override(language):
        latest, of_the_film = (
            reverse("reviews:feed"),
            reverse("reviews:film-feed", args=[film.slug]),
        )
    assert latest == f"/{language}/feeds/reviews/"
    for url in (latest, of_the_film):
        feed = parse(client.get(url))
        assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == language
        assert [text(entry, "title") for entry in entries(feed)] == written
        links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
        assert links["alternate"].startswith(f"http://testserver/{language}/")
    title = text(parse(client.get(latest)), "title")
    assert ("최신 리뷰" in title) is (language == "ko")


@pytest.mark.parametrize("language", ["en", "ko"])
def test_pages_link_the_feed_of_their_own_language(client, film, language):
    html = client.get(f"/{language}/films/").text
    assert f'href="/{language}/feeds/reviews/"' in html
