"""What the page-cache tests ask of pages: whether one came from the cache, which did."""

from http import HTTPStatus

from django.urls import reverse


def served_from_cache(client, url) -> bool:
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    return response.get("X-Page-Cache") == "hit"


def warm(client, *urls):
    """Render each page once; the second request must come from the cache."""
    for url in urls:
        client.get(url)
        assert served_from_cache(client, url), url


def urls(site) -> dict[str, str]:
    return {
        "home": reverse("home"),
        "films": reverse("films:film-list"),
        "first": site["first"].get_absolute_url(),
        "second": site["second"].get_absolute_url(),
        "first-reviews": reverse("reviews:film-reviews", args=["first"]),
        "person": site["person"].get_absolute_url(),
        "reviews": reverse("reviews:review-list"),
        "review": site["review"].get_absolute_url(),
        "other": site["other"].get_absolute_url(),
    }


def fresh_and_cached(client, site) -> tuple[set[str], set[str]]:
    """Which pages were re-rendered, and which came from the cache."""
    fresh, cached = set(), set()
    for name, url in urls(site).items():
        (cached if served_from_cache(client, url) else fresh).add(name)
    return fresh, cached
