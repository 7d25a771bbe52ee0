"""Appeals under any sequence of removals, restorations, appeals (good and bad text) and
decisions by either moderator (hypothesis's stateful testing). After every step: no page
errs; one appeal at most per removal, each decided by someone other than its remover and
recorded once; a comment is in its thread in full or as one tombstone, as its state says; the
desk lists exactly the open appeals; and each service said yes exactly when the rules say."""

from http import HTTPStatus

import hypothesis
import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from hypothesis import HealthCheck
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from reviews.appeals.models import APPEAL_MAX_LENGTH, Appeal
from reviews.appeals.services import appeal_decide, appeal_file
from reviews.moderation.models import ModerationDecision
from reviews.moderation.services import comment_decide
from tests.factories import CommentFactory, ModeratorFactory, ReviewFactory, UserFactory

pytestmark = pytest.mark.django_db
Action = ModerationDecision.Action

texts = st.one_of(
    st.sampled_from(["It had a spoiler tag.", "   ", "", "I was quoting the trailer."]),
    st.just("x" * (APPEAL_MAX_LENGTH + 1)),
)


class Appeals(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        cache.clear()
        self.review = ReviewFactory()
        self.author = UserFactory()
        self.moderators = [ModeratorFactory(), ModeratorFactory()]
        self.comment = CommentFactory(review=self.review, author=self.author, body="Mine.")
        self.reply = CommentFactory(parent=self.comment, body="A reply under it.")
        # The model: who removed it now (None while published), and whether that removal
        # was appealed and the appeal is still open.
        self.remover: int | None = None
        self.appealed = self.open = False
        self.clients = {"anonymous": Client(), "author": Client(), "desk": Client()}
        self.clients["author"].force_login(self.author)
        self.clients["desk"].force_login(self.moderators[0])

    def teardown(self) -> None:
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)
        cache.clear()

    def attempt(self, service, **kwargs) -> bool:
        try:
            service(**kwargs)
        except ValidationError:
            return False
        return True

    @rule(by=st.integers(0, 1), category=st.sampled_from(["spoilers", "harassment", "other"]))
    def remove(self, by, category):
        self.comment.refresh_from_db()
        done = self.attempt(
            comment_decide,
            comment=self.comment,
            moderator=self.moderators[by],
            action=Action.REMOVE,
            category=category,
            reason="Not for this thread.",
        )
        assert done is (self.remover is None)
        if done:
            self.remover, self.appealed, self.open = by, False, False

    @rule(by=st.integers(0, 1))
    def restore(self, by):
        self.comment.refresh_from_db()
        done = self.attempt(
            comment_decide,
            comment=self.comment,
            moderator=self.moderators[by],
            action=Action.RESTORE,
        )
        assert done is (self.remover is not None)
        if done:
            self.remover = None

    @rule(text=texts)
    def appeal(self, text):
        self.comment.refresh_from_db()
        done = self.attempt(appeal_file, author=self.author, item=self.comment, text=text)
        valid = 0 < len(text.strip()) <= APPEAL_MAX_LENGTH
        assert done is (self.remover is not None and not self.appealed and valid)
        if done:
            self.appealed = self.open = True

    @rule(by=st.integers(0, 1), grant=st.booleans())
    def decide(self, by, grant):
        appeal = Appeal.objects.filter(comment=self.comment).order_by("-pk").first()
        if appeal is None:
            return
        done = self.attempt(
            appeal_decide,
            appeal=appeal,
            moderator=self.moderators[by],
            grant=grant,
            reason="Looked again.",
        )
        assert done is (self.open and by != self.remover)
        if done:
            self.open = False
            if grant:
                self.remover = None

    @invariant()
    def the_record_holds(self):
        appeals = Appeal.objects.filter(comment=self.comment)
        assert appeals.values("decision").distinct().count() == appeals.count()
        for appeal in appeals.exclude(status=Appeal.Status.OPEN):
            assert appeal.decided_by_id != appeal.removed_by_id
        outcomes = ModerationDecision.objects.filter(
            comment=self.comment, action__in=[Action.APPEAL_GRANT, Action.APPEAL_DENY]
        )
        assert outcomes.count() == appeals.exclude(status=Appeal.Status.OPEN).count()
        self.comment.refresh_from_db()
        assert (self.comment.removed_at is not None) is (self.remover is not None)

    @invariant()
    def the_pages_hold(self):
        with override_settings(PAGE_CACHE_ENABLED=False):
            for name in ("anonymous", "author"):
                page = self.clients[name].get(self.review.get_absolute_url())
                assert page.status_code == HTTPStatus.OK
                text = page.text
                assert "A reply under it." in text
                assert ("comment--tombstone" in text) is (self.remover is not None), name
            appeal_page = self.clients["author"].get(
                reverse("appeals:comment-appeal", args=[self.comment.pk])
            )
            assert appeal_page.status_code == HTTPStatus.OK
            desk = self.clients["desk"].get(reverse("appeals:queue"))
            assert desk.status_code == HTTPStatus.OK
            assert desk.text.count('data-kind="appeal"') == int(self.open)


def test_appeals_hold_under_any_sequence_of_decisions():
    run_state_machine_as_test(
        Appeals,
        settings=hypothesis.settings(
            max_examples=12,
            stateful_step_count=10,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
