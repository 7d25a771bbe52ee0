"""The spoiler gate under any sequence of progress changes, the gate off and on, comments
posted at timecodes, replies and moderation decisions (hypothesis's stateful testing): the
page a visitor and a signed-in reader get never shows, out of a collapsed block, an item after
their position (or one of its replies), and never fails; with the page cache on too."""

from contextlib import suppress
from http import HTTPStatus

import hypothesis
import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.test import Client, override_settings
from hypothesis import HealthCheck
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    invariant,
    multiple,
    rule,
    run_state_machine_as_test,
)

from config import pagecache
from reviews import stamps
from reviews.discussion.models import Comment
from reviews.discussion.services import comment_create
from reviews.moderation.models import ModerationDecision
from reviews.moderation.services import comment_decide
from reviews.spoilers import gate as gates
from tests.factories import FilmFactory, ModeratorFactory, ReviewFactory, UserFactory
from tests.reviews.spoilers.html import read_gates

pytestmark = pytest.mark.django_db
Action = ModerationDecision.Action
RUNNING_TIME = 100  # minutes
seconds = st.integers(0, RUNNING_TIME * 60)
timecodes = st.none() | seconds


class GatedDiscussion(RuleBasedStateMachine):
    comments = Bundle("comments")

    def __init__(self) -> None:
        super().__init__()
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        self.forget_caches()
        self.review = ReviewFactory(film=FilmFactory(running_time=RUNNING_TIME))
        self.film = self.review.film
        self.writers = [UserFactory(), UserFactory()]
        self.moderator = ModeratorFactory()
        self.reader = UserFactory()
        self.signed_in, self.visitor = Client(), Client()
        self.signed_in.force_login(self.reader)
        self.state: str | None = None  # what the reader said: seconds, "done", "off" or nothing
        self.posted = 0

    def teardown(self) -> None:
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)
        self.forget_caches()

    @staticmethod
    def forget_caches() -> None:
        cache.clear()
        pagecache.pages.page_copies = pagecache.parts.ProcessCopies()
        pagecache.parts.part_copies = pagecache.parts.ProcessCopies()

    # --- What the reader says ------------------------------------------------------------------

    def say(self, action: str, position: str = "") -> None:
        """Through the form, as both readers."""
        url = f"/en/progress/{self.film.pk}/"
        data = {"action": action, "position": position}
        for client in (self.signed_in, self.visitor):
            response = client.post(url, data)
            assert response.status_code == HTTPStatus.FOUND, response.text

    @rule(at=seconds)
    def watched_up_to(self, at):
        from films.timecodes import format

        self.say("at", format(at))
        self.state = str(at)

    @rule()
    def finished(self):
        self.say("finished")
        self.state = "done"

    @rule(off=st.booleans())
    def gate(self, off):
        self.say("gate-off" if off else "gate-on")
        # The visitor's cookie says "off" or nothing; the account keeps the position under it.
        if off:
            self.state = "off"
        else:
            progress = self.reader.watch_progress.filter(film=self.film).first()
            self.state = None if progress is None else (
                "done" if progress.finished else str(progress.position)
            )  # fmt: skip
            self.visitor.cookies.pop(gates.COOKIE, None)
            if self.state is not None:  # the visitor says it again, to stay alike
                from films.timecodes import format

                action = "finished" if self.state == "done" else "at"
                position = "" if self.state == "done" else format(int(self.state))
                self.visitor.post(
                    f"/en/progress/{self.film.pk}/", {"action": action, "position": position}
                )

    @rule()
    def clear(self):
        self.say("clear")
        self.state = None

    # --- What others write, and moderators decide ----------------------------------------------

    @rule(target=comments, who=st.integers(0, 1), at=timecodes, spoilers=st.booleans())
    def post(self, who, at, spoilers):
        return self.create(author=self.writers[who], at=at, contains_spoilers=spoilers)

    @rule(target=comments, who=st.integers(0, 1), parent=comments, at=timecodes)
    def reply(self, who, parent, at):
        return self.create(author=self.writers[who], at=at, parent=parent)

    def create(self, *, at, **kwargs):
        self.posted += 1
        try:
            comment = comment_create(
                review=self.review, body=f"Comment {self.posted} on the stars", **kwargs
            )
        except ValidationError:
            return multiple()
        if at is not None:  # the tag, as the timecode field will give it
            Comment.objects.filter(pk=comment.pk).update(timecode=at)
            comment.timecode = at
            stamps.comment_changed(comment)
        return comment

    @rule(comment=comments, action=st.sampled_from([Action.REJECT, Action.REMOVE, Action.RESTORE]))
    def decide(self, comment, action):
        comment.refresh_from_db()
        extra = {"reason": "Off topic"} if action == Action.REJECT else {}
        with suppress(ValidationError):
            comment_decide(comment=comment, moderator=self.moderator, action=action, **extra)

    # --- What must hold after every step -------------------------------------------------------

    def hidden(self, comment: Comment) -> bool:
        if self.state in ("done", "off"):
            return False
        gate = gates.Gate(position=None if self.state is None else gates.snap(int(self.state)))
        return gate.hides(timecode=comment.timecode, contains_spoilers=comment.contains_spoilers)

    def shown_too_early(self, comment: Comment) -> bool:
        """It, or one it replies to, is after the reader's position."""
        while comment is not None:
            if self.hidden(comment):
                return True
            comment = comment.parent
        return False

    @invariant()
    def nothing_after_the_position_is_out_in_the_open(self):
        url = self.review.get_absolute_url()
        comments = {f"comment-{c.pk}": c for c in Comment.objects.select_related("parent")}
        for name, client in (("signed in", self.signed_in), ("visitor", self.visitor)):
            for cached in (False, True):  # as rendered, and as kept (whole pages, parts)
                with override_settings(PAGE_CACHE_ENABLED=cached):
                    response = client.get(url)
                assert response.status_code == HTTPStatus.OK
                seen = read_gates(response.text)
                early = [ident for ident in seen.open_ids if self.shown_too_early(comments[ident])]
                assert not early, (name, cached, self.state, early)
                if self.state in ("done", "off"):
                    assert not seen.gated_ids, (name, self.state)


def test_the_gate_holds_under_any_sequence_of_events(settings):
    settings.COMMENT_RATE_LIMIT_PER_USER = settings.COMMENT_RATE_LIMIT_PER_IP = (10_000, 60)
    settings.COMMENT_DUPLICATE_MINUTES = 0
    settings.MODERATION_REPEAT_WINDOW_HOURS = 0
    run_state_machine_as_test(
        GatedDiscussion,
        settings=hypothesis.settings(
            max_examples=20,
            stateful_step_count=15,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
