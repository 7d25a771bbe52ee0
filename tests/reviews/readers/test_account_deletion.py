"""Deleting an account: the reader's own way and the admin's, with threads kept readable and the
moderation record complete and unchangeable."""

from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.urls import reverse

from reviews.discussion.models import Comment, CommentLike, CommentReport
from reviews.discussion.services import comment_like
from reviews.moderation.models import ModerationDecision, Sanction
from reviews.moderation.services import comment_decide, sanction_create
from reviews.readers.services import account_delete
from tests.factories import (
    CommentFactory,
    CommentReportFactory,
    ModerationDecisionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
User = get_user_model()
Action = ModerationDecision.Action
PASSWORD = "correct horse battery staple"  # the factories' password


def delete_own_account(client, **data):
    return client.post(
        reverse("readers:account-delete"), {"confirm": "on", "password": PASSWORD, **data}
    )


def test_a_reader_deletes_their_account_and_their_threads_stay_readable(review, moderator):
    leaving = UserFactory(username="leaving")
    theirs = CommentFactory(review=review, author=leaving, body="Words that will go")
    reply = CommentFactory(parent=theirs, body="A reply that stays")
    alone = CommentFactory(review=review, author=leaving, body="Nobody answered this")
    liked = CommentFactory(review=review, body="Something they liked")
    comment_like(comment=liked, user=leaving)
    CommentReportFactory(comment=reply, reporter=leaving)
    comment_decide(comment=alone, moderator=moderator, action=Action.REMOVE, reason="Off topic")
    client, elsewhere = Client(), Client()
    client.force_login(leaving)
    elsewhere.force_login(leaving)

    response = delete_own_account(client)

    assert response.status_code == HTTPStatus.FOUND
    assert not User.objects.filter(username="leaving").exists()
    theirs.refresh_from_db()
    assert (theirs.author, theirs.body, theirs.body_html) == (None, "", "")
    page = Client().get(review.get_absolute_url()).text
    assert "Words that will go" not in page
    assert "This comment\u2019s author deleted their account." in page
    assert "A reply that stays" in page
    assert "Nobody answered this" not in page
    # A comment a moderator took down keeps its tombstone (issue 17), its text gone with them.
    assert f'id="comment-{alone.pk}"' in page
    assert "Removed by a moderator: Other" in page
    liked.refresh_from_db()
    assert liked.like_count == 0
    assert not CommentLike.objects.exists()
    assert not CommentReport.objects.exists()
    # The record keeps every decision about their comments.
    assert ModerationDecision.objects.filter(comment=alone).count() == 1
    # Signed out here and everywhere else.
    assert "_auth_user_id" not in client.session
    assert elsewhere.get(reverse("readers:profile-edit")).status_code == HTTPStatus.FOUND


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"password": "not it"}, "That is not your password."),
        ({"password": ""}, "Enter your password."),
        ({"confirm": ""}, "Tick the box to confirm."),
    ],
    ids=["wrong-password", "no-password", "not-confirmed"],
)
def test_deleting_needs_the_password_and_a_confirmation(reader_client, reader, data, message):
    response = delete_own_account(reader_client, **data)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert message in response.text
    assert User.objects.filter(pk=reader.pk).exists()


def test_the_confirmation_page_is_linked_from_the_profile_settings(reader_client):
    settings_page = reader_client.get(reverse("readers:profile-edit")).text
    assert reverse("readers:account-delete") in settings_page
    page = reader_client.get(reverse("readers:account-delete"))
    assert page.status_code == HTTPStatus.OK
    assert "Delete your account?" in page.text


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("readers:account-delete"))
    assert response.status_code == HTTPStatus.FOUND
    assert reverse("account_login") in response.url


def test_a_moderator_deletes_their_account_and_the_record_names_a_deleted_account(
    moderator, review
):
    comment = CommentFactory(review=review, status=Comment.Status.PENDING)
    comment_decide(comment=comment, moderator=moderator, action=Action.REJECT, reason="Spoilers")
    client = Client()
    client.force_login(moderator)

    assert delete_own_account(client).status_code == HTTPStatus.FOUND

    decision = ModerationDecision.objects.get(comment=comment)
    assert (decision.moderator, decision.moderator_deleted) == (None, True)
    assert decision.decided_by == "a deleted account"
    assert (decision.action, decision.reason) == ("reject", "Spoilers")


def test_an_editor_with_reviews_is_told_to_ask_an_admin(editor, review):
    review.author = editor
    review.save()
    client = Client()
    client.force_login(editor)

    response = delete_own_account(client)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "an admin must give them another author first" in response.text
    assert User.objects.filter(pk=editor.pk).exists()


def test_a_sanctioned_readers_sanction_stays_on_the_record(moderator):
    reader = UserFactory()
    sanction = sanction_create(
        user=reader, moderator=moderator, kind=Sanction.Kind.MUTE, reason="Insults"
    )

    account_delete(user=reader)

    sanction.refresh_from_db()
    assert sanction.user is None
    assert ModerationDecision.objects.filter(sanction=sanction).count() == 1


def test_an_admin_deletes_a_reader_the_same_way(admin_client, moderator, review):
    reader = UserFactory()
    comment = CommentFactory(review=review, author=reader)
    CommentFactory(parent=comment)
    comment_decide(comment=comment, moderator=moderator, action=Action.REMOVE)

    response = admin_client.post(
        reverse("admin:auth_user_delete", args=[reader.pk]), {"post": "yes"}
    )

    assert response.status_code == HTTPStatus.FOUND
    comment.refresh_from_db()
    assert (comment.author, comment.body) == (None, "")
    assert ModerationDecision.objects.filter(comment=comment).exists()


def test_an_admin_deletes_a_moderator_with_the_bulk_action(admin_client, moderator, review):
    comment = CommentFactory(review=review, status=Comment.Status.PENDING)
    comment_decide(comment=comment, moderator=moderator, action=Action.APPROVE)

    response = admin_client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "delete_selected", "_selected_action": [moderator.pk], "post": "yes"},
    )

    assert response.status_code == HTTPStatus.FOUND
    assert not User.objects.filter(pk=moderator.pk).exists()
    assert ModerationDecision.objects.get(comment=comment).moderator_deleted


def test_a_review_with_moderated_comments_can_be_deleted(admin_client, moderator, review):
    comment = CommentFactory(review=review, status=Comment.Status.PENDING)
    comment_decide(comment=comment, moderator=moderator, action=Action.APPROVE)

    response = admin_client.post(
        reverse("admin:reviews_review_delete", args=[review.pk]), {"post": "yes"}
    )

    assert response.status_code == HTTPStatus.FOUND
    assert not Comment.objects.filter(pk=comment.pk).exists()
    decision = ModerationDecision.objects.get()
    assert decision.comment_id == comment.pk  # the record keeps what it was about
    log = Client()
    log.force_login(moderator)
    assert "deleted with its review" in log.get(reverse("moderation:decisions")).text


# --- The record in the database ------------------------------------------------------------


def run(sql: str, params=()) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_the_database_refuses_to_change_or_delete_a_decision():
    decision = ModerationDecisionFactory()

    with pytest.raises(DatabaseError, match="never changed or deleted"):
        run("UPDATE reviews_moderationdecision SET reason = 'x' WHERE id = %s", [decision.pk])
    with pytest.raises(DatabaseError, match="never changed or deleted"):
        run("DELETE FROM reviews_moderationdecision WHERE id = %s", [decision.pk])
    with pytest.raises(DatabaseError, match="never changed or deleted"):
        run(
            "UPDATE reviews_moderationdecision SET moderator_id = NULL, moderator_deleted = true"
            " WHERE id = %s",
            [decision.pk],
        )
    assert ModerationDecision.objects.filter(pk=decision.pk, reason="").exists()


def test_the_anonymising_path_may_empty_only_that_moderators_name():
    decision = ModerationDecisionFactory()
    other = ModerationDecisionFactory()
    allow = "SELECT set_config('starlight.deleting_account', %s, true);"

    with pytest.raises(DatabaseError):  # another column along with the name
        run(
            allow + "UPDATE reviews_moderationdecision SET moderator_id = NULL,"
            " moderator_deleted = true, note = 'x' WHERE id = %s",
            [str(decision.moderator_id), decision.pk],
        )
    with pytest.raises(DatabaseError):  # a decision of another moderator
        run(
            allow + "UPDATE reviews_moderationdecision SET moderator_id = NULL,"
            " moderator_deleted = true WHERE id = %s",
            [str(decision.moderator_id), other.pk],
        )
    run(
        allow + "UPDATE reviews_moderationdecision SET moderator_id = NULL,"
        " moderator_deleted = true WHERE id = %s",
        [str(decision.moderator_id), decision.pk],
    )
    decision.refresh_from_db()
    assert decision.moderator is None
    assert decision.moderator_deleted


def test_deleting_a_moderator_outside_the_service_is_refused():
    decision = ModerationDecisionFactory()

    with pytest.raises(DatabaseError), transaction.atomic():
        decision.moderator.delete()
    assert User.objects.filter(pk=decision.moderator_id).exists()


def test_the_service_refuses_an_account_with_reviews(review):
    with pytest.raises(ValidationError):
        account_delete(user=review.author)
