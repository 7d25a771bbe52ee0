"""Lists of links inside a sentence of the search page, built whole so that a translation puts
the list where its language wants it: {% blocktranslate %}Try {{ examples }}.{% endblocktranslate %}."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote

from django import template
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def query_links(queries: Iterable) -> SafeString:
    """A link searching for each query, separated by commas (as the `urlencode` filter
    quotes)."""
    return format_html_join(
        ", ", '<a href="?q={}">{}</a>', ((quote(str(query), safe="/"), query) for query in queries)
    )


@register.simple_tag
def genre_links(genres: Iterable) -> SafeString:
    """A link to the films of each genre, separated by commas."""
    films = reverse("films:film-list")
    return format_html_join(
        ", ", '<a href="{}?genre={}">{}</a>', ((films, genre.slug, genre.name) for genre in genres)
    )
