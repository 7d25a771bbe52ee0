from django.contrib import admin

from films import services
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
        services.film_save(film=obj, poster_changed="poster" in form.changed_data)

    def save_related(self, request, form, formsets, change):
        services.film_genres_set(film=form.instance, genres=form.cleaned_data["genres"])
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def save_formset(self, request, form, formset, change):
        # Credits and where to watch, each through its service.
        save, delete = _INLINE_SERVICES[formset.model]
        for obj in formset.save(commit=False):
            save(obj)
        for obj in formset.deleted_objects:
            delete(obj)

    def delete_model(self, request, obj):
        services.film_delete(film=obj)

    def delete_queryset(self, request, queryset):
        for film in queryset:
            services.film_delete(film=film)


_INLINE_SERVICES = {
    Credit: (
        lambda credit: services.credit_save(credit=credit),
        lambda credit: services.credit_delete(credit=credit),
    ),
    WatchOption: (
        lambda option: services.watch_option_save(option=option),
        lambda option: services.watch_option_delete(option=option),
    ),
}


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "original_name"]
    search_fields = ["name", "original_name"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", ("original_name", "original_name_language"), "slug", "bio"]

    def save_model(self, request, obj, form, change):
        services.person_save(person=obj)

    def delete_model(self, request, obj):
        services.person_delete(person=obj)

    def delete_queryset(self, request, queryset):
        for person in queryset:
            services.person_delete(person=person)


@admin.register(Genre)
class GenreAdmin(admin.ModelAdmin):
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def save_model(self, request, obj, form, change):
        services.genre_save(genre=obj)

    # A deleted genre leaves the choices of the film list's and the search's filters too.
    def delete_model(self, request, obj):
        services.genre_delete(genre=obj)

    def delete_queryset(self, request, queryset):
        for genre in queryset:
            services.genre_delete(genre=genre)
