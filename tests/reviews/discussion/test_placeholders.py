"""A thread stays readable when part of it goes: every hidden state at every depth, for every
kind of reader, with the page cache on and off."""

import re
from http import HTTPStatus

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from reviews.discussion.models import Comment
from tests.factories import CommentFactory, ModeratorFactory, ReviewFactory, UserFactory

pytestmark = pytest.mark.django_db

HIDDEN = ["pending", "rejected", "spam", "removed", "deleted"]
PLACEHOLDERS = {
    "pending": "This comment is waiting for a moderator.",
    "rejected": "This comment was removed by a moderator.",
    "spam": "This comment was removed by a moderator.",
    "removed": "This comment was removed by a moderator.",
    "deleted": "This comment was deleted by its author.",
}
VIEWERS = ["anonymous", "anonymous-cached", "reader", "author", "moderator"]


def hide(comment: Comment, state: str) -> None:
    if state == "deleted":
        Comment.objects.filter(pk=comment.pk).update(deleted_at=timezone.now())
    else:
        Comment.objects.filter(pk=comment.pk).update(
            status=state, moderation_reason="Off topic for this review"
        )


@pytest.fixture
def thread():
    """A top-level comment, a reply to it and a reply to that, each by its own reader."""
    review = ReviewFactory()
    top = CommentFactory(review=review, body="Top of the thread")
    middle = CommentFactory(parent=top, body="In the middle")
    leaf = CommentFactory(parent=middle, body="At the end")
    return review, [top, middle, leaf]


def client_for(viewer: str, hidden: Comment, settings) -> Client:
    client = Client()
    if viewer == "anonymous-cached":
        settings.PAGE_CACHE_ENABLED = True
        cache.clear()
    elif viewer == "reader":
        client.force_login(UserFactory())
    elif viewer == "author":
        client.force_login(hidden.author)
    elif viewer == "moderator":
        client.force_login(ModeratorFactory())
    return client


def without_tokens(page: str) -> str:
    """The page without what belongs to one response: CSRF tokens and the CSP nonce (pages
    that may be shared carry none)."""
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)
    return re.sub(r'\s+nonce="[^"]+"\s*>', ">", page).replace(" >", ">")


@pytest.mark.parametrize("viewer", VIEWERS)
@pytest.mark.parametrize("state", HIDDEN)
@pytest.mark.parametrize("depth", [1, 2, 3])
def test_a_hidden_comment_leaves_its_thread_readable(thread, settings, viewer, state, depth):
    review, comments = thread
    hidden = comments[depth - 1]
    hide(hidden, state)
    client = client_for(viewer, hidden, settings)

    response = client.get(review.get_absolute_url())
    assert response.status_code == HTTPStatus.OK
    page = response.text
    if viewer == "anonymous-cached":
        again = client.get(review.get_absolute_url())
        assert again.headers["X-Page-Cache"] == "hit"
        assert again.text == page

    own_and_shown = viewer == "author" and state in Comment.SHOWN_TO_AUTHOR_ALONE
    visible = [comment for comment in comments if comment != hidden]
    for comment in visible:  # what is not hidden is all there, each reachable by its link
        assert comment.body in page
        landed = client.get(comment.get_absolute_url())
        assert landed.status_code == HTTPStatus.FOUND
        assert landed.url.endswith(f"#comment-{comment.pk}")
    if own_and_shown:
        assert hidden.body in page
        if state != "pending":
            assert "Only you can see this comment." in page
            assert "Off topic for this review" in page
        shown = 3
    else:
        assert hidden.body not in page
        has_replies = depth < 3
        assert (f'id="comment-{hidden.pk}"' in page) is has_replies
        assert (PLACEHOLDERS[state] in page) is has_replies
        shown = 2
    assert f"{shown} comments" in page  # the count agrees with what is shown
    assert page.count('class="comment ') + page.count('class="comment"') == len(comments) - (
        0 if own_and_shown or depth < 3 else 1
    )


def test_a_hidden_thread_with_nothing_left_under_it_leaves_nothing(thread, client):
    review, (top, middle, leaf) = thread
    for comment in (top, middle, leaf):
        hide(comment, "removed")

    page = client.get(review.get_absolute_url()).text

    assert "No comments yet" in page
    assert "0 comments" in page
    assert not re.search(r'id="comment-\d', page)


def test_the_rejection_reason_is_shown_to_the_author_alone(thread, client):
    review, (top, _middle, leaf) = thread
    hide(leaf, "rejected")
    other = Client()
    other.force_login(top.author)
    client.force_login(leaf.author)

    assert "Off topic for this review" in client.get(review.get_absolute_url()).text
    assert "Off topic for this review" not in other.get(review.get_absolute_url()).text
    assert "Off topic for this review" not in Client().get(review.get_absolute_url()).text


def test_placeholders_count_as_threads_so_pages_agree(thread, client, settings):
    settings.COMMENTS_PER_PAGE = 1
    review, (top, _middle, _leaf) = thread
    second = CommentFactory(review=review, body="A second thread")
    hide(top, "deleted")

    first_page = client.get(review.get_absolute_url()).text
    assert "Comments page 1 of 2" in first_page
    assert "In the middle" in first_page
    landed = client.get(second.get_absolute_url())
    assert landed.url.endswith(f"?page=2#comment-{second.pk}")
    assert "A second thread" in client.get(landed.url).text


def test_the_same_page_for_the_cache_and_a_fresh_render(thread, settings):
    review, (_top, middle, _leaf) = thread
    hide(middle, "spam")
    fresh = Client().get(review.get_absolute_url()).text

    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    Client().get(review.get_absolute_url())
    cached = Client().get(review.get_absolute_url())

    assert cached.headers["X-Page-Cache"] == "hit"
    assert without_tokens(cached.text) == without_tokens(fresh)
