"""What link previews and search engines read: canonical URLs, Open Graph and Twitter cards,
and JSON-LD."""

import json
import re
from datetime import date
from http import HTTPStatus

import pytest

from films.models import Credit
from tests.factories import CreditFactory, GenreFactory, PersonFactory, ReviewFactory

DEFAULT_IMAGE = "http://testserver/static/img/og-default.png"


def meta(html: str, key: str) -> str:
    """The content of <meta property=key> or <meta name=key>."""
    match = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', html)
    assert match, f"no {key}"
    return match.group(1)


def canonical(html: str) -> str:
    return re.search(r'<link rel="canonical" href="([^"]*)">', html).group(1)


def json_ld(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def of_type(html: str, kind: str) -> dict:
    [data] = [block for block in json_ld(html) if block["@type"] == kind]
    return data


@pytest.fixture
def pages(film):
    film.original_title = "이 별에 필요한"
    film.tagline = 'Love "across" <the> distance & time.'
    film.release_date = date(2025, 5, 30)
    film.save()
    film.genres.add(GenreFactory(name="Animation", slug="animation"))
    director = PersonFactory(name="Han Ji-won", original_name="한지원", slug="han-ji-won")
    CreditFactory(film=film, person=director, role=Credit.Role.DIRECTOR)
    review = ReviewFactory(
        film=film,
        slug="a-review",
        headline="</script><script>alert(1)</script> A love letter",
        standfirst="Luminous & tender.",
        rating=9,
    )
    ReviewFactory(film=film, rating=7)
    return {"film": film, "director": director, "review": review}


PAGES = [
    "/en/",
    "/en/films/",
    "/en/reviews/",
    "/en/films/lost-in-starlight/",
    "/en/films/lost-in-starlight/reviews/",
    "/en/people/han-ji-won/",
    "/en/reviews/a-review/",
    "/en/search/?q=starlight",
]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_has_canonical_open_graph_and_twitter_card_tags(client, pages, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    html = response.text
    assert canonical(html) == f"http://testserver{url.split('?')[0]}"
    assert meta(html, "og:url") == canonical(html)
    assert meta(html, "og:site_name") == "Starlight Reviews"
    for key in ["og:title", "og:description", "og:image", "og:image:alt", "twitter:image:alt"]:
        assert meta(html, key)
    assert meta(html, "og:image").startswith("http://testserver/")
    assert meta(html, "twitter:card") == "summary_large_image"
    # X reads the title, description and image from Open Graph when it has no twitter: ones.
    assert 'name="twitter:title"' not in html


def test_canonical_keeps_the_page_number_and_drops_other_parameters(client, pages):
    html = client.get("/en/films/?page=1&sort=title&utm_source=x").text
    assert canonical(html) == "http://testserver/en/films/"


def test_default_image_exists_at_the_open_graph_size():
    from pathlib import Path

    from PIL import Image

    with Image.open(Path(__file__).resolve().parents[2] / "static/img/og-default.png") as image:
        assert image.size == (1200, 630)


def test_home_page_previews_and_website_json_ld(client, pages):
    html = client.get("/en/").text
    assert meta(html, "og:title") == "Starlight Reviews"
    assert meta(html, "og:image") == DEFAULT_IMAGE
    site = of_type(html, "WebSite")
    assert site["url"] == "http://testserver/en/"
    assert (
        site["potentialAction"]["target"] == "http://testserver/en/search/?q={search_term_string}"
    )


def test_film_page_previews_and_movie_json_ld(client, pages):
    html = client.get("/en/films/lost-in-starlight/").text
    assert meta(html, "og:type") == "video.movie"
    assert meta(html, "og:title") == "Lost in Starlight"
    assert (
        meta(html, "og:description") == "Love &quot;across&quot; &lt;the&gt; distance &amp; time."
    )
    assert meta(html, "og:image") == DEFAULT_IMAGE  # no poster uploaded
    movie = of_type(html, "Movie")
    assert movie["name"] == "Lost in Starlight"
    assert movie["alternateName"] == "이 별에 필요한"
    assert movie["url"] == "http://testserver/en/films/lost-in-starlight/"
    assert movie["dateCreated"] == "2025-05-30"
    assert movie["director"] == [
        {"@type": "Person", "name": "Han Ji-won", "url": "http://testserver/en/people/han-ji-won/"}
    ]
    assert movie["genre"] == ["Animation"]
    assert movie["aggregateRating"] == {
        "@type": "AggregateRating",
        "ratingValue": 8.0,
        "bestRating": 10,
        "worstRating": 1,
        "reviewCount": 2,
    }
    crumbs = of_type(html, "BreadcrumbList")["itemListElement"]
    assert [(c["position"], c["name"], c["item"]) for c in crumbs] == [
        (1, "Starlight Reviews", "http://testserver/en/"),
        (2, "Films", "http://testserver/en/films/"),
        (3, "Lost in Starlight", "http://testserver/en/films/lost-in-starlight/"),
    ]


def test_film_with_a_poster_uses_it_as_preview_image(client, pages, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    film = pages["film"]
    film.poster.name = "posters/starlight.jpg"
    film.save()
    html = client.get("/en/films/lost-in-starlight/").text
    assert meta(html, "og:image") == "http://testserver/media/posters/starlight.jpg"
    assert meta(html, "og:image:alt") == "Poster for Lost in Starlight"
    assert of_type(html, "Movie")["image"] == "http://testserver/media/posters/starlight.jpg"


def test_review_page_previews_and_review_json_ld(client, pages):
    review = pages["review"]
    html = client.get("/en/reviews/a-review/").text
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:description") == "Luminous &amp; tender."
    data = of_type(html, "Review")
    assert data["headline"] == review.headline
    assert data["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 9,
        "bestRating": 10,
        "worstRating": 1,
    }
    assert data["itemReviewed"]["@type"] == "Movie"
    assert data["itemReviewed"]["name"] == "Lost in Starlight"
    assert data["itemReviewed"]["url"] == "http://testserver/en/films/lost-in-starlight/"
    assert data["author"] == {"@type": "Person", "name": review.author.profile.display_name}
    assert data["datePublished"] == review.publish_at.isoformat()
    crumbs = of_type(html, "BreadcrumbList")["itemListElement"]
    assert [c["name"] for c in crumbs] == [
        "Starlight Reviews",
        "Lost in Starlight",
        "Reviews",
        review.headline,
    ]


def test_json_ld_cannot_close_its_script_element(client, pages):
    html = client.get("/en/reviews/a-review/").text
    assert "</script><script>alert(1)</script>" not in html
    assert "\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)" in html


def test_person_page_previews_and_json_ld(client, pages):
    html = client.get("/en/people/han-ji-won/").text
    assert meta(html, "og:title") == "Han Ji-won"
    assert meta(html, "og:type") == "profile"
    person = of_type(html, "Person")
    assert person["alternateName"] == "한지원"
    crumbs = of_type(html, "BreadcrumbList")["itemListElement"]
    assert crumbs[-1]["item"] == "http://testserver/en/people/han-ji-won/"


def test_search_page_is_not_indexed(client, pages):
    assert meta(client.get("/en/search/?q=star").text, "robots") == "noindex"
