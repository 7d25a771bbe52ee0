"""Comments' HTML from the shared cache (reviews/discussion/fragments.py): shared only between
readers who would see the same thing, never stale, named by everything it shows, and never
with another reader's CSRF token."""

import re
from dataclasses import fields, replace
from datetime import UTC, datetime
from http import HTTPStatus

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from config.pagecache.fragments import CSRF_PLACEHOLDER, fragment_key, render_fragments
from reviews.discussion import fragments
from reviews.discussion.fragments import CommentView, Viewer
from reviews.discussion.services import comment_edit, comment_like
from reviews.readers.services import profile_update
from tests.factories import CommentFactory, ReviewFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def review():
    return ReviewFactory(slug="the-review")


def signed_in(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def comment_html(page: str, comment) -> str:
    return re.search(rf'<article class="comment[^"]*" id="comment-{comment.pk}">.*?</article>',
                     page, re.S).group(0)  # fmt: skip


def test_a_second_reader_gets_the_comments_from_the_cache(review, monkeypatch):
    comments = CommentFactory.create_batch(3, review=review)
    stored = []
    real_set_many = cache.set_many

    def keep(data, **kw):
        # The comments' fragments; each reader's header, with their name, is kept apart.
        if not any("site_header" in key for key in data):
            stored.append(data)
        return real_set_many(data, **kw)

    monkeypatch.setattr(cache, "set_many", keep)

    first = signed_in(UserFactory()).get(review.get_absolute_url())
    assert [len(batch) for batch in stored] == [3]  # rendered and kept
    second = signed_in(UserFactory()).get(review.get_absolute_url())

    assert len(stored) == 1  # no comment rendered the second time
    for comment in comments:  # the same, but for the reader's own CSRF token
        assert without_token(comment_html(second.text, comment)) == without_token(
            comment_html(first.text, comment)
        )


def without_token(html: str) -> str:
    return re.sub(r'(name="csrfmiddlewaretoken" value=")[^"]+', r"\1", html)


def token_in(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def test_each_reader_posts_with_their_own_token(review):
    parent = CommentFactory(review=review)
    readers = [UserFactory(), UserFactory()]
    for reader in readers:
        client = signed_in(reader)
        page = client.get(review.get_absolute_url()).text
        reply = comment_html(page, parent)
        assert CSRF_PLACEHOLDER not in page
        token = token_in(reply)

        posted = client.post(
            reverse("discussion:comment-create", args=[review.slug]),
            {"body": f"A reply from {reader.username}", "parent": parent.pk,
             "csrfmiddlewaretoken": token},
        )  # fmt: skip

        assert posted.status_code == HTTPStatus.FOUND, posted.content[:300]
    assert parent.replies.count() == 2


def test_own_comments_and_likes_are_not_shared(review):
    author, other = UserFactory(), UserFactory()
    mine = CommentFactory(review=review, author=author)
    liked = CommentFactory(review=review)
    comment_like(comment=liked, user=author)

    for_author = signed_in(author).get(review.get_absolute_url()).text
    for_other = signed_in(other).get(review.get_absolute_url()).text

    assert "Delete" in comment_html(for_author, mine)
    assert "Delete" not in comment_html(for_other, mine)
    assert 'aria-pressed="true"' in comment_html(for_author, liked)
    assert 'aria-pressed="false"' in comment_html(for_other, liked)


def test_a_changed_comment_is_shown_changed(review):
    comment = CommentFactory(review=review, body="Before the edit")
    reader = signed_in(UserFactory())
    reader.get(review.get_absolute_url())
    comment_edit(comment=comment, user=comment.author, body="After the edit")
    liker = UserFactory()
    comment_like(comment=comment, user=liker)

    page = reader.get(review.get_absolute_url()).text

    assert "After the edit" in comment_html(page, comment)
    assert "Before the edit" not in page
    assert '<span class="like__count">1</span>' in comment_html(page, comment)


def test_a_renamed_author_is_shown_by_the_new_name(review):
    comment = CommentFactory(review=review)
    reader = signed_in(UserFactory())
    reader.get(review.get_absolute_url())
    profile_update(user=comment.author, display_name="Byeol", bio="", notify_replies=False)

    assert "Byeol" in comment_html(reader.get(review.get_absolute_url()).text, comment)


# --- Named by everything it shows --------------------------------------------------------------


def view(**changes) -> CommentView:
    base = {
        "pk": 1, "review_slug": "the-review", "root_id": None, "parent_id": None,
        "in_reply_to_id": None, "depth": 1, "status": "approved", "author_id": 7,
        "author_username": "haneul", "author_name": "Haneul", "answered_username": None,
        "answered_name": None, "body_html": "<p>Same words</p>", "like_count": 0,
        "created_at": datetime(2025, 5, 30, 12, 0, 0, 123456, tzinfo=UTC),
        "edited_at": None, "deleted_at": None, "moderation_reason": "",
    }  # fmt: skip
    return CommentView(**{**base, **changes})


SIGNED_OUT = Viewer()


def key(comment: CommentView, viewer: Viewer = SIGNED_OUT) -> str:
    return fragment_key(fragments.TEMPLATE, {"comment": comment, "viewer": viewer})


def test_two_comments_alike_but_for_their_place_never_share_a_rendering():
    """Same author, same text, same microsecond (as a bulk import makes them)."""
    first, second = view(pk=1), view(pk=2)
    reply = view(pk=3, root_id=1, parent_id=1, in_reply_to_id=1, depth=2)
    other_reply = view(pk=3, root_id=2, parent_id=2, in_reply_to_id=2, depth=2)

    assert len({key(first), key(second), key(reply), key(other_reply)}) == 4
    (html_first, html_second) = render_fragments(
        [first, second], fragments.TEMPLATE, lambda one: {"comment": one, "viewer": Viewer()}
    )
    assert 'id="comment-1"' in html_first
    assert 'id="comment-2"' in html_second


# Any value each field of a CommentView can hold, but for those the template cannot show apart.
FIELD_VALUES = {
    "pk": st.integers(1, 10**6),
    "review_slug": st.from_regex(r"[a-z]{1,12}", fullmatch=True),
    "root_id": st.none() | st.integers(1, 99),
    "parent_id": st.none() | st.integers(1, 99),
    "in_reply_to_id": st.none() | st.integers(1, 99),
    "depth": st.integers(1, 3),
    "status": st.sampled_from(["approved", "pending", "rejected", "removed"]),
    "author_id": st.integers(1, 99),
    "author_username": st.from_regex(r"[a-z]{1,12}", fullmatch=True),
    "author_name": st.text(max_size=20),
    "answered_username": st.none() | st.from_regex(r"[a-z]{1,12}", fullmatch=True),
    "answered_name": st.none() | st.text(max_size=20),
    "body_html": st.text(max_size=40),
    "like_count": st.integers(0, 10**6),
    "created_at": st.datetimes(timezones=st.just(UTC)),
    "edited_at": st.none() | st.datetimes(timezones=st.just(UTC)),
    "deleted_at": st.none() | st.datetimes(timezones=st.just(UTC)),
    "moderation_reason": st.text(max_size=20),
}


@given(
    field=st.sampled_from(sorted(FIELD_VALUES)),
    data=st.data(),
    viewers=st.tuples(*[st.booleans()] * 4),
)
@settings(max_examples=200, deadline=None, database=None)
def test_any_difference_in_what_a_comment_shows_names_another_rendering(field, data, viewers):
    comment = view()
    other = data.draw(FIELD_VALUES[field].filter(lambda value: value != getattr(comment, field)))
    viewer = Viewer(*viewers)

    assert key(comment, viewer) != key(replace(comment, **{field: other}), viewer)
    assert key(comment, viewer) != key(comment, Viewer(*(not flag for flag in viewers)))


def test_every_field_of_a_comment_view_is_read_in_its_query():
    assert len(fields(CommentView)) == len(CommentView.LOOKUPS)


STATES = [
    (view(), Viewer()),
    (view(), Viewer(signed_in=True)),
    (view(), Viewer(signed_in=True, liked=True)),
    (view(), Viewer(signed_in=True, is_author=True, may_edit=True)),
    (view(status="pending"), Viewer(signed_in=True, is_author=True, may_edit=True)),
    (
        view(status="rejected", moderation_reason="Off topic"),
        Viewer(signed_in=True, is_author=True),
    ),
    (view(status="removed"), Viewer(signed_in=True, is_author=True)),
    (
        view(root_id=1, parent_id=2, in_reply_to_id=5, depth=3, answered_username="jay"),
        Viewer(signed_in=True),
    ),
    (view(root_id=1, parent_id=2, in_reply_to_id=5, depth=3), Viewer()),  # a deleted account
    (view(edited_at=datetime(2025, 6, 1, tzinfo=UTC), like_count=3), Viewer()),
]


@pytest.mark.usefixtures("loud_templates")
@pytest.mark.parametrize(("comment", "viewer"), STATES)
def test_the_comment_template_shows_only_what_its_key_is_made_of(comment, viewer):
    """Its context is the view and the viewer alone, which name the cached copy: a template
    that started showing anything else would print MISSING here."""
    (html,) = render_fragments(
        [comment], fragments.TEMPLATE, lambda one: {"comment": one, "viewer": viewer}
    )
    assert "MISSING" not in html
    assert f'id="comment-{comment.pk}"' in html


@pytest.mark.usefixtures("loud_templates")
@pytest.mark.parametrize("reason", ["account-deleted", "deleted", "held", "removed"])
def test_the_placeholder_template_shows_only_what_its_key_is_made_of(reason):
    (html,) = render_fragments(
        [7], fragments.PLACEHOLDER_TEMPLATE, lambda pk: {"pk": pk, "placeholder": reason}
    )
    assert "MISSING" not in html
    assert 'id="comment-7"' in html
