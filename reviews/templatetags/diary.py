"""A signed-in reader's own marks on film cards: their watchlist button."""

from django import template
from django.http import HttpRequest

from reviews.diary.models import WatchlistEntry

register = template.Library()


def _watchlisted(request: HttpRequest) -> set[int]:
    """The reader's watchlist as film ids, read once per request however many cards."""
    if not hasattr(request, "_watchlisted_films"):
        request._watchlisted_films = set(
            WatchlistEntry.objects.filter(reader=request.user).values_list("film_id", flat=True)
        )
    return request._watchlisted_films


@register.inclusion_tag("reviews/diary/watchlist_button.html", takes_context=True)
def watchlist_button(context, film) -> dict:
    request = context["request"]
    return {
        "film": film,
        "listed": film.pk in _watchlisted(request),
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }
