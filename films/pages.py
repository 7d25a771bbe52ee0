"""What other apps add to a film's page. They register a loader when they start (the reviews
app adds its critics' score, its reviews and their feed: reviews/film_pages.py), so the
catalogue never imports them.

A loader is shared (what it adds is the same for every reader, so a signed-in reader's page
keeps it with the film's own body: films/views.py) or `per_reader` (rendered for each request
and put into the kept body's slots, after the shared parts of the same slot)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.safestring import SafeString, mark_safe

from config import pagecache
from films.models import Film


@dataclass
class FilmPageParts:
    """HTML for the film page's slots, what the film's JSON-LD gains, and the page-cache
    stamps the parts depend on."""

    head: SafeString = field(default_factory=SafeString)  # in <head>: links, feeds
    banner: SafeString = field(default_factory=SafeString)  # above the film: a premiere's
    score: SafeString = field(default_factory=SafeString)  # beside the film's facts
    sections: SafeString = field(default_factory=SafeString)  # after the credits
    json_ld: dict = field(default_factory=dict)  # merged into the schema.org Movie
    stamps: list[str] = field(default_factory=list)

    @property
    def page_cache_stamps(self) -> list[str]:
        """The film page depends on what its parts show (config.pagecache.stamps_of)."""
        return self.stamps

    def __add__(self, other: FilmPageParts) -> FilmPageParts:
        return FilmPageParts(
            head=mark_safe(self.head + other.head),  # both are rendered templates
            banner=mark_safe(self.banner + other.banner),
            score=mark_safe(self.score + other.score),
            sections=mark_safe(self.sections + other.sections),
            json_ld=self.json_ld | other.json_ld,
            stamps=[*self.stamps, *other.stamps],
        )


Loader = Callable[[HttpRequest, Film], FilmPageParts]
_shared: list[Loader] = []
_per_reader: list[Loader] = []


def register(loader: Loader, *, per_reader: bool = False) -> None:
    loaders = _per_reader if per_reader else _shared
    if loader not in loaders:
        loaders.append(loader)


def _combined(loaders: list[Loader], request: HttpRequest, film: Film) -> FilmPageParts:
    combined = FilmPageParts()
    for loader in loaders:
        combined += loader(request, film)
    return combined


def shared_parts_for(request: HttpRequest, film: Film) -> FilmPageParts:
    """The parts that are the same for every reader, in the order they registered."""
    return _combined(_shared, request, film)


def reader_parts_for(request: HttpRequest, film: Film) -> FilmPageParts:
    """The parts rendered for this request's reader, in the order they registered."""
    return _combined(_per_reader, request, film)


def kept_film(request: HttpRequest, slug: str, *, fields: tuple[str, ...] = ()) -> Film:
    """The film at this address (only `fields` of it, if given), kept until it changes: any
    change to what was loaded bumps a stamp it shows (its readers' counts too, when loaded).
    A copy: the kept one is shared by this process's requests. An unknown film keeps nothing
    and raises Http404. A translated field brings all its languages' columns (title_en and
    title_ko), so one kept row serves readers of either language."""

    def compute():
        films = Film.objects.only(*fields) if fields else Film.objects.all()
        film = get_object_or_404(films, slug=slug)
        return film, pagecache.stamps_of(film)

    name = f"film-row:{slug}:{','.join(fields)}"
    return copy.copy(pagecache.page_part(request, name, compute, localised=False).value)
