"""The discussion in Korean: the form's errors, the services' refusals, the notices, counts,
placeholders and the reply e-mail, read by a reader whose language is Korean."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from reviews.discussion import services
from tests.conftest import in_korean
from tests.factories import CommentFactory, ReviewFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


@pytest.fixture
def korean(client):
    """A client whose reader chose Korean."""
    in_korean(client)
    return client


@pytest.fixture
def korean_reader(reader_client):
    in_korean(reader_client)
    return reader_client


@pytest.fixture
def review():
    return ReviewFactory(headline="A farewell written in the stars")


def post_comment(client, review, **data):
    return client.post(reverse("discussion:comment-create", args=[review.slug]), data)


def test_an_empty_comment_is_refused_in_korean(korean_reader, review):
    response = post_comment(korean_reader, review, body="   ")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "올리기 전에 내용을 써 주세요." in response.text
    assert "Write something before posting." not in response.text


def test_a_posted_comment_is_announced_in_korean(korean_reader, review):
    posted = post_comment(korean_reader, review, body="별빛 같은 영화예요.")
    response = korean_reader.get(posted.url, follow=True)

    assert "댓글을 올렸어요." in response.text
    assert "Your comment is posted." not in response.text


def test_the_discussion_counts_its_comments_in_korean(korean, review):
    for _ in range(3):
        CommentFactory(review=review)

    page = korean.get(review.get_absolute_url())

    assert "댓글 3개" in page.text
    assert "3 comments" not in page.text
    assert "답글 쓰기" in page.text  # each comment's reply button
    assert "Post comment" not in page.text


def test_a_deleted_comment_with_replies_leaves_a_korean_placeholder(korean, review):
    parent = CommentFactory(review=review, deleted_at=timezone.now())
    CommentFactory(parent=parent)

    page = korean.get(review.get_absolute_url())

    assert "작성자가 삭제한 댓글이에요." in page.text
    assert "This comment was deleted by its author." not in page.text


def test_a_closed_edit_window_is_explained_in_korean(reader, review, settings):
    settings.COMMENT_EDIT_MINUTES = 15
    comment = CommentFactory(
        review=review, author=reader, created_at=timezone.now() - timedelta(hours=1)
    )

    with translation.override("ko"), pytest.raises(ValidationError) as refused:
        services.comment_edit(comment=comment, user=reader, body="고쳐 쓴 글")

    assert refused.value.messages == ["댓글은 올린 뒤 15분 동안 수정할 수 있어요."]


def test_the_reply_e_mail_is_whole_sentences_in_korean(review):
    reply = CommentFactory(parent=CommentFactory(review=review))
    context = {
        "reply": reply,
        "replier": "민지",
        "recipient_name": "서연",
        "reply_url": "https://example.com/comments/1/",
        "unsubscribe_url": "https://example.com/unsubscribe/x/",
    }

    with translation.override("ko"):
        mail = render_to_string("reviews/discussion/email/reply_notification.txt", context)

    assert mail.startswith("서연 님, 안녕하세요.")
    assert f"민지 님이 “{review.headline}”에 남긴 내 댓글에 답글을 달았어요." in mail
    assert "한 번에 알림 끄기: https://example.com/unsubscribe/x/" in mail
    assert "Hello" not in mail


def test_signed_in_readers_get_the_discussion_in_their_own_language(
    page_cache_on, reader_client, review
):
    CommentFactory(review=review)
    english = reader_client.get(review.get_absolute_url())
    in_korean(reader_client)
    korean = reader_client.get(review.get_absolute_url())

    assert "1 comment" in english.text
    assert "댓글 1개" in korean.text
    assert "1 comment<" not in korean.text
