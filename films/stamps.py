"""What changes to the catalogue make stale, beyond the objects themselves (which every page
showing them depends on: config/pagecache/stamps.py). Called by films/services.py only."""

from __future__ import annotations

from config import pagecache
from films.models import Credit, Film, Genre, Person, Scene, WatchOption

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
