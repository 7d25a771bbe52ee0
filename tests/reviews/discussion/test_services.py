"""The rules of posting, editing, deleting, liking and reporting comments."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from reviews.discussion.models import Comment, CommentLike, CommentReport, CommentRevision
from reviews.discussion.services import comment_create, comment_delete, comment_edit, comment_like
from reviews.moderation.services import comment_report
from tests.factories import (
    CommentFactory,
    ReviewFactory,
    SanctionFactory,
    UserFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


def refusal_code(service, **arguments) -> str:
    """The code of the ValidationError with which `service(**arguments)` refuses."""
    with pytest.raises(ValidationError) as caught:
        service(**arguments)
    return caught.value.code


def test_comment_is_published_when_no_rule_holds_it(review):
    comment = comment_create(review=review, author=UserFactory(), body="  Lovely.  ")

    assert comment.status == Comment.Status.APPROVED
    assert comment.body == "Lovely."
    assert comment.depth == 1
    assert comment.root is None


def test_replies_thread_to_depth_three_and_deeper_ones_attach_beside_whom_they_answer(review):
    first = CommentFactory(review=review)
    second = comment_create(review=review, author=UserFactory(), body="b", parent=first)
    third = comment_create(review=review, author=UserFactory(), body="c", parent=second)
    fourth = comment_create(review=review, author=UserFactory(), body="d", parent=third)

    assert (second.depth, third.depth, fourth.depth) == (2, 3, 3)
    assert fourth.parent == second  # beside `third`, under the same parent
    assert fourth.in_reply_to == third  # and it names whom it answers
    assert {second.root, third.root, fourth.root} == {first}


@pytest.mark.parametrize(
    ("body", "code"),
    [("", "empty"), ("   \n\t ", "empty"), ("x" * 5001, "too_long")],
)
def test_bad_text_is_refused_and_nothing_is_stored(review, body, code):
    assert refusal_code(comment_create, review=review, author=UserFactory(), body=body) == code
    assert not Comment.objects.exists()


def test_reply_to_a_comment_of_another_review_is_refused(review):
    elsewhere = CommentFactory()
    assert (
        refusal_code(
            comment_create, review=review, author=UserFactory(), body="hi", parent=elsewhere
        )
        == "wrong_review"
    )


@pytest.mark.parametrize(
    "gone",
    [{"deleted_at": timezone.now()}, {"status": Comment.Status.REJECTED}],
    ids=["deleted", "rejected"],
)
def test_reply_to_a_comment_that_is_gone_is_refused(review, gone):
    parent = CommentFactory(review=review, **gone)
    assert (
        refusal_code(comment_create, review=review, author=UserFactory(), body="hi", parent=parent)
        == "parent_gone"
    )


def test_comments_on_an_unpublished_review_are_refused():
    draft = ReviewFactory(draft=True)
    assert (
        refusal_code(comment_create, review=draft, author=UserFactory(), body="x")
        == "review_closed"
    )


def test_same_text_twice_within_minutes_is_refused(review):
    reader = UserFactory()
    comment_create(review=review, author=reader, body="First!")
    assert refusal_code(comment_create, review=review, author=reader, body="First!") == "duplicate"
    assert Comment.objects.count() == 1


def test_posting_faster_than_the_per_user_limit_is_refused(review, settings):
    settings.COMMENT_RATE_LIMIT_PER_USER = (2, 60)
    reader = UserFactory()
    comment_create(review=review, author=reader, body="one")
    comment_create(review=review, author=reader, body="two")
    assert (
        refusal_code(comment_create, review=review, author=reader, body="three") == "rate_limited"
    )
    assert Comment.objects.count() == 2


def test_the_rate_limit_counts_from_the_first_post_of_each_window(review, settings):
    settings.COMMENT_RATE_LIMIT_PER_USER = (1, 60)
    reader = UserFactory()
    comment_create(review=review, author=reader, body="one")
    assert refusal_code(comment_create, review=review, author=reader, body="two") == "rate_limited"
    cache.clear()  # as when the next window begins

    comment_create(review=review, author=reader, body="three")


def test_the_per_address_limit_counts_every_reader_behind_one_address(review, settings):
    settings.COMMENT_RATE_LIMIT_PER_IP = (2, 60)
    for body in ("one", "two"):
        comment_create(review=review, author=UserFactory(), body=body, ip_address="203.0.113.9")
    assert (
        refusal_code(
            comment_create,
            review=review,
            author=UserFactory(),
            body="three",
            ip_address="203.0.113.9",
        )
        == "rate_limited"
    )


def test_a_sanctioned_reader_is_refused_with_the_reason(review):
    sanction = SanctionFactory(expires_at=timezone.now() + timedelta(days=2))
    with pytest.raises(ValidationError) as caught:
        comment_create(review=review, author=sanction.user, body="hello")
    assert caught.value.code == "sanctioned"
    assert "Personal attacks on other readers." in caught.value.messages[0]


def test_an_expired_or_lifted_sanction_no_longer_applies(review):
    expired = SanctionFactory(
        created_at=timezone.now() - timedelta(days=2),
        expires_at=timezone.now() - timedelta(minutes=1),
    )
    SanctionFactory(user=expired.user, lifted_at=timezone.now())

    comment = comment_create(review=review, author=expired.user, body="back again")

    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    assert comment.body == "back again"


def test_an_approved_reply_e_mails_the_parent_author_after_commit(
    review, django_capture_on_commit_callbacks
):
    parent = CommentFactory(review=review, author=UserFactory(email="nan@example.com"))
    with django_capture_on_commit_callbacks(execute=True):
        reply = comment_create(review=review, author=UserFactory(), body="Agreed!", parent=parent)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nan@example.com"]
    assert f"/en/comments/{reply.pk}/" in message.body
    assert "/en/notifications/unsubscribe/" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_no_e_mail_for_replying_to_yourself_or_when_switched_off(
    review, django_capture_on_commit_callbacks
):
    author = UserFactory()
    parent = CommentFactory(review=review, author=author)
    muted = CommentFactory(review=review)
    muted.author.profile.notify_replies = False
    muted.author.profile.save()
    with django_capture_on_commit_callbacks(execute=True):
        comment_create(review=review, author=author, body="Also...", parent=parent)
        comment_create(review=review, author=UserFactory(), body="hm", parent=muted)

    assert mail.outbox == []


def test_author_edits_within_the_window_and_the_old_text_is_kept():
    comment = CommentFactory(body="Teh best film")
    comment_edit(comment=comment, user=comment.author, body="The best film")

    comment.refresh_from_db()
    assert comment.body == "The best film"
    assert comment.edited_at is not None
    assert CommentRevision.objects.get(comment=comment).body == "Teh best film"


def test_editing_after_the_window_is_refused():
    comment = CommentFactory(created_at=timezone.now() - timedelta(minutes=16))
    assert (
        refusal_code(comment_edit, comment=comment, user=comment.author, body="x")
        == "edit_window_closed"
    )


def test_editing_or_deleting_someone_elses_comment_is_forbidden():
    comment = CommentFactory()
    with pytest.raises(PermissionDenied):
        comment_edit(comment=comment, user=UserFactory(), body="mine now")
    with pytest.raises(PermissionDenied):
        comment_delete(comment=comment, user=UserFactory())
    comment.refresh_from_db()
    assert not comment.is_deleted


def test_deleting_keeps_the_row_for_its_replies():
    comment = CommentFactory()
    reply = CommentFactory(parent=comment)
    comment_delete(comment=comment, user=comment.author)

    comment.refresh_from_db()
    assert comment.is_deleted
    assert Comment.objects.filter(pk=reply.pk).exists()


def test_a_reader_likes_a_comment_once():
    comment, reader = CommentFactory(), UserFactory()
    comment_like(comment=comment, user=reader)
    assert refusal_code(comment_like, comment=comment, user=reader) == "already_liked"

    comment.refresh_from_db()
    assert comment.like_count == 1
    assert CommentLike.objects.count() == 1


def test_a_reader_reports_a_comment_once():
    comment, reader = CommentFactory(), UserFactory()
    comment_report(comment=comment, reporter=reader, reason="spam")
    assert (
        refusal_code(comment_report, comment=comment, reporter=reader, reason="off_topic")
        == "already_reported"
    )
    assert CommentReport.objects.get().reason == "spam"


def test_reporting_for_something_else_needs_a_note():
    comment = CommentFactory()
    assert (
        refusal_code(
            comment_report, comment=comment, reporter=UserFactory(), reason="other", note="  "
        )
        == "note_required"
    )
    assert not CommentReport.objects.exists()
