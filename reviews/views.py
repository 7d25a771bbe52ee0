from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.views.csrf import csrf_failure
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import DetailView, ListView, TemplateView

from config import pagecache
from films.models import Film
from reviews import fragments, services, threads
from reviews.forms import (
    AccountDeleteForm,
    CommentEditForm,
    CommentForm,
    ProfileForm,
    ReportForm,
)
from reviews.models import Comment, CommentLike, Review
from reviews.tasks import user_id_from_unsubscribe_token


class HomeView(pagecache.CachedPageMixin, TemplateView):
    """The featured film, the latest reviews and the catalogue at a glance."""

    template_name = "home.html"
    FEATURED_REVIEWS = 3
    LATEST_REVIEWS = 6
    FILMS_SHOWN = 8

    def get_context_data(self, **kwargs):
        featured = (
            Film.objects.with_directors()
            .prefetch_related("genres")
            .filter(slug=settings.FEATURED_FILM_SLUG)
            .first()
        )
        # Evaluated here rather than in the template, so "Latest reviews" can leave out the
        # ones already shown under the featured film; still one query.
        featured_reviews = (
            list(featured.reviews.published().for_listing()[: self.FEATURED_REVIEWS])
            if featured
            else []
        )
        latest_reviews = (
            Review.objects.published()
            .for_listing()
            .exclude(pk__in=[review.pk for review in featured_reviews])
        )
        return super().get_context_data(
            featured=featured,
            featured_reviews=featured_reviews,
            latest_reviews=latest_reviews[: self.LATEST_REVIEWS],
            films=Film.objects.with_directors()[: self.FILMS_SHOWN],
            **kwargs,
        )

    def page_stamps(self, context):
        yield from (pagecache.REVIEWS, pagecache.CATALOGUE)
        if context["featured"]:
            yield pagecache.film(context["featured"].pk)
        for review in [*context["featured_reviews"], *context["latest_reviews"]]:
            yield from pagecache.review_card(review)
        for film in context["films"]:
            yield pagecache.film(film.pk)


class ReviewListView(pagecache.CachedPageMixin, ListView):
    """Every published review, newest first."""

    paginate_by = settings.REVIEWS_PER_PAGE
    template_name = "reviews/review_list.html"

    def get_queryset(self):
        return Review.objects.published().for_listing()

    def page_stamps(self, context):
        yield pagecache.REVIEWS
        for review in context["object_list"]:
            yield from pagecache.review_card(review)


class FilmReviewListView(ReviewListView):
    """The published reviews of one film."""

    def get_queryset(self):
        self.film = get_object_or_404(Film, slug=self.kwargs["slug"])
        return super().get_queryset().filter(film=self.film)

    def get_context_data(self, **kwargs):
        return super().get_context_data(film=self.film, **kwargs)

    def page_stamps(self, context):
        yield from (pagecache.film(self.film.pk), pagecache.film_reviews(self.film.pk))
        for review in context["object_list"]:
            yield from pagecache.review_card(review)


class ReviewDetailView(pagecache.CachedPageMixin, DetailView):
    """A published review and its discussion; drafts and scheduled reviews are 404 here."""

    def get_object(self, queryset=None):
        self.published = _published_review(self.request, self.kwargs["slug"])
        return self.published.review

    def get_context_data(self, **kwargs):
        review = self.object
        context = {
            "other_reviews": _other_reviews(self.request, review),
            "published": getattr(self, "published", None),
            **kwargs,
        }
        if "comment_form" not in context:
            # A draft kept from before signing in comes back into the form.
            drafts = self.request.session.get(COMMENT_DRAFTS_KEY, {})
            context["comment_form"] = CommentForm(initial=drafts.get(str(review.pk), {}))
        if self.request.user.is_authenticated and not context.get("is_preview"):
            form = context["comment_form"]
            blank = not form.is_bound and not form.initial
            context["discussion_kept"] = _kept_discussion(
                self.request, review, form=None if blank else form
            )
        else:  # anonymous readers get the whole page from the page cache
            context.update(discussion_context(self.request, review))
        return super().get_context_data(**context)

    def page_stamps(self, context):
        review = self.object
        yield from pagecache.review_card(review)
        yield pagecache.film_reviews(review.film_id)
        yield from context["other_reviews"].stamps


@dataclass
class PublishedReview:
    """A published review with its film and author, and the HTML made from them alone."""

    review: Review
    head: str
    article: str


def _published_review(request: HttpRequest, slug: str) -> PublishedReview:
    """Kept until the review, its film or its author's profile changes (each bumps one of
    its stamps): every signed-in reader's view of a review needs it, and anonymous readers'
    pages are rendered from it."""
    template = "reviews/review_detail.html"
    where = f"{request.get_host()}:{timezone.get_current_timezone_name()}"
    name = f"published-review:{slug}:{fragments.template_version(template)}:{where}"

    def load() -> tuple[PublishedReview, list[str]]:
        review = get_object_or_404(
            Review.objects.published().select_related("film", "author__profile"), slug=slug
        )
        published = PublishedReview(
            review=review,
            head=render_to_string(f"{template}#review-head", {"review": review}, request),
            article=render_to_string(f"{template}#review-article", {"review": review}, request),
        )
        return published, [pagecache.review(review.pk), pagecache.film(review.film_id)]

    return pagecache.kept(request, name, load).value


def _other_reviews(request: HttpRequest, review: Review) -> pagecache.Fragment:
    """ "More on this film": the same for every reader, so kept (with what it depends on)."""

    def render() -> tuple[str, list[str]]:
        others = list(
            Review.objects.published()
            .for_listing()
            .filter(film_id=review.film_id)
            .exclude(pk=review.pk)[:4]
        )
        html = render_to_string(
            "reviews/review_detail.html#other-reviews", {"review": review, "other_reviews": others}
        )
        stamps = [pagecache.film_reviews(review.film_id)]
        return html, stamps + [name for other in others for name in pagecache.review_card(other)]

    return pagecache.fragment(request, f"other-reviews:{review.pk}:{review.film_id}", render)


class ReviewPreviewView(PermissionRequiredMixin, ReviewDetailView):
    """Any review, drafts and scheduled ones included, for staff who may view reviews."""

    permission_required = "reviews.view_review"

    def get_queryset(self):
        return Review.objects.select_related("film", "author__profile")

    def get_object(self, queryset=None):
        return DetailView.get_object(self, queryset)

    def get_context_data(self, **kwargs):
        return super().get_context_data(is_preview=True, **kwargs)


COMMENT_DRAFTS_KEY = "comment_drafts"
THREAD_SORTS = {
    "oldest": ("created_at", "id"),
    "newest": ("-created_at", "-id"),
    "liked": ("-like_count", "created_at", "id"),
}


def _thread_sort(request: HttpRequest) -> str:
    """The order of threads asked for, oldest first unless one of THREAD_SORTS is named."""
    sort = request.GET.get("sort")
    return sort if sort in THREAD_SORTS else "oldest"


def discussion_context(
    request: HttpRequest, review: Review, *, keep_csrf_placeholder: bool = False
) -> dict:
    """One page of threads under a review, in a fixed number of queries however many."""
    user = request.user
    sort = _thread_sort(request)
    counted = threads.counts(review, user)
    in_full = threads.in_full(user)
    paginator = Paginator(
        fragments.rows(threads.shown_threads(review, user).order_by(*THREAD_SORTS[sort]), in_full),
        settings.COMMENTS_PER_PAGE,
    )
    paginator.count = counted["threads"]  # counted above, with the total: one query for both
    page = paginator.get_page(request.GET.get("page"))
    roots = fragments.as_shown(page.object_list)
    # Every reply under the page's threads, whatever its state: a hidden one with replies
    # still shown leaves a placeholder (reviews/threads.py).
    replies = fragments.as_shown(
        fragments.rows(
            Comment.objects.filter(root__in=[root.pk for root in roots]).order_by(
                "created_at", "id"
            ),
            in_full,
        )
    )
    arranged = threads.arrange(roots, replies) if roots else []
    on_page = threads.shown(arranged)
    liked = set()
    if user.is_authenticated and on_page:
        liked = set(
            CommentLike.objects.filter(
                user=user, comment__in=[comment.pk for comment in on_page if comment.in_full]
            ).values_list("comment_id", flat=True)
        )
    fragments.attach_html(
        request, review, on_page, liked_ids=liked, keep_csrf_placeholder=keep_csrf_placeholder
    )
    return {
        "threads": arranged,
        "comment_page": page,
        "comment_sort": sort,
        "comment_sorts": [("oldest", "Oldest"), ("newest", "Newest"), ("liked", "Most liked")],
        "liked_ids": liked,
        "comment_total": counted["comments"],
        "edits_close_at": fragments.first_edit_window_end(on_page, user),
    }


# Around the comment form in a kept discussion: a reader's draft or errors go in between.
_FORM_START, _FORM_END = "<!--comment-form-->", "<!--/comment-form-->"


def _kept_discussion(
    request: HttpRequest, review: Review, *, form: CommentForm | None
) -> SafeString:
    """The discussion as a signed-in reader sees it, kept until it changes, with a blank
    comment form, or with `form` (holding the reader's draft or errors) put in its place.

    Every signed-in reader who has neither commented on the review nor liked one of its
    comments sees the same section (but for the CSRF token, put in here), so they share one
    entry. A reader who has keeps entries of their own: their comments carry edit and delete
    (until the edit window closes: the entry's `until`), their likes show, and so do their
    comments awaiting moderation (their newest comment is in the name). The discussion stamp
    is bumped by every change to what the section shows, likes and names included."""
    user = request.user
    # Whether they took part changes only with the discussion (a reader's post, held or not,
    # and their likes bump its stamp), so it is kept too.
    own = pagecache.kept(
        request,
        f"own-activity:{review.pk}:{user.pk}",
        lambda: (review.own_activity(user), [pagecache.discussion(review.pk)]),
    ).value
    viewer = "reader" if own is None else f"user-{user.pk}-{own}"
    sort, page = _thread_sort(request), request.GET.get("page", "")
    template = "reviews/review_detail.html"
    where = f"{timezone.get_current_timezone_name()}:{review.slug}"
    layout = fragments.template_version(template)
    name = f"discussion:{review.pk}:{viewer}:{fragments.digest((layout, where, sort, page))}"

    def render() -> tuple[str, list[str], float | None]:
        discussion = discussion_context(request, review, keep_csrf_placeholder=True)
        html = render_to_string(
            f"{template}#discussion",
            {"review": review, "user": user, "csrf_token": fragments.CSRF_PLACEHOLDER,
             "comment_form": CommentForm(), "form_marks": (_FORM_START, _FORM_END),
             **discussion},
        )  # fmt: skip
        stamps = [pagecache.discussion(review.pk), pagecache.review(review.pk)]
        return html, stamps, discussion["edits_close_at"]

    html = pagecache.kept(request, name, render).value
    if form is not None:
        before, rest = html.split(_FORM_START)
        after = rest.split(_FORM_END)[1]
        context = {"review": review, "comment_form": form}
        html = before + render_to_string(f"{template}#comment-form", context, request) + after
    return mark_safe(html.replace(fragments.CSRF_PLACEHOLDER, get_token(request)))


def _client_ip(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


def _render_review(request: HttpRequest, review: Review, status: int = 200, **context):
    view = ReviewDetailView(request=request, kwargs={"slug": review.slug}, object=review)
    return render(
        request,
        "reviews/review_detail.html",
        view.get_context_data(object=review, review=review, **context),
        status=status,
    )


@require_POST
def comment_create(request: HttpRequest, slug: str) -> HttpResponse:
    """Post a comment or reply. Signed-out readers keep their text while they sign in."""
    review = _published_review(request, slug).review
    if not request.user.is_authenticated:
        return _keep_draft(request, review)
    form = CommentForm(request.POST)
    comment = None
    if form.is_valid():
        try:
            comment = services.comment_create(
                review=review,
                author=request.user,
                body=form.cleaned_data["body"],
                parent=form.cleaned_data["parent"],
                ip_address=_client_ip(request),
            )
        except ValidationError as error:
            form.add_error("body", error)
    if comment is None:
        if request.htmx:
            return _render_discussion(request, review, comment_form=form)
        return _render_review(request, review, status=400, comment_form=form)
    drafts = request.session.get(COMMENT_DRAFTS_KEY, {})
    if drafts.pop(str(review.pk), None) is not None:
        request.session[COMMENT_DRAFTS_KEY] = drafts
    if comment.status == Comment.Status.APPROVED:
        notice = "Your comment is posted."
    else:
        notice = "Thanks: your comment will appear once a moderator approves it."
    if request.htmx:
        return _render_discussion(request, review, notice=notice, focus_comment=comment.pk)
    messages.success(request, notice)
    return redirect(comment.get_absolute_url())


@csrf_exempt  # Anonymous pages are shared, so their forms carry no token: see _from_our_pages.
@require_POST
def comment_draft(request: HttpRequest, slug: str) -> HttpResponse:
    """Keep what a signed-out reader wrote while they sign in; it comes back in the form."""
    if not _from_our_pages(request):
        return csrf_failure(request, reason="Cross-site request to keep a comment draft.")
    review = get_object_or_404(Review.objects.published(), slug=slug)
    return _keep_draft(request, review)


def _from_our_pages(request: HttpRequest) -> bool:
    """Whether the browser says the form was on one of our pages (browsers send Origin with
    every POST, Sec-Fetch-Site with most). A cross-site form could otherwise plant a draft,
    or swap a signed-in reader's session for an anonymous one."""
    if origin := request.META.get("HTTP_ORIGIN"):
        ours = f"{request.scheme}://{request.get_host()}"
        return origin == ours or origin in settings.CSRF_TRUSTED_ORIGINS
    return request.META.get("HTTP_SEC_FETCH_SITE", "same-origin") in ("same-origin", "none")


def _keep_draft(request: HttpRequest, review: Review) -> HttpResponse:
    drafts = request.session.get(COMMENT_DRAFTS_KEY, {})
    drafts[str(review.pk)] = {
        "body": request.POST.get("body", "")[: settings.COMMENT_MAX_LENGTH * 2],
        "parent": request.POST.get("parent") or None,
    }
    request.session[COMMENT_DRAFTS_KEY] = drafts
    back = review.get_absolute_url() + "#comment-form"
    if request.user.is_authenticated:  # a page from before signing in
        return redirect(back)
    messages.info(request, "Sign in to post your comment; we kept what you wrote.")
    return redirect(f"{reverse('account_login')}?{urlencode({'next': back})}")


def _render_discussion(request: HttpRequest, review: Review, **context) -> HttpResponse:
    """The discussion section alone, for htmx to swap in place."""
    context.setdefault("comment_form", CommentForm())
    return render(
        request,
        "reviews/review_detail.html#discussion",
        {"review": review, **discussion_context(request, review), **context},
    )


def comment_permalink(request: HttpRequest, pk: int) -> HttpResponse:
    """Send the reader to the page of the thread that holds the comment, scrolled to it."""
    comment = get_object_or_404(
        Comment.objects.visible_to(request.user).select_related("review", "root"), pk=pk
    )
    review = comment.review
    if not review.is_public:
        return render(request, "404.html", status=404)
    root = comment.root or comment
    earlier_threads = threads.earlier_threads(review, request.user, root)
    page = earlier_threads // settings.COMMENTS_PER_PAGE + 1
    query = f"?page={page}" if page > 1 else ""
    return HttpResponseRedirect(f"{review.get_absolute_url()}{query}#comment-{comment.pk}")


def _comment_with_names(pk: int) -> Comment:
    """A comment with what its partial shows; whose it is, the views and services check."""
    return get_object_or_404(
        Comment.objects.select_related("review", "author__profile", "in_reply_to__author__profile"),
        pk=pk,
    )


def _render_comment(request: HttpRequest, comment: Comment) -> HttpResponse:
    """One comment alone (after an in-place edit or delete), without its replies."""
    if comment.is_deleted:
        comment.placeholder = threads.WITHDRAWN
        return render(request, fragments.PLACEHOLDER_TEMPLATE, {"comment": comment})
    comment.editable = comment.can_be_edited_by(request.user)
    comment.thread_replies = []
    liked = set(
        CommentLike.objects.filter(user=request.user, comment=comment).values_list(
            "comment_id", flat=True
        )
    )
    return render(
        request,
        "reviews/review_detail.html#comment",
        {"comment": comment, "review": comment.review, "liked_ids": liked},
    )


@login_required
@require_http_methods(["GET", "POST"])
def comment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _comment_with_names(pk)
    if comment.author_id != request.user.pk:
        return render(request, "403.html", status=403)
    form = CommentEditForm(
        request.POST or None, initial={"body": comment.body}, comment_id=comment.pk
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_edit(
                comment=comment, user=request.user, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            form.add_error("body", error)
        else:
            if request.htmx:
                return _render_comment(request, comment)
            messages.success(request, "Your comment is updated.")
            return redirect(comment.get_absolute_url())
    if request.htmx:
        return render(
            request, "reviews/comment_edit.html#edit-form", {"form": form, "comment": comment}
        )
    status = 400 if form.errors else 200
    return render(
        request, "reviews/comment_edit.html", {"form": form, "comment": comment}, status=status
    )


@login_required
@require_http_methods(["GET", "POST"])
def comment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _comment_with_names(pk)
    if comment.author_id != request.user.pk:
        return render(request, "403.html", status=403)
    if request.method == "POST":
        services.comment_delete(comment=comment, user=request.user)
        if request.htmx:
            return _render_comment(request, comment)
        messages.success(request, "Your comment is deleted.")
        return redirect(comment.review.get_absolute_url() + f"#comment-{comment.pk}")
    return render(request, "reviews/comment_delete.html", {"comment": comment})


@login_required
@require_POST
def comment_like(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.select_related("review"), pk=pk)
    try:
        services.comment_like(comment=comment, user=request.user)
    except ValidationError as error:
        if not request.htmx:
            messages.error(request, error.messages[0])
    if request.htmx:
        comment.refresh_from_db(fields=["like_count"])
        return render(
            request,
            "reviews/review_detail.html#like-button",
            {"comment": comment, "liked_ids": {comment.pk}},
        )
    return redirect(comment.review.get_absolute_url() + f"#comment-{comment.pk}")


@login_required
@require_http_methods(["GET", "POST"])
def comment_report(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(
        Comment.objects.public().select_related("review", "author__profile"), pk=pk
    )
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_report(
                comment=comment,
                reporter=request.user,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Thank you. The moderators will look at this comment.")
            return redirect(comment.review.get_absolute_url() + f"#comment-{comment.pk}")
    status = 400 if form.errors else 200
    return render(
        request, "reviews/comment_report.html", {"form": form, "comment": comment}, status=status
    )


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
    return render(
        request,
        "reviews/reader_profile.html",
        {"reader": reader, "profile": services.profile_for(reader), "page_obj": comments},
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest) -> HttpResponse:
    profile = services.profile_for(request.user)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        services.profile_update(user=request.user, **form.cleaned_data)
        messages.success(request, "Your profile is saved.")
        return redirect("reviews:profile-edit")
    status = 400 if form.errors else 200
    return render(request, "reviews/profile_form.html", {"form": form}, status=status)


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
            messages.success(request, "Your account is deleted. Thank you for reading with us.")
            return redirect("home")
    status = 400 if form.errors else 200
    return render(request, "reviews/account_delete.html", {"form": form}, status=status)


@csrf_exempt  # the signed token is the credential; mail clients POST here without a session
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """One click from a notification e-mail turns reply notifications off."""
    user_id = user_id_from_unsubscribe_token(token)
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    if user is None:
        return render(request, "reviews/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        services.notifications_unsubscribe(user=user)
        return render(request, "reviews/unsubscribe.html", {"done": True})
    return render(request, "reviews/unsubscribe.html", {"token": token})
