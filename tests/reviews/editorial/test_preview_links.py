"""Shareable preview links: a signed address that opens an unpublished review without
signing in, until it expires or is revoked; never cached, never indexed."""

import re
from datetime import timedelta
from http import HTTPStatus
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from reviews.editorial import services
from reviews.editorial.models import PreviewLink
from tests.factories import EditorFactory, ReviewFactory
from tests.reviews.editorial.conftest import ROLES

pytestmark = pytest.mark.django_db


@pytest.fixture
def link(draft):
    return services.preview_link_create(review=draft, editor=EditorFactory(), days=7)


# --- Service and database ---------------------------------------------------------------------


@pytest.mark.parametrize("days", [1, 7, 14, 30])
def test_a_link_lasts_the_chosen_days(draft, days):
    link = services.preview_link_create(review=draft, editor=draft.author, days=days)

    assert link.expires_at - link.created_at == timedelta(days=days)
    assert link.is_usable


@pytest.mark.parametrize("days", [0, 31, 365])
def test_the_service_refuses_more_than_30_days_and_writes_nothing(draft, days):
    with pytest.raises(ValidationError, match="from 1 to 30 days"):
        services.preview_link_create(review=draft, editor=draft.author, days=days)

    assert not PreviewLink.objects.exists()


def test_the_database_refuses_more_than_30_days_too(draft):
    now = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        PreviewLink.objects.create(
            review=draft, created_at=now, expires_at=now + timedelta(days=30, seconds=1)
        )


def test_no_link_to_a_published_review(review):
    with pytest.raises(ValidationError, match="published"):
        services.preview_link_create(review=review, editor=review.author, days=7)


def test_revoking_records_who_and_when_once(link):
    editor = EditorFactory(username="revoker")

    services.preview_link_revoke(link=link, editor=editor)
    first = PreviewLink.objects.get(pk=link.pk).revoked_at
    services.preview_link_revoke(link=link, editor=EditorFactory(username="other"))

    link.refresh_from_db()
    assert (link.revoked_by, link.revoked_at) == (editor, first)
    assert not PreviewLink.objects.usable().exists()


# --- The public page --------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_anyone_with_the_link_sees_the_preview(
    client_as, link, role, django_assert_max_num_queries
):
    client = client_as(role, link.review)

    response = client.get(link.get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    assert "Work" in response.text


def test_the_preview_says_so_and_is_never_kept_or_indexed(client, link, django_assert_num_queries):
    # the link with its review, film and byline; the review's paragraphs; other reviews
    with django_assert_num_queries(3):
        response = client.get(link.get_absolute_url())

    html = response.text
    assert "Preview." in html
    assert "This link works until" in html
    assert '<meta name="robots" content="noindex">' in html
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert reverse("admin:reviews_review_change", args=[link.review.pk]) not in html
    assert 'id="discussion' not in html


def test_the_page_cache_never_keeps_it(client, link, page_cache_on):
    client.get(link.get_absolute_url())
    second = client.get(link.get_absolute_url())

    assert "X-Page-Cache" not in second
    assert "no-store" in second["Cache-Control"]


def token_of(link) -> str:
    return link.get_absolute_url().rstrip("/").rsplit("/", 1)[1]


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # altered signature
        lambda token: "1:" + token.split(":", 1)[1],  # another link's number, same signature
        lambda token: "not-a-token",
        lambda token: "",
    ],
)
def test_a_forged_or_altered_token_is_404_with_a_message(client, link, tamper):
    token = tamper(token_of(link))
    url = f"/en/preview/{token}/" if token else "/en/preview/x/"

    response = client.get(url)

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "is not a preview link we made" in response.text
    assert "Work" not in response.text


def test_a_token_for_a_link_that_no_longer_exists_is_404(client, link):
    url = link.get_absolute_url()
    link.delete()

    response = client.get(url)

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_an_expired_link_is_404_saying_it_expired(client, link):
    PreviewLink.objects.filter(pk=link.pk).update(
        created_at=timezone.now() - timedelta(days=8), expires_at=timezone.now() - timedelta(days=1)
    )

    response = client.get(link.get_absolute_url())

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "It expired on" in response.text
    assert "no-store" in response["Cache-Control"]


def test_a_revoked_link_is_404_saying_so(client, link):
    services.preview_link_revoke(link=link, editor=link.created_by)

    response = client.get(link.get_absolute_url())

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "have withdrawn it" in response.text


def test_a_link_to_a_review_published_since_sends_the_reader_to_its_page(client, link):
    from reviews.services import review_publish

    review_publish(review=link.review)

    response = client.get(link.get_absolute_url())

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == link.review.get_absolute_url()


def test_a_scheduled_review_can_be_previewed(client):
    scheduled = ReviewFactory(scheduled=True, headline="Coming soon")
    link = services.preview_link_create(review=scheduled, editor=scheduled.author, days=1)

    response = client.get(link.get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    assert "Coming soon" in response.text


def test_preview_links_are_not_in_the_sitemap_or_feeds(client, link):
    for url in ["/sitemap.xml", "/en/feeds/reviews/"]:
        assert "/preview/" not in client.get(url).text


def test_nginx_passes_previews_to_the_app_without_keeping_them():
    conf = (Path(settings.BASE_DIR) / "config" / "nginx.conf").read_text()
    match = re.search(r'^\s*location ~ "\^/\[a-z\]\{2\}/preview/" \{(.*?)^\s*\}', conf, re.M | re.S)

    assert match, "no location for /<lang>/preview/ in config/nginx.conf"
    block = match[1]
    assert "proxy_pass http://app;" in block
    assert re.search(r"^\s*proxy_cache off;", block, re.M)
    # It comes before `location /`, whose proxy_cache would otherwise keep it.
    assert conf.index('/preview/" {') < conf.index("location / {")


# --- The admin: making and revoking links ---------------------------------------------------------

EXPECTED = {
    "anonymous": HTTPStatus.FOUND,
    "reader": HTTPStatus.FOUND,
    "author": HTTPStatus.OK,  # an editor
    "editor": HTTPStatus.OK,
    "moderator": HTTPStatus.FORBIDDEN,
    "admin": HTTPStatus.OK,
}


@pytest.mark.parametrize("role", ROLES)
def test_who_may_list_and_make_links(client_as, draft, role):
    client = client_as(role, draft)
    url = reverse("admin:reviews_review_preview_links", args=[draft.pk])

    listing = client.get(url)
    made = client.post(url, {"days": "7"})

    assert listing.status_code == EXPECTED[role]
    allowed = EXPECTED[role] == HTTPStatus.OK
    assert made.status_code == (HTTPStatus.FOUND if allowed else EXPECTED[role])
    assert PreviewLink.objects.filter(review=draft).count() == (1 if allowed else 0)


@pytest.mark.parametrize("role", ROLES)
def test_who_may_revoke(client_as, link, role):
    client = client_as(role, link.review)

    response = client.post(
        reverse("admin:reviews_review_preview_link_revoke", args=[link.review.pk, link.pk])
    )

    allowed = EXPECTED[role] == HTTPStatus.OK
    assert response.status_code == (HTTPStatus.FOUND if allowed else EXPECTED[role])
    link.refresh_from_db()
    assert link.is_revoked is allowed


def test_the_admin_page_lists_links_in_fixed_queries(client_as, link, django_assert_num_queries):
    client = client_as("editor", link.review)
    url = reverse("admin:reviews_review_preview_links", args=[link.review.pk])
    client.get(url)

    # session, user, permissions, time zone, the review, its links with who made/revoked them
    with django_assert_num_queries(6):
        response = client.get(url)

    assert link.get_absolute_url() in response.text


@pytest.mark.parametrize("days", ["31", "90", "x", ""])
def test_the_admin_refuses_more_than_30_days_with_a_message(client_as, draft, days):
    client = client_as("editor", draft)

    response = client.post(
        reverse("admin:reviews_review_preview_links", args=[draft.pk]), {"days": days}
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST  # as every refused form on the site
    assert "Choose how long the link works" in response.text
    assert not PreviewLink.objects.exists()


def test_the_admin_says_where_the_new_link_is(client_as, draft):
    client = client_as("editor", draft)

    response = client.post(
        reverse("admin:reviews_review_preview_links", args=[draft.pk]), {"days": "14"}, follow=True
    )

    link = PreviewLink.objects.get()
    assert f"http://testserver{link.get_absolute_url()}" in response.text
    assert link.expires_at - link.created_at == timedelta(days=14)
