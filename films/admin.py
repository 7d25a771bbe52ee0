from itertools import pairwise

from django import forms
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from config.admin import ServiceAdmin, ServiceInline
from config.revisions.admin import RevisionsAdmin
from films import services
from films.forms import SceneForm, SceneFormSet
from films.models import Credit, Film, Genre, Person, Premiere, Scene, WatchOption


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


class PremiereFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        """Premieres entered together must not overlap each other either (each form checks
        those already saved: Premiere.clean)."""
        super().clean()
        windows = sorted(
            (form.cleaned_data["starts_at"], form.cleaned_data["ends_at"])
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("starts_at")
            and form.cleaned_data.get("ends_at")
        )
        for (_start, end), (next_start, _end) in pairwise(windows):
            if next_start < end:
                raise forms.ValidationError(
                    _("Two of these premieres overlap. A film has one premiere at a time."),
                    code="premieres_overlap",
                )


class PremiereInline(ServiceInline, admin.TabularInline):
    """Premieres, in the editor's time zone (the site's): slow mode and held new accounts."""

    model = Premiere
    formset = PremiereFormSet
    extra = 0
    fields = ["starts_at", "ends_at", "slow_mode_seconds", "hold_accounts_younger_than"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in ("starts_at", "ends_at"):
            field.help_text = _("In %(zone)s time.") % {
                "zone": timezone.get_current_timezone_name()
            }
        return field

    def save_with_service(self, obj: Premiere) -> None:
        services.premiere_save(premiere=obj)

    def delete_with_service(self, obj: Premiere) -> None:
        services.premiere_delete(premiere=obj)


# The translated fields show once per language ("Title [en]", "Title [ko]"), one under the
# other. Not the library's tabbed admin: it loads jQuery UI from Google's CDN, which the
# Content Security Policy (scripts from our origin only) rightly refuses.
@admin.register(Film)
class FilmAdmin(RevisionsAdmin, ServiceAdmin, TranslationAdmin):
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
    inlines = [CreditInline, WatchOptionInline, SceneInline, PremiereInline]
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

    def restore_with_service(self, request, obj: Film, revision) -> None:
        services.film_restore(film=obj, revision=revision)


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
