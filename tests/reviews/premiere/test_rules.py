"""A premiere's rules on posting: slow mode in the shared cache, new accounts held, and comments
in the live thread tagged with the moment everyone is at."""

import threading
import time
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from reviews.discussion import services
from reviews.discussion.models import Comment
from reviews.moderation import reasons
from tests.factories import PremiereFactory, ReviewFactory, UserFactory

pytestmark = pytest.mark.django_db


def post(premiere, author, body="Here we go", **kwargs):
    return services.comment_create(premiere=premiere, author=author, body=body, **kwargs)


def test_a_second_comment_within_slow_mode_is_refused_with_when_they_may_post(premiere, reader):
    post(premiere, reader, "First")

    with pytest.raises(ValidationError) as refused:
        post(premiere, reader, "Second")

    assert refused.value.code == "slow_mode"
    message = refused.value.messages[0]
    assert "you can post again at" in message
    assert "(in 30 seconds)" in message
    assert Comment.objects.filter(premiere=premiere).count() == 1


def test_after_slow_mode_seconds_the_reader_may_post_again(premiere, reader, monkeypatch):
    post(premiere, reader, "First")
    later = time.time() + premiere.slow_mode_seconds + 1
    monkeypatch.setattr(time, "time", lambda: later)  # the cache's clock too

    post(premiere, reader, "Second")

    assert Comment.objects.filter(premiere=premiere).count() == 2


def test_the_refusal_counts_down(premiere, reader, monkeypatch):
    post(premiere, reader, "First")
    later = time.time() + 18.2
    monkeypatch.setattr(time, "time", lambda: later)

    with pytest.raises(ValidationError, match=r"\(in 12 seconds\)"):
        post(premiere, reader, "Second")


def test_slow_mode_is_per_reader(premiere, reader, other_reader):
    post(premiere, reader, "Mine")
    post(premiere, other_reader, "Theirs")

    assert Comment.objects.filter(premiere=premiere).count() == 2


def test_slow_mode_off_lets_a_reader_post_freely(film, reader):
    premiere = PremiereFactory(film=film, slow_mode_seconds=0)
    post(premiere, reader, "One")
    post(premiere, reader, "Two")

    assert Comment.objects.filter(premiere=premiere).count() == 2


def test_slow_mode_holds_on_the_films_other_threads_too(premiere, reader):
    review = ReviewFactory(film=premiere.film)
    post(premiere, reader, "In the premiere")

    with pytest.raises(ValidationError, match="Slow mode"):
        services.comment_create(review=review, author=reader, body="Under the review")


def test_no_premiere_rules_on_another_films_threads(premiere, reader):
    review = ReviewFactory()  # of another film
    post(premiere, reader, "In the premiere")

    comment = services.comment_create(review=review, author=reader, body="Elsewhere")

    assert comment.status == Comment.Status.APPROVED


def test_no_rules_before_the_premiere_begins(film, reader):
    soon = timezone.now() + timedelta(hours=1)
    premiere = PremiereFactory(film=film, starts_at=soon, ends_at=soon + timedelta(hours=2))
    young = UserFactory()
    first = post(premiere, reader, "Who is coming?")
    post(premiere, reader, "Me!")
    theirs = post(premiere, young, "Hello")

    assert first.timecode is None
    assert theirs.status == Comment.Status.APPROVED


@pytest.mark.django_db(transaction=True)
def test_two_posts_at_once_from_two_processes_one_is_accepted(film):
    """Two requests on two connections, as two app servers would: the shared cache decides."""
    premiere = PremiereFactory(film=film)
    reader = UserFactory(date_joined=timezone.now() - timedelta(days=30))
    start = threading.Barrier(2)
    outcomes = []

    def attempt(body):
        start.wait()
        try:
            post(premiere, reader, body)
            outcomes.append("posted")
        except ValidationError as error:
            outcomes.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(body,)) for body in ("One", "Two")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["posted", "slow_mode"]
    assert Comment.objects.filter(premiere=premiere).count() == 1


def test_a_young_accounts_comment_is_held_with_the_reason(premiere):
    newcomer = UserFactory(date_joined=timezone.now() - timedelta(hours=3))

    comment = post(premiere, newcomer, "First time here")

    assert comment.status == Comment.Status.PENDING
    assert comment.held_reason == "Premiere: accounts younger than 24 hours are reviewed"
    assert reasons.shown(comment.held_reason) == comment.held_reason


def test_an_account_old_enough_posts_at_once(premiere, reader):
    assert post(premiere, reader).status == Comment.Status.APPROVED


def test_a_comment_in_the_live_thread_is_tagged_with_the_premieres_moment(premiere, reader):
    comment = post(premiere, reader, "This song!")

    # The premiere began 42 minutes ago: a comment now is about 0:42 of the film.
    assert 42 * 60 <= comment.timecode <= 42 * 60 + 5


def test_a_reply_is_tagged_too(premiere, reader, other_reader):
    parent = post(premiere, reader, "This song!")

    reply = post(premiere, other_reader, "Yes!", parent=parent)

    assert reply.timecode is not None
    assert reply.depth == 2


def test_comments_under_the_films_reviews_are_not_tagged(premiere, reader):
    review = ReviewFactory(film=premiere.film)

    comment = services.comment_create(review=review, author=reader, body="Under the review")

    assert comment.timecode is None


def test_an_ended_premieres_thread_is_read_only(film, reader):
    ended = timezone.now() - timedelta(minutes=5)
    premiere = PremiereFactory(film=film, starts_at=ended - timedelta(hours=2), ends_at=ended)

    with pytest.raises(ValidationError) as refused:
        post(premiere, reader, "Too late?")

    assert refused.value.code == "premiere_ended"
    assert not Comment.objects.exists()
