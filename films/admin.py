from collections.abc import Iterable

from django.contrib import admin

from config import pagecache
from films.images import make_poster_variants
from films.models import Credit, Film, Genre, Person, WatchOption


class CreditInline(admin.TabularInline):
    model = Credit
    extra = 1
    autocomplete_fields = ["person"]
    fields = ["person", "role", "character_name", "order"]


class WatchOptionInline(admin.TabularInline):
    model = WatchOption
    extra = 0


@admin.register(Film)
class FilmAdmin(admin.ModelAdmin):
    list_display = ["title", "original_title", "release_date", "running_time"]
    list_filter = ["genres", "release_date"]
    search_fields = ["title", "original_title", "credits__person__name"]
    date_hierarchy = "release_date"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["genres"]
    inlines = [CreditInline, WatchOptionInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    ("original_title", "original_language"),
                    "slug",
                    "tagline",
                    "synopsis",
                    "poster",
                ]
            },
        ),
        (
            "Release",
            {"fields": ["release_date", "release_date_precision", "running_time"]},
        ),
        ("Classification", {"fields": ["genres", "countries", "languages"]}),
    ]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # A new or removed poster: (re)make the resized copies the pages' srcset offers.
        if "poster" in form.changed_data:
            make_poster_variants(obj)

    def save_related(self, request, form, formsets, change):
        # After the inlines: credits added, changed or removed, before and after the save.
        film = form.instance
        people = set(film.credits.values_list("person_id", flat=True))
        super().save_related(request, form, formsets, change)
        people |= set(film.credits.values_list("person_id", flat=True))
        film_changed(film.pk, people)

    def delete_model(self, request, obj):
        pk, people = obj.pk, set(obj.credits.values_list("person_id", flat=True))
        super().delete_model(request, obj)
        film_changed(pk, people)

    def delete_queryset(self, request, queryset):
        gone = _credited(queryset, "film_id", "person_id")
        super().delete_queryset(request, queryset)
        for pk, people in gone.items():
            film_changed(pk, people)


def _credited(queryset, own: str, other: str) -> dict[int, set[int]]:
    """For each film (or person) of `queryset`, the people (or films) credited with it: read
    before a bulk delete takes the credits too."""
    credited = {pk: set() for pk in queryset.values_list("pk", flat=True)}
    for pk, partner in Credit.objects.filter(**{f"{own}__in": queryset}).values_list(own, other):
        credited[pk].add(partner)
    return credited


def film_changed(film_pk: int, people: set[int]) -> None:
    """A film, its credits, genres or where to watch changed: its pages, the catalogue and
    the pages of everyone credited on it are stale."""
    pagecache.changed(pagecache.film(film_pk), pagecache.CATALOGUE, *map(pagecache.person, people))


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "original_name"]
    search_fields = ["name", "original_name"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", ("original_name", "original_name_language"), "slug", "bio"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        person_changed(obj.pk, set(obj.credits.values_list("film_id", flat=True)))

    def delete_model(self, request, obj):
        pk, films = obj.pk, set(obj.credits.values_list("film_id", flat=True))
        super().delete_model(request, obj)
        person_changed(pk, films)

    def delete_queryset(self, request, queryset):
        gone = _credited(queryset, "person_id", "film_id")
        super().delete_queryset(request, queryset)
        for pk, films in gone.items():
            person_changed(pk, films)


def person_changed(person_pk: int, films: set[int]) -> None:
    """A person's name shows on their page and on the pages of their films, and the site
    search matches it."""
    pagecache.changed(pagecache.person(person_pk), pagecache.SEARCH, *map(pagecache.film, films))


@admin.register(Genre)
class GenreAdmin(admin.ModelAdmin):
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        genre_changed(obj.films.values_list("pk", flat=True))

    # A deleted genre leaves the choices of the film list's and the search's filters too.
    def delete_model(self, request, obj):
        films = list(obj.films.values_list("pk", flat=True))
        super().delete_model(request, obj)
        genre_changed(films)

    def delete_queryset(self, request, queryset):
        films = list(Film.objects.filter(genres__in=queryset).values_list("pk", flat=True))
        super().delete_queryset(request, queryset)
        genre_changed(films)


def genre_changed(films: Iterable[int]) -> None:
    """Genres are filter choices (the catalogue) and show on their films' pages."""
    pagecache.changed(pagecache.CATALOGUE, *map(pagecache.film, set(films)))
