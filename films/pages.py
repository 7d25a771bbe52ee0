"""What other apps add to a film's page. They register a loader when they start (the reviews
app adds its critics' score, its reviews and their feed: reviews/film_pages.py), so the
catalogue never imports them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

from films.models import Film


@dataclass
class FilmPageParts:
    """HTML for the film page's slots, what the film's JSON-LD gains, and the page-cache
    stamps the parts depend on."""

    head: SafeString = field(default_factory=SafeString)  # in <head>: links, feeds
    score: SafeString = field(default_factory=SafeString)  # beside the film's facts
    sections: SafeString = field(default_factory=SafeString)  # after the credits
    json_ld: dict = field(default_factory=dict)  # merged into the schema.org Movie
    stamps: list[str] = field(default_factory=list)

    @property
    def page_cache_stamps(self) -> list[str]:
        """The film page depends on what its parts show (config.pagecache.stamps_of)."""
        return self.stamps


Loader = Callable[[HttpRequest, Film], FilmPageParts]
_loaders: list[Loader] = []


def register(loader: Loader) -> None:
    if loader not in _loaders:
        _loaders.append(loader)


def parts_for(request: HttpRequest, film: Film) -> FilmPageParts:
    """Every registered app's parts, in the order they registered."""
    combined = FilmPageParts()
    for loader in _loaders:
        part = loader(request, film)
        combined.head = mark_safe(combined.head + part.head)  # both are rendered templates
        combined.score = mark_safe(combined.score + part.score)
        combined.sections = mark_safe(combined.sections + part.sections)
        combined.json_ld |= part.json_ld
        combined.stamps += part.stamps
    return combined
