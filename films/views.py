from collections.abc import Iterator
from itertools import groupby
from operator import attrgetter

import django
from django.conf import settings
from django.db.models import Avg, Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.views.generic import DetailView, ListView

from config import pagecache
from films.forms import FilmFilterForm, SearchForm
from films.models import Credit, Film, Genre, Person
from films.search import Result, SearchResults, suggestions
from reviews import fragments


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
        yield pagecache.CATALOGUE
        for film in context["object_list"]:
            yield pagecache.film(film.pk)


class FilmDetailView(pagecache.CachedPageMixin, DetailView):
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

    def page_stamps(self, context):
        yield from (pagecache.film(self.object.pk), pagecache.film_reviews(self.object.pk))
        for review in context["reviews"]:
            yield from pagecache.review_card(review)


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
        return super().get_context_data(filmography=filmography, **kwargs)

    def page_stamps(self, context):
        yield pagecache.person(self.object.pk)
        for entry in context["filmography"]:
            yield pagecache.film(entry["film"].pk)


SEARCH_RESULTS_PER_PAGE = 10
SEARCH_EXAMPLES = ["Lost in Starlight", "이 별에 필요한", "Han Ji-won", '"space exploration"']
# Any search page shows films, which reviews are public, and what the search matches.
SEARCH_STAMPS = [pagecache.CATALOGUE, pagecache.REVIEWS, pagecache.SEARCH]
# What the results part is rendered from: a change to any of them names a new fragment.
_RESULTS_TEMPLATES = ["films/search.html", "includes/pagination.html", "includes/stars.html"]


def search(request: HttpRequest) -> HttpResponse:
    """Films and published reviews matching `q`, ranked, ten a page, filterable by kind, year
    and genre.

    Never an error page for what a reader types: the form cleans the query (an unusable one
    gives the empty state) and reports a bad filter, which is then ignored. The filter form
    and the results are the same for every reader, so both are page-cache fragments
    (`_filters`, `_results`): a signed-in reader's page is put together around them and
    searches only when what they show has changed. Rendering them again costs the genre
    choices; one statement for the counts and the ranked keys of the page, and one query per
    kind shown (with one prefetch of credits for films), however many results there are.
    """
    form = SearchForm(request.GET or None)
    form.is_valid()  # fills cleaned_data with the valid fields even when another is invalid
    data = form.cleaned_data if form.is_bound else {}
    text = data.get("q", "")
    filters = _filters(request, form)
    context = {
        "form": form,
        "query": text,
        "examples": SEARCH_EXAMPLES,
        "filters_fragment": filters,
    }
    stamps = [*SEARCH_STAMPS, *filters.stamps]
    if text:
        context["results_fragment"] = results = _results(request, text, data)
        stamps += results.stamps
    else:
        context["genres"] = Genre.objects.all()[:8]
    response = render(request, "films/search.html", context)
    # Anonymous readers get search pages from the page cache, like the site's other pages: a
    # search reads every film and public review, so most changes make its pages stale.
    pagecache.page_dependencies(response, lambda: stamps)
    return response


def _filters(request: HttpRequest, form: SearchForm) -> pagecache.Fragment:
    """The filter form, kept too: with the results kept, rendering its widgets (and reading
    the genre choices) was most of what was left of a signed-in search. Its HTML shows the
    values as typed, their errors and the genres to pick from."""

    def render() -> tuple[str, list[str]]:
        html = render_to_string("films/search.html#filters", {"form": form})
        return html, [pagecache.CATALOGUE]  # the genres

    name = fragments.digest(
        (
            fragments.template_version("films/search.html"),
            django.get_version(),  # the widgets' own templates
            translation.get_language(),
            form.is_bound,
            [request.GET.getlist(field) for field in form.fields],
        )
    )
    return pagecache.fragment(request, f"search-filters:{name}", render)


def _results(request: HttpRequest, text: str, data: dict) -> pagecache.Fragment:
    """The results part of a search page (counts by kind, the page of results, pagination,
    spelling suggestions), kept under everything its HTML shows."""
    query = request.GET.copy()
    query.pop("page", None)
    query["q"] = text  # links carry the query as searched
    number = request.GET.get("page")
    kind, year, genre = data.get("kind", ""), data.get("year"), data.get("genre")

    def render() -> tuple[str, list[str]]:
        results = SearchResults(text, kind=kind, year=year, genre=genre)
        page = results.get_page(number, SEARCH_RESULTS_PER_PAGE)
        total = results.counts["film"] + results.counts["review"]
        context = {
            "query": text,
            "page_obj": page,
            "paginator": page.paginator,
            "is_paginated": page.has_other_pages(),
            "results": page.object_list,
            "kinds": [
                {
                    "kind": option,
                    "label": label,
                    "count": results.counts[option] if option else total,
                    "query": _with_kind(query, option),
                }
                for option, label in SearchForm.KINDS
            ],
            "current_kind": kind,
            "query_without_page": query.urlencode(),
            "filtered": bool(kind or year or genre),
        }
        if not page.paginator.count:
            context["suggestions"] = suggestions(text)
        html = render_to_string("films/search.html#results", context)
        return html, [*SEARCH_STAMPS, *_review_stamps(page.object_list)]

    # The links repeat the query string as given (unknown parameters and invalid filters
    # too), so it is part of the name along with what was searched; dates are shown in the
    # current time zone.
    name = fragments.digest(
        (
            [fragments.template_version(template) for template in _RESULTS_TEMPLATES],
            SEARCH_RESULTS_PER_PAGE,
            timezone.get_current_timezone_name(),
            translation.get_language(),
            query.urlencode(),
            number,
            kind,
            year,
            genre and genre.pk,
        )
    )
    return pagecache.fragment(request, f"search-results:{name}", render)


def _review_stamps(results: list[Result]) -> Iterator[str]:
    for result in results:
        if result.kind == "review":
            yield pagecache.review(result.object.pk)  # its byline: the author's display name


def _with_kind(query, kind: str) -> str:
    query = query.copy()
    query.pop("kind", None)
    if kind:
        query["kind"] = kind
    return query.urlencode()
