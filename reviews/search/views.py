"""The site search page: films and published reviews matching `q`, ranked."""

from __future__ import annotations

import django
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from config import pagecache
from films import stamps as films_stamps
from films.models import Genre
from films.search import suggestions
from reviews import stamps
from reviews.search.engine import SearchResults
from reviews.search.forms import SearchForm

SEARCH_RESULTS_PER_PAGE = 10
SEARCH_EXAMPLES = ["Lost in Starlight", "이 별에 필요한", "Han Ji-won", '"space exploration"']
# What a search matches against: the films, who is credited on them, the public reviews.
SEARCHED = [films_stamps.CATALOGUE, films_stamps.PEOPLE, stamps.REVIEWS]
# What the results part is rendered from: a change to any of them names a new fragment.
_RESULTS_TEMPLATES = ["reviews/search.html", "includes/pagination.html", "includes/stars.html"]


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
    if text:
        context["results_fragment"] = _results(request, text, data)
    else:
        context["genres"] = Genre.objects.all()[:8]
    response = render(request, "reviews/search.html", context)
    # Anonymous readers get search pages from the page cache, like the site's other pages.
    pagecache.page_dependencies(response, lambda: [*SEARCHED, *pagecache.stamps_of(context)])
    return response


def _filters(request: HttpRequest, form: SearchForm) -> pagecache.PagePart:
    """The filter form, kept too: with the results kept, rendering its widgets (and reading
    the genre choices) was most of what was left of a signed-in search. Its HTML shows the
    values as typed, their errors and the genres to pick from."""

    def render() -> tuple[str, list[str]]:
        html = render_to_string("reviews/search.html#filters", {"form": form})
        return html, [films_stamps.CATALOGUE]  # the genres to pick from

    name = pagecache.digest(
        (
            pagecache.template_version("reviews/search.html"),
            django.get_version(),  # the widgets' own templates
            form.is_bound,
            [request.GET.getlist(field) for field in form.fields],
        )
    )
    return pagecache.page_part(request, f"search-filters:{name}", render)


def _results(request: HttpRequest, text: str, data: dict) -> pagecache.PagePart:
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
        html = render_to_string("reviews/search.html#results", context)
        shown = [result.object for result in page.object_list]
        return html, [*SEARCHED, *pagecache.stamps_of(shown)]

    # The links repeat the query string as given (unknown parameters and invalid filters
    # too), so it is part of the name along with what was searched (page_part adds the time
    # zone and language the dates and words are shown in).
    name = pagecache.digest(
        (
            [pagecache.template_version(template) for template in _RESULTS_TEMPLATES],
            SEARCH_RESULTS_PER_PAGE,
            query.urlencode(),
            number,
            kind,
            year,
            genre and genre.pk,
        )
    )
    return pagecache.page_part(request, f"search-results:{name}", render)


def _with_kind(query, kind: str) -> str:
    query = query.copy()
    query.pop("kind", None)
    if kind:
        query["kind"] = kind
    return query.urlencode()
