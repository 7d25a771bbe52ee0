"""Each comment's HTML, rendered once and kept in the shared cache.

A review page shows up to 50 threads with their replies; building a model object for each
comment and rendering it through the template was most of the signed-in page's time. Here
the page's comments are read as light rows (`shown`) carrying a *version*: a digest of
everything the comment's HTML shows (its text, status, likes, dates, the names in it). A comment's HTML is cached under that version, the template's own, and what
the viewer may do with it (nothing when signed out; like or not, when signed in). An entry
can therefore never be stale: any change makes a new key, and old ones fall out of the cache.

A reader's own comments (with edit, while it is allowed, and delete) are kept under keys only
their author reaches. The CSRF token is a placeholder in every cached fragment, filled in with
the reader's own token when the page is put together.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import get_template
from django.utils import timezone
from django.utils.safestring import mark_safe

from reviews.models import DISCUSSION_FIELDS, Comment, Review

TEMPLATE = "reviews/review_detail.html#comment"
CSRF_PLACEHOLDER = "COMMENTFRAGMENTCSRF"
TIMEOUT = 60 * 60 * 24
_KEY = "comment-html:"
# Where a comment goes in the discussion (Shown's fields), then the rest of what its HTML
# shows: whatever the template is given (Comment.objects.for_discussion), so a field added
# there is in every version too. Its dates are shown as well, and hashed with the rest.
_PLACE = ["pk", "root_id", "parent_id", "author_id", "created_at", "deleted_at"]
_SHOWN = [name for name in DISCUSSION_FIELDS if name not in _PLACE]
_template_digests: dict[str, str] = {}


@dataclass
class Shown:
    """A comment as the discussion lays it out: where it goes and its HTML."""

    pk: int
    root_id: int | None
    parent_id: int | None
    author_id: int
    created_at: datetime
    deleted_at: datetime | None
    version: str
    html: str = ""  # safe: set by attach_html from the template's output
    thread_replies: list[Shown] = field(default_factory=list)


def shown(comments: models.QuerySet[Comment]) -> models.QuerySet:
    """`comments` as light rows: where each goes, and everything its HTML shows."""
    return comments.values_list(*_PLACE, *_SHOWN)


def as_shown(rows: Iterable[tuple]) -> list[Shown]:
    """Rows from `shown`, each with a version: a digest of what its HTML shows."""
    place, dates = len(_PLACE), len(_PLACE) - 2
    return [Shown(*row[:place], version=digest(row[dates:])) for row in rows]


def _viewer(comment: Shown, user, liked_ids: set[int]) -> str:
    """What this viewer may do with the comment, which its HTML shows."""
    if not user.is_authenticated:
        return "anonymous"
    if comment.author_id == user.pk:  # only its author ever gets these
        editable = comment.deleted_at is None and timezone.now() <= edit_window_end(comment)
        return "own-editable" if editable else "own"
    return "liked" if comment.pk in liked_ids else "reader"


def edit_window_end(comment: Shown) -> datetime:
    return comment.created_at + timedelta(minutes=settings.COMMENT_EDIT_MINUTES)


def first_edit_window_end(comments: Iterable[Shown], user) -> float | None:
    """When the first edit link among the reader's own comments goes (a Unix time)."""
    now = timezone.now()
    ends = [
        end
        for comment in comments
        if comment.author_id == user.pk
        and comment.deleted_at is None
        and (end := edit_window_end(comment)) > now
    ]
    return min(ends).timestamp() if ends else None


def _key(comment: Shown, review: Review, viewer: str) -> str:
    layout = template_version("reviews/review_detail.html")
    where = f"{timezone.get_current_timezone_name()}:{review.slug}"
    return f"{_KEY}{layout}:{where}:{viewer}:{comment.version}"


def attach_html(
    request: HttpRequest,
    review: Review,
    comments: list[Shown],
    *,
    liked_ids: set[int],
    keep_csrf_placeholder: bool = False,
) -> None:
    """Give each comment its HTML: from the cache when a reader in the same position has
    seen it, else rendered now (one query loads whatever must be rendered) and kept."""
    user = request.user
    keyed: dict[str, list[Shown]] = {}
    for comment in comments:
        keyed.setdefault(_key(comment, review, _viewer(comment, user, liked_ids)), []).append(
            comment
        )

    def render(missing: dict[str, list[Shown]]) -> dict[str, str]:
        template = get_template(TEMPLATE)
        loaded = Comment.objects.for_discussion().in_bulk([same[0].pk for same in missing.values()])
        rendered = {}
        for key, same in missing.items():
            comment = loaded[same[0].pk]
            comment.editable = comment.can_be_edited_by(user)
            rendered[key] = template.render(
                {"comment": comment, "review": review, "user": user,
                 "liked_ids": liked_ids, "csrf_token": CSRF_PLACEHOLDER}
            )  # fmt: skip
        return rendered

    # Left in for HTML that is itself kept, which gets the token when it is shown.
    put_token = user.is_authenticated and not keep_csrf_placeholder
    each_from_cache(keyed, render, csrf_token=get_token(request) if put_token else "")


def each_from_cache[T](
    keyed: dict[str, list[T]],
    render: Callable[[dict[str, list[T]]], dict[str, str]],
    *,
    csrf_token: str,
) -> None:
    """Set `html` on each item: from the cache under its key, or from `render` (given the
    keys missing, it returns their HTML with CSRF_PLACEHOLDER for the token), then kept. The
    reader's own CSRF token goes in as the page is put together; without one (signed out,
    or HTML that is itself kept whole) the placeholder stays."""
    found = cache.get_many(list(keyed)) if keyed else {}
    if missing := {key: items for key, items in keyed.items() if key not in found}:
        rendered = render(missing)
        cache.set_many(rendered, timeout=TIMEOUT)
        found |= rendered
    for key, items in keyed.items():
        html = found[key]
        html = mark_safe(html.replace(CSRF_PLACEHOLDER, csrf_token) if csrf_token else html)
        for item in items:
            item.html = html


def digest(values) -> str:
    return hashlib.md5(repr(values).encode(), usedforsecurity=False).hexdigest()


def template_version(name: str) -> str:
    """Changes with the template's source, so a deploy never serves an old layout (and, in
    development, where templates change under a running server, an edit shows at once)."""
    if settings.DEBUG or name not in _template_digests:
        _template_digests[name] = digest(get_template(name).template.source)[:8]
    return _template_digests[name]
