"""Readers discussing a review through the pages, including every kind of bad input."""

import re
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from reviews.discussion.models import Comment, CommentLike, CommentReport
from tests.factories import CommentFactory, ReviewFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


@pytest.fixture
def review():
    return ReviewFactory(headline="A farewell written in the stars")


def post_comment(client, review, **data):
    return client.post(reverse("discussion:comment-create", args=[review.slug]), data)


def test_a_reader_posts_a_comment_and_lands_on_it(reader_client, review):
    response = post_comment(reader_client, review, body="What a *score*.")

    comment = Comment.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == comment.get_absolute_url()
    page = reader_client.get(response.url, follow=True)
    assert page.redirect_chain[-1][0].endswith(f"#comment-{comment.pk}")
    assert "What a <em>score</em>." in page.text
    assert f'id="comment-{comment.pk}"' in page.text


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "Write something before posting."),
        ("   \n  ", "Write something before posting."),
        ("x" * 5001, "Keep it under 5000 characters (this is 5001)."),
    ],
    ids=["empty", "whitespace", "too-long"],
)
def test_bad_text_gets_a_clear_message_and_keeps_what_was_typed(
    reader_client, review, body, message
):
    response = post_comment(reader_client, review, body=body)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert message in response.text
    if body.strip():
        assert body in response.text  # the reader's text is back in the form
    assert not Comment.objects.exists()


def test_html_and_script_are_shown_as_text_never_run(reader_client, client, review):
    body = '<script>alert("x")</script><img src=x onerror=alert(1)> [click](javascript:alert(1))'
    post_comment(reader_client, review, body=body)

    page = client.get(review.get_absolute_url())
    assert "<script>alert" not in page.text
    assert "onerror=alert" not in page.text.replace("onerror=alert(1)&gt;", "")
    assert "&lt;script&gt;" in page.text
    assert 'href="javascript:' not in page.text


def test_links_in_comments_are_marked_as_user_content(reader_client, client, review):
    post_comment(reader_client, review, body="See [this](https://example.com/stars).")

    page = client.get(review.get_absolute_url())
    assert 'href="https://example.com/stars" rel="nofollow ugc noopener"' in page.text


def test_spoilers_stay_hidden_until_revealed_without_javascript(reader_client, client, review):
    post_comment(reader_client, review, body="The ending: ||they meet again||.")

    page = client.get(review.get_absolute_url())
    assert (
        '<input type="checkbox" class="spoiler__toggle" aria-label="Reveal spoiler">' in page.text
    )
    assert '<span class="spoiler__text">they meet again</span>' in page.text


def test_reply_to_a_comment_on_another_review_is_refused_with_a_message(reader_client, review):
    elsewhere = CommentFactory()
    response = post_comment(reader_client, review, body="Me too", parent=elsewhere.pk)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "You can only reply to a comment on the same review." in response.text
    assert "Me too" in response.text
    assert Comment.objects.count() == 1


@pytest.mark.parametrize("parent_state", ["deleted", "missing"])
def test_reply_to_a_deleted_or_missing_comment_is_refused(reader_client, review, parent_state):
    parent = CommentFactory(review=review, deleted_at=timezone.now())
    parent_id = parent.pk if parent_state == "deleted" else parent.pk + 1000
    response = post_comment(reader_client, review, body="Reply text", parent=parent_id)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "The comment you replied to is no longer available." in response.text
    assert "Reply text" in response.text


def test_a_honeypot_filled_in_is_refused(reader_client, review):
    response = post_comment(reader_client, review, body="Buy now", website="http://spam")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "This looks automated." in response.text
    assert not Comment.objects.exists()


def test_signed_out_posting_keeps_the_text_through_sign_in(client, review, reader):
    response = post_comment(client, review, body="Written before signing in")

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("account_login"))
    assert "next=" in response.url
    client.force_login(reader)
    page = client.get(review.get_absolute_url())
    assert "Written before signing in" in page.text
    assert not Comment.objects.exists()


def test_the_author_sees_their_pending_comment_marked_and_others_do_not(client, review, reader):
    CommentFactory(review=review, author=reader, status=Comment.Status.PENDING, body="Held one")

    assert "Held one" not in client.get(review.get_absolute_url()).text
    client.force_login(reader)
    page = client.get(review.get_absolute_url())
    assert "Held one" in page.text
    assert "Awaiting moderation" in page.text


def test_edit_within_the_window_marks_the_comment_edited(reader_client, reader, review):
    comment = CommentFactory(review=review, author=reader, body="Teh stars")
    response = reader_client.post(
        reverse("discussion:comment-edit", args=[comment.pk]), {"body": "The stars"}
    )

    assert response.status_code == HTTPStatus.FOUND
    page = reader_client.get(review.get_absolute_url())
    assert "The stars" in page.text
    assert "Edited" in page.text


def test_editing_after_the_window_gets_a_message_and_keeps_the_text(reader_client, reader, review):
    comment = CommentFactory(
        review=review, author=reader, created_at=timezone.now() - timedelta(minutes=20)
    )
    response = reader_client.post(
        reverse("discussion:comment-edit", args=[comment.pk]), {"body": "Too late edit"}
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Comments can be edited for 15 minutes after posting." in response.text
    assert "Too late edit" in response.text


@pytest.mark.parametrize("action", ["comment-edit", "comment-delete"])
def test_editing_or_deleting_someone_elses_comment_is_forbidden(reader_client, review, action):
    comment = CommentFactory(review=review, body="Not yours")
    response = reader_client.post(reverse(f"discussion:{action}", args=[comment.pk]), {"body": "x"})

    assert response.status_code == HTTPStatus.FORBIDDEN
    comment.refresh_from_db()
    assert comment.body == "Not yours"
    assert not comment.is_deleted


def test_deleted_comment_leaves_a_placeholder_and_its_replies(
    reader_client, reader, client, review
):
    comment = CommentFactory(review=review, author=reader, body="Gone soon")
    CommentFactory(parent=comment, body="A reply that stays")
    reader_client.post(reverse("discussion:comment-delete", args=[comment.pk]))

    page = client.get(review.get_absolute_url())
    assert "Gone soon" not in page.text
    assert "This comment was deleted by its author." in page.text
    assert "A reply that stays" in page.text


def test_reporting_twice_gets_a_message(reader_client, review):
    comment = CommentFactory(review=review)
    url = reverse("moderation:comment-report", args=[comment.pk])
    assert reader_client.post(url, {"reason": "spam"}).status_code == HTTPStatus.FOUND

    response = reader_client.post(url, {"reason": "harassment"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "You have already reported this comment." in response.text
    assert CommentReport.objects.count() == 1


def test_reporting_something_else_without_a_note_gets_a_message(reader_client, review):
    comment = CommentFactory(review=review)
    response = reader_client.post(
        reverse("moderation:comment-report", args=[comment.pk]), {"reason": "other"}
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Say what is wrong" in response.text
    assert not CommentReport.objects.exists()


def test_liking_twice_gets_a_message_and_counts_once(reader_client, review):
    comment = CommentFactory(review=review)
    url = reverse("discussion:comment-like", args=[comment.pk])
    reader_client.post(url)
    response = reader_client.post(url, follow=True)

    assert "You already like this comment." in response.text
    assert CommentLike.objects.count() == 1


def test_htmx_post_returns_just_the_new_comment(reader_client, review):
    response = reader_client.post(
        reverse("discussion:comment-create", args=[review.slug]),
        {"body": "Inline!"},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == HTTPStatus.OK
    assert "Inline!" in response.text
    assert "<html" not in response.text


def test_permalink_lands_on_the_page_that_holds_the_comment(client, review, settings):
    settings.COMMENTS_PER_PAGE = 2
    now = timezone.now()
    threads = [
        CommentFactory(review=review, created_at=now - timedelta(minutes=10 - i)) for i in range(5)
    ]
    reply = CommentFactory(parent=threads[4], created_at=now)

    response = client.get(reply.get_absolute_url())

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == f"{review.get_absolute_url()}?page=3#comment-{reply.pk}"
    assert f'id="comment-{reply.pk}"' in client.get(response.url.split("#")[0]).text


@pytest.mark.parametrize(("sort", "first"), [("oldest", "A"), ("newest", "C"), ("liked", "B")])
def test_threads_sort_by_oldest_newest_and_most_liked(client, review, sort, first):
    now = timezone.now()
    for minutes, body, likes in ((30, "A", 0), (20, "B", 5), (10, "C", 1)):
        CommentFactory(
            review=review, body=body, like_count=likes, created_at=now - timedelta(minutes=minutes)
        )

    response = client.get(review.get_absolute_url(), {"sort": sort})

    assert first in response.context["threads"][0].html


def test_review_lists_show_comment_counts(client, review):
    CommentFactory.create_batch(3, review=review)
    CommentFactory(review=review, status=Comment.Status.PENDING)

    response = client.get(reverse("reviews:review-list"))
    assert "3 comments" in response.text


def test_public_profile_lists_approved_comments_only(client, review):
    reader = UserFactory(username="haneul", profile__display_name="Haneul")
    CommentFactory(review=review, author=reader, body="Seen by all")
    CommentFactory(review=review, author=reader, body="Held back", status=Comment.Status.PENDING)

    response = client.get(reverse("readers:profile", args=["haneul"]))
    assert "Seen by all" in response.text
    assert "Held back" not in response.text


def test_profile_edit_turns_reply_e_mails_off(reader_client, reader):
    response = reader_client.post(
        reverse("readers:profile-edit"), {"display_name": "Rea", "bio": "Hi", "notify_replies": ""}
    )
    assert response.status_code == HTTPStatus.FOUND
    reader.profile.refresh_from_db()
    assert reader.profile.display_name == "Rea"
    assert reader.profile.notify_replies is False


def test_one_click_unsubscribe_needs_a_valid_signature(client, reader):
    from reviews.discussion.tasks import unsubscribe_token

    assert client.post(reverse("readers:unsubscribe", args=["forged"])).status_code == 400
    response = client.post(reverse("readers:unsubscribe", args=[unsubscribe_token(reader.pk)]))
    assert response.status_code == HTTPStatus.OK
    reader.profile.refresh_from_db()
    assert reader.profile.notify_replies is False


def make_threads(review, count: int) -> None:
    """`count` comments: a third top-level, the rest replies at depths two and three."""
    for _ in range(max(1, count // 3)):
        top = CommentFactory(review=review)
        middle = CommentFactory(parent=top)
        CommentFactory(parent=middle)


@pytest.mark.parametrize("comments", [5, 500])
def test_review_page_query_count_does_not_grow_with_comments(
    client, reader, review, comments, django_assert_num_queries
):
    make_threads(review, comments)
    CommentLike.objects.create(comment=Comment.objects.first(), user=reader)
    client.force_login(reader)

    # With the page cache off (as in every test but those of kept parts), each request reads
    # the review, session, user with profile (header), other reviews, whether the reader
    # took part, the counts (threads and comments), threads with all their comments show,
    # replies the same, the reader's likes among them, how far the reader watched the film
    # (their spoiler gate), the film's scenes for the comment form's scene picker, and the
    # film's premiere (its banner). With it on, a second request reads only the session and
    # user: see test_page_cache.py.
    with django_assert_num_queries(12):
        response = client.get(review.get_absolute_url())
    assert response.status_code == HTTPStatus.OK
    with django_assert_num_queries(12):
        again = client.get(review.get_absolute_url())
    assert without_tokens(again.text) == without_tokens(response.text)


def without_tokens(page: str) -> str:
    """The page without what changes with every response: CSRF tokens and the CSP nonce."""
    return re.sub(r'(name="csrfmiddlewaretoken" value|nonce)="[^"]+"', "", page)


def test_a_comment_is_marked_with_the_language_it_is_written_in(reader_client, client, review):
    post_comment(reader_client, review, body="이 장면에서 정말 울었어요.")
    post_comment(reader_client, review, body="The repair shop scene is the heart of it.")
    page = client.get(review.get_absolute_url()).text
    assert '<div class="comment__body" lang="ko"><p>이 장면에서' in page
    assert '<div class="comment__body" lang="en"><p>The repair shop' in page
