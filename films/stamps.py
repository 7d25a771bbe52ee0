"""What changes to the catalogue make stale, beyond the objects themselves (which every page
showing them depends on: config/pagecache/stamps.py). Called by films/services.py only."""

from __future__ import annotations

from django.db.models import Min, Q
from django.utils import timezone

from config import pagecache
from films.models import Credit, Film, Genre, Person, Premiere, Scene, WatchOption

# Which films there are, what they are called, how they sort and filter, and the genres to
# filter by: the film list, the home page's catalogue, the search.
CATALOGUE = "films.catalogue"
# Who is credited on what, by name: what the search matches.
PEOPLE = "films.people"


def film_changed(film: Film) -> None:
    pagecache.changed(pagecache.stamp(film), CATALOGUE)


def person_changed(person: Person) -> None:
    pagecache.changed(pagecache.stamp(person), PEOPLE)


def credit_changed(credit: Credit) -> None:
    """A credit shows on its film's page and its person's."""
    pagecache.changed(
        pagecache.stamp(credit),
        pagecache.stamp_for(Film, credit.film_id),
        pagecache.stamp_for(Person, credit.person_id),
        PEOPLE,
    )


def genre_changed(genre: Genre) -> None:
    pagecache.changed(pagecache.stamp(genre), CATALOGUE)


def watch_option_changed(option: WatchOption) -> None:
    pagecache.changed(pagecache.stamp(option), pagecache.stamp_for(Film, option.film_id))


def scene_changed(scene: Scene) -> None:
    """A scene shows on its page, in its film's scene index and in the sitemap."""
    pagecache.changed(pagecache.stamp(scene), pagecache.stamp_for(Film, scene.film_id))


# Which premieres are scheduled, and when: every page with a premiere banner, and the premiere
# threads' rules (reviews/premiere).
PREMIERES = "films.premieres"


def premiere_changed(premiere: Premiere) -> None:
    """A premiere was scheduled, moved or cancelled: its film's pages show its banner."""
    pagecache.changed(
        pagecache.stamp(premiere), pagecache.stamp_for(Film, premiere.film_id), PREMIERES
    )


def next_premiere_change() -> tuple[float | None, list[str]]:
    """When the next premiere begins or ends (a Unix time, or None): banners change then by
    themselves. Asked again once the schedule changes (films/apps.py registers it)."""
    now = timezone.now()
    found = Premiere.objects.filter(ends_at__gt=now).aggregate(
        start=Min("starts_at", filter=Q(starts_at__gt=now)), end=Min("ends_at")
    )
    moments = [moment for moment in found.values() if moment is not None]
    return (min(moments).timestamp() if moments else None), [PREMIERES]
