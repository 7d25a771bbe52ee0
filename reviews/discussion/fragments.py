"""Each comment's HTML, rendered from a `CommentView` and kept in the shared cache.

A review page shows up to 50 threads with their replies; building a model object for each
comment and rendering it through the template was most of the signed-in page's time. So the
page's comments are read as rows into `CommentView`s, and each comment's HTML is rendered from
its view and the viewer's position (`Viewer`) alone: both name the cached HTML
(config/pagecache/fragments.py), so it can never be stale, and two comments never share one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString

from config.pagecache.fragments import render_fragments
from reviews.discussion.models import Comment
from reviews.removals import RemovalCategory

TEMPLATE = "reviews/discussion/comment.html#comment"
PLACEHOLDER_TEMPLATE = "reviews/discussion/comment.html#comment-placeholder"
LIKE_TEMPLATE = "reviews/discussion/comment.html#like-button"


@dataclass(frozen=True)
class CommentView:
    """What a comment's HTML is made of, read in one query with `rows()`."""

    pk: int
    review_slug: str | None  # None under a reader review (entry_id, below)
    root_id: int | None
    parent_id: int | None
    in_reply_to_id: int | None
    depth: int
    status: str
    author_id: int | None
    author_username: str | None
    author_name: str | None
    answered_username: str | None  # the author of the comment this one answers
    answered_name: str | None
    body_html: str
    like_count: int
    created_at: datetime
    edited_at: datetime | None
    deleted_at: datetime | None
    moderation_reason: str
    entry_id: int | None = None  # the reader review it is under, if not a review article
    scene_id: int | None = None  # the scene whose thread it is in
    timecode: int | None = None  # the point in the film it is tagged with (seconds)
    contains_spoilers: bool = False
    premiere_id: int | None = None  # the premiere whose live thread it is in
    # The film its subject is about, by one of the four: where its timecode tag links.
    review_film_slug: str | None = None
    entry_film_slug: str | None = None
    scene_film_slug: str | None = None
    premiere_film_slug: str | None = None
    # Taken down after publication: its tombstone's category (a RemovalCategory value) and date.
    removal_category: str = ""
    removed_at: datetime | None = None

    # Where each field is read from, in the same order.
    LOOKUPS: ClassVar[tuple[str, ...]] = (
        *("pk", "review__slug", "root_id", "parent_id", "in_reply_to_id", "depth", "status"),
        *("author_id", "author__username", "author__profile__display_name"),
        *("in_reply_to__author__username", "in_reply_to__author__profile__display_name"),
        *("body_html", "like_count", "created_at", "edited_at", "deleted_at"),
        *("moderation_reason", "entry_id", "scene_id", "timecode", "contains_spoilers"),
        "premiere_id",
        *("review__film__slug", "entry__film__slug", "scene__film__slug"),
        "premiere__film__slug",
        *("removal_category", "removed_at"),
    )

    @classmethod
    def rows(cls, comments: models.QuerySet[Comment]) -> list[CommentView]:
        return [cls(*row) for row in comments.values_list(*cls.LOOKUPS)]

    @property
    def film_slug(self) -> str | None:
        return (
            self.review_film_slug
            or self.entry_film_slug
            or self.scene_film_slug
            or self.premiere_film_slug
        )

    @property
    def author_shown(self) -> str:
        return self.author_name or self.author_username or ""

    @property
    def answered_shown(self) -> str:
        return self.answered_name or self.answered_username or ""

    def get_absolute_url(self) -> str:
        return reverse("discussion:comment-permalink", kwargs={"pk": self.pk})

    def create_url(self) -> str:
        """Where a reply to it is posted: its discussion's."""
        if self.scene_id:
            return reverse("scenes:comment-create", args=[self.scene_id])
        if self.premiere_id:
            return reverse("premiere:comment-create", args=[self.premiere_id])
        if self.entry_id:
            return reverse("diary:entry-comment-create", args=[self.entry_id])
        return reverse("discussion:comment-create", args=[self.review_slug])

    def draft_url(self) -> str:
        """Where a signed-out reader's reply to it is kept while they sign in."""
        if self.scene_id:
            return reverse("scenes:comment-draft", args=[self.scene_id])
        if self.premiere_id:
            return reverse("premiere:comment-draft", args=[self.premiere_id])
        if self.entry_id:
            return reverse("diary:entry-comment-draft", args=[self.entry_id])
        return reverse("discussion:comment-draft", args=[self.review_slug])

    def edit_window_end(self) -> datetime:
        return self.created_at + timedelta(minutes=settings.COMMENT_EDIT_MINUTES)

    def may_be_edited(self) -> bool:
        return self.status in Comment.EDITABLE and timezone.now() <= self.edit_window_end()


@dataclass(frozen=True)
class Viewer:
    """What the reader looking may do with a comment, which its HTML shows."""

    signed_in: bool = False
    is_author: bool = False
    liked: bool = False
    may_edit: bool = False


@dataclass
class ShownComment:
    """A comment as the discussion lays it out: in full or as a placeholder, under its parent."""

    view: CommentView
    in_full: bool
    placeholder: str = ""  # why it is not shown in full (reviews.discussion.selectors)
    # What its reveal control says when the reader's spoiler gate collapses it (with its
    # replies); "" when shown (reviews.spoilers.gate.mark_gated).
    gated_summary: str = ""
    html: SafeString = field(default_factory=SafeString)
    thread_replies: list[ShownComment] = field(default_factory=list)

    def __getattr__(self, name: str):
        # Where it goes (pk, root_id, parent_id, status, ...) is its view's.
        return getattr(self.view, name)


def viewer_of(comment: CommentView, user, liked_ids: set[int]) -> Viewer:
    if not user.is_authenticated:
        return Viewer()
    if comment.author_id == user.pk:  # only its author ever gets these
        return Viewer(signed_in=True, is_author=True, may_edit=comment.may_be_edited())
    return Viewer(signed_in=True, liked=comment.pk in liked_ids)


def first_edit_window_end(comments: Iterable[ShownComment], user) -> float | None:
    """When the first edit link among the reader's own comments goes (a Unix time)."""
    ends = [
        comment.view.edit_window_end()
        for comment in comments
        if comment.in_full and comment.author_id == user.pk and comment.view.may_be_edited()
    ]
    return min(ends).timestamp() if ends else None


def attach_html(
    request: HttpRequest,
    comments: list[ShownComment],
    *,
    liked_ids: set[int],
    keep_csrf_placeholder: bool = False,
) -> None:
    """Give each comment its HTML, from the cache where a reader in the same position has
    seen the same comment before."""
    user = request.user
    # Left in for HTML that is itself kept, which gets the token when it is shown.
    token = get_token(request) if user.is_authenticated and not keep_csrf_placeholder else ""
    full = [comment for comment in comments if not comment.placeholder]
    gone = [comment for comment in comments if comment.placeholder]
    for comment, html in zip(
        full,
        render_fragments(
            full,
            TEMPLATE,
            lambda shown: {
                "comment": shown.view,
                "viewer": viewer_of(shown.view, user, liked_ids),
            },
            csrf_token=token,
        ),
        strict=True,
    ):
        comment.html = html
    for comment, html in zip(
        gone,
        render_fragments(
            gone,
            PLACEHOLDER_TEMPLATE,
            lambda shown: placeholder_context(shown.view, shown.placeholder, user),
            csrf_token=token,
        ),
        strict=True,
    ):
        comment.html = html


def placeholder_context(comment: CommentView, placeholder: str, user) -> dict:
    """What a comment's placeholder shows: why it is gone; a tombstone its category and date
    to everyone, and to its author the comment itself (the moderator's reason, their text, the
    way to appeal)."""
    context = {"pk": comment.pk, "placeholder": placeholder}
    if comment.removed_at is not None:
        # The label in the language rendered (part of the key): a plain string, not lazy.
        category = str(RemovalCategory(comment.removal_category).label)
        own = user.is_authenticated and comment.author_id == user.pk
        context |= {"category": category, "removed_at": comment.removed_at}
        context["own"] = comment if own else None
    return context


def render_one(request: HttpRequest, pk: int, *, template: str = TEMPLATE) -> SafeString:
    """One comment alone, as its author or a reader sees it now (after an in-place edit or a
    like)."""
    (view,) = CommentView.rows(Comment.objects.filter(pk=pk))
    liked = set(
        request.user.comment_likes.filter(comment_id=pk).values_list("comment_id", flat=True)
    )
    (html,) = render_fragments(
        [view],
        template,
        lambda one: {"comment": one, "viewer": viewer_of(one, request.user, liked)},
        csrf_token=get_token(request),
    )
    return html
