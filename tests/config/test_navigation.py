"""The navigation tells readers and moderators where they are."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

CURRENT = re.compile(r'<a [^>]*aria-current="page"[^>]*>([^<]+)')


def current_links(html: str) -> list[str]:
    return [text.strip() for text in CURRENT.findall(html)]


@pytest.mark.parametrize(
    ("url", "current"),
    [
        (reverse("films:film-list"), ["Films"]),
        (reverse("reviews:review-list"), ["Reviews"]),
        (reverse("home"), []),
    ],
)
def test_the_site_navigation_marks_the_page_a_reader_is_on(client, url, current):
    assert current_links(client.get(url).text) == current


def test_the_account_link_is_marked_on_the_profile_page(reader_client, reader):
    assert current_links(reader_client.get(reverse("readers:profile-edit")).text) == [
        reader.profile.display_name or reader.username
    ]


@pytest.mark.parametrize(
    ("name", "current"),
    [
        ("moderation:queue", ["Moderation", "Queue"]),
        ("moderation:dashboard", ["Dashboard"]),
        ("moderation:decisions", ["Decisions"]),
        ("moderation:blocklist", ["Blocklist"]),
    ],
)
def test_the_desk_navigation_marks_the_desk_page_a_moderator_is_on(moderator_client, name, current):
    assert current_links(moderator_client.get(reverse(name)).text) == current


def test_the_search_box_keeps_the_query_on_the_results_page(client):
    response = client.get(reverse("reviews:search"), {"q": "starlight"})
    assert re.search(r'id="site-search-q"[^>]*value="starlight"', response.text)
