"""Many readers posting at once: every comment stored exactly once."""

import threading
from concurrent.futures import ThreadPoolExecutor
from http import HTTPStatus

import pytest
from django.core.cache import cache
from django.db import connections
from django.test import Client

from reviews.discussion.models import Comment
from tests.factories import ReviewFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

COMMENTS = 200
THREADS = 16
READERS = 8


def test_200_comments_posted_concurrently_are_all_stored_once(settings):
    settings.COMMENT_RATE_LIMIT_PER_USER = (COMMENTS, 60)
    settings.COMMENT_RATE_LIMIT_PER_IP = (COMMENTS, 60)
    settings.MODERATION_NEW_ACCOUNT_HELD = 0
    cache.clear()
    review = ReviewFactory()
    readers = [UserFactory(username=f"reader{n}") for n in range(READERS)]
    url = f"/en/reviews/{review.slug}/comments/"

    local = threading.local()

    def post(n: int) -> int:
        # Each thread is a reader's browser: its own client, session and database connection.
        if not hasattr(local, "client"):
            local.client = Client()
            local.client.force_login(readers[threading.get_ident() % READERS])
            connections.close_all()  # back to the pool, as at the end of a request
        try:
            response = local.client.post(url, {"body": f"Comment number {n} on the song"})
        finally:
            # The test client keeps the connection after a request; a server returns it.
            connections.close_all()
        return response.status_code

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        statuses = list(pool.map(post, range(COMMENTS)))

    assert statuses == [HTTPStatus.FOUND] * COMMENTS
    bodies = list(Comment.objects.filter(review=review).values_list("body", flat=True))
    assert len(bodies) == COMMENTS
    assert sorted(bodies) == sorted(f"Comment number {n} on the song" for n in range(COMMENTS))
    cache.clear()
