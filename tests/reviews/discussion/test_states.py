"""The discussion under any sequence of posts, replies, edits, deletions, reports and decisions
(hypothesis's stateful testing): after every step, every kind of reader gets the review page,
never a server error; every comment they may see is on it and reachable by its permalink;
nothing hidden is shown in full; each comment taken down shows exactly one tombstone, to every
reader; the count agrees; and the cached page equals a fresh render."""

import re
from contextlib import suppress
from http import HTTPStatus

import hypothesis
import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.test import Client, override_settings
from hypothesis import HealthCheck
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    multiple,
    rule,
    run_state_machine_as_test,
)

from config import pagecache
from reviews.discussion.models import Comment, CommentReport
from reviews.discussion.services import comment_create, comment_delete, comment_edit
from reviews.moderation.models import BlockedTerm, ModerationDecision
from reviews.moderation.services import comment_decide, comment_report
from tests.factories import ModeratorFactory, ReviewFactory, UserFactory

pytestmark = pytest.mark.django_db
Action = ModerationDecision.Action

ARTICLE = re.compile(r'<article class="([^"]*)" id="comment-(\d+)">')
TOMBSTONE = "comment--tombstone"
PAGES = re.compile(r"Comments page \d+ of (\d+)")
COUNT = re.compile(r'class="discussion__count">(\d+) comment')
# A blocklisted word holds a comment for a moderator, so held comments come up too.
words = st.sampled_from(["stars", "Seoul", "Mars", "turntable", "forbidden", "farewell"])


def without_tokens(page: str) -> str:
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)
    return re.sub(r'\s+nonce="[^"]+"\s*>', ">", page).replace(" >", ">")


class Discussion(RuleBasedStateMachine):
    comments = Bundle("comments")

    def __init__(self) -> None:
        super().__init__()
        # Each run of steps in a savepoint of its own, rolled back at the end.
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        self.forget_caches()
        BlockedTerm.objects.create(phrase="forbidden")
        self.review = ReviewFactory()
        self.readers = [UserFactory(), UserFactory()]
        self.moderator = ModeratorFactory()
        # Each reader is the author of some comments and "another reader" for the rest.
        self.viewers = {
            "anonymous": AnonymousUser(),
            "reader-0": self.readers[0],
            "reader-1": self.readers[1],
            "moderator": self.moderator,
        }
        self.clients = {name: Client() for name in self.viewers}
        for name, user in self.viewers.items():
            if user.is_authenticated:
                self.clients[name].force_login(user)
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

    def text(self, word: str) -> str:
        self.posted += 1
        return f"Comment {self.posted} about {word}"

    # --- What readers and moderators do ------------------------------------------------------

    @rule(target=comments, who=st.integers(0, 1), word=words)
    def post(self, who, word):
        return self.create(author=self.readers[who], body=self.text(word))

    @rule(target=comments, who=st.integers(0, 1), parent=comments, word=words)
    def reply(self, who, parent, word):
        return self.create(author=self.readers[who], body=self.text(word), parent=parent)

    def create(self, **kwargs):
        try:
            return comment_create(review=self.review, **kwargs)
        except ValidationError:  # a refusal (replying to a hidden comment, say) is fine
            return multiple()

    @rule(comment=comments, word=words)
    def edit(self, comment, word):
        self.attempt(comment_edit, comment=comment, user=comment.author, body=self.text(word))

    @rule(comment=comments)
    def delete(self, comment):
        comment.refresh_from_db()
        comment_delete(comment=comment, user=comment.author)

    @rule(comment=comments, who=st.integers(0, 1))
    def report(self, comment, who):
        comment.refresh_from_db()
        if comment.status == Comment.Status.APPROVED:
            self.attempt(
                comment_report,
                comment=comment,
                reporter=self.readers[who],
                reason=CommentReport.Reason.SPOILERS,
            )

    @rule(
        comment=comments,
        action=st.sampled_from(
            [Action.APPROVE, Action.REJECT, Action.REMOVE, Action.RESTORE, Action.SPAM]
        ),
    )
    def decide(self, comment, action):
        extra = {"reason": "Off topic for this review"} if action == Action.REJECT else {}
        if action == Action.REMOVE:
            extra = {"reason": "A spoiler", "category": "spoilers"}
        self.attempt(
            comment_decide, comment=comment, moderator=self.moderator, action=action, **extra
        )

    @rule(comment=consumes(comments))
    def forget(self, comment):
        """Stop acting on a comment (it stays in the discussion), so others get their turn."""

    @staticmethod
    def attempt(service, **kwargs) -> None:
        kwargs["comment"].refresh_from_db()
        with suppress(ValidationError):  # already decided, edit window closed, ...: a refusal
            service(**kwargs)

    # --- What must hold after every step -------------------------------------------------------

    def pages(self, client: Client) -> list[str]:
        """Every page of the discussion, as the reader gets it without the page cache."""
        url = self.review.get_absolute_url()
        with override_settings(PAGE_CACHE_ENABLED=False):
            first = client.get(url)
            assert first.status_code == HTTPStatus.OK
            texts = [first.text]
            last = int(match[1]) if (match := PAGES.search(first.text)) else 1
            for number in range(2, last + 1):
                response = client.get(f"{url}?page={number}")
                assert response.status_code == HTTPStatus.OK
                texts.append(response.text)
        return texts

    @invariant()
    def every_reader_sees_what_they_may(self):
        for name, client in self.clients.items():
            visible = set(
                self.review.comments.visible_to(self.viewers[name])
                .filter(removed_at__isnull=True)
                .values_list("pk", flat=True)
            )
            taken_down = set(
                self.review.comments.exclude(removed_at=None).values_list("pk", flat=True)
            )
            texts = self.pages(client)
            tombstones = [
                int(pk)
                for text in texts
                for classes, pk in ARTICLE.findall(text)
                if TOMBSTONE in classes
            ]
            assert sorted(tombstones) == sorted(taken_down), name
            page_of = {
                int(pk): (number, classes)
                for number, text in enumerate(texts, start=1)
                for classes, pk in ARTICLE.findall(text)
            }
            in_full = {pk for pk, (_, classes) in page_of.items() if "comment--gone" not in classes}
            assert in_full == visible, name
            assert {int(n) for n in COUNT.findall("".join(texts))} == {len(visible)}, name
            for pk in visible | taken_down:  # each permalink leads to the page that holds it
                landed = client.get(Comment(pk=pk).get_absolute_url())
                assert landed.status_code == HTTPStatus.FOUND
                page = int(match[1]) if (match := re.search(r"\?page=(\d+)", landed.url)) else 1
                assert landed.url.endswith(f"#comment-{pk}")
                assert page_of[pk][0] == page, name

            # With the cache on: the second request is served from what the first kept.
            with override_settings(PAGE_CACHE_ENABLED=True):
                client.get(self.review.get_absolute_url())
                cached = client.get(self.review.get_absolute_url())
            assert cached.status_code == HTTPStatus.OK
            assert without_tokens(cached.text) == without_tokens(texts[0]), name


def test_the_discussion_holds_under_any_sequence_of_events(settings):
    settings.COMMENTS_PER_PAGE = 2  # so that pages and permalinks across them come up
    settings.COMMENT_RATE_LIMIT_PER_USER = settings.COMMENT_RATE_LIMIT_PER_IP = (10_000, 60)
    settings.COMMENT_DUPLICATE_MINUTES = 0
    settings.MODERATION_REPEAT_WINDOW_HOURS = 0
    run_state_machine_as_test(
        Discussion,
        settings=hypothesis.settings(
            max_examples=15,
            stateful_step_count=10,
            deadline=None,
            database=None,  # no .hypothesis/ folder in the work tree
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
