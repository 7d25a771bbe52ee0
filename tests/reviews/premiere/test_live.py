"""The live thread's polls: 304 while nothing changed, from the cache alone; the new comments
once something did; and the gate a premiere gives readers who have not said their progress."""

import re
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from config.pagecache.fragments import CSRF_PLACEHOLDER
from reviews.discussion import services
from reviews.discussion.models import Comment
from reviews.spoilers.gate import Gate, gate_for
from tests.factories import CommentFactory, PremiereFactory, UserFactory

pytestmark = pytest.mark.django_db


def live_url(premiere, **query) -> str:
    url = reverse("premiere:premiere-live", kwargs={"film": premiere.film.slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def poll(client, premiere, etag=None, **query):
    headers = {"If-None-Match": etag} if etag else {}
    return client.get(live_url(premiere, **query), headers=headers)


def test_an_unchanged_thread_answers_304(client, premiere):
    first = poll(client, premiere)
    assert first.status_code == HTTPStatus.OK
    assert first["ETag"]

    again = poll(client, premiere, first["ETag"])

    assert again.status_code == HTTPStatus.NOT_MODIFIED
    assert again["ETag"] == first["ETag"]
    assert again.content == b""


def test_a_new_comment_changes_the_answer(client, premiere, reader):
    etag = poll(client, premiere)["ETag"]

    services.comment_create(premiere=premiere, author=reader, body="The comet!")
    response = poll(client, premiere, etag)

    assert response.status_code == HTTPStatus.OK
    assert response["ETag"] != etag
    assert "The comet!" in response.text
    assert 'id="discussion-threads"' in response.text
    assert "<html" not in response.text
    # The fragment carries its own ETag for the next poll.
    assert response["ETag"].strip('"') in response.text


def test_the_page_carries_the_etag_the_first_poll_sends(client, premiere):
    page = client.get(reverse("premiere:premiere-thread", kwargs={"film": premiere.film.slug}))

    response = poll(client, premiere, page.context["live_etag"])

    assert response.status_code == HTTPStatus.NOT_MODIFIED


def test_newest_comments_come_first(client, premiere):
    CommentFactory(review=None, premiere=premiere, body="Older words")
    CommentFactory(review=None, premiere=premiere, body="Newer words")

    text = poll(client, premiere).text

    assert text.index("Newer words") < text.index("Older words")


def test_signed_in_readers_have_etags_of_their_own(client, premiere, reader, other_reader):
    client.force_login(reader)
    mine = poll(client, premiere)["ETag"]
    client.force_login(other_reader)

    assert poll(client, premiere, mine).status_code == HTTPStatus.OK


def test_a_held_comment_shows_in_its_authors_poll(client, premiere):
    newcomer = UserFactory(date_joined=timezone.now() - timedelta(hours=1))
    client.force_login(newcomer)
    etag = poll(client, premiere)["ETag"]

    comment = services.comment_create(premiere=premiere, author=newcomer, body="Hello all")
    response = poll(client, premiere, etag)

    assert comment.status == Comment.Status.PENDING
    assert "Hello all" in response.text


def test_an_unchanged_poll_asks_no_database(
    client, premiere, page_cache_on, django_assert_num_queries
):
    etag = poll(client, premiere)["ETag"]

    with django_assert_num_queries(0):
        response = poll(client, premiere, etag)

    assert response.status_code == HTTPStatus.NOT_MODIFIED


def test_a_signed_in_readers_unchanged_poll_reads_only_the_session(
    client, premiere, reader, page_cache_on, django_assert_num_queries
):
    client.force_login(reader)
    first = poll(client, premiere)
    gate = first.text.split("?gate=")[1].split('"')[0]

    # The test settings keep sessions in the database; with Redis (production) it is none.
    with django_assert_num_queries(1):
        response = poll(client, premiere, first["ETag"], gate=gate)

    assert response.status_code == HTTPStatus.NOT_MODIFIED


def test_a_poll_of_a_film_without_a_premiere_is_404(client, film):
    response = client.get(reverse("premiere:premiere-live", kwargs={"film": film.slug}))
    assert response.status_code == HTTPStatus.NOT_FOUND


def test_junk_in_the_gate_parameter_is_ignored(client, premiere, reader):
    client.force_login(reader)

    response = poll(client, premiere, gate="<script>")

    assert response.status_code == HTTPStatus.OK
    assert "<script>" not in response.text


def test_during_a_premiere_readers_without_progress_are_at_its_moment(film):
    premiere = PremiereFactory(film=film, starts_at=timezone.now() - timedelta(minutes=42))

    gate = gate_for(RequestFactory().get("/"), premiere.film)

    # 42 minutes in: the gate is at the end of the bucket the premiere is in (45:00).
    assert gate == Gate(position=45 * 60)
    assert not gate.hides(timecode=42 * 60 + 10, contains_spoilers=False)
    assert gate.hides(timecode=60 * 60, contains_spoilers=False)


def test_a_readers_own_progress_wins_over_the_premieres(premiere):
    request = RequestFactory().get("/")
    request.COOKIES["watch_progress"] = f"{premiere.film.pk}=600"

    assert gate_for(request, premiere.film) == Gate(position=600)


def test_outside_a_premiere_the_gate_is_unset(film):
    assert gate_for(RequestFactory().get("/"), film) == Gate(position=None)


def test_anonymous_readers_share_one_render_of_a_change(
    client, premiere, reader, page_cache_on, django_assert_num_queries
):
    etag = poll(client, premiere)["ETag"]
    services.comment_create(premiere=premiere, author=reader, body="Shooting star!")
    assert "Shooting star!" in poll(client, premiere, etag).text

    # Another reader's first poll: the threads rendered for the first one, no query.
    with django_assert_num_queries(0):
        response = poll(Client(), premiere)

    assert response.status_code == HTTPStatus.OK
    assert "Shooting star!" in response.text


def test_signed_in_readers_who_have_not_taken_part_share_one_render(
    premiere, reader, page_cache_on, django_assert_num_queries
):
    services.comment_create(premiere=premiere, author=reader, body="Mine, with my links")
    first, second = Client(), Client()
    first.force_login(UserFactory(date_joined=timezone.now() - timedelta(days=9)))
    second.force_login(UserFactory(date_joined=timezone.now() - timedelta(days=9)))
    poll(first, premiere)

    # Their session, user, progress (their gate), and whether they took part: the threads
    # are the first one's.
    with django_assert_num_queries(4):
        response = poll(second, premiere)

    assert "Mine, with my links" in response.text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text)[1]
    assert token not in poll(first, premiere).text  # each reader's own token
    assert CSRF_PLACEHOLDER not in response.text


def test_a_reader_who_took_part_gets_their_own_links(client, premiere, reader, page_cache_on):
    comment = services.comment_create(premiere=premiere, author=reader, body="Edit me")
    poll(Client(), premiere)  # someone else's render is kept first
    client.force_login(reader)

    response = poll(client, premiere)

    assert reverse("discussion:comment-edit", args=[comment.pk]) in response.text
