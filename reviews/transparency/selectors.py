"""What the public moderation log shows: how many decisions of each action and category each
ISO week, and the decisions of the last days one by one, with the item they were about as a
link while it is public, else its tombstone.

Never shown: the moderator, their private note, and the reason they gave the author (it may
name the author or quote them). Sanctions are counted, never listed (a listed sanction would
name its reader); so are decisions about items nobody but their author and the moderators
ever saw (a held comment rejected or marked spam before publication).

Days and weeks are the site's (settings.TIME_ZONE), whoever is reading, so every reader is
shown the same log; it changes by itself at midnight, when a day leaves it (`next_change`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import TruncWeek
from django.utils import timezone
from django.utils.translation import gettext as _

from reviews.diary.review_pages import is_published_review
from reviews.discussion.models import Comment
from reviews.moderation.models import ModerationDecision
from reviews.removals import RemovalCategory

WEEKS = 12  # counted, this week included
DAYS = 30  # listed one by one, today included
Action = ModerationDecision.Action
_PUBLISHED = Comment.Status.APPROVED


def today() -> date:
    return timezone.localdate(timezone.now(), timezone.get_default_timezone())


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.get_default_timezone())


def next_change(day: date) -> datetime:
    """When the log changes with nothing decided: the next midnight (a day leaves the list,
    on Mondays a week the counts)."""
    return _midnight(day + timedelta(days=1))


def listed_since(day: date) -> datetime:
    return _midnight(day - timedelta(days=DAYS - 1))


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())  # ISO weeks start on Monday


@dataclass(frozen=True)
class Week:
    start: date
    total: int
    by_action: tuple[int, ...]  # in the order of WeeklyCounts.actions
    by_category: tuple[int, ...]  # in the order of WeeklyCounts.categories

    @property
    def iso_week(self) -> str:
        year, week, _ = self.start.isocalendar()
        return f"{year}-W{week:02d}"


@dataclass(frozen=True)
class WeeklyCounts:
    actions: tuple[tuple[str, str], ...]  # (value, label) of the actions decided in the weeks
    categories: tuple[tuple[str, str], ...]
    weeks: tuple[Week, ...]  # newest first


def weekly_counts(day: date) -> WeeklyCounts:
    """Decisions of every kind in the WEEKS ISO weeks up to `day`'s, in one query: sanctions
    and decisions on never-published items included."""
    first = _week_start(day) - timedelta(weeks=WEEKS - 1)
    week = TruncWeek("created_at", tzinfo=timezone.get_default_timezone())
    found = (
        ModerationDecision.objects.filter(created_at__gte=_midnight(first))
        .annotate(week=week)
        .values_list("week", "action", "category")
        .annotate(count=Count("id"))
        .order_by()
    )
    counts: dict[tuple[date, str, str], int] = {}
    for started, action, category, count in found:
        counts[(started.date(), action, category)] = count
    actions = tuple(choice for choice in Action.choices if any(k[1] == choice[0] for k in counts))
    categories = tuple(RemovalCategory.choices)
    weeks = []
    for back in range(WEEKS):
        start = first + timedelta(weeks=WEEKS - 1 - back)
        mine = {key: count for key, count in counts.items() if key[0] == start}
        weeks.append(
            Week(
                start=start,
                total=sum(mine.values()),
                by_action=tuple(
                    sum(n for k, n in mine.items() if k[1] == value) for value, _ in actions
                ),
                by_category=tuple(
                    sum(n for k, n in mine.items() if k[2] == value) for value, _ in categories
                ),
            )
        )
    return WeeklyCounts(
        actions=tuple((value, str(label)) for value, label in actions),
        categories=tuple((value, str(label)) for value, label in categories),
        weeks=tuple(weeks),
    )


def _published_at_some_time() -> Q:
    """A decision about an item that was public at some time: it was published then, or made
    public by it, or by another decision on the same item (before or since)."""
    touching = Q(from_status=_PUBLISHED) | Q(to_status=_PUBLISHED)
    same_comment = ModerationDecision.objects.filter(touching, comment_id=OuterRef("comment_id"))
    same_entry = ModerationDecision.objects.filter(touching, entry_id=OuterRef("entry_id"))
    return (
        touching
        | Q(comment__isnull=False) & Exists(same_comment)
        | Q(entry__isnull=False) & Exists(same_entry)
    )


def listed_decisions(since: datetime) -> QuerySet[ModerationDecision]:
    """The decisions listed one by one: about comments and reader reviews once public, since
    `since`, newest first, with what `LoggedItem` needs of their items (one query a page)."""
    return (
        ModerationDecision.objects.filter(created_at__gte=since, sanction__isnull=True)
        .filter(_published_at_some_time())
        .select_related(
            "comment__review",
            "comment__entry__reader__profile",
            "entry__film",
            "entry__reader__profile",
        )
        .order_by("-created_at", "-id")
    )


@dataclass(frozen=True)
class LoggedItem:
    """What the log shows of a decision's item: a comment or a reader review (of `film`), as a
    link while public (`url`), else its tombstone's category, else why it is not shown."""

    kind: str  # "comment" or "review"
    url: str = ""
    film: str = ""
    tombstone: str = ""  # the category's label, when taken down
    gone: bool = False  # deleted since (with its review, or by its reader)

    @property
    def description(self) -> str:
        """The item in words (the feed's summary; the page links it while public)."""
        if self.kind == "comment":
            what = _("A comment")
        else:
            what = _("A reader review of %(film)s") % {"film": self.film}
        if self.tombstone:
            return _("%(what)s, removed by a moderator: %(category)s") % {
                "what": what,
                "category": self.tombstone,
            }
        if self.gone:
            return _("%(what)s, deleted since") % {"what": what}
        if not self.url:
            return _("%(what)s, not public now") % {"what": what}
        return what


def logged_item(decision: ModerationDecision) -> LoggedItem:
    if decision.comment_id:
        comment = decision.comment
        if comment is None:
            return LoggedItem("comment", gone=True)
        if comment.removed_at is not None:
            return LoggedItem("comment", tombstone=comment.get_removal_category_display())
        return LoggedItem("comment", url=comment.get_absolute_url() if _public(comment) else "")
    entry = decision.entry
    if entry is None:
        return LoggedItem("review", gone=True)
    film = entry.film.title
    if entry.removed_at is not None:
        return LoggedItem("review", film=film, tombstone=entry.get_removal_category_display())
    url = entry.get_absolute_url() if is_published_review(entry) else ""
    return LoggedItem("review", url=url, film=film)


def _public(comment: Comment) -> bool:
    """Whether every reader may read the comment now, where it is."""
    if comment.status != _PUBLISHED or comment.deleted_at or comment.author_id is None:
        return False
    if comment.review_id:
        return comment.review.is_public
    if comment.entry_id:
        return is_published_review(comment.entry)
    return True  # a scene's or a premiere's thread is always open
