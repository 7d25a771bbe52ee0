"""Filing and deciding appeals: the happy paths and every refusal, each writing nothing."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from reviews.appeals.models import Appeal
from reviews.appeals.services import AppealAlreadyDecided, appeal_decide, appeal_file
from reviews.discussion.models import Comment
from reviews.moderation.models import ModerationDecision
from tests.factories import CommentFactory, UserFactory

from .conftest import removed_days_ago

Action = ModerationDecision.Action
pytestmark = pytest.mark.django_db


def test_the_author_appeals_a_removal_within_the_window(author, remover, removed_comment):
    appeal = appeal_file(author=author, item=removed_comment, text="  It was tagged, look.  ")

    assert appeal.status == Appeal.Status.OPEN
    assert appeal.text == "It was tagged, look."
    assert appeal.removed_by == remover
    assert appeal.decision == removed_comment.decisions.get(action=Action.REMOVE)
    assert appeal.comment == removed_comment
    assert appeal.entry is None


def test_an_appeal_may_name_the_decision_instead_of_the_item(author, removed_entry):
    decision = removed_entry.decisions.get(action=Action.REMOVE)

    appeal = appeal_file(author=author, decision=decision, text="No spoilers in it.")

    assert appeal.entry == removed_entry


def refused(code: str, **kwargs) -> None:
    with pytest.raises(ValidationError) as error:
        appeal_file(**kwargs)
    assert error.value.code == code, error.value
    assert error.value.messages[0]
    assert not Appeal.objects.exists()


def test_only_the_author_may_appeal(removed_comment):
    refused("not_author", author=UserFactory(), item=removed_comment, text="Please.")


def test_a_published_comment_has_nothing_to_appeal(author):
    refused("not_removed", author=author, item=CommentFactory(author=author), text="Why?")


def test_a_rejected_held_comment_is_not_appealable(author, remover):
    comment = CommentFactory(author=author, status=Comment.Status.REJECTED)
    refused("not_removed", author=author, item=comment, text="Why?")


def test_empty_text_is_refused(author, removed_comment):
    refused("empty", author=author, item=removed_comment, text="   ")


def test_too_long_a_text_is_refused(author, removed_comment):
    refused("too_long", author=author, item=removed_comment, text="x" * 1001)


def test_an_appeal_after_fourteen_days_is_refused(author, remover):
    comment = removed_days_ago(15, author, remover)
    refused("too_late", author=author, item=comment, text="I was away.")


def test_an_appeal_on_the_last_day_is_accepted(author, remover):
    comment = removed_days_ago(13, author, remover)
    assert appeal_file(author=author, item=comment, text="Still in time.")


def test_a_second_appeal_is_refused(author, removed_comment):
    appeal_file(author=author, item=removed_comment, text="First.")

    with pytest.raises(ValidationError) as error:
        appeal_file(author=author, item=removed_comment, text="Second.")

    assert error.value.code == "already"
    assert Appeal.objects.count() == 1


def test_granting_publishes_the_comment_again_and_records_the_decision(
    author, decider, removed_comment, django_capture_on_commit_callbacks
):
    appeal = appeal_file(author=author, item=removed_comment, text="It was tagged.")

    with django_capture_on_commit_callbacks(execute=True):
        appeal_decide(appeal=appeal, moderator=decider, grant=True, reason="It was tagged.")

    removed_comment.refresh_from_db()
    assert removed_comment.status == Comment.Status.APPROVED
    assert (removed_comment.removal_category, removed_comment.removed_at) == ("", None)
    decision = removed_comment.decisions.first()
    assert (decision.action, decision.moderator, decision.reason) == (
        Action.APPEAL_GRANT,
        decider,
        "It was tagged.",
    )
    appeal.refresh_from_db()
    assert (appeal.status, appeal.decided_by, appeal.outcome_reason) == (
        "granted",
        decider,
        "It was tagged.",
    )
    assert appeal.decided_at is not None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [author.email]
    assert mail.outbox[0].subject == "Your appeal was granted"
    assert f"/en/comments/{removed_comment.pk}/" in mail.outbox[0].body
    assert "/en/account/record/" in mail.outbox[0].body


def test_granting_a_reader_review_publishes_it_again(author, decider, removed_entry):
    appeal = appeal_file(author=author, item=removed_entry, text="No spoiler.")

    appeal_decide(appeal=appeal, moderator=decider, grant=True)

    removed_entry.refresh_from_db()
    assert removed_entry.review_status == "approved"
    assert removed_entry.removed_at is None
    assert removed_entry.decisions.first().action == Action.APPEAL_GRANT


def test_denying_keeps_it_removed_and_records_the_reason(
    author, decider, removed_comment, django_capture_on_commit_callbacks
):
    appeal = appeal_file(author=author, item=removed_comment, text="It was fine.")

    with django_capture_on_commit_callbacks(execute=True):
        appeal_decide(appeal=appeal, moderator=decider, grant=False, reason="It names the ending.")

    removed_comment.refresh_from_db()
    assert removed_comment.status == Comment.Status.REMOVED
    assert removed_comment.removal_category == "spoilers"
    decision = removed_comment.decisions.first()
    assert (decision.action, decision.from_status, decision.to_status, decision.reason) == (
        Action.APPEAL_DENY,
        "removed",
        "removed",
        "It names the ending.",
    )
    assert mail.outbox[0].subject == "Your appeal was denied"
    assert "It names the ending." in mail.outbox[0].body


def test_a_denial_needs_a_reason(author, decider, removed_comment):
    appeal = appeal_file(author=author, item=removed_comment, text="It was fine.")

    with pytest.raises(ValidationError) as error:
        appeal_decide(appeal=appeal, moderator=decider, grant=False, reason=" ")

    assert error.value.code == "empty"
    appeal.refresh_from_db()
    assert appeal.status == Appeal.Status.OPEN


def test_the_moderator_who_removed_it_cannot_decide_its_appeal(author, remover, removed_comment):
    appeal = appeal_file(author=author, item=removed_comment, text="Unfair.")
    before = ModerationDecision.objects.count()

    with pytest.raises(ValidationError) as error:
        appeal_decide(appeal=appeal, moderator=remover, grant=True)

    assert error.value.code == "removed_it"
    assert ModerationDecision.objects.count() == before
    appeal.refresh_from_db()
    assert appeal.status == Appeal.Status.OPEN


def test_a_decided_appeal_cannot_be_decided_again(author, decider, removed_comment):
    appeal = appeal_file(author=author, item=removed_comment, text="Unfair.")
    appeal_decide(appeal=appeal, moderator=decider, grant=False, reason="It stands.")
    before = ModerationDecision.objects.count()

    with pytest.raises(AppealAlreadyDecided) as error:
        appeal_decide(appeal=appeal, moderator=UserFactory(), grant=True)

    assert "Already decided by vega: this appeal was denied." in error.value.messages[0]
    assert ModerationDecision.objects.count() == before


def test_granting_an_item_restored_meanwhile_records_the_outcome_alone(
    author, decider, removed_comment
):
    from reviews.moderation import services as moderation

    appeal = appeal_file(author=author, item=removed_comment, text="Unfair.")
    moderation.comment_decide(comment=removed_comment, moderator=decider, action=Action.RESTORE)

    appeal_decide(appeal=appeal, moderator=decider, grant=True)

    decision = removed_comment.decisions.first()
    assert (decision.action, decision.to_status) == (Action.APPEAL_GRANT, "approved")


# --- What the database refuses by itself --------------------------------------------------


def test_the_database_refuses_the_removing_moderator_as_decider(author, remover, removed_comment):
    appeal = appeal_file(author=author, item=removed_comment, text="Unfair.")

    refused = pytest.raises(IntegrityError, match="appeal_decided_by_another_moderator")
    with refused, transaction.atomic():
        Appeal.objects.filter(pk=appeal.pk).update(
            status="denied", decided_by=remover, decided_at=appeal.created_at
        )


def test_the_database_refuses_a_second_appeal_on_one_decision(author, removed_comment):
    appeal = appeal_file(author=author, item=removed_comment, text="Unfair.")

    with pytest.raises(IntegrityError, match="appeal_once_per_removal"), transaction.atomic():
        Appeal.objects.create(
            decision=appeal.decision, comment=removed_comment, author=author, text="Again."
        )


def test_the_database_refuses_an_appeal_about_nothing_or_both(author, removed_comment):
    appeal = appeal_file(author=author, item=removed_comment, text="Unfair.")

    with pytest.raises(IntegrityError, match="appeal_about_one_item"), transaction.atomic():
        Appeal.objects.filter(pk=appeal.pk).update(comment=None)


def test_the_database_refuses_a_decided_appeal_without_its_date(author, decider, removed_comment):
    appeal = appeal_file(author=author, item=removed_comment, text="Unfair.")

    with pytest.raises(IntegrityError, match="appeal_decided_iff_closed"), transaction.atomic():
        Appeal.objects.filter(pk=appeal.pk).update(status="granted", decided_by=decider)
