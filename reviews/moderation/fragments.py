"""The desk's queue as kept HTML: each item rendered from a `QueueItem` (which names its cached
copy, config/pagecache/fragments.py), the whole queue kept until something it shows changes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.template.loader import get_template
from django.utils import timezone, translation

from config import pagecache
from config.pagecache.fragments import CSRF_PLACEHOLDER, render_fragments
from reviews import stamps
from reviews.discussion.models import Comment
from reviews.moderation.forms import CANNED_REASONS, QueueFilterForm
from reviews.moderation.selectors import queue_items

QUEUE_TEMPLATE = "reviews/moderation/queue.html"
ITEM_TEMPLATE = f"{QUEUE_TEMPLATE}#item"
# What the cached queue is rendered from, besides the page's own template.
_QUEUE_INCLUDES = ("includes/form_errors.html", "includes/pagination.html")
# The query parameters the queue reads; any others are left out of its links and its key.
QUEUE_FILTERS = ("status", "review", "reason")


@dataclass(frozen=True)
class QueueItem:
    """What a queue item shows a moderator about a waiting comment."""

    pk: int
    status: str
    held_reason: str
    body_html: str
    created_at: datetime
    review_url: str
    review_headline: str
    author_id: int
    author_username: str
    author_name: str
    author_joined: datetime
    parent_author: str | None  # None: a deleted account; "" : no parent
    parent_body: str
    author_approved: int
    author_refused: int
    sanctions: tuple[tuple[str, datetime | None], ...]  # the author's active ones: kind, end
    report_reasons: tuple[tuple[str, int], ...]  # open reports: reason, how many
    reported: bool

    @classmethod
    def of(cls, comment: Comment) -> QueueItem:
        """From a comment loaded by `queue_items`."""
        author, parent = comment.author, comment.parent
        reasons = Counter(report.get_reason_display() for report in comment.open_reports)
        return cls(
            pk=comment.pk,
            status=comment.status,
            held_reason=comment.held_reason,
            body_html=comment.body_html,
            created_at=comment.created_at,
            review_url=comment.review.get_absolute_url(),
            review_headline=comment.review.headline,
            author_id=author.pk,
            author_username=author.get_username(),
            author_name=_display_name(author),
            author_joined=author.date_joined,
            parent_author=(_display_name(parent.author) or None) if parent else "",
            parent_body=parent.body if parent else "",
            author_approved=comment.author_approved,
            author_refused=comment.author_refused,
            sanctions=tuple(
                (sanction.get_kind_display(), sanction.expires_at)
                for sanction in author.active_sanctions
            ),
            report_reasons=tuple(reasons.most_common()),
            reported=bool(comment.open_reports),
        )


def _display_name(user) -> str:
    if user is None:
        return ""
    profile = getattr(user, "profile", None)
    return (profile.display_name if profile else "") or user.get_username()


def _minutes_since(moment: datetime) -> int:
    return int((timezone.now() - moment).total_seconds() // 60)


def item_html(items: list[QueueItem], query: str) -> list:
    """Each item's HTML, kept under everything it shows: rendering 25 items was most of the
    queue's time, and a decision leaves the other 24 as they were."""
    return render_fragments(
        items,
        ITEM_TEMPLATE,
        lambda item: {
            "item": item,
            "query": query,
            "canned_reasons": tuple(CANNED_REASONS),
            # It says how long ago, to the minute at most ("3 hours, 5 minutes").
            "ages": (_minutes_since(item.created_at), _minutes_since(item.author_joined)),
        },
    )


def queue_fragment_name(filters: dict[str, str], page: str) -> str:
    """The kept queue's name: what was asked for, and everything else its HTML depends on
    that no stamp tracks: the templates, the time zone and language."""
    return "moderation-queue:" + pagecache.digest(
        (
            [pagecache.template_version(name) for name in (QUEUE_TEMPLATE, *_QUEUE_INCLUDES)],
            timezone.get_current_timezone_name(),
            translation.get_language(),
            sorted(filters.items()),
            page,
        )
    )


def render_queue(filters: dict[str, str], page_number: str) -> tuple[str, set[str], int | None]:
    """The queue's HTML, with CSRF_PLACEHOLDER for the token; what it depends on; and the
    whole queue's count when no filter narrowed it (None otherwise)."""
    form = QueueFilterForm(filters or None)
    # Page through bare ids first, then load the page's 25 items with their joins: joining
    # first made PostgreSQL join every comment before narrowing.
    page = Paginator(form.queue(), settings.MODERATION_QUEUE_PAGE_SIZE).get_page(page_number)
    comments = queue_items([pk for _, pk in page.object_list])
    items = [QueueItem.of(comment) for comment in comments]
    query = urlencode(filters)
    page.object_list = list(zip(items, item_html(items, query), strict=True))
    html = get_template(f"{QUEUE_TEMPLATE}#queue").render(
        {
            "filter_form": form,
            "page_obj": page,
            "canned_reasons": CANNED_REASONS,
            "query": query,
            "csrf_token": CSRF_PLACEHOLDER,
        }
    )
    # What the items show (comments, authors, reviews, reports, sanctions), which comments
    # wait, and the reviews' headlines in the filter.
    depends = pagecache.stamps_of(comments) | {stamps.WAITING, stamps.REVIEWS}
    return html, depends, None if form.has_changed() else page.paginator.count
