"""Review articles: the list, a film's reviews, and the review page with its discussion."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import HttpRequest
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from config import pagecache
from films.models import Film
from reviews import stamps
from reviews.discussion.forms import CommentForm
from reviews.discussion.page import COMMENT_DRAFTS_KEY, discussion_context, signed_in_discussion
from reviews.languages import language_filter
from reviews.models import Review
from reviews.notes.display import body_with_note_links, paragraph_notes
from reviews.notes.selectors import with_paragraph_notes


class ReviewListView(pagecache.CachedPageMixin, ListView):
    """Every published review, newest first."""

    paginate_by = settings.REVIEWS_PER_PAGE
    template_name = "reviews/review_list.html"

    def get_queryset(self):
        self.language_filter = language_filter(self.request.GET)
        reviews = Review.objects.published().for_listing()
        if language := self.language_filter.language:
            reviews = reviews.in_language(language)
        return reviews

    def get_context_data(self, **kwargs):
        filtered = self.language_filter
        return super().get_context_data(
            language_filter=filtered, query_without_page=filtered.query_without_page, **kwargs
        )

    def page_stamps(self, context):
        return [stamps.REVIEWS]


class FilmReviewListView(ReviewListView):
    """The published reviews of one film."""

    def get_queryset(self):
        self.film = get_object_or_404(Film, slug=self.kwargs["slug"])
        return super().get_queryset().filter(film=self.film)

    def get_context_data(self, **kwargs):
        # Plain text for the social tags, which escape it (a template's blocktranslate would
        # hand them the title escaped already).
        named = {"film": self.film.title}
        return super().get_context_data(
            film=self.film,
            social_title=_("Reviews of %(film)s") % named,
            social_description=_("Our critics on %(film)s") % named,
            **kwargs,
        )

    def page_stamps(self, context):
        return [stamps.film_reviews(self.film.pk)]


class ReviewDetailView(pagecache.CachedPageMixin, DetailView):
    """A published review and its discussion; drafts and scheduled reviews are 404 here."""

    def get_object(self, queryset=None):
        self.published = published_review(self.request, self.kwargs["slug"])
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
            context["comment_form"] = CommentForm(
                initial=drafts.get(str(review.pk), {}), film=review.film
            )
        if self.request.user.is_authenticated and not context.get("is_preview"):
            form = context["comment_form"]
            blank = not form.is_bound and not form.initial
            context["discussion_for_reader"] = signed_in_discussion(
                self.request, review, form=None if blank else form
            )
        elif not context.get("preview_link"):  # a shared preview has no discussion
            # anonymous readers get the whole page from the page cache
            context.update(discussion_context(self.request, review))
        return super().get_context_data(**context)


@dataclass
class PublishedReview:
    """A published review with its film and author, and the HTML made from them alone."""

    review: Review
    head: str
    article: str


def published_review(request: HttpRequest, slug: str) -> PublishedReview:
    """Kept until the review, its film, its author or its paragraphs' notes change: every
    signed-in reader's view of a review needs it, and anonymous readers' pages are rendered
    from it. The note counts come in the review's own query."""
    template = "reviews/review_detail.html"
    name = f"published-review:{slug}:{pagecache.template_version(template)}:{request.get_host()}"

    def compute() -> tuple[PublishedReview, set[str]]:
        review = get_object_or_404(
            with_paragraph_notes(
                Review.objects.published()
                .with_translations()
                .select_related("film", "author__profile")
            ),
            slug=slug,
        )
        paragraphs = paragraph_notes(review)
        article = {
            "review": review,
            "body_with_notes": body_with_note_links(review, paragraphs),
            "earlier_notes": [paragraph for paragraph in paragraphs if not paragraph.current],
        }
        published = PublishedReview(
            review=review,
            head=render_to_string(f"{template}#review-head", {"review": review}, request),
            article=render_to_string(f"{template}#review-article", article, request),
        )
        return published, pagecache.stamps_of(review)

    return pagecache.page_part(request, name, compute).value


def _other_reviews(request: HttpRequest, review: Review) -> pagecache.PagePart:
    """ "More on this film": the same for every reader, so kept (with what it depends on)."""
    template = "reviews/review_detail.html#other-reviews"

    def compute() -> tuple[str, set[str]]:
        others = list(
            Review.objects.published()
            .for_listing()
            .filter(film_id=review.film_id)
            .exclude(pk=review.pk)[:4]
        )
        html = render_to_string(template, {"review": review, "other_reviews": others})
        return html, pagecache.stamps_of(others) | {stamps.film_reviews(review.film_id)}

    name = f"other-reviews:{review.pk}:{review.film_id}:{pagecache.template_version(template)}"
    return pagecache.page_part(request, name, compute)


class ReviewPreviewView(PermissionRequiredMixin, ReviewDetailView):
    """Any review, drafts and scheduled ones included, for staff who may view reviews."""

    permission_required = "reviews.view_review"

    def get_queryset(self):
        return Review.objects.select_related("film", "author__profile")

    def get_object(self, queryset=None):
        return DetailView.get_object(self, queryset)

    def get_context_data(self, **kwargs):
        return super().get_context_data(is_preview=True, **kwargs)


def render_review(request: HttpRequest, review: Review, status: int = 200, **context):
    view = ReviewDetailView(request=request, kwargs={"slug": review.slug}, object=review)
    return render(
        request,
        "reviews/review_detail.html",
        view.get_context_data(object=review, review=review, **context),
        status=status,
    )
