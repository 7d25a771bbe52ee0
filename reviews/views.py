from django.conf import settings
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView, TemplateView

from films.models import Film
from reviews.models import Review


class HomeView(TemplateView):
    """The featured film, the latest reviews and the catalogue at a glance."""

    template_name = "home.html"
    LATEST_REVIEWS = 6
    FILMS_SHOWN = 8

    def get_context_data(self, **kwargs):
        featured = (
            Film.objects.with_directors()
            .prefetch_related("genres")
            .filter(slug=settings.FEATURED_FILM_SLUG)
            .first()
        )
        return super().get_context_data(
            featured=featured,
            featured_reviews=(
                featured.reviews.published().for_listing()[:3]
                if featured
                else Review.objects.none()
            ),
            latest_reviews=Review.objects.published().for_listing()[: self.LATEST_REVIEWS],
            films=Film.objects.with_directors()[: self.FILMS_SHOWN],
            **kwargs,
        )


class ReviewListView(ListView):
    """Every published review, newest first."""

    paginate_by = settings.REVIEWS_PER_PAGE
    template_name = "reviews/review_list.html"

    def get_queryset(self):
        return Review.objects.published().for_listing()


class FilmReviewListView(ReviewListView):
    """The published reviews of one film."""

    def get_queryset(self):
        self.film = get_object_or_404(Film, slug=self.kwargs["slug"])
        return super().get_queryset().filter(film=self.film)

    def get_context_data(self, **kwargs):
        return super().get_context_data(film=self.film, **kwargs)


class ReviewDetailView(DetailView):
    """A published review; drafts and scheduled reviews are 404 here (see the preview)."""

    def get_queryset(self):
        return Review.objects.published().select_related("film", "author__profile")

    def get_context_data(self, **kwargs):
        review = self.object
        others = (
            Review.objects.published()
            .for_listing()
            .filter(film_id=review.film_id)
            .exclude(pk=review.pk)[:4]
        )
        return super().get_context_data(other_reviews=others, **kwargs)


class ReviewPreviewView(PermissionRequiredMixin, ReviewDetailView):
    """Any review, drafts and scheduled ones included, for staff who may view reviews."""

    permission_required = "reviews.view_review"

    def get_queryset(self):
        return Review.objects.select_related("film", "author__profile")

    def get_context_data(self, **kwargs):
        return super().get_context_data(is_preview=True, **kwargs)
