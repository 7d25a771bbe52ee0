"""Comments' HTML from the shared cache (reviews/fragments.py): shared only between readers
who would see the same thing, never stale, and never with another reader's CSRF token."""

import re
from http import HTTPStatus

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from reviews.discussion import fragments
from reviews.discussion.services import comment_edit, comment_like
from reviews.readers.services import profile_update
from tests.factories import CommentFactory, ReviewFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def review():
    return ReviewFactory(slug="the-review")


def signed_in(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def comment_html(page: str, comment) -> str:
    return re.search(rf'<article class="comment[^"]*" id="comment-{comment.pk}">.*?</article>',
                     page, re.S).group(0)  # fmt: skip


def test_a_second_reader_gets_the_comments_from_the_cache(review, monkeypatch):
    comments = CommentFactory.create_batch(3, review=review)
    stored = []
    real_set_many = fragments.cache.set_many
    monkeypatch.setattr(
        fragments.cache,
        "set_many",
        lambda data, **kw: stored.append(data) or real_set_many(data, **kw),
    )

    first = signed_in(UserFactory()).get(review.get_absolute_url())
    assert [len(batch) for batch in stored] == [3]  # rendered and kept
    second = signed_in(UserFactory()).get(review.get_absolute_url())

    assert len(stored) == 1  # nothing rendered the second time
    for comment in comments:  # the same, but for the reader's own CSRF token
        assert without_token(comment_html(second.text, comment)) == without_token(
            comment_html(first.text, comment)
        )


def without_token(html: str) -> str:
    return re.sub(r'(name="csrfmiddlewaretoken" value=")[^"]+', r"\1", html)


def token_in(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def test_each_reader_posts_with_their_own_token(review):
    parent = CommentFactory(review=review)
    readers = [UserFactory(), UserFactory()]
    for reader in readers:
        client = signed_in(reader)
        page = client.get(review.get_absolute_url()).text
        reply = comment_html(page, parent)
        assert fragments.CSRF_PLACEHOLDER not in page
        token = token_in(reply)

        posted = client.post(
            reverse("discussion:comment-create", args=[review.slug]),
            {"body": f"A reply from {reader.username}", "parent": parent.pk,
             "csrfmiddlewaretoken": token},
        )  # fmt: skip

        assert posted.status_code == HTTPStatus.FOUND, posted.content[:300]
    assert parent.replies.count() == 2


def test_own_comments_and_likes_are_not_shared(review):
    author, other = UserFactory(), UserFactory()
    mine = CommentFactory(review=review, author=author)
    liked = CommentFactory(review=review)
    comment_like(comment=liked, user=author)

    for_author = signed_in(author).get(review.get_absolute_url()).text
    for_other = signed_in(other).get(review.get_absolute_url()).text

    assert "Delete" in comment_html(for_author, mine)
    assert "Delete" not in comment_html(for_other, mine)
    assert 'aria-pressed="true"' in comment_html(for_author, liked)
    assert 'aria-pressed="false"' in comment_html(for_other, liked)


def test_a_changed_comment_is_shown_changed(review):
    comment = CommentFactory(review=review, body="Before the edit")
    reader = signed_in(UserFactory())
    reader.get(review.get_absolute_url())
    comment_edit(comment=comment, user=comment.author, body="After the edit")
    liker = UserFactory()
    comment_like(comment=comment, user=liker)

    page = reader.get(review.get_absolute_url()).text

    assert "After the edit" in comment_html(page, comment)
    assert "Before the edit" not in page
    assert '<span class="like__count">1</span>' in comment_html(page, comment)


def test_a_renamed_author_is_shown_by_the_new_name(review):
    comment = CommentFactory(review=review)
    reader = signed_in(UserFactory())
    reader.get(review.get_absolute_url())
    profile_update(user=comment.author, display_name="Byeol", bio="", notify_replies=False)

    assert "Byeol" in comment_html(reader.get(review.get_absolute_url()).text, comment)
