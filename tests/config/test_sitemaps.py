"""sitemap.xml and robots.txt."""

import xml.etree.ElementTree as ET
from datetime import timedelta
from http import HTTPStatus
from pathlib import Path

import pytest
from django.utils import timezone
from lxml import etree

from films.models import Film
from tests.factories import PersonFactory, ReviewFactory, SceneFactory

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
SCHEMA = Path(__file__).parent / "schemas" / "sitemap.xsd"
PAGES = [
    "",
    "films/",
    "reviews/",
    "films/lost-in-starlight/",
    "people/han-ji-won/",
    "reviews/published/",
    "films/lost-in-starlight/scenes/1-launch-day/",
]


@pytest.fixture
def site(film):
    person = PersonFactory(name="Han Ji-won", slug="han-ji-won")
    published = ReviewFactory(film=film, slug="published")
    ReviewFactory(film=film, slug="a-draft", draft=True)
    ReviewFactory(film=film, slug="a-scheduled-one", scheduled=True)
    SceneFactory(film=film, number=1, slug="launch-day", start=0)
    return {"film": film, "person": person, "review": published}


def day(moment) -> str:
    """A lastmod as the sitemap writes it: the date in the site's time zone."""
    return timezone.localtime(moment).date().isoformat()


def sitemap(client) -> dict[str, str | None]:
    response = client.get("/sitemap.xml")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return {
        url.find(f"{NS}loc").text: getattr(url.find(f"{NS}lastmod"), "text", None)
        for url in root.findall(f"{NS}url")
    }


def test_sitemap_lists_films_people_reviews_and_main_pages_in_each_language(client, site):
    urls = sitemap(client)
    assert set(urls) == {
        f"http://testserver/{language}/{page}" for language in ("en", "ko") for page in PAGES
    }


def test_each_entry_names_its_other_language_and_x_default(client, site):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    for url in root.findall(f"{NS}url"):
        loc = url.find(f"{NS}loc").text
        page = loc.removeprefix("http://testserver/")[3:]
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in url.findall(f"{XHTML}link")
            if link.get("rel") == "alternate"
        }
        assert alternates == {
            "en": f"http://testserver/en/{page}",
            "ko": f"http://testserver/ko/{page}",
            "x-default": f"http://testserver/{page}",
        }, loc


def test_the_sitemap_validates_against_the_sitemaps_org_schema(client, site):
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    document = etree.fromstring(client.get("/sitemap.xml").content)
    assert schema.validate(document), schema.error_log


def test_the_schema_refuses_what_the_protocol_does():
    """The test above can fail: the schema is strict about what a sitemap may hold."""
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    bad = etree.fromstring(
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        b' xmlns:xhtml="http://www.w3.org/1999/xhtml"><url><loc>http://testserver/en/</loc>'
        b'<xhtml:link rel="alternate" href="http://testserver/ko/"/></url></urlset>'
    )
    assert not schema.validate(bad)  # an alternate without hreflang


def test_sitemap_leaves_out_drafts_and_scheduled_reviews(client, site):
    urls = sitemap(client)
    assert not any("a-draft" in url or "a-scheduled-one" in url for url in urls)


def test_sitemap_lastmod_dates(client, site):
    urls = sitemap(client)
    film, person, review = site["film"], site["person"], site["review"]
    assert urls["http://testserver/en/films/lost-in-starlight/"] == day(film.updated_at)
    assert urls["http://testserver/ko/people/han-ji-won/"] == day(person.updated_at)
    scene_url = "http://testserver/ko/films/lost-in-starlight/scenes/1-launch-day/"
    assert urls[scene_url] == day(film.updated_at)
    assert urls["http://testserver/en/reviews/published/"] == day(
        max(review.updated_at, review.publish_at)
    )


def test_review_lastmod_is_its_publication_when_edited_before_going_live(client, site):
    """A review saved days before its scheduled time changed, for the public, when it went live."""
    review = site["review"]
    live = timezone.now() - timedelta(hours=1)
    type(review).objects.filter(pk=review.pk).update(
        updated_at=live - timedelta(days=10), publish_at=live
    )
    assert sitemap(client)["http://testserver/ko/reviews/published/"] == day(live)


def test_sitemap_query_count(client, site, django_assert_num_queries):
    # The rows of films, people, scenes (with their films) and reviews, once each for both
    # languages (each language's entries come from the same list, which the sitemap's
    # paginator counts itself).
    with django_assert_num_queries(4):
        client.get("/sitemap.xml")


def test_sitemap_changes_with_the_catalogue(client, site):
    Film.objects.filter(pk=site["film"].pk).update(slug="renamed")
    assert "http://testserver/ko/films/renamed/" in sitemap(client)


def test_robots_txt(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.text.splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /en/moderation/" in lines
    assert "Disallow: /ko/moderation/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /" not in lines  # the site itself stays open


def test_robots_txt_only_answers_get(client, db):
    assert client.post("/robots.txt").status_code == HTTPStatus.METHOD_NOT_ALLOWED
