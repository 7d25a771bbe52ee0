"""What the desk reads: the queue's items with what a moderator needs, and the dashboard's
figures."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import (
    Aggregate,
    Case,
    Count,
    DurationField,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from reviews.diary.models import DiaryEntry
from reviews.discussion.models import Comment, CommentReport, Report
from reviews.moderation.models import ModerationDecision, ReaderReviewReport, Sanction


def _history(author: str) -> dict:
    """The author's comments approved and refused, as annotations of rows whose `author` (a
    lookup) is them: counted in the (author, status) index alone, not in their rows (COUNT(*),
    as the id is not in that index)."""
    approved = Comment.objects.filter(author=OuterRef(author), status=Comment.Status.APPROVED)
    refused = Comment.objects.filter(
        author=OuterRef(author), status__in=[Comment.Status.REJECTED, Comment.Status.SPAM]
    )

    def count(queryset):
        return Coalesce(
            Subquery(queryset.order_by().values("author").annotate(n=Count("*")).values("n")), 0
        )

    return {"author_approved": count(approved), "author_refused": count(refused)}


def _reports_and_sanctions(report: type[Report], author: str) -> tuple[Prefetch, Prefetch]:
    """What the desk shows of a queue item beyond its row, as QueueItem reads it: its open
    reports, oldest first, and the active sanctions of its `author` (a lookup, as in `_history`)."""
    open_reports = report.objects.filter(resolution=Report.Resolution.OPEN).order_by("created_at")
    return (
        Prefetch("reports", queryset=open_reports, to_attr="open_reports"),
        Prefetch(
            f"{author}__sanctions", queryset=Sanction.objects.active(), to_attr="active_sanctions"
        ),
    )


def held_entries() -> QuerySet[DiaryEntry]:
    """Reader reviews a moderator has to look at: held by the screen or hidden by reports."""
    return DiaryEntry.objects.reviews().filter(review_status=Comment.Status.PENDING)


def reported_entries() -> QuerySet[DiaryEntry]:
    """Published reader reviews with reports no moderator has closed yet."""
    open_reports = ReaderReviewReport.objects.filter(
        entry=OuterRef("pk"), resolution=ReaderReviewReport.Resolution.OPEN
    )
    return DiaryEntry.objects.reviews().filter(
        Exists(open_reports), review_status=Comment.Status.APPROVED
    )


def entry_queue_items(ids: list[int]) -> list[DiaryEntry]:
    """The page's reader reviews with what a moderator needs: one query per relation."""
    if not ids:
        return []
    return list(
        DiaryEntry.objects.filter(pk__in=ids)
        .select_related("film", "reader__profile")
        .annotate(**_history("reader"))
        .prefetch_related(*_reports_and_sanctions(ReaderReviewReport, "reader"))
    )


def queue_items(ids: list[int]) -> list[Comment]:
    """The page's comments with what a moderator needs: one query per relation."""
    if not ids:
        return []
    return list(
        Comment.objects.filter(pk__in=ids)
        .select_related(
            "review",
            "entry__reader__profile",
            "entry__film",
            "premiere__film",
            "author__profile",
            "parent__author__profile",
        )
        # The review's text and search vector are most of its row; the queue shows a link.
        .defer("review__standfirst", "review__body", "review__body_html", "review__search_vector")
        .annotate(**_history("author"))
        .prefetch_related(*_reports_and_sanctions(CommentReport, "author"))
        .order_by("created_at", "id")
    )


class Median(Aggregate):
    function = "percentile_cont"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()


def queue_now() -> dict[str, dict[str, int]]:
    """How many comments and reader reviews wait on the desk, held and reported, counted in the
    queue's own halves in one statement: {"comments": {"held": 2, "reported": 3},
    "reader_reviews": {...}}."""
    halves = [
        ("comments", "held", Comment.objects.held()),
        ("comments", "reported", Comment.objects.reported()),
        ("reader_reviews", "held", held_entries()),
        ("reader_reviews", "reported", reported_entries()),
    ]
    # One row per half, even an empty one: a count without GROUP BY.
    counts = [
        half.order_by().values(kind=Value(kind), state=Value(state)).annotate(n=Count("pk"))
        for kind, state, half in halves
    ]
    figures: dict[str, dict[str, int]] = {"comments": {}, "reader_reviews": {}}
    for row in counts[0].union(*counts[1:], all=True).order_by():
        figures[row["kind"]][row["state"]] = row["n"]
    return figures


def dashboard_figures() -> dict:
    """The queue now, decisions per day over 30 days, time to decision and why readers report.
    Decisions count those on comments and on reader reviews alike."""
    today = timezone.localdate()
    start = today - timedelta(days=29)
    about_an_item = Q(comment__isnull=False) | Q(entry__isnull=False)
    per_day = dict(
        ModerationDecision.objects.filter(
            about_an_item, created_at__date__gte=start, moderator__isnull=False
        )
        .annotate(day=TruncDate("created_at"))
        .values("day")
        .annotate(n=Count("id"))
        .values_list("day", "n")
    )
    days = [start + timedelta(days=offset) for offset in range(30)]
    most = max([1, *per_day.values()])
    chart = [
        {
            "day": day,
            "count": per_day.get(day, 0),
            "height": round(100 * per_day.get(day, 0) / most),
            "y": 110 - round(100 * per_day.get(day, 0) / most),
            "x": index * 20,
        }
        for index, day in enumerate(days)
    ]
    # A reader review waits from the last change of its text before the decision (a changed
    # text is screened again); a comment from when it was posted.
    submitted = Coalesce(
        F("comment__created_at"),
        Case(
            When(entry__edited_at__lte=F("created_at"), then=F("entry__edited_at")),
            default=F("entry__created_at"),
        ),
    )
    median = ModerationDecision.objects.filter(
        about_an_item, moderator__isnull=False, from_status=Comment.Status.PENDING
    ).aggregate(median=Median(F("created_at") - submitted))["median"]
    waiting = queue_now()
    reasons = (
        CommentReport.objects.values("reason").annotate(n=Count("id")).order_by("-n", "reason")[:5]
    )
    labels = dict(CommentReport.Reason.choices)
    return {
        "queue_now": waiting,
        "queue_total": sum(n for kind in waiting.values() for n in kind.values()),
        "chart": chart,
        "chart_total": sum(per_day.values()),
        "median": median,
        "top_reasons": [(labels[r["reason"]], r["n"]) for r in reasons],
    }
