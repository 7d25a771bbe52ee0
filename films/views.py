from itertools import groupby
from operator import attrgetter

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, prefetch_related_objects
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from config import pagecache
from films import pages, stamps, timecodes
from films.forms import FilmFilterForm
from films.models import Credit, Film, Person
from films.timeline import scene_at

TEMPLATE = "films/film_detail.html"
BODY_RELATIONS = (
    "genres",
    "watch_options",
    Prefetch("credits", queryset=Credit.objects.select_related("person")),
)
# Where a signed-in reader's parts go in the kept body.
SCORE_SLOT, SECTIONS_SLOT = (
    mark_safe("<!--film-page:score-->"),
    mark_safe("<!--film-page:sections-->"),
)


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
    """A film's facts, credits and where to watch, with what other apps add (films/pages.py).

    Anonymous pages are kept whole by the page cache. For a signed-in reader the film's own
    head and body (with the shared parts) are kept as one part until what they show changes,
    and only the per-reader parts are rendered for the request, into the body's slots."""

    model = Film
    template_name = "films/film_detail.html"
    timecode_error = ""

    def get(self, request, *args, **kwargs):
        """`?t=1:12:30` sends the reader (302) to the scene playing then; a time that is not
        one in the film shows the film page saying why."""
        if "t" in request.GET and (to_scene := self._scene_at(request.GET["t"])) is not None:
            return to_scene
        return super().get(request, *args, **kwargs)

    def _scene_at(self, text: str) -> HttpResponseRedirect | None:
        film = get_object_or_404(
            Film.objects.only("slug", "running_time"), slug=self.kwargs["slug"]
        )
        try:
            seconds = timecodes.parse(text[:20], running_time=film.running_time)
        except ValidationError as error:
            self.timecode_error = error.messages[0]
            return None
        scene = scene_at(film, seconds)
        if scene is None:
            self.timecode_error = _("This film's scenes are not listed yet.")
            return None
        scene.film = film
        return HttpResponseRedirect(f"{scene.get_absolute_url()}#t-{seconds}")

    def get_queryset(self):
        # Signed-in readers' pages load the film alone (get_object), the body when rendered.
        return Film.objects.prefetch_related(*BODY_RELATIONS)

    def get_object(self, queryset=None):
        if not self.request.user.is_authenticated:
            return super().get_object(queryset)
        # The film's row too is kept for signed-in readers until it changes.
        return pages.kept_film(self.request, self.kwargs[self.slug_url_kwarg])

    def get_context_data(self, **kwargs):
        film = self.object
        for_reader = pages.reader_parts_for(self.request, film)
        if self.request.user.is_authenticated:
            head, body, depends = self._kept_head_and_body(film, for_reader).value
            body = body.replace(SCORE_SLOT, for_reader.score).replace(
                SECTIONS_SLOT, for_reader.sections
            )
        else:
            head, body, depends = self._head_and_body(film, for_reader)
        return super().get_context_data(
            film_head=mark_safe(head),
            film_body=mark_safe(body),  # rendered templates and parts
            film_page_depends_on=pagecache.DependsOn(*depends, *for_reader.stamps),
            timecode_error=self.timecode_error,
            **kwargs,
        )

    def _kept_head_and_body(self, film: Film, for_reader: pages.FilmPageParts):
        request = self.request
        # The row is kept with both languages (pages.kept_film); its HTML once per language.
        made_of = (pagecache.template_version(TEMPLATE), request.get_host())
        name = f"film-page:{film.pk}:{pagecache.digest(made_of)}"

        def compute():
            prefetch_related_objects([film], *BODY_RELATIONS)
            slots = {"score": SCORE_SLOT, "sections": SECTIONS_SLOT}
            head, body, depends = self._head_and_body(film, slots)
            # What the per-reader parts show is rendered for each request, not kept here.
            depends = set(depends) - set(for_reader.stamps)
            return (head, body, sorted(depends)), depends

        return pagecache.page_part(request, name, compute)

    def _head_and_body(self, film: Film, reader_slots) -> tuple[str, str, set[str]]:
        credits = list(film.credits.all())
        context = {
            "film": film,
            "directors": [c.person for c in credits if c.role == Credit.Role.DIRECTOR],
            "cast": [c for c in credits if c.role == Credit.Role.VOICE],
            "crew": [c for c in credits if c.role != Credit.Role.VOICE],
            "film_parts": pages.shared_parts_for(self.request, film),
            "reader_slots": reader_slots,
        }
        head = render_to_string(f"{TEMPLATE}#film-head", context, self.request)
        body = render_to_string(f"{TEMPLATE}#film-body", context, self.request)
        return head, body, pagecache.stamps_of(context)


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
