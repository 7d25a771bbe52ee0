"""The outcome e-mail in the author's language, and two moderators deciding one appeal at once."""

import threading

import pytest
from django.core import mail
from django.db import connection

from reviews.appeals.models import Appeal
from reviews.appeals.services import AppealAlreadyDecided, appeal_decide, appeal_file
from reviews.discussion.models import Comment
from reviews.moderation import services as moderation
from reviews.moderation.models import ModerationDecision
from tests.factories import CommentFactory, ModeratorFactory

Action = ModerationDecision.Action


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "subject", "words", "prefix"),
    [
        ("ko", "이의 신청이 받아들여졌어요", "댓글이 다시 게시되었어요", "/ko/"),
        ("en", "Your appeal was granted", "your comment is published again", "/en/"),
    ],
)
def test_the_outcome_is_mailed_in_the_authors_language(
    author,
    decider,
    removed_comment,
    django_capture_on_commit_callbacks,
    language,
    subject,
    words,
    prefix,
):
    author.profile.language = language
    author.profile.save()
    appeal = appeal_file(author=author, item=removed_comment, text="It was tagged.")

    with django_capture_on_commit_callbacks(execute=True):
        appeal_decide(appeal=appeal, moderator=decider, grant=True, reason="Fair point.")

    (message,) = mail.outbox
    assert message.subject == subject
    assert words in message.body
    assert "Fair point." in message.body
    assert f"{prefix}comments/{removed_comment.pk}/" in message.body
    assert f"{prefix}account/record/" in message.body


@pytest.mark.django_db
def test_a_korean_reader_is_told_of_a_denial_in_korean(
    author, decider, removed_entry, django_capture_on_commit_callbacks
):
    author.profile.language = "ko"
    author.profile.save()
    appeal = appeal_file(author=author, item=removed_entry, text="스포일러 없어요.")

    with django_capture_on_commit_callbacks(execute=True):
        appeal_decide(appeal=appeal, moderator=decider, grant=False, reason="결말을 말해요.")

    (message,) = mail.outbox
    assert message.subject == "이의 신청이 받아들여지지 않았어요"
    assert "리뷰 숨김 결정은 그대로예요" in message.body
    assert "결말을 말해요." in message.body


@pytest.mark.django_db(transaction=True)
def test_two_moderators_deciding_one_appeal_at_once_make_one_decision(author, remover):
    first, second = ModeratorFactory(username="altair"), ModeratorFactory(username="deneb")
    for _ in range(3):
        comment = moderation.comment_decide(
            comment=CommentFactory(author=author),
            moderator=remover,
            action=Action.REMOVE,
            category="other",
        )
        appeal = appeal_file(author=author, item=comment, text="Unfair.")
        barrier = threading.Barrier(2)
        outcomes: dict[str, object] = {}

        def run(name, moderator, grant, appeal=appeal, barrier=barrier, outcomes=outcomes):
            try:
                barrier.wait(timeout=10)
                appeal_decide(
                    appeal=Appeal.objects.get(pk=appeal.pk),
                    moderator=moderator,
                    grant=grant,
                    reason="Looked again.",
                )
                outcomes[name] = "won"
            except AppealAlreadyDecided as error:
                outcomes[name] = error
            finally:
                connection.close()

        threads = [
            threading.Thread(target=run, args=("altair", first, True)),
            threading.Thread(target=run, args=("deneb", second, False)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)

        winners = [name for name, outcome in outcomes.items() if outcome == "won"]
        losers = [o for o in outcomes.values() if isinstance(o, AppealAlreadyDecided)]
        assert len(winners) == 1, outcomes
        assert len(losers) == 1, outcomes
        assert f"Already decided by {winners[0]}" in losers[0].messages[0]
        outcome = ModerationDecision.objects.filter(
            comment=comment, action__in=[Action.APPEAL_GRANT, Action.APPEAL_DENY]
        )
        assert outcome.count() == 1
        assert outcome.get().moderator.username == winners[0]
        appeal.refresh_from_db()
        assert appeal.decided_by.username == winners[0]
        comment.refresh_from_db()
        granted = outcome.get().action == Action.APPEAL_GRANT
        assert comment.status == (Comment.Status.APPROVED if granted else Comment.Status.REMOVED)
