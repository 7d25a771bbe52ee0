from itertools import groupby
from operator import attrgetter

from django.conf import settings
from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from config import pagecache
from films import pages, stamps
from films.forms import FilmFilterForm
from films.models import Credit, Film, Person


class FilmListView(pagecache.CachedPageMixin, ListView):
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

    def page_stamps(self, context):
        return [stamps.CATALOGUE]


class FilmDetailView(pagecache.CachedPageMixin, DetailView):
    """A film's facts, credits and where to watch, with what other apps add (films/pages.py)."""

    queryset = Film.objects.prefetch_related(
        "genres",
        "watch_options",
        Prefetch("credits", queryset=Credit.objects.select_related("person")),
    )

    def get_context_data(self, **kwargs):
        film = self.object
        credits = list(film.credits.all())
        return super().get_context_data(
            directors=[c.person for c in credits if c.role == Credit.Role.DIRECTOR],
            cast=[c for c in credits if c.role == Credit.Role.VOICE],
            crew=[c for c in credits if c.role != Credit.Role.VOICE],
            film_parts=pages.parts_for(self.request, film),
            **kwargs,
        )


class PersonDetailView(pagecache.CachedPageMixin, DetailView):
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
        # The credits too: the page lists them, so a credit added or removed makes it stale.
        return super().get_context_data(filmography=filmography, credits=credits, **kwargs)
