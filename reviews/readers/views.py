"""A reader's pages: their public profile, their settings, their moderation record, deleting
their account, and the one-click unsubscribe from reply e-mails."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from config.rendering import render_form
from reviews.diary import selectors as diary
from reviews.discussion.models import Comment
from reviews.discussion.tasks import user_id_from_unsubscribe_token
from reviews.models import Review
from reviews.readers import record as records
from reviews.readers import services
from reviews.readers.forms import AccountDeleteForm, ProfileForm


def reader_profile(request: HttpRequest, username: str) -> HttpResponse:
    """A reader's public page: their name, bio and approved comments."""
    reader = get_object_or_404(
        get_user_model().objects.select_related("profile"), username=username, is_active=True
    )
    comments = Paginator(
        Comment.objects.approved()
        .filter(author=reader, deleted_at__isnull=True, review__in=Review.objects.published())
        .select_related("review")
        .order_by("-created_at"),
        20,
    ).get_page(request.GET.get("page"))
    context = {"reader": reader, "profile": services.profile_for(reader), "page_obj": comments}
    if diary.diary_shown(reader, request.user):
        context["diary"] = diary.profile_figures(reader)
    return render(request, "reviews/readers/reader_profile.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest) -> HttpResponse:
    profile = services.profile_for(request.user)
    form = ProfileForm(request.POST or None, instance=profile, staff=request.user.is_staff)
    if request.method == "POST" and form.is_valid():
        services.profile_update(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your profile is saved."))
        return redirect("readers:profile-edit")
    return render_form(request, "reviews/readers/profile_form.html", {"form": form})


@login_required
def record(request: HttpRequest) -> HttpResponse:
    """The reader's own moderation record, newest first (reviews/readers/record.py)."""
    page = Paginator(records.decisions_about(request.user), records.PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    page.object_list = [records.RecordRow.of(decision) for decision in page.object_list]
    return render(request, "reviews/readers/record.html", {"page_obj": page})


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request: HttpRequest) -> HttpResponse:
    """A reader deletes their own account, after confirming with their password."""
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.account_delete(user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            logout(request)
            messages.success(request, _("Your account is deleted. Thank you for reading with us."))
            return redirect("home")
    return render_form(request, "reviews/readers/account_delete.html", {"form": form})


@csrf_exempt  # the signed token is the credential; mail clients POST here without a session
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """One click from a notification e-mail turns reply notifications off."""
    user_id = user_id_from_unsubscribe_token(token)
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    if user is None:
        return render(request, "reviews/readers/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        services.notifications_unsubscribe(user=user)
        return render(request, "reviews/readers/unsubscribe.html", {"done": True})
    return render(request, "reviews/readers/unsubscribe.html", {"token": token})
