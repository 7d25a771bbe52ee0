"""Each comment's HTML, rendered once and kept in the shared cache.

A review page shows up to 50 threads with their replies; building a model object for each
comment and rendering it through the template was most of the signed-in page's time. Here
the page's comments are read as light rows (`rows`) carrying a *version*: a digest of the
whole row, its id and everything its HTML shows (text, status, likes, dates, the names in
it). A comment's HTML is cached under that version, the template's own, and what the viewer
may do with it (nothing when signed out; like or not, when signed in). An entry can
therefore never be stale: any change makes a new key, and old ones fall out of the cache.

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

from reviews.discussion.models import DISCUSSION_FIELDS, Comment
from reviews.models import Review

TEMPLATE = "reviews/review_detail.html#comment"
PLACEHOLDER_TEMPLATE = "reviews/review_detail.html#comment-placeholder"
CSRF_PLACEHOLDER = "COMMENTFRAGMENTCSRF"
TIMEOUT = 60 * 60 * 24
_KEY = "comment-html:"
# Where a comment goes in the discussion and whether it is shown (ShownComment's fields), then
# the rest of what its HTML shows: whatever the template is given
# (Comment.objects.for_discussion), so a field added there is in every version too.
_PLACE = ["pk", "root_id", "parent_id", "author_id", "status", "created_at", "deleted_at"]
_SHOWN = [name for name in DISCUSSION_FIELDS if name not in _PLACE]
_template_digests: dict[str, str] = {}


@dataclass
class ShownComment:
    """A comment as the discussion lays it out: where it goes, whether it is shown in full or
    as a placeholder, and its HTML."""

    pk: int
    root_id: int | None
    parent_id: int | None
    author_id: int | None
    status: str
    created_at: datetime
    deleted_at: datetime | None
    in_full: bool
    version: str
    placeholder: str = ""  # why it is not shown in full (see reviews.threads); "" when it is
    html: str = ""  # safe: set by attach_html from the template's output
    thread_replies: list[ShownComment] = field(default_factory=list)


def rows(comments: models.QuerySet[Comment], in_full: models.Expression) -> models.QuerySet:
    """`comments` as light rows: where each goes, whether it is shown in full (`in_full`, an
    expression of the viewer), and everything its HTML shows."""
    return comments.annotate(shown_in_full=in_full).values_list(*_PLACE, "shown_in_full", *_SHOWN)


def as_shown(found: Iterable[tuple]) -> list[ShownComment]:
    """Rows from `rows`, each with a version: a digest of the whole row, its id included."""
    place = len(_PLACE) + 1
    return [ShownComment(*row[:place], version=digest(row)) for row in found]


def _viewer(comment: ShownComment, user, liked_ids: set[int]) -> str:
    """What this viewer may do with the comment, which its HTML shows."""
    if comment.placeholder:
        return f"placeholder-{comment.placeholder}"
    if not user.is_authenticated:
        return "anonymous"
    if comment.author_id == user.pk:  # only its author ever gets these
        editable = comment.status in Comment.EDITABLE and timezone.now() <= edit_window_end(comment)
        return "own-editable" if editable else "own"
    return "liked" if comment.pk in liked_ids else "reader"


def edit_window_end(comment: ShownComment) -> datetime:
    return comment.created_at + timedelta(minutes=settings.COMMENT_EDIT_MINUTES)


def first_edit_window_end(comments: Iterable[ShownComment], user) -> float | None:
    """When the first edit link among the reader's own comments goes (a Unix time)."""
    now = timezone.now()
    ends = [
        end
        for comment in comments
        if comment.author_id == user.pk
        and comment.in_full
        and comment.status in Comment.EDITABLE
        and (end := edit_window_end(comment)) > now
    ]
    return min(ends).timestamp() if ends else None


def _key(comment: ShownComment, review: Review, viewer: str) -> str:
    layout = template_version("reviews/review_detail.html")
    where = f"{timezone.get_current_timezone_name()}:{review.slug}"
    return f"{_KEY}{layout}:{where}:{viewer}:{comment.version}"


def attach_html(
    request: HttpRequest,
    review: Review,
    comments: list[ShownComment],
    *,
    liked_ids: set[int],
    keep_csrf_placeholder: bool = False,
) -> None:
    """Give each comment its HTML: from the cache when a reader in the same position has
    seen it, else rendered now (one query loads whatever must be rendered) and kept."""
    user = request.user
    keyed: dict[str, list[ShownComment]] = {}
    for comment in comments:
        keyed.setdefault(_key(comment, review, _viewer(comment, user, liked_ids)), []).append(
            comment
        )

    def render(missing: dict[str, list[ShownComment]]) -> dict[str, str]:
        template = get_template(TEMPLATE)
        in_full = [same[0].pk for same in missing.values() if not same[0].placeholder]
        loaded = Comment.objects.for_discussion().in_bulk(in_full) if in_full else {}
        rendered = {}
        for key, same in missing.items():
            if same[0].placeholder:
                rendered[key] = get_template(PLACEHOLDER_TEMPLATE).render({"comment": same[0]})
                continue
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
