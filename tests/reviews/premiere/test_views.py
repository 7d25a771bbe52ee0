"""The premiere thread's page, its banner wherever the film is shown, and posting into it."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reviews.discussion.models import Comment
from tests.conftest import in_korean
from tests.factories import (
    CommentFactory,
    FilmFactory,
    PremiereFactory,
    ReviewFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def thread_url(film) -> str:
    return reverse("premiere:premiere-thread", kwargs={"film": film.slug})


def create_url(premiere) -> str:
    return reverse("premiere:comment-create", args=[premiere.pk])


def upcoming(film, **kwargs):
    starts = timezone.localtime().replace(hour=20, minute=0, second=0, microsecond=0)
    starts += timedelta(days=1)
    return PremiereFactory(film=film, starts_at=starts, ends_at=starts + timedelta(minutes=90))


def ended(film):
    ends = timezone.now() - timedelta(hours=1)
    return PremiereFactory(film=film, starts_at=ends - timedelta(hours=2), ends_at=ends)


def test_a_film_without_a_premiere_has_no_thread(client, film):
    assert client.get(thread_url(film)).status_code == HTTPStatus.NOT_FOUND


def test_an_unknown_film_has_no_thread(client, db):
    response = client.get(reverse("premiere:premiere-thread", kwargs={"film": "nope"}))
    assert response.status_code == HTTPStatus.NOT_FOUND


def test_the_thread_during_the_premiere(client, premiere):
    CommentFactory(review=None, premiere=premiere, body="The lights go down")
    ends = timezone.localtime(premiere.ends_at).strftime("%H:%M")

    response = client.get(thread_url(premiere.film))

    assert response.status_code == HTTPStatus.OK
    assert f"Premiere mode is on until {ends}" in response.text
    assert "The lights go down" in response.text
    assert 'id="comment-form"' in response.text
    assert 'data-hx-trigger="every 3s"' in response.text
    assert "Refresh for new comments" in response.text


def test_the_thread_before_the_premiere_says_when(client, film):
    premiere = upcoming(film)
    day = timezone.localtime(premiere.starts_at)

    response = client.get(thread_url(film))

    assert f"Premiere on {day.day} {day:%b} at 20:00" in response.text
    assert 'id="comment-form"' in response.text  # readers gather before it begins


def test_after_the_premiere_its_thread_is_read_only(client, film, reader):
    premiere = ended(film)
    CommentFactory(review=None, premiere=premiere, body="What a night")
    client.force_login(reader)

    response = client.get(thread_url(film))

    assert response.status_code == HTTPStatus.OK
    assert "Its thread is kept, read-only." in response.text
    assert "What a night" in response.text
    assert 'id="comment-form"' not in response.text
    assert "every 3s" not in response.text


def test_the_next_premiere_is_shown_rather_than_the_last(client, film):
    ended(film)
    coming = upcoming(film)

    response = client.get(thread_url(film))

    assert response.context["premiere"] == coming


@pytest.mark.parametrize("state", ["on", "upcoming"])
def test_the_banner_is_on_the_film_page_and_its_review_pages(client, film, state):
    premiere = PremiereFactory(film=film) if state == "on" else upcoming(film)
    review = ReviewFactory(film=film)
    words = "Premiere mode is on until" if state == "on" else "Premiere on"

    for url in (film.get_absolute_url(), review.get_absolute_url()):
        response = client.get(url)
        assert words in response.text, url
        assert premiere.get_absolute_url() in response.text


def test_no_banner_after_the_premiere_nor_on_other_films(client, film):
    ended(film)
    other = FilmFactory()
    PremiereFactory(film=other)

    response = client.get(film.get_absolute_url())

    assert "premiere-banner" not in response.text


def test_the_banner_in_korean(client, premiere):
    ends = timezone.localtime(premiere.ends_at).strftime("%H:%M")

    response = in_korean(client).get(thread_url(premiere.film))

    assert response.status_code == HTTPStatus.OK
    assert ends in response.text


def test_a_reader_posts_into_the_thread(client, premiere, reader):
    client.force_login(reader)

    response = client.post(create_url(premiere), {"body": "Here it comes"})

    comment = Comment.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert comment.premiere == premiere
    assert comment.timecode is not None
    # Its permalink leads back to the thread.
    assert client.get(response.url).url.startswith(thread_url(premiere.film))


def test_slow_mode_refusal_keeps_the_text_without_javascript(client, premiere, reader):
    client.force_login(reader)
    client.post(create_url(premiere), {"body": "First"})

    response = client.post(create_url(premiere), {"body": "Second, too soon"})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "you can post again at" in response.text
    assert "in 30 seconds" in response.text
    assert "Second, too soon" in response.text
    assert Comment.objects.count() == 1


def test_slow_mode_refusal_keeps_the_text_with_htmx(client, premiere, reader):
    client.force_login(reader)
    client.post(create_url(premiere), {"body": "First"}, headers={"HX-Request": "true"})

    response = client.post(
        create_url(premiere), {"body": "Second, too soon"}, headers={"HX-Request": "true"}
    )

    assert response.status_code == HTTPStatus.OK
    assert "you can post again at" in response.text
    assert "Second, too soon" in response.text
    assert "<html" not in response.text
    assert Comment.objects.count() == 1


@pytest.mark.parametrize("body", ["", "   ", "x" * 5001])
def test_bad_comments_get_a_message_never_a_500(client, premiere, reader, body):
    client.force_login(reader)

    response = client.post(create_url(premiere), {"body": body})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert 'class="errorlist"' in response.text
    assert not Comment.objects.exists()


def test_posting_into_an_ended_premiere_is_refused_with_a_message(client, film, reader):
    premiere = ended(film)
    client.force_login(reader)

    response = client.post(create_url(premiere), {"body": "Late"})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "This premiere has ended" in response.text
    assert not Comment.objects.exists()


def test_an_unknown_premiere_is_404(client, reader):
    client.force_login(reader)
    response = client.post(reverse("premiere:comment-create", args=[999]), {"body": "Hi"})
    assert response.status_code == HTTPStatus.NOT_FOUND


def test_a_signed_out_reader_keeps_their_draft_while_signing_in(client, premiere):
    url = reverse("premiere:comment-draft", args=[premiere.pk])

    response = client.post(url, {"body": "Wait for me"})

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("account_login"))
    assert client.session["comment_drafts"][f"premiere-{premiere.pk}"]["body"] == "Wait for me"


def test_the_thread_page_in_a_fixed_number_of_queries(client, premiere, django_assert_num_queries):
    for n in range(5):
        CommentFactory(review=None, premiere=premiere, body=f"Comment {n}")
    client.get(thread_url(premiere.film))  # warm: session, content types

    # The film, the premiere (once for the page, the gate and the banner: kept in the page
    # cache too), the counts, the threads and their replies.
    with django_assert_num_queries(5):
        response = client.get(thread_url(premiere.film))

    assert response.status_code == HTTPStatus.OK


def test_the_thread_page_with_the_page_cache(client, premiere, page_cache_on, get_in_queries):
    CommentFactory(review=None, premiere=premiere)
    # The film, its premiere, and when the next premiere and review change come by themselves
    # (how long they may be kept): kept from now on.
    get_in_queries(thread_url(premiere.film), 7)

    # The counts, the threads and their replies: nothing else is asked.
    get_in_queries(thread_url(premiere.film), 3)


def test_a_held_premiere_comment_waits_on_the_desk_with_its_reason(moderator_client, premiere):
    newcomer = UserFactory(date_joined=timezone.now() - timedelta(hours=2))
    poster = Client()
    poster.force_login(newcomer)
    poster.post(create_url(premiere), {"body": "Hello from a new account"})

    response = moderator_client.get(reverse("moderation:queue"))

    assert response.status_code == HTTPStatus.OK
    assert "Hello from a new account" in response.text
    assert "Premiere: accounts younger than 24 hours are reviewed" in response.text
    assert f"Premiere of {premiere.film.title}" in response.text
    assert premiere.get_absolute_url() in response.text
    assert "Comment in a premiere's live thread" in response.text
    assert "Comment on a review<" not in response.text


def test_a_reader_reports_a_premiere_comment(client, premiere, reader, other_reader):
    comment = CommentFactory(review=None, premiere=premiere, author=other_reader)
    client.force_login(reader)

    response = client.post(
        reverse("moderation:comment-report", args=[comment.pk]), {"reason": "spoilers"}
    )

    assert response.status_code in (HTTPStatus.OK, HTTPStatus.FOUND)
    assert comment.reports.count() == 1


def test_a_permalink_finds_its_page_in_the_newest_first_thread(client, premiere, settings):
    settings.COMMENTS_PER_PAGE = 2
    oldest, _middle, newest = (
        CommentFactory(review=None, premiere=premiere, body=f"Number {n}") for n in range(3)
    )

    def lands_on(comment) -> str:
        return client.get(comment.get_absolute_url()).url

    assert lands_on(newest) == f"{thread_url(premiere.film)}#comment-{newest.pk}"
    assert lands_on(oldest) == f"{thread_url(premiere.film)}?page=2#comment-{oldest.pk}"
