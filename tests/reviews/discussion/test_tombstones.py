"""A comment a moderator took down keeps its place in the thread as a tombstone: the category
and date for everyone, the moderator's reason and the comment itself for its author alone;
replies stay readable under it; counts, pages and permalinks follow."""

import re
from http import HTTPStatus

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from reviews.discussion.models import Comment
from reviews.discussion.services import comment_delete
from reviews.moderation.models import ModerationDecision
from reviews.moderation.services import comment_decide
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db
Action = ModerationDecision.Action
TOMBSTONE = re.compile(
    r'<article class="comment comment--gone comment--tombstone" id="comment-(\d+)">'
)
COUNT = re.compile(r'class="discussion__count">(\d+) comment')
REASON = "You named the twist in the first line."


def remove(comment: Comment, moderator, category: str = "spoilers") -> Comment:
    return comment_decide(
        comment=comment, moderator=moderator, action=Action.REMOVE, category=category, reason=REASON
    )


def page(client: Client, review) -> str:
    response = client.get(review.get_absolute_url())
    assert response.status_code == HTTPStatus.OK
    return response.text


@pytest.fixture
def thread(review):
    """A top-level comment with two approved replies, each by its own reader."""
    top = CommentFactory(review=review, body="The twist is that the rocket is a turntable.")
    return (
        top,
        CommentFactory(parent=top, body="Reply one"),
        CommentFactory(parent=top, body="Reply two"),
    )


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_removed_parent_leaves_a_tombstone_with_its_replies_readable(thread, moderator, client):
    top, *_replies = thread
    remove(top, moderator)

    text = page(client, top.review)

    assert TOMBSTONE.findall(text) == [str(top.pk)]
    assert "Removed by a moderator: Spoiler without a tag" in text
    assert "rocket is a turntable" not in text
    assert REASON not in text
    assert "Reply one" in text
    assert "Reply two" in text
    assert COUNT.findall(text) == ["2"]  # the tombstone is not a comment one can read


def test_a_removed_leaf_still_shows_its_tombstone(review, moderator, client):
    alone = CommentFactory(review=review, body="Spam spam spam")
    remove(alone, moderator, category="spam")

    text = page(client, review)

    assert TOMBSTONE.findall(text) == [str(alone.pk)]
    assert "Removed by a moderator: Spam" in text
    assert "Spam spam spam" not in text
    assert COUNT.findall(text) == ["0"]
    assert "No comments yet" not in text


@pytest.mark.parametrize("who", ["author", "reader", "moderator"])
def test_the_author_alone_sees_the_reason_and_their_text(thread, moderator, who):
    top, *_replies = thread
    remove(top, moderator)
    viewer = {"author": top.author, "reader": UserFactory(), "moderator": moderator}[who]

    text = page(signed_in(viewer), top.review)

    assert TOMBSTONE.findall(text) == [str(top.pk)]
    assert (REASON in text) is (who == "author")
    assert ("rocket is a turntable" in text) is (who == "author")
    appeal_page = reverse("appeals:comment-appeal", args=[top.pk])
    assert (f'href="{appeal_page}"' in text) is (who == "author")
    if who == "author":  # collapsed, under the tombstone
        assert re.search(r"<details class=\"tombstone__text\">.*turntable", text, re.S)


def test_a_restored_comment_is_back_in_full(thread, moderator, client):
    top, *_replies = thread
    remove(top, moderator)
    comment_decide(comment=top, moderator=moderator, action=Action.RESTORE)

    text = page(client, top.review)

    assert TOMBSTONE.findall(text) == []
    assert "rocket is a turntable" in text
    assert COUNT.findall(text) == ["3"]


def test_held_and_rejected_comments_keep_their_old_behaviour(review, moderator, client):
    held = CommentFactory(review=review, status=Comment.Status.PENDING, body="Held words")
    comment_decide(comment=held, moderator=moderator, action=Action.REJECT, reason="No")
    spam = CommentFactory(review=review, status=Comment.Status.PENDING, body="Held spam")
    comment_decide(comment=spam, moderator=moderator, action=Action.SPAM)

    text = page(client, review)

    assert TOMBSTONE.findall(text) == []
    assert "Held words" not in text
    assert "Held spam" not in text
    rejected_for_author = page(signed_in(held.author), review)
    assert "Held words" in rejected_for_author
    assert TOMBSTONE.findall(rejected_for_author) == []


def test_a_withdrawn_tombstone_stays_a_tombstone(thread, moderator, client):
    top, *_replies = thread
    remove(top, moderator)
    comment_delete(comment=Comment.objects.get(pk=top.pk), user=top.author)

    assert TOMBSTONE.findall(page(client, top.review)) == [str(top.pk)]
    assert "rocket is a turntable" not in page(signed_in(top.author), top.review)


def test_the_tombstone_links_the_moderation_log(thread, moderator, client):
    top, *_replies = thread
    remove(top, moderator)

    assert 'href="/en/moderation-log/"' in page(client, top.review)


def test_a_tombstone_is_on_the_page_its_permalink_names(review, moderator, client, settings):
    settings.COMMENTS_PER_PAGE = 2
    comments = [CommentFactory(review=review) for _ in range(5)]
    remove(comments[3], moderator)

    landed = client.get(comments[3].get_absolute_url())

    assert landed.status_code == HTTPStatus.FOUND
    assert landed.url.endswith(f"?page=2#comment-{comments[3].pk}")
    assert TOMBSTONE.findall(client.get(landed.url).text) == [str(comments[3].pk)]
    # Five threads, one of them a tombstone: three pages, as the pagination says.
    assert "Comments page 1 of 3" in page(client, review)


def test_the_cached_page_shows_the_tombstone_once_the_decision_is_made(
    review, moderator, client, page_cache_on
):
    comment = CommentFactory(review=review, body="Soon gone")
    assert "Soon gone" in page(client, review)
    assert client.get(review.get_absolute_url()).headers.get("X-Page-Cache") == "hit"

    remove(comment, moderator, category="harassment")

    text = page(client, review)
    assert "Soon gone" not in text
    assert "Removed by a moderator: Harassment" in text
    cache.clear()


def test_a_tombstone_costs_no_query_more(review, moderator, client, django_assert_num_queries):
    """A visitor's page with comments: review, other reviews, counts, threads, replies, scenes,
    premiere; the same with a tombstone among them."""
    CommentFactory(review=review)
    with django_assert_num_queries(7):
        client.get(review.get_absolute_url())
    remove(CommentFactory(review=review), moderator)

    with django_assert_num_queries(7):
        client.get(review.get_absolute_url())


def test_a_tombstone_in_korean(thread, moderator, client):
    top, *_replies = thread
    remove(top, moderator, category="off_topic")

    text = client.get(top.review.get_absolute_url().replace("/en/", "/ko/", 1)).text

    assert TOMBSTONE.findall(text) == [str(top.pk)]
