from itertools import groupby
from operator import attrgetter

from django.conf import settings
from django.db.models import Avg, Count, Prefetch, Q
from django.views.generic import DetailView, ListView

from films.forms import FilmFilterForm
from films.models import Credit, Film, Person


class FilmListView(ListView):
    """All films, paginated; sort and filters come from the query string via FilmFilterForm."""

    paginate_by = settings.FILMS_PER_PAGE

    def get_queryset(self):
        self.filter_form = FilmFilterForm(self.request.GET or None)
        # is_valid() fills cleaned_data with the valid fields even when another is invalid.
        self.filter_form.is_valid()
        return self.filter_form.filter(Film.objects.with_directors().prefetch_related("genres"))

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            filter_form=self.filter_form, query_without_page=query.urlencode(), **kwargs
        )


class FilmDetailView(DetailView):
    """A film's facts, credits, where to watch, and its published reviews with their ratings."""

    queryset = Film.objects.prefetch_related(
        "genres",
        "watch_options",
        Prefetch("credits", queryset=Credit.objects.select_related("person")),
    )

    def get_context_data(self, **kwargs):
        film = self.object
        reviews = film.reviews.published()
        stats = reviews.aggregate(
            average=Avg("rating"),
            total=Count("id"),
            **{f"r{score}": Count("id", filter=Q(rating=score)) for score in range(1, 11)},
        )
        most = max([stats[f"r{score}"] for score in range(1, 11)] + [1])
        histogram = [
            {
                "score": score,
                "count": stats[f"r{score}"],
                "percent": round(100 * stats[f"r{score}"] / most),
            }
            for score in range(10, 0, -1)
        ]
        credits = list(film.credits.all())
        return super().get_context_data(
            reviews=reviews.for_listing(),
            average_rating=stats["average"],
            review_count=stats["total"],
            histogram=histogram,
            directors=[c.person for c in credits if c.role == Credit.Role.DIRECTOR],
            cast=[c for c in credits if c.role == Credit.Role.VOICE],
            crew=[c for c in credits if c.role != Credit.Role.VOICE],
            **kwargs,
        )


class PersonDetailView(DetailView):
    """A person's films, newest first, each once with all the roles they had on it."""

    model = Person

    def get_context_data(self, **kwargs):
        # film_id keeps one film's credits together when two films share a date and title.
        credits = self.object.credits.select_related("film").order_by(
            "-film__release_date", "film__title", "film_id", "order", "id"
        )
        filmography = [
            {"film": film, "roles": [credit.role_label for credit in film_credits]}
            for film, film_credits in groupby(credits, key=attrgetter("film"))
        ]
        return super().get_context_data(filmography=filmography, **kwargs)
