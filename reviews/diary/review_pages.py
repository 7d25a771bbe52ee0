"""Reader reviews' pages: a diary entry's permalink with its review and the discussion under it,
liking a review, and a film's reader reviews."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView

from config import pagecache
from films.models import Film
from reviews import stamps
from reviews.diary import services
from reviews.diary.models import DiaryEntry, ReaderReviewLike
from reviews.discussion.forms import CommentForm
from reviews.discussion.models import Comment
from reviews.discussion.page import COMMENT_DRAFTS_KEY, discussion_context, signed_in_discussion
from reviews.discussion.subjects import Subject
from reviews.discussion.views import keep_draft, post_comment
from reviews.spoilers.gate import gate_for, mark_gated

TEMPLATE = "reviews/diary/entry_detail.html"
READER_REVIEWS_PER_PAGE = 20
SORTS = {
    "popular": ("-like_count", "-created_at", "-id"),
    "recent": ("-created_at", "-id"),
}


def is_published_review(entry: DiaryEntry) -> bool:
    """`DiaryEntry.objects.published_reviews()` for an entry loaded with its reader's profile."""
    reader = entry.reader
    return (
        entry.is_review
        and entry.review_status == Comment.Status.APPROVED
        and reader.is_active
        and not reader.profile.diary_private
    )


def review_shown_to(entry: DiaryEntry, user) -> bool:
    """Its review text: to everyone once a moderator let it through; held or refused, to its
    author (with the moderator's reason) and to moderators alone."""
    if not entry.is_review:
        return False
    if entry.review_status == Comment.Status.APPROVED or entry.reader_id == user.pk:
        return True
    return user.has_perm("reviews.moderate_comment")


class EntryDetailView(pagecache.CachedPageMixin, DetailView):
    """A diary entry: the watch, the reader's rating, their review and its discussion.

    404 unless the entry is the reader's own or in a public diary of a live account (one
    query: `DiaryEntry.objects.visible_to`)."""

    template_name = TEMPLATE
    context_object_name = "entry"

    def get_queryset(self):
        return DiaryEntry.objects.visible_to(self.request.user).select_related(
            "film", "reader__profile"
        )

    def get_context_data(self, **kwargs):
        entry, request = self.object, self.request
        user = request.user
        published = is_published_review(entry)
        mark_gated([entry], gate_for(request, entry.film_id))
        context = {
            "review_shown": review_shown_to(entry, user),
            "discussion_open": published,
            "liked": user.is_authenticated
            and published
            and ReaderReviewLike.objects.filter(entry=entry, user=user).exists(),
            **kwargs,
        }
        if published:
            if "comment_form" not in context:
                # A draft kept from before signing in comes back into the form.
                drafts = request.session.get(COMMENT_DRAFTS_KEY, {})
                subject = Subject(entry)
                context["comment_form"] = CommentForm(
                    initial=drafts.get(subject.draft_key, {}), film=entry.film
                )
            if user.is_authenticated:
                form = context["comment_form"]
                blank = not form.is_bound and not form.initial
                context["discussion_for_reader"] = signed_in_discussion(
                    request, entry, form=None if blank else form
                )
            else:  # anonymous readers get the whole page from the page cache
                context.update(discussion_context(request, entry))
        return super().get_context_data(**context)

    def page_stamps(self, context):
        # Whether the diary is public (Profile.diary_private) is said by the reader's diary.
        return [stamps.diary_of(self.object.reader_id)]


entry_detail = EntryDetailView.as_view()


def render_entry(request: HttpRequest, entry: DiaryEntry, status: int = 200, **context):
    """The entry's page again, e.g. with a comment form's errors."""
    view = EntryDetailView(request=request, kwargs={"pk": entry.pk}, object=entry)
    return render(request, TEMPLATE, view.get_context_data(object=entry, **context), status=status)


def _published_entry(pk: int) -> DiaryEntry:
    return get_object_or_404(
        DiaryEntry.objects.published_reviews().select_related("film", "reader__profile"), pk=pk
    )


@require_POST
def entry_comment_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Post a comment or reply under a reader review: the discussion's own rules."""
    return post_comment(request, Subject(_published_entry(pk)), render_page=render_entry)


@csrf_exempt  # as discussion's comment_draft: anonymous pages carry no token
@require_POST
def entry_comment_draft(request: HttpRequest, pk: int) -> HttpResponse:
    """Keep what a signed-out reader wrote under a reader review while they sign in."""
    return keep_draft(request, Subject(_published_entry(pk)))


@login_required
@require_POST
def entry_like(request: HttpRequest, pk: int) -> HttpResponse:
    """Like a reader review, or take the like back; in place with htmx."""
    entry = _published_entry(pk)
    try:
        entry = services.review_like(entry=entry, user=request.user)
    except ValidationError as error:
        if not request.htmx:
            messages.error(request, error.messages[0])
    if request.htmx:
        liked = ReaderReviewLike.objects.filter(entry=entry, user=request.user).exists()
        context = {"entry": entry, "liked": liked}
        return render(request, f"{TEMPLATE}#like-button", context)
    return redirect(entry.get_absolute_url() + "#like")


class FilmReaderReviewsView(pagecache.CachedPageMixin, ListView):
    """A film's published reader reviews, most liked or newest first (`?sort=`)."""

    paginate_by = READER_REVIEWS_PER_PAGE
    template_name = "reviews/diary/reader_review_list.html"
    context_object_name = "entries"

    def get_queryset(self):
        self.film = get_object_or_404(Film, slug=self.kwargs["slug"])
        sort = self.request.GET.get("sort")
        self.sort = sort if sort in SORTS else "popular"
        # Newest first, a taken-down review leaves its tombstone; the most liked rank only
        # what one can read.
        entries = DiaryEntry.objects
        listed = (
            entries.reviews_in_place() if self.sort == "recent" else entries.published_reviews()
        )
        return (
            listed.filter(film=self.film)
            .select_related("reader__profile")
            .order_by(*SORTS[self.sort])
        )

    def get_context_data(self, **kwargs):
        sorts = [("popular", _("Most liked")), ("recent", _("Newest"))]
        context = super().get_context_data(
            film=self.film,
            sort=self.sort,
            sorts=sorts,
            query_without_page=f"sort={self.sort}",
            **kwargs,
        )
        context["entries"] = mark_gated(context["entries"], gate_for(self.request, self.film))
        return context

    def page_stamps(self, context):
        return [stamps.reader_reviews(self.film.pk)]


film_reader_reviews = FilmReaderReviewsView.as_view()
