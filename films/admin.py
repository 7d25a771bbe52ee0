from django.contrib import admin

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


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "original_name"]
    search_fields = ["name", "original_name"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", ("original_name", "original_name_language"), "slug", "bio"]


@admin.register(Genre)
class GenreAdmin(admin.ModelAdmin):
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
