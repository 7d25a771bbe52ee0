"""Search pages from the page cache (anonymous) and from kept fragments (signed in), fresh
after every change that shows in them."""

import re
from http import HTTPStatus

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.test import Client
from django.urls import reverse

from films.models import Genre
from reviews.models import Review
from reviews.readers.services import profile_update
from reviews.services import review_publish, review_save
from tests.factories import (
    ReviewFactory,
    UserFactory,
    review_admin_data,
)
from tests.reviews.search.conftest import SEARCH, SEARCH_QUERIES, make_matches, search

# --- Anonymous readers: the page cache -------------------------------------------------------


@pytest.fixture
def anonymous():
    """A client of its own: `client` is the one the signed-in fixtures sign in."""
    return Client()


def test_anonymous_search_pages_come_from_the_page_cache(
    anonymous, catalogue, page_cache_on, django_assert_num_queries
):
    url = f"{SEARCH}?q=comet&kind=review"
    first = anonymous.get(url)
    with django_assert_num_queries(0):
        second = anonymous.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "The comet and the thread" in second.text


def test_search_pages_of_signed_in_readers_are_fresh(reader_client, catalogue, page_cache_on):
    url = f"{SEARCH}?q=comet"
    reader_client.get(url)
    response = reader_client.get(url)
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


def test_a_review_text_edit_refreshes_search_pages(anonymous, catalogue, page_cache_on):
    """A text edit that leaves the review's publication alone (the admin's save of a
    published review) still changes what the search finds."""
    url = f"{SEARCH}?q=nebula"
    assert "Nothing matches" in anonymous.get(url).text
    assert anonymous.get(url)["X-Page-Cache"] == "hit"
    review = Review.objects.get(slug="love-letter")
    review.body += " A nebula, too."
    review_save(review=review)  # as ReviewAdmin.save_model does
    response = anonymous.get(url)
    assert "X-Page-Cache" not in response
    assert "A love letter written in starlight" in response.text


def test_renaming_a_person_in_the_admin_refreshes_search_pages(
    anonymous, catalogue, page_cache_on, editor_client
):
    url = f"{SEARCH}?q=Hosoda&kind=film"
    assert "Nothing matches" in anonymous.get(url).text
    assert anonymous.get(url)["X-Page-Cache"] == "hit"
    shinkai = catalogue["shinkai"]
    response = editor_client.post(
        reverse("admin:films_person_change", args=[shinkai.pk]),
        {"name_en": "Mamoru Hosoda", "original_name": "", "slug": shinkai.slug, "bio_en": ""},
    )
    assert response.status_code == HTTPStatus.FOUND
    assert "Your Name." in anonymous.get(url).text


def test_deleting_a_person_in_the_admin_refreshes_search_pages(
    anonymous, catalogue, page_cache_on, editor_client
):
    url = f"{SEARCH}?q=Shinkai&kind=film"
    assert "Your Name." in anonymous.get(url).text
    assert anonymous.get(url)["X-Page-Cache"] == "hit"
    response = editor_client.post(
        reverse("admin:films_person_delete", args=[catalogue["shinkai"].pk]), {"post": "yes"}
    )
    assert response.status_code == HTTPStatus.FOUND
    assert "Nothing matches" in anonymous.get(url).text


# --- Signed-in readers: the filters and the results as page-cache fragments -----------------


@pytest.fixture
def signed_in(reader):
    """The reader's own client, so an editor can sign in to `client` in the same test."""
    client = Client()
    client.force_login(reader)
    return client


def results_section(response) -> str:
    return re.search(r'<section class="results".*?</section>', response.text, re.S).group()


def filters_form(response) -> str:
    return re.search(r'<form class="filters.*?</form>', response.text, re.S).group()


# Cold: the session, the reader with their profile; the genre choices for the filters; when
# the next scheduled review goes live and the next premiere begins or ends (the fragments'
# lifetime); then the search itself (SEARCH_QUERIES less the genre choices).
SIGNED_IN_COLD = 2 + 1 + 2 + SEARCH_QUERIES - 1
# Warm: the session and the reader only. The filters and results come from the cache.
SIGNED_IN_WARM = 2


def test_a_signed_in_readers_repeated_search_comes_from_the_fragments(
    signed_in, catalogue, page_cache_on, django_assert_num_queries
):
    url = f"{SEARCH}?q=comet"
    with django_assert_num_queries(SIGNED_IN_COLD):
        first = signed_in.get(url)
    with django_assert_num_queries(SIGNED_IN_WARM):
        second = signed_in.get(url)
    assert "private" in second["Cache-Control"]
    assert results_section(second) == results_section(first)
    assert "Your Name." in results_section(second)
    assert "The comet and the thread" in results_section(second)


def test_search_fragments_hold_nothing_of_one_request(signed_in, catalogue, page_cache_on):
    """Shared parts: the reader's CSRF token (the sign-out form) and CSP nonce stay outside."""
    url = f"{SEARCH}?q=comet"
    signed_in.get(url)
    response = signed_in.get(url)
    assert "csrfmiddlewaretoken" in response.text
    shared = results_section(response) + filters_form(response)
    assert "csrfmiddlewaretoken" not in shared
    assert "nonce" not in shared


@pytest.mark.parametrize(
    "params",
    [
        {"q": "comet", "kind": "review"},
        {"q": "comet", "year": "2016"},
        {"q": "comet", "genre": "drama"},
        {"q": "comet or mars", "page": "2"},
        {"q": "comet", "year": "abc", "utm_source": "x"},
    ],
)
def test_each_search_has_its_own_fragments(signed_in, catalogue, page_cache_on, settings, params):
    """Filters, pages and whatever else the links repeat name different fragments."""
    make_matches(12, 0)
    settings.PAGE_CACHE_ENABLED = False
    expected = search(signed_in, **params)  # rendered for this request alone
    settings.PAGE_CACHE_ENABLED = True
    plain = search(signed_in, q="comet")  # kept
    response = search(signed_in, **params)
    assert results_section(response) != results_section(plain)
    assert results_section(response) == results_section(expected)
    assert filters_form(response) == filters_form(expected)


def test_publishing_a_matching_review_shows_in_a_signed_in_search(
    signed_in, catalogue, page_cache_on
):
    url = f"{SEARCH}?q=nebula"
    assert "Nothing matches" in signed_in.get(url).text
    review = ReviewFactory(draft=True, headline="A nebula over Mars", film=catalogue["starlight"])
    assert "Nothing matches" in signed_in.get(url).text  # a draft is not searched
    review_publish(review=review)
    assert "A nebula over Mars" in results_section(signed_in.get(url))


def test_editing_a_review_in_the_admin_shows_in_a_signed_in_search(
    signed_in, catalogue, page_cache_on, editor_client, editor
):
    url = f"{SEARCH}?q=nebula"
    assert "Nothing matches" in signed_in.get(url).text
    review = Review.objects.get(slug="love-letter")
    response = editor_client.post(
        reverse("admin:reviews_review_change", args=[review.pk]),
        review_admin_data(review, body=review.body + " A nebula, too."),
    )
    assert response.status_code == HTTPStatus.FOUND
    assert "A love letter written in starlight" in results_section(signed_in.get(url))


def test_renaming_a_person_in_the_admin_shows_in_a_signed_in_search(
    signed_in, catalogue, page_cache_on, editor_client
):
    url = f"{SEARCH}?q=Your+Name"
    assert "Makoto Shinkai" in results_section(signed_in.get(url))
    shinkai = catalogue["shinkai"]
    response = editor_client.post(
        reverse("admin:films_person_change", args=[shinkai.pk]),
        {"name_en": "Mamoru Hosoda", "original_name": "", "slug": shinkai.slug, "bio_en": ""},
    )
    assert response.status_code == HTTPStatus.FOUND
    shown = results_section(signed_in.get(url))
    assert "Mamoru Hosoda" in shown
    assert "Makoto Shinkai" not in shown


def test_renaming_a_reviews_author_shows_in_a_signed_in_search(signed_in, catalogue, page_cache_on):
    url = f"{SEARCH}?q=comet&kind=review"
    review = Review.objects.get(slug="comet-thread")
    old_name = review.author.profile.display_name
    assert old_name in results_section(signed_in.get(url))
    profile_update(user=review.author, display_name="Byeol", bio="", notify_replies=False)
    shown = results_section(signed_in.get(url))
    assert "Byeol" in shown
    assert old_name not in shown


def test_adding_a_genre_in_the_admin_shows_in_a_signed_in_readers_filters(
    signed_in, catalogue, page_cache_on, editor_client
):
    url = f"{SEARCH}?q=comet"
    assert "Fantasy" not in signed_in.get(url).text
    response = editor_client.post(
        reverse("admin:films_genre_add"), {"name_en": "Fantasy", "slug": "fantasy"}
    )
    assert response.status_code == HTTPStatus.FOUND
    assert 'value="fantasy"' in signed_in.get(url).text


@pytest.mark.parametrize("how", ["delete page", "delete action"])
def test_deleting_a_genre_in_the_admin_leaves_a_signed_in_readers_filters(
    signed_in, catalogue, page_cache_on, editor_client, how
):
    url = f"{SEARCH}?q=comet"
    drama = Genre.objects.get(slug="drama")
    assert 'value="drama"' in signed_in.get(url).text
    if how == "delete page":
        response = editor_client.post(
            reverse("admin:films_genre_delete", args=[drama.pk]), {"post": "yes"}
        )
    else:
        response = editor_client.post(
            reverse("admin:films_genre_changelist"),
            {"action": "delete_selected", ACTION_CHECKBOX_NAME: [drama.pk], "post": "yes"},
        )
    assert response.status_code == HTTPStatus.FOUND
    assert not Genre.objects.filter(slug="drama").exists()
    assert 'value="drama"' not in signed_in.get(url).text


def test_an_unknown_genre_is_reported_from_the_kept_filters(signed_in, catalogue, page_cache_on):
    url = f"{SEARCH}?q=comet&genre=western"
    signed_in.get(url)
    response = signed_in.get(url)
    assert "There is no such genre" in response.text
    assert response.context["form"].errors  # the form is still validated for each request


def test_a_kept_search_shows_each_reader_their_own_name(catalogue, page_cache_on, editor):
    """The results are shared; the rest of the page (the account menu) is each reader's."""
    url = f"{SEARCH}?q=comet"
    readers = {}
    for username, name in (("byeol", "Byeol Kim"), ("dal", "Dal Park")):
        user = UserFactory(username=username, profile__display_name=name)
        readers[name] = Client()
        readers[name].force_login(user)
    staff = Client()
    staff.force_login(editor)
    first = readers["Byeol Kim"].get(url)
    second = readers["Dal Park"].get(url)
    third = staff.get(url)
    assert results_section(second) == results_section(first) == results_section(third)
    assert "Byeol Kim" in first.text
    assert "Dal Park" in second.text
    assert "Byeol Kim" not in second.text
    assert "Dal Park" not in first.text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', first.text).group(1)
    assert token not in second.text
