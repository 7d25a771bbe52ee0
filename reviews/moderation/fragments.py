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
from django.utils import timezone

from config import pagecache
from config.pagecache.fragments import CSRF_PLACEHOLDER, render_fragments
from reviews import stamps
from reviews.diary.models import DiaryEntry
from reviews.discussion.models import Comment
from reviews.moderation import reasons
from reviews.moderation.forms import CANNED_REASONS, COMMENT_ROW, ENTRY_ROW, QueueFilterForm
from reviews.moderation.selectors import entry_queue_items, queue_items
from reviews.moderation.tombstones import reporters_category
from reviews.removals import RemovalCategory

QUEUE_TEMPLATE = "reviews/moderation/queue.html"
ITEM_TEMPLATE = f"{QUEUE_TEMPLATE}#item"
# What the cached queue is rendered from, besides the page's own template.
_QUEUE_INCLUDES = ("includes/form_errors.html", "includes/pagination.html")
# The query parameters the queue reads; any others are left out of its links and its key.
QUEUE_FILTERS = ("status", "review", "reason")


@dataclass(frozen=True)
class QueueItem:
    """What a queue item shows a moderator about a waiting comment or reader review. `kind`
    says which: a comment on a review article, a comment on a reader review, or a reader
    review (a diary entry's review; `pk` is the entry's, the review fields name its film)."""

    REVIEW_COMMENT, ENTRY_COMMENT, READER_REVIEW, PARAGRAPH_NOTE = (
        "review-comment",
        "entry-comment",
        "reader-review",
        "paragraph-note",
    )
    SCENE_COMMENT, PREMIERE_COMMENT = "scene-comment", "premiere-comment"

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
    kind: str = REVIEW_COMMENT
    spoilers: bool = False  # a reader review marked as telling the story
    # The removal category preselected: the reporters' commonest reason (RemovalCategory).
    suggested_category: str = RemovalCategory.OTHER

    @classmethod
    def of(cls, comment: Comment) -> QueueItem:
        """From a comment loaded by `queue_items`."""
        author, parent = comment.author, comment.parent
        report_reasons = Counter(report.get_reason_display() for report in comment.open_reports)
        return cls(
            pk=comment.pk,
            kind=(
                cls.ENTRY_COMMENT
                if comment.entry_id
                else cls.SCENE_COMMENT
                if comment.scene_id
                else cls.PREMIERE_COMMENT
                if comment.premiere_id
                else cls.PARAGRAPH_NOTE
                if comment.paragraph_id
                else cls.REVIEW_COMMENT
            ),
            status=comment.status,
            held_reason=reasons.shown(comment.held_reason),
            body_html=comment.body_html,
            created_at=comment.created_at,
            review_url=comment.subject.get_absolute_url(),
            review_headline=comment.subject_title,
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
            report_reasons=tuple(report_reasons.most_common()),
            reported=bool(comment.open_reports),
            suggested_category=reporters_category(report.reason for report in comment.open_reports),
        )

    @classmethod
    def of_entry(cls, entry: DiaryEntry) -> QueueItem:
        """From a diary entry loaded by `entry_queue_items`."""
        reader = entry.reader
        report_reasons = Counter(report.get_reason_display() for report in entry.open_reports)
        return cls(
            pk=entry.pk,
            kind=cls.READER_REVIEW,
            status=entry.review_status,
            held_reason=reasons.shown(entry.held_reason),
            body_html=entry.review_html,
            created_at=entry.created_at,
            review_url=entry.get_absolute_url(),
            review_headline=entry.film.title,
            author_id=reader.pk,
            author_username=reader.get_username(),
            author_name=_display_name(reader),
            author_joined=reader.date_joined,
            parent_author="",
            parent_body="",
            author_approved=entry.author_approved,
            author_refused=entry.author_refused,
            sanctions=tuple(
                (sanction.get_kind_display(), sanction.expires_at)
                for sanction in reader.active_sanctions
            ),
            report_reasons=tuple(report_reasons.most_common()),
            reported=bool(entry.open_reports),
            spoilers=entry.contains_spoilers,
            suggested_category=reporters_category(report.reason for report in entry.open_reports),
        )

    @property
    def dom_id(self) -> str:
        """Its element's id: comments and diary entries number their ids apart."""
        return f"queue-entry-{self.pk}" if self.kind == self.READER_REVIEW else f"queue-{self.pk}"

    @property
    def selection(self) -> str:
        """Its value in the bulk form: as `dom_id`, the entries' apart."""
        return f"entry-{self.pk}" if self.kind == self.READER_REVIEW else str(self.pk)


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
            # In the active language: the key is made of the words, not of lazy objects.
            "canned_reasons": tuple(str(reason) for reason in CANNED_REASONS),
            "categories": tuple((value, str(label)) for value, label in RemovalCategory.choices),
            # It says how long ago, to the minute at most ("3 hours, 5 minutes").
            "ages": (_minutes_since(item.created_at), _minutes_since(item.author_joined)),
        },
    )


def queue_fragment_name(filters: dict[str, str], page: str) -> str:
    """The kept queue's name: what was asked for, and everything else its HTML depends on
    that no stamp tracks, the templates (page_part adds the time zone and language)."""
    return "moderation-queue:" + pagecache.digest(
        (
            [pagecache.template_version(name) for name in (QUEUE_TEMPLATE, *_QUEUE_INCLUDES)],
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
    rows = list(page.object_list)
    comments = queue_items([pk for _, pk, kind in rows if kind == COMMENT_ROW])
    entries = entry_queue_items([pk for _, pk, kind in rows if kind == ENTRY_ROW])
    found = {(COMMENT_ROW, comment.pk): QueueItem.of(comment) for comment in comments}
    found |= {(ENTRY_ROW, entry.pk): QueueItem.of_entry(entry) for entry in entries}
    items = [found[kind, pk] for _, pk, kind in rows if (kind, pk) in found]
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
    # What the items show (comments, reader reviews, authors, reviews, reports, sanctions),
    # which wait, and the reviews' headlines in the filter.
    depends = pagecache.stamps_of(comments, entries) | {stamps.WAITING, stamps.REVIEWS}
    return html, depends, None if form.has_changed() else page.paginator.count
