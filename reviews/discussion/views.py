"""What readers do in a discussion, through its pages and in place with htmx: post, reply,
edit, delete and like; signed-out readers keep their draft while they sign in."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.csrf import csrf_failure
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from config.rendering import render_form
from reviews.discussion import fragments, selectors, services
from reviews.discussion.forms import CommentEditForm, CommentForm
from reviews.discussion.models import Comment
from reviews.discussion.page import COMMENT_DRAFTS_KEY, discussion_context
from reviews.discussion.page import TEMPLATE as DISCUSSION_TEMPLATE
from reviews.discussion.subjects import Subject, of_comment
from reviews.models import Review
from reviews.views import published_review, render_review


def _client_ip(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


@require_POST
def comment_create(request: HttpRequest, slug: str) -> HttpResponse:
    """Post a comment or reply under a review article."""
    review = published_review(request, slug).review
    return post_comment(request, Subject(review), render_page=render_review)


def post_comment(request: HttpRequest, subject: Subject, *, render_page) -> HttpResponse:
    """Post a comment or reply under `subject`. Signed-out readers keep their text while they
    sign in. `render_page(request, obj, status=..., comment_form=...)` shows the subject's page
    again with the form's errors."""
    if not request.user.is_authenticated:
        return _keep_draft(request, subject)
    form = CommentForm(request.POST, film=subject.film)
    comment = None
    if form.is_valid():
        try:
            comment = services.comment_create(
                **{subject.kind: subject.obj},
                author=request.user,
                body=form.cleaned_data["body"],
                parent=form.cleaned_data["parent"],
                timecode=form.cleaned_data["timecode"],
                ip_address=_client_ip(request),
                contains_spoilers=form.cleaned_data["contains_spoilers"],
            )
        except ValidationError as error:
            form.add_error("body", error)
    if comment is None:
        if request.htmx:
            return _render_discussion(request, subject, comment_form=form)
        return render_page(request, subject.obj, status=400, comment_form=form)
    drafts = request.session.get(COMMENT_DRAFTS_KEY, {})
    if drafts.pop(subject.draft_key, None) is not None:
        request.session[COMMENT_DRAFTS_KEY] = drafts
    if comment.status == Comment.Status.APPROVED:
        notice = _("Your comment is posted.")
    else:
        notice = _("Thanks: your comment will appear once a moderator approves it.")
    if request.htmx:
        return _render_discussion(request, subject, notice=notice, focus_comment=comment.pk)
    messages.success(request, notice)
    return redirect(comment.get_absolute_url())


@csrf_exempt  # Anonymous pages are shared, so their forms carry no token: see _from_our_pages.
@require_POST
def comment_draft(request: HttpRequest, slug: str) -> HttpResponse:
    """Keep what a signed-out reader wrote while they sign in; it comes back in the form."""
    if not _from_our_pages(request):
        return csrf_failure(request, reason="Cross-site request to keep a comment draft.")
    review = get_object_or_404(Review.objects.published(), slug=slug)
    return _keep_draft(request, Subject(review))


def keep_draft(request: HttpRequest, subject: Subject) -> HttpResponse:
    """`comment_draft` for any subject: its view must be csrf_exempt and POST only."""
    if not _from_our_pages(request):
        return csrf_failure(request, reason="Cross-site request to keep a comment draft.")
    return _keep_draft(request, subject)


def _from_our_pages(request: HttpRequest) -> bool:
    """Whether the browser says the form was on one of our pages (browsers send Origin with
    every POST, Sec-Fetch-Site with most). A cross-site form could otherwise plant a draft,
    or swap a signed-in reader's session for an anonymous one."""
    if origin := request.META.get("HTTP_ORIGIN"):
        ours = f"{request.scheme}://{request.get_host()}"
        return origin == ours or origin in settings.CSRF_TRUSTED_ORIGINS
    return request.META.get("HTTP_SEC_FETCH_SITE", "same-origin") in ("same-origin", "none")


def _keep_draft(request: HttpRequest, subject: Subject) -> HttpResponse:
    drafts = request.session.get(COMMENT_DRAFTS_KEY, {})
    drafts[subject.draft_key] = {
        "body": request.POST.get("body", "")[: settings.COMMENT_MAX_LENGTH * 2],
        "parent": request.POST.get("parent") or None,
        "timecode": request.POST.get("timecode", "")[:20],
        "scene": request.POST.get("scene") or None,
        "contains_spoilers": bool(request.POST.get("contains_spoilers")),
    }
    request.session[COMMENT_DRAFTS_KEY] = drafts
    back = subject.url + "#comment-form"
    if request.user.is_authenticated:  # a page from before signing in
        return redirect(back)
    messages.info(request, _("Sign in to post your comment; we kept what you wrote."))
    return redirect(f"{reverse('account_login')}?{urlencode({'next': back})}")


def _render_discussion(request: HttpRequest, subject: Subject, **context) -> HttpResponse:
    """The discussion section alone, for htmx to swap in place."""
    context.setdefault("comment_form", CommentForm(film=subject.film))
    return render(
        request,
        f"{DISCUSSION_TEMPLATE}#discussion",
        {**discussion_context(request, subject), **context},
    )


def comment_permalink(request: HttpRequest, pk: int) -> HttpResponse:
    """Send the reader to the page of the thread that holds the comment, scrolled to it."""
    comment = get_object_or_404(
        Comment.objects.filter(selectors.in_thread(request.user)).select_related(
            "review", "entry", "scene__film", "root", "paragraph"
        ),
        pk=pk,
    )
    subject = of_comment(comment)
    if not subject.is_open:
        return render(request, "404.html", status=404)
    if comment.paragraph_id:  # a note: on its paragraph's page (reviews/notes)
        url = reverse("notes:paragraph", args=[comment.review.slug, comment.paragraph.anchor])
        return HttpResponseRedirect(f"{url}#comment-{comment.pk}")
    root = comment.root or comment
    earlier_threads = selectors.earlier_threads(subject, request.user, root)
    page = earlier_threads // settings.COMMENTS_PER_PAGE + 1
    query = f"?page={page}" if page > 1 else ""
    return HttpResponseRedirect(f"{subject.url}{query}#comment-{comment.pk}")


def _comment_with_names(pk: int) -> Comment:
    """A comment with what its partial shows; whose it is, the views and services check."""
    return get_object_or_404(
        Comment.objects.select_related(
            "review", "entry", "scene__film", "author__profile", "in_reply_to__author__profile"
        ),
        pk=pk,
    )


def _own_comment(request: HttpRequest, pk: int) -> Comment:
    comment = _comment_with_names(pk)
    if comment.author_id != request.user.pk:
        raise PermissionDenied(_("You can only change your own comments."))
    return comment


def _render_comment(request: HttpRequest, comment: Comment) -> HttpResponse:
    """One comment alone (after an in-place edit or delete), without its replies."""
    if comment.is_deleted:
        (view,) = fragments.CommentView.rows(Comment.objects.filter(pk=comment.pk))
        reason = selectors.TAKEN_DOWN if view.removed_at else selectors.WITHDRAWN
        context = fragments.placeholder_context(view, reason, request.user)
        return render(request, fragments.PLACEHOLDER_TEMPLATE, context)
    return HttpResponse(fragments.render_one(request, comment.pk))


@login_required
@require_http_methods(["GET", "POST"])
def comment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _own_comment(request, pk)
    form = CommentEditForm(
        request.POST or None,
        initial={"body": comment.body, "timecode": comment.timecode},
        comment_id=comment.pk,
        film=of_comment(comment).film,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_edit(
                comment=comment,
                user=request.user,
                body=form.cleaned_data["body"],
                timecode=form.cleaned_data["timecode"],
            )
        except ValidationError as error:
            form.add_error("body", error)
        else:
            if request.htmx:
                return _render_comment(request, comment)
            messages.success(request, _("Your comment is updated."))
            return redirect(comment.get_absolute_url())
    if request.htmx:
        return render(
            request,
            "reviews/discussion/comment_edit.html#edit-form",
            {"form": form, "comment": comment},
        )
    return render_form(
        request, "reviews/discussion/comment_edit.html", {"form": form, "comment": comment}
    )


@login_required
@require_http_methods(["GET", "POST"])
def comment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _own_comment(request, pk)
    if request.method == "POST":
        services.comment_delete(comment=comment, user=request.user)
        if request.htmx:
            return _render_comment(request, comment)
        messages.success(request, _("Your comment is deleted."))
        if comment.paragraph_id:  # a note: back to its paragraph's page (reviews/notes)
            anchor = comment.paragraph.anchor
            return redirect(reverse("notes:paragraph", args=[comment.review.slug, anchor]))
        return redirect(comment.subject.get_absolute_url() + f"#comment-{comment.pk}")
    return render(request, "reviews/discussion/comment_delete.html", {"comment": comment})


@login_required
@require_POST
def comment_like(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.select_related("review", "entry"), pk=pk)
    try:
        services.comment_like(comment=comment, user=request.user)
    except ValidationError as error:
        if not request.htmx:
            messages.error(request, error.messages[0])
    if request.htmx:
        return HttpResponse(
            fragments.render_one(request, comment.pk, template=fragments.LIKE_TEMPLATE)
        )
    return redirect(comment.subject.get_absolute_url() + f"#comment-{comment.pk}")
