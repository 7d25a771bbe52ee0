"""A signed-in reader's review page, put together from cached parts (`published_review` in
reviews/views.py, `signed_in_discussion` in reviews/discussion/page.py): always as fresh as a
full render, never anything of another reader's."""

import re
import time
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from config.pagecache.fragments import CSRF_PLACEHOLDER
from reviews.discussion.models import Comment
from reviews.discussion.services import comment_create, comment_like
from reviews.moderation.models import ModerationDecision
from reviews.moderation.services import comment_decide
from reviews.readers.services import profile_update
from reviews.services import review_save, review_unpublish
from tests.factories import CommentFactory, ProfileFactory, ReviewFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

Action = ModerationDecision.Action
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def review():
    review = ReviewFactory(headline="Stars over Seoul")
    for n in range(3):
        thread = CommentFactory(review=review, body=f"Thread number {n}")
        CommentFactory(review=review, parent=thread, body=f"Reply to {n}")
    return review


def signed_in(name: str) -> tuple[Client, object]:
    user = UserFactory(username=name)
    ProfileFactory(user=user, display_name=name.title())
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client, user


def page(client, review, query="") -> str:
    response = client.get(review.get_absolute_url() + query)
    assert response.status_code == HTTPStatus.OK
    return response.text


def test_readers_with_nothing_of_their_own_share_the_discussion(review, django_assert_num_queries):
    first, _ = signed_in("ada")
    second, _ = signed_in("bo")
    # the review, session, user, the next scheduled publication and premiere change (how long
    # entries may be kept), other reviews, whether the reader took part, the counts, threads
    # and replies (with all their comments show), the reader's likes among them, how far the
    # reader watched the film (their spoiler gate), the film's scenes for the scene picker,
    # and the film's premiere (its banner)
    with django_assert_num_queries(14):
        page(first, review)

    # session, user, whether this reader took part and how far they watched: the rest was
    # kept by the first one's visit
    with django_assert_num_queries(4):
        text = page(second, review)
    # whether they took part, and their gate, are kept too, until either changes
    with django_assert_num_queries(2):
        page(second, review)

    assert "Thread number 2" in text
    assert "Reply to 0" in text
    assert "Bo</a>" in text
    assert "Ada</a>" not in text
    assert CSRF_PLACEHOLDER not in text


def test_a_reader_who_took_part_gets_a_discussion_of_their_own(review):
    author, author_user = signed_in("ada")
    other, _ = signed_in("bo")
    mine = CommentFactory(review=review, author=author_user, body="My own words")
    edit_url = reverse("discussion:comment-edit", args=[mine.pk])

    assert edit_url in page(author, review)
    assert edit_url in page(author, review)  # and again, from what was kept for them
    text = page(other, review)
    assert "My own words" in text
    assert edit_url not in text


def test_every_form_on_a_kept_discussion_carries_the_readers_own_token(review):
    client, user = signed_in("ada")
    page(Client(), review)  # anonymous readers' visits keep nothing of a signed-in reader's
    signed_in_other, _ = signed_in("bo")
    page(signed_in_other, review)

    text = page(client, review)
    tokens = set(TOKEN.findall(text))
    assert len(TOKEN.findall(text)) > 3
    assert CSRF_PLACEHOLDER not in tokens
    thread = Comment.objects.filter(review=review, depth=1).first()
    response = client.post(
        reverse("discussion:comment-create", args=[review.slug]),
        {"body": "Posted from a kept page", "parent": thread.pk,
         "csrfmiddlewaretoken": TOKEN.findall(text)[-1]},
    )  # fmt: skip

    assert response.status_code == HTTPStatus.FOUND
    assert Comment.objects.filter(author=user, body="Posted from a kept page").exists()


@pytest.mark.parametrize(
    "change",
    [
        lambda review, other, moderator: comment_decide(
            comment=CommentFactory(
                review=review, author=other, status=Comment.Status.PENDING, body="Fresh words"
            ),
            moderator=moderator,
            action=Action.APPROVE,
        ),
        lambda review, other, moderator: comment_create(
            review=review, author=other, body="Fresh words", parent=None
        ),
        lambda review, other, moderator: comment_like(
            comment=Comment.objects.filter(review=review).first(), user=other
        ),
        lambda review, other, moderator: comment_decide(
            comment=Comment.objects.filter(review=review, depth=1).first(),
            moderator=moderator,
            action=Action.REMOVE,
        ),
    ],
    ids=["approved", "posted", "liked", "removed"],
)
def test_any_change_to_the_discussion_shows_at_once(review, moderator, change, settings):
    reader, _ = signed_in("ada")
    _, other = signed_in("bo")
    before = page(reader, review)

    change(review, other, moderator)

    after = page(reader, review)
    settings.PAGE_CACHE_ENABLED = False  # what a full render shows
    assert without_tokens(after) == without_tokens(page(reader, review)) != without_tokens(before)


def test_a_reader_sees_their_own_held_comment_at_once(review, settings):
    settings.MODERATION_MAX_LINKS = 0  # a link holds it
    reader, user = signed_in("ada")
    CommentFactory(review=review, author=user, body="An earlier word")
    page(reader, review)

    comment_create(
        review=review, author=user, body="Waiting for a moderator https://example.org", parent=None
    )

    assert (
        Comment.objects.get(author=user, depth=1, body__startswith="Waiting").status
        == Comment.Status.PENDING
    )
    assert "Waiting for a moderator" in page(reader, review)


def test_the_edit_link_goes_when_the_edit_window_closes(review, monkeypatch):
    reader, user = signed_in("ada")
    minutes = django_settings.COMMENT_EDIT_MINUTES
    mine = CommentFactory(
        review=review, author=user, created_at=timezone.now() - timedelta(minutes=minutes - 1)
    )
    edit_url = reverse("discussion:comment-edit", args=[mine.pk])
    assert edit_url in page(reader, review)

    later = timezone.now() + timedelta(minutes=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 120)

    assert edit_url not in page(reader, review)


def test_editing_the_review_or_renaming_its_author_shows_at_once(review, editor_client):
    reader, _ = signed_in("ada")
    assert "Stars over Seoul" in page(reader, review)

    review.headline = "Starlight over Seoul"
    review_save(review=review)
    assert "Starlight over Seoul" in page(reader, review)

    profile_update(
        user=review.author, display_name="A Renamed Critic", bio="", notify_replies=False
    )
    assert "A Renamed Critic" in page(reader, review)


def test_an_unpublished_review_is_gone_for_signed_in_readers_too(review):
    reader, _ = signed_in("ada")
    page(reader, review)

    review_unpublish(review=review)

    assert reader.get(review.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND


def test_each_page_and_order_of_threads_is_kept_apart(review, settings):
    settings.COMMENTS_PER_PAGE = 2
    reader, _ = signed_in("ada")

    first = page(reader, review)
    second = page(reader, review, "?page=2")
    newest = page(reader, review, "?sort=newest")

    assert "Thread number 0" in first
    assert "Thread number 0" not in second
    assert "Thread number 2" in second
    assert newest.index("Thread number 2") < newest.index("Thread number 1")


def without_tokens(text: str) -> str:
    """The page without what changes with every response: CSRF tokens and the CSP nonce."""
    return re.sub(r'(name="csrfmiddlewaretoken" value|nonce)="[^"]+"', "", text)


def test_a_readers_own_like_shows_at_once(review):
    reader, user = signed_in("ada")
    page(reader, review)  # kept while they had taken no part
    liked = Comment.objects.filter(review=review, depth=1).first()

    comment_like(comment=liked, user=user)

    own = re.search(rf'id="comment-{liked.pk}".*?</article>', page(reader, review), re.S).group(0)
    assert 'aria-pressed="true"' in own
