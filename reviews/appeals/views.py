"""An author appeals the removal of their comment or reader review; moderators decide appeals
on the desk. Every write goes through reviews/appeals/services.py."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from config.rendering import render_form
from reviews.appeals import services
from reviews.appeals.forms import OUTCOME_REASONS, AppealDecisionForm, AppealForm
from reviews.appeals.models import Appeal
from reviews.appeals.selectors import COMMENT, ENTRY, open_appeals, removal_of, state_of
from reviews.diary.models import DiaryEntry
from reviews.discussion.models import Comment
from reviews.moderation.views import moderator_required

APPEAL_TEMPLATE = "reviews/appeals/appeal_form.html"
QUEUE_TEMPLATE = "reviews/appeals/appeal_list.html"


def _appeal_page(request: HttpRequest, item: Comment | DiaryEntry, kind: str) -> HttpResponse:
    """GET: the removed item as its author sees it (category, the moderator's reason, the
    deadline, or the appeal already made); POST: file the appeal, or the form again with the
    text kept and why it was refused."""
    decision = removal_of(item)
    form = AppealForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.appeal_file(author=request.user, item=item, text=form.cleaned_data["text"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your appeal is sent. We will e-mail you the outcome."))
            return redirect("readers:record")
    context = {
        "item": item,
        "kind": kind,
        "decision": decision,
        "state": state_of(decision, kind, item.pk),
        "form": form,
    }
    return render_form(request, APPEAL_TEMPLATE, context)


@login_required
@require_http_methods(["GET", "POST"])
def comment_appeal(request: HttpRequest, pk: int) -> HttpResponse:
    """Only its author may open it: for anyone else there is no such page (404)."""
    comment = get_object_or_404(Comment, pk=pk, author=request.user)
    return _appeal_page(request, comment, COMMENT)


@login_required
@require_http_methods(["GET", "POST"])
def entry_appeal(request: HttpRequest, pk: int) -> HttpResponse:
    """As `comment_appeal`, for a reader review."""
    entry = get_object_or_404(
        DiaryEntry.objects.reviews().select_related("film"), pk=pk, reader=request.user
    )
    return _appeal_page(request, entry, ENTRY)


@moderator_required
def queue(request: HttpRequest) -> HttpResponse:
    """Open appeals, oldest first, each with its item, category, the removal's reason and the
    author's text. The moderator who removed an item sees its appeal but cannot decide it."""
    page = Paginator(open_appeals(), 25).get_page(request.GET.get("page"))
    for appeal in page:
        appeal.removed_it = appeal.removed_by_id == request.user.pk
    context = {"page_obj": page, "outcome_reasons": OUTCOME_REASONS}
    return render(request, QUEUE_TEMPLATE, context)


@moderator_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    """Grant or deny an appeal: in place with htmx, else back to the queue with a message."""
    appeal = get_object_or_404(Appeal, pk=pk)
    form = AppealDecisionForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError([error for errors in form.errors.values() for error in errors])
        grant = form.cleaned_data["outcome"] == "grant"
        services.appeal_decide(
            appeal=appeal, moderator=request.user, grant=grant, reason=form.cleaned_data["reason"]
        )
        message, ok = (
            (_("Appeal granted: published again.") if grant else _("Appeal denied.")),
            True,
        )
    except ValidationError as error:
        message, ok = " ".join(error.messages), False
    if request.htmx:
        context = {"dom_id": f"appeal-{pk}", "message": message, "ok": ok}
        return render(request, f"{QUEUE_TEMPLATE}#decided", context)
    (messages.success if ok else messages.error)(request, message)
    return redirect("appeals:queue")
