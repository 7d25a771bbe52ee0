from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from config.admin import ServiceAdmin, ServiceInline
from films import services
from films.forms import SceneForm, SceneFormSet
from films.models import Credit, Film, Genre, Person, Scene, WatchOption


class CreditInline(ServiceInline, admin.TabularInline):
    model = Credit
    extra = 1
    autocomplete_fields = ["person"]
    fields = ["person", "role", "character_name", "order"]

    def save_with_service(self, obj: Credit) -> None:
        services.credit_save(credit=obj)

    def delete_with_service(self, obj: Credit) -> None:
        services.credit_delete(credit=obj)


class WatchOptionInline(ServiceInline, TranslationTabularInline):
    model = WatchOption
    extra = 0

    def save_with_service(self, obj: WatchOption) -> None:
        services.watch_option_save(option=obj)

    def delete_with_service(self, obj: WatchOption) -> None:
        services.watch_option_delete(option=obj)


class SceneInline(TranslationTabularInline):
    """The film's scenes; the last ends at the running time. Starts are typed as timecodes.
    Saved together by FilmAdmin.save_formset (films.services.scenes_save)."""

    model = Scene
    form = SceneForm
    formset = SceneFormSet
    extra = 0
    # The start beside the number: the row is wide, and these two are what editors check.
    fields = ["number", "start", "title", "slug"]
    prepopulated_fields = {"slug": ["title_en"]}
    ordering = ["number"]


# The translated fields show once per language ("Title [en]", "Title [ko]"), one under the
# other. Not the library's tabbed admin: it loads jQuery UI from Google's CDN, which the
# Content Security Policy (scripts from our origin only) rightly refuses.
@admin.register(Film)
class FilmAdmin(ServiceAdmin, TranslationAdmin):
    list_display = [
        "title", "original_title", "release_date", "running_time", "readers_average",
        "readers_rating_count",
    ]  # fmt: skip
    list_filter = ["genres", "release_date"]
    search_fields = [
        "title_en", "title_ko", "original_title", "credits__person__name_en",
        "credits__person__name_ko",
    ]  # fmt: skip
    date_hierarchy = "release_date"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["genres"]
    inlines = [CreditInline, WatchOptionInline, SceneInline]
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
            _("Release"),
            {"fields": ["release_date", "release_date_precision", "running_time"]},
        ),
        (_("Classification"), {"fields": ["genres", "countries", "languages"]}),
    ]

    # Both from the counts kept on the film's row: no join, no query per film.
    @admin.display(description=_("Readers' average"))
    def readers_average(self, obj: Film) -> str | None:
        average = obj.readers_average
        return None if average is None else f"{average:.1f}/10"

    @admin.display(description=_("Ratings"))
    def readers_rating_count(self, obj: Film) -> int:
        return obj.readers_rating_count

    def save_model(self, request, obj, form, change):
        services.film_save(film=obj, poster_changed="poster" in form.changed_data)

    def save_formset(self, request, form, formset, change):
        if formset.model is not Scene:
            return super().save_formset(request, form, formset, change)
        changed = formset.save(commit=False)
        services.scenes_save(film=form.instance, changed=changed, deleted=formset.deleted_objects)

    def save_related(self, request, form, formsets, change):
        services.film_genres_set(film=form.instance, genres=form.cleaned_data["genres"])
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def delete_with_service(self, obj: Film) -> None:
        services.film_delete(film=obj)


@admin.register(Person)
class PersonAdmin(ServiceAdmin, TranslationAdmin):
    list_display = ["name", "original_name"]
    search_fields = ["name_en", "name_ko", "original_name"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", ("original_name", "original_name_language"), "slug", "bio"]

    def save_with_service(self, obj: Person) -> None:
        services.person_save(person=obj)

    def delete_with_service(self, obj: Person) -> None:
        services.person_delete(person=obj)


@admin.register(Genre)
class GenreAdmin(ServiceAdmin, TranslationAdmin):
    search_fields = ["name_en", "name_ko"]
    prepopulated_fields = {"slug": ["name"]}

    def save_with_service(self, obj: Genre) -> None:
        services.genre_save(genre=obj)

    # A deleted genre leaves the choices of the film list's and the search's filters too.
    def delete_with_service(self, obj: Genre) -> None:
        services.genre_delete(genre=obj)
