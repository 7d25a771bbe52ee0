"""The moderation desk: a queue of held and reported comments, decisions, sanctions, a dashboard.

Every decision goes through reviews/services.py, like the admin's actions.
"""

from __future__ import annotations

import time
from datetime import timedelta
from functools import wraps
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import (
    Aggregate,
    Count,
    DurationField,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce, TruncDate
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods, require_POST

from config import pagecache
from reviews import fragments, services
from reviews.models import (
    BlockedTerm,
    Comment,
    CommentReport,
    ModerationDecision,
    Review,
    Sanction,
)

User = get_user_model()

CANNED_REASONS = [
    "Personal attack on another reader",
    "Spoilers without spoiler marks",
    "Off topic for this review",
    "Advertising or spam",
    "Hateful or discriminatory language",
]


def moderator_required(view):
    """Signed-out visitors go to sign in; signed-in people without the permission get 403."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        if not request.user.has_perm("reviews.moderate_comment"):
            raise PermissionDenied("The moderation desk is for moderators.")
        return view(request, *args, **kwargs)

    return wrapped


class QueueFilterForm(forms.Form):
    STATUS_CHOICES = [("", "Held and reported"), ("held", "Held"), ("reported", "Reported")]

    status = forms.ChoiceField(choices=STATUS_CHOICES, required=False)
    review = forms.ModelChoiceField(
        # A semi-join on the review ids of the queue's two halves (see `queue`): a join with
        # every comment took seconds at 200,000 comments (make bench).
        queryset=Review.objects.filter(
            pk__in=Comment.objects.held()
            .values("review_id")
            .union(Comment.objects.reported().values("review_id"), all=True)
        )
        .only("id", "headline")
        .order_by("headline"),
        required=False,
        empty_label="Any review",
    )
    reason = forms.ChoiceField(
        choices=[("", "Any reason"), *CommentReport.Reason.choices, ("rule", "Held by a rule")],
        required=False,
    )

    def filter(self, comments):
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        if data.get("status") == "held":
            comments = comments.filter(status=Comment.Status.PENDING)
        elif data.get("status") == "reported":
            comments = comments.filter(reports__resolution=CommentReport.Resolution.OPEN).distinct()
        if data.get("review"):
            comments = comments.filter(review=data["review"])
        if (reason := data.get("reason")) == "rule":
            # Hidden by readers' reports is not a rule's hold (it has a held_reason too).
            comments = (
                comments.filter(status=Comment.Status.PENDING)
                .exclude(held_reason="")
                .exclude(reports__resolution=CommentReport.Resolution.OPEN)
            )
        elif reason:
            comments = comments.filter(
                reports__reason=reason, reports__resolution=CommentReport.Resolution.OPEN
            ).distinct()
        return comments

    def queue(self) -> QuerySet:
        """(created_at, pk) of the waiting comments the filters let through, oldest first."""
        # Held (pending) and reported (approved) comments never overlap, so UNION ALL of the two
        # halves, each filtered, is the queue: PostgreSQL reads the held half from the partial
        # index comment_held_oldest_first alone. Filtering `pk IN (held UNION ALL reported)`
        # instead looked every id up again (make bench: count and page ~1.3 and ~2.1 ms; now
        # ~0.4 ms each).
        held, reported = (
            self.filter(half).values_list("created_at", "pk")
            for half in (Comment.objects.held(), Comment.objects.reported())
        )
        return held.union(reported, all=True).order_by("created_at", "pk")


def _queue_items(ids: list[int]) -> list[Comment]:
    """The page's comments with what a moderator needs: one query per relation."""
    # The author's history is counted in the (author, status) index alone, not in their rows:
    # COUNT(*), as the id is not in that index.
    approved = Comment.objects.filter(author=OuterRef("author"), status=Comment.Status.APPROVED)
    refused = Comment.objects.filter(
        author=OuterRef("author"), status__in=[Comment.Status.REJECTED, Comment.Status.SPAM]
    )

    def count(queryset):
        return Coalesce(
            Subquery(queryset.order_by().values("author").annotate(n=Count("*")).values("n")), 0
        )

    return list(
        Comment.objects.filter(pk__in=ids)
        .select_related("review", "author__profile", "parent__author__profile")
        # The review's text and search vector are most of its row; the queue shows a link.
        .defer("review__standfirst", "review__body", "review__body_html", "review__search_vector")
        .annotate(author_approved=count(approved), author_refused=count(refused))
        .prefetch_related(
            Prefetch(
                "reports",
                queryset=CommentReport.objects.filter(
                    resolution=CommentReport.Resolution.OPEN
                ).order_by("created_at"),
                to_attr="open_reports",
            ),
            Prefetch(
                "author__sanctions",
                queryset=Sanction.objects.active(),
                to_attr="active_sanctions",
            ),
        )
        .order_by("created_at", "id")
    )


def _summarise_reports(items) -> None:
    for comment in items:
        reasons: dict[str, int] = {}
        for report in comment.open_reports:
            label = report.get_reason_display()
            reasons[label] = reasons.get(label, 0) + 1
        comment.report_reasons = sorted(reasons.items(), key=lambda item: -item[1])


QUEUE_TEMPLATE = "reviews/moderation/queue.html"
# What the cached queue is rendered from, besides the page's own template.
_QUEUE_INCLUDES = ("includes/form_errors.html", "includes/pagination.html")
# The query parameters the queue reads; any others are left out of its links and its key.
QUEUE_FILTERS = ("status", "review", "reason")


def _names(user) -> tuple[str, str]:
    profile = getattr(user, "profile", None)
    return user.get_username(), profile.display_name if profile else ""


def _attach_item_html(items: list[Comment], query: str) -> None:
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


def _queue_fragment_name(filters: dict[str, str], page: str) -> str:
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


def _render_queue(filters: dict[str, str], page_number: str) -> tuple[str, int | None]:
    """The queue's HTML, with CSRF_PLACEHOLDER for the token, and the whole queue's count
    when no filter narrowed it (None otherwise)."""
    form = QueueFilterForm(filters or None)
    # Page through bare ids first, then load the page's 25 items with their joins: joining
    # first made PostgreSQL join every comment before narrowing (make bench: ~700 ms vs ~70 ms).
    page = Paginator(form.queue(), settings.MODERATION_QUEUE_PAGE_SIZE).get_page(page_number)
    page.object_list = _queue_items([pk for _, pk in page.object_list])
    _summarise_reports(page.object_list)
    query = urlencode(filters)
    _attach_item_html(page.object_list, query)
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


@moderator_required
def queue(request: HttpRequest) -> HttpResponse:
    """Held and reported comments, oldest first, with what a moderator needs to decide.

    The queue (filters, count, items with their forms, pages) is the same for every moderator,
    so it is kept whole (`pagecache.kept`) until something it shows changes: the services
    bump `services.QUEUE_STAMP` for that. A moderator reloading it costs no query of its own;
    only the page around it (navigation, messages) and each form's token are theirs.
    """
    filters = {name: value for name in QUEUE_FILTERS if (value := request.GET.get(name, ""))}
    page_number = request.GET.get("page", "")
    counted: list[int] = []

    def render_queue() -> tuple[str, list[str], float]:
        html, count = _render_queue(filters, page_number)
        if count is not None:
            counted.append(count)
        # Kept to the end of this minute: each item says how long ago it was posted ("3 hours,
        # 5 minutes"), and an expired sanction drops off by itself.
        return html, [services.QUEUE_STAMP], (time.time() // 60 + 1) * 60

    part = pagecache.kept(request, _queue_fragment_name(filters, page_number), render_queue)
    html = part.value.replace(fragments.CSRF_PLACEHOLDER, get_token(request))
    context = {"queue": mark_safe(html)}  # the template's output, with the token put in
    if counted:
        # Just counted for the whole queue: the navigation's too, fresh, and saves a query.
        context["moderation_waiting"] = counted[0]
    return render(request, QUEUE_TEMPLATE, context)


DECISIONS = {
    "approve": services.comment_approve,
    "reject": services.comment_reject,
    "spam": services.comment_mark_spam,
    "remove": services.comment_remove,
    "restore": services.comment_restore,
    "uphold": services.comment_uphold_reports,
    "dismiss": services.comment_dismiss_reports,
}
DONE = {
    "approve": "Approved",
    "reject": "Rejected",
    "spam": "Marked as spam",
    "remove": "Removed",
    "restore": "Restored",
    "uphold": "Reports upheld, comment removed",
    "dismiss": "Reports dismissed, comment published",
}


def _decide(request: HttpRequest, comment: Comment, action: str) -> str:
    """Run one decision; return the message for the moderator."""
    if action not in DECISIONS:
        raise ValidationError("Choose approve, reject, spam, remove, restore, uphold or dismiss.")
    kwargs = {
        "comment": comment,
        "moderator": request.user,
        "expected_status": request.POST.get("expected_status") or None,
        "note": request.POST.get("note", "")[:1000],
    }
    if action == "reject":
        kwargs["reason"] = request.POST.get("reason", "")[:300]
    if action == "remove":
        kwargs["reason"] = request.POST.get("reason", "")[:300]
    DECISIONS[action](**kwargs)
    return f"{DONE[action]}: comment by {comment.author.get_username()}."


@moderator_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.select_related("author"), pk=pk)
    action = request.POST.get("action", "")
    try:
        message, ok = _decide(request, comment, action), True
    except ValidationError as error:
        message, ok = " ".join(error.messages), False
    if request.htmx:
        return render(
            request,
            "reviews/moderation/queue.html#decided",
            {"comment": comment, "message": message, "ok": ok},
        )
    (messages.success if ok else messages.error)(request, message)
    return redirect(_back_to_queue(request))


def _back_to_queue(request: HttpRequest) -> str:
    query = request.POST.get("query", "")
    return reverse("reviews:desk-queue") + (f"?{query}" if query else "")


@moderator_required
@require_POST
def bulk_decide(request: HttpRequest) -> HttpResponse:
    """The same decision for every selected comment; each is recorded on its own."""
    action = request.POST.get("action", "")
    ids = [int(pk) for pk in request.POST.getlist("selected") if pk.isdigit()]
    if not ids:
        messages.error(request, "Select at least one comment first.")
        return redirect(_back_to_queue(request))
    done, refused = 0, []
    for comment in Comment.objects.filter(pk__in=ids).select_related("author"):
        try:
            _decide(request, comment, action)
            done += 1
        except ValidationError as error:
            refused.append(" ".join(error.messages))
    if done:
        messages.success(request, f"{DONE.get(action, 'Decided')}: {done} comment(s).")
    for reason in refused:
        messages.error(request, reason)
    return redirect(_back_to_queue(request))


class SanctionForm(forms.Form):
    DURATIONS = [("1", "1 day"), ("7", "7 days"), ("30", "30 days"), ("", "No end")]

    kind = forms.ChoiceField(choices=Sanction.Kind.choices, widget=forms.RadioSelect)
    reason = forms.CharField(
        max_length=300,
        help_text="The reader sees this when they try to post.",
        error_messages={"required": "Say why; the reader is shown the reason."},
    )
    duration = forms.ChoiceField(choices=DURATIONS, required=False, initial="7")
    spam_pending = forms.BooleanField(
        required=False, label="Also mark their comments awaiting moderation as spam (bans only)"
    )


@moderator_required
@require_http_methods(["GET", "POST"])
def sanction(request: HttpRequest, user_id: int) -> HttpResponse:
    reader = get_object_or_404(User.objects.select_related("profile"), pk=user_id)
    form = SanctionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        days = form.cleaned_data["duration"]
        try:
            services.sanction_create(
                user=reader,
                moderator=request.user,
                kind=form.cleaned_data["kind"],
                reason=form.cleaned_data["reason"],
                expires_at=timezone.now() + timedelta(days=int(days)) if days else None,
                spam_pending=form.cleaned_data["spam_pending"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{reader.get_username()} is sanctioned.")
            return redirect("reviews:desk-queue")
    history = reader.sanctions.select_related("created_by", "lifted_by")
    return render(
        request,
        "reviews/moderation/sanction_form.html",
        {"reader": reader, "form": form, "history": history, "now": timezone.now()},
        status=400 if form.errors else 200,
    )


@moderator_required
@require_POST
def sanction_lift(request: HttpRequest, pk: int) -> HttpResponse:
    sanction_ = get_object_or_404(Sanction, pk=pk)
    try:
        services.sanction_lift(sanction=sanction_, moderator=request.user)
        messages.success(request, "Sanction lifted.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("reviews:desk-sanction", user_id=sanction_.user_id)


class BlockedTermForm(forms.Form):
    phrase = forms.CharField(
        max_length=100,
        label="Word or phrase",
        error_messages={"required": "Enter a word or phrase."},
    )


@moderator_required
@require_http_methods(["GET", "POST"])
def blocklist(request: HttpRequest) -> HttpResponse:
    """The words and phrases that hold a comment for review."""
    form = BlockedTermForm(request.POST if "add" in request.POST else None)
    if request.method == "POST":
        if "delete" in request.POST:
            if (pk := request.POST.get("delete", "")).isdigit():
                BlockedTerm.objects.filter(pk=pk).delete()
            messages.success(request, "Removed from the list.")
            return redirect("reviews:desk-blocklist")
        if form.is_valid():
            try:
                services.blocked_term_add(
                    phrase=form.cleaned_data["phrase"], moderator=request.user
                )
            except ValidationError as error:
                form.add_error("phrase", error)
            else:
                messages.success(request, "Added to the list.")
                return redirect("reviews:desk-blocklist")
    return render(
        request,
        "reviews/moderation/blocklist.html",
        {"form": form, "terms": BlockedTerm.objects.all()},
        status=400 if form.errors else 200,
    )


class Median(Aggregate):
    function = "percentile_cont"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()


@moderator_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """The queue now, decisions per day, time to decision and why readers report."""
    today = timezone.localdate()
    start = today - timedelta(days=29)
    per_day = dict(
        ModerationDecision.objects.filter(
            comment__isnull=False, created_at__date__gte=start, moderator__isnull=False
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
    median = ModerationDecision.objects.filter(
        moderator__isnull=False, from_status=Comment.Status.PENDING, comment__isnull=False
    ).aggregate(median=Median(F("created_at") - F("comment__created_at")))["median"]
    queue_now = Comment.objects.in_queue().aggregate(
        held=Count("id", filter=Q(status=Comment.Status.PENDING)),
        reported=Count("id", filter=Q(status=Comment.Status.APPROVED)),
    )
    reasons = (
        CommentReport.objects.values("reason").annotate(n=Count("id")).order_by("-n", "reason")[:5]
    )
    labels = dict(CommentReport.Reason.choices)
    return render(
        request,
        "reviews/moderation/dashboard.html",
        {
            "queue_now": queue_now,
            "chart": chart,
            "chart_total": sum(per_day.values()),
            "median": median,
            "top_reasons": [(labels[r["reason"]], r["n"]) for r in reasons],
        },
    )


@moderator_required
def decision_log(request: HttpRequest) -> HttpResponse:
    """Who decided what and why, newest first."""
    decisions = ModerationDecision.objects.select_related(
        "moderator", "comment__review", "comment__author", "sanction__user"
    )
    if who := request.GET.get("moderator", "").strip():
        decisions = decisions.filter(moderator__username=who)
    if action := request.GET.get("action", "").strip():
        decisions = decisions.filter(action=action)
    page = Paginator(decisions, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "reviews/moderation/decision_list.html",
        {
            "page_obj": page,
            "actions": ModerationDecision.Action.choices,
            "chosen_action": action,
            "chosen_moderator": who,
            "query": urlencode({"moderator": who, "action": action}),
        },
    )
