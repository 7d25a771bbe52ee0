"""The moderation desk: a queue of held and reported comments and reader reviews, decisions,
sanctions, the blocklist, a dashboard and the decision log; and the pages a reader reports a
comment or a reader review on.

Every decision goes through reviews/moderation/services.py, like the admin's actions.
"""

from __future__ import annotations

import time
from datetime import timedelta
from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from config import pagecache
from config.pagecache.fragments import CSRF_PLACEHOLDER
from config.rendering import render_form
from reviews.diary.models import DiaryEntry
from reviews.discussion.models import Comment
from reviews.moderation import blocked_terms, services
from reviews.moderation.forms import BlockedTermForm, DecisionForm, ReportForm, SanctionForm
from reviews.moderation.fragments import (
    QUEUE_FILTERS,
    QUEUE_TEMPLATE,
    queue_fragment_name,
    render_queue,
)
from reviews.moderation.models import DECISION_DONE, BlockedTerm, ModerationDecision, Sanction
from reviews.moderation.selectors import dashboard_figures

User = get_user_model()


def moderator_required(view):
    """Signed-out visitors go to sign in; signed-in people without the permission get 403."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        if not request.user.has_perm("reviews.moderate_comment"):
            raise PermissionDenied(_("The moderation desk is for moderators."))
        return view(request, *args, **kwargs)

    return wrapped


@moderator_required
def queue(request: HttpRequest) -> HttpResponse:
    """Held and reported comments, oldest first, with what a moderator needs to decide.

    The queue (filters, count, items with their forms, pages) is the same for every moderator,
    so it is kept whole until something it shows changes. A moderator reloading it costs no
    query of its own; only the page around it (navigation, messages) and each form's token
    are theirs.
    """
    filters = {name: value for name in QUEUE_FILTERS if (value := request.GET.get(name, ""))}
    page_number = request.GET.get("page", "")
    counted: list[int] = []

    def compute() -> tuple[str, set[str], float]:
        html, depends, count = render_queue(filters, page_number)
        if count is not None:
            counted.append(count)
        # Kept to the end of this minute: each item says how long ago it was posted ("3 hours,
        # 5 minutes"), and an expired sanction drops off by itself.
        return html, depends, (time.time() // 60 + 1) * 60

    part = pagecache.page_part(request, queue_fragment_name(filters, page_number), compute)
    html = part.value.replace(CSRF_PLACEHOLDER, get_token(request))
    context = {"queue": mark_safe(html)}  # the template's output, with the token put in
    if counted:
        # Just counted for the whole queue: the navigation's too, fresh, and saves a query.
        context["moderation_waiting"] = counted[0]
    return render(request, QUEUE_TEMPLATE, context)


def _decision(form: DecisionForm) -> dict:
    """The decision the form asks for, as the services take it."""
    if not form.is_valid():
        raise ValidationError([error for errors in form.errors.values() for error in errors])
    data = form.cleaned_data
    return {
        "action": data["action"],
        "reason": data["reason"],
        "expected_status": data["expected_status"] or None,
        "note": data["note"],
        "category": data["category"],
    }


def _run_decision(request: HttpRequest, comment: Comment, form: DecisionForm) -> str:
    """Run the decision the form asks for; return the message for the moderator."""
    decision = _decision(form)
    services.comment_decide(comment=comment, moderator=request.user, **decision)
    return _("%(done)s: comment by %(author)s.") % {
        "done": DECISION_DONE[decision["action"]],
        "author": comment.author.get_username(),
    }


def _run_entry_decision(request: HttpRequest, entry: DiaryEntry, form: DecisionForm) -> str:
    decision = _decision(form)
    services.entry_decide(entry=entry, moderator=request.user, **decision)
    return _("%(done)s: reader review by %(author)s.") % {
        "done": DECISION_DONE[decision["action"]],
        "author": entry.reader.get_username(),
    }


def _decided(request: HttpRequest, run, dom_id: str) -> HttpResponse:
    """After a decision on one item: in place with htmx, else back to the queue."""
    try:
        message, ok = run(), True
    except ValidationError as error:
        message, ok = " ".join(error.messages), False
    if request.htmx:
        context = {"dom_id": dom_id, "message": message, "ok": ok}
        return render(request, "reviews/moderation/queue.html#decided", context)
    (messages.success if ok else messages.error)(request, message)
    return redirect(_back_to_queue(request))


@moderator_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.select_related("author"), pk=pk)
    form = DecisionForm(request.POST)
    return _decided(request, lambda: _run_decision(request, comment, form), f"queue-{pk}")


@moderator_required
@require_POST
def entry_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """A decision on a reader review, as `decide` on a comment."""
    entry = get_object_or_404(DiaryEntry.objects.reviews().select_related("reader"), pk=pk)
    form = DecisionForm(request.POST)
    return _decided(request, lambda: _run_entry_decision(request, entry, form), f"queue-entry-{pk}")


def _back_to_queue(request: HttpRequest) -> str:
    query = request.POST.get("query", "")
    return reverse("moderation:queue") + (f"?{query}" if query else "")


@moderator_required
@require_POST
def bulk_decide(request: HttpRequest) -> HttpResponse:
    """The same decision for every selected comment and reader review ("entry-<pk>"); each is
    recorded on its own."""
    form = DecisionForm(request.POST)
    selected = request.POST.getlist("selected")
    ids = [int(pk) for pk in selected if pk.isdigit()]
    entry_ids = [
        int(pk) for name in selected if (pk := name.removeprefix("entry-")) != name and pk.isdigit()
    ]
    if not ids and not entry_ids:
        messages.error(request, _("Select at least one comment first."))
        return redirect(_back_to_queue(request))
    runs = [
        *(
            lambda comment=comment: _run_decision(request, comment, form)
            for comment in Comment.objects.filter(pk__in=ids).select_related("author")
        ),
        *(
            lambda entry=entry: _run_entry_decision(request, entry, form)
            for entry in DiaryEntry.objects.reviews()
            .filter(pk__in=entry_ids)
            .select_related("reader")
        ),
    ]
    done, refused = 0, []
    for run in runs:
        try:
            run()
            done += 1
        except ValidationError as error:
            refused.append(" ".join(error.messages))
    if done:
        message = ngettext("%(done)s: %(count)s comment.", "%(done)s: %(count)s comments.", done)
        messages.success(
            request, message % {"done": DECISION_DONE[form.cleaned_data["action"]], "count": done}
        )
    for reason in refused:
        messages.error(request, reason)
    return redirect(_back_to_queue(request))


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
            messages.success(
                request, _("%(reader)s is sanctioned.") % {"reader": reader.get_username()}
            )
            return redirect("moderation:queue")
    history = reader.sanctions.select_related("created_by", "lifted_by")
    return render_form(
        request,
        "reviews/moderation/sanction_form.html",
        {"reader": reader, "form": form, "history": history, "now": timezone.now()},
    )


@moderator_required
@require_POST
def sanction_lift(request: HttpRequest, pk: int) -> HttpResponse:
    sanction_ = get_object_or_404(Sanction, pk=pk)
    try:
        services.sanction_lift(sanction=sanction_, moderator=request.user)
        messages.success(request, _("Sanction lifted."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("moderation:sanction", user_id=sanction_.user_id)


@moderator_required
@require_http_methods(["GET", "POST"])
def blocklist(request: HttpRequest) -> HttpResponse:
    """The words and phrases that hold a comment for review."""
    form = BlockedTermForm(request.POST if "add" in request.POST else None)
    if request.method == "POST":
        if "delete" in request.POST:
            if (pk := request.POST.get("delete", "")).isdigit():
                blocked_terms.blocked_term_remove(pk=int(pk))
            messages.success(request, _("Removed from the list."))
            return redirect("moderation:blocklist")
        if form.is_valid():
            try:
                blocked_terms.blocked_term_add(
                    phrase=form.cleaned_data["phrase"], moderator=request.user
                )
            except ValidationError as error:
                form.add_error("phrase", error)
            else:
                messages.success(request, _("Added to the list."))
                return redirect("moderation:blocklist")
    return render_form(
        request,
        "reviews/moderation/blocklist.html",
        {"form": form, "terms": BlockedTerm.objects.all()},
    )


@moderator_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """The queue now, decisions per day, time to decision and why readers report."""
    return render(request, "reviews/moderation/dashboard.html", dashboard_figures())


@moderator_required
def decision_log(request: HttpRequest) -> HttpResponse:
    """Who decided what and why, newest first."""
    decisions = ModerationDecision.objects.select_related(
        "moderator",
        "comment__review",
        "comment__entry__reader__profile",
        "comment__entry__film",
        "comment__author",
        "entry__reader",
        "entry__film",
        "sanction__user",
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


@login_required
@require_http_methods(["GET", "POST"])
def comment_report(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(
        Comment.objects.public().select_related(
            "review", "entry__reader__profile", "entry__film", "author__profile"
        ),
        pk=pk,
    )
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            # The form's fields are the report's: its reason and note.
            services.comment_report(comment=comment, reporter=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you. The moderators will look at this comment."))
            return redirect(comment.subject.get_absolute_url() + f"#comment-{comment.pk}")
    context = {"form": form, "comment": comment}
    return render_form(request, "reviews/moderation/comment_report.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def entry_report(request: HttpRequest, pk: int) -> HttpResponse:
    """Report another reader's published review to the moderators."""
    entry = get_object_or_404(
        DiaryEntry.objects.published_reviews().select_related("film", "reader__profile"), pk=pk
    )
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.entry_report(entry=entry, reporter=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you. The moderators will look at this review."))
            return redirect(entry.get_absolute_url())
    context = {"form": form, "entry": entry}
    return render_form(request, "reviews/moderation/entry_report.html", context)
