"""The desk's queue as kept HTML: each item under a digest of what it shows, the whole queue
until something it shows changes."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.template.loader import get_template
from django.utils import timezone, translation

from reviews.discussion import fragments
from reviews.discussion.models import Comment
from reviews.moderation.forms import CANNED_REASONS, QueueFilterForm
from reviews.moderation.selectors import queue_items, summarise_reports

QUEUE_TEMPLATE = "reviews/moderation/queue.html"
# What the cached queue is rendered from, besides the page's own template.
_QUEUE_INCLUDES = ("includes/form_errors.html", "includes/pagination.html")
# The query parameters the queue reads; any others are left out of its links and its key.
QUEUE_FILTERS = ("status", "review", "reason")


def _names(user) -> tuple[str, str]:
    profile = getattr(user, "profile", None)
    return user.get_username(), profile.display_name if profile else ""


def attach_item_html(items: list[Comment], query: str) -> None:
    """Each item's HTML, kept in the cache under a digest of everything it shows (as the
    discussion's comments are, reviews/fragments.py): rendering 25 items was most of the
    queue's time, and a decision leaves the other 24 as they were. The HTML keeps
    CSRF_PLACEHOLDER: it goes into the cached queue, which gets each moderator's token only
    as the page is put together (`queue`)."""
    keyed: dict[str, list[Comment]] = {}
    now = timezone.now()
    for comment in items:
        parent = comment.parent
        shown = (
            fragments.template_version(QUEUE_TEMPLATE),
            timezone.get_current_timezone_name(),
            query,
            CANNED_REASONS,
            *(comment.pk, comment.status, comment.held_reason, comment.body_html),
            # The item says how long ago, to the minute at most ("3 hours, 5 minutes").
            int((now - comment.created_at).total_seconds() // 60),
            int((now - comment.author.date_joined).total_seconds() // 60),
            *(comment.review.slug, comment.review.headline),
            _names(comment.author),
            (_names(parent.author), parent.body) if parent else None,
            *(comment.author_approved, comment.author_refused, comment.report_reasons),
            [(sanction.kind, sanction.expires_at) for sanction in comment.author.active_sanctions],
            bool(comment.open_reports),
        )
        keyed.setdefault(f"queue-item:{fragments.digest(shown)}", []).append(comment)

    def render(missing: dict[str, list[Comment]]) -> dict[str, str]:
        template = get_template(f"{QUEUE_TEMPLATE}#item")
        return {
            key: template.render(
                {
                    "comment": same[0],
                    "query": query,
                    "canned_reasons": CANNED_REASONS,
                    "csrf_token": fragments.CSRF_PLACEHOLDER,
                }
            )
            for key, same in missing.items()
        }

    fragments.each_from_cache(keyed, render, csrf_token="")


def queue_fragment_name(filters: dict[str, str], page: str) -> str:
    """The cached queue's name: what was asked for, and everything else its HTML depends on
    that no stamp tracks: the templates, the time zone and language."""
    return "moderation-queue:" + fragments.digest(
        (
            [fragments.template_version(name) for name in (QUEUE_TEMPLATE, *_QUEUE_INCLUDES)],
            timezone.get_current_timezone_name(),
            translation.get_language(),
            sorted(filters.items()),
            page,
        )
    )


def render_queue(filters: dict[str, str], page_number: str) -> tuple[str, int | None]:
    """The queue's HTML, with CSRF_PLACEHOLDER for the token, and the whole queue's count
    when no filter narrowed it (None otherwise)."""
    form = QueueFilterForm(filters or None)
    # Page through bare ids first, then load the page's 25 items with their joins: joining
    # first made PostgreSQL join every comment before narrowing (make bench: ~700 ms vs ~70 ms).
    page = Paginator(form.queue(), settings.MODERATION_QUEUE_PAGE_SIZE).get_page(page_number)
    page.object_list = queue_items([pk for _, pk in page.object_list])
    summarise_reports(page.object_list)
    query = urlencode(filters)
    attach_item_html(page.object_list, query)
    html = get_template(f"{QUEUE_TEMPLATE}#queue").render(
        {
            "filter_form": form,
            "page_obj": page,
            "canned_reasons": CANNED_REASONS,
            "query": query,
            "csrf_token": fragments.CSRF_PLACEHOLDER,
        }
    )
    return html, None if form.has_changed() else page.paginator.count
