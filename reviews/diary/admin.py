"""Readers' ratings, diaries, reviews and watchlists in the admin. Staff look and remove; they do
not rate or log for a reader. Removals go through the diary's services, so a film's readers'
score is counted again and the pages showing what went are marked stale."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from config.admin import DeletesThroughService
from reviews.diary import services
from reviews.diary.models import DiaryEntry, Rating, WatchlistEntry

READER_SEARCH = ["reader__username", "reader__profile__display_name"]


def stars(score: int | None) -> str | None:
    """A 1-10 score as five stars with halves (a 7 is ★★★½), named for screen readers; None
    (the admin's empty value) for no score."""
    if score is None:
        return None
    label = gettext("%(stars)s of 5 stars") % {"stars": f"{score / 2:g}"}
    glyphs = "★" * (score // 2) + ("½" if score % 2 else "")
    return format_html(
        '<span role="img" aria-label="{}" title="{}">{}</span>', label, label, glyphs
    )


def reader_name(user) -> str:
    """The reader as the site names them, with the username staff search by."""
    profile = getattr(user, "profile", None)
    if profile and profile.display_name and profile.display_name != user.get_username():
        return f"{profile.display_name} ({user.get_username()})"
    return user.get_username()


class ReadersActivityAdmin(DeletesThroughService, admin.ModelAdmin):
    """Looked at and removed, never added or changed here: a reader's own words and choices."""

    list_select_related = ["reader__profile", "film"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def delete_queryset(self, request, queryset):
        # The services take the reader and the film: loaded with the rows, not one by one.
        super().delete_queryset(request, queryset.select_related("reader", "film"))

    @admin.display(description=_("Reader"), ordering="reader__username")
    def reader_column(self, obj) -> str:
        return reader_name(obj.reader)

    @admin.display(description=_("Score"), ordering="score")
    def stars_column(self, obj) -> str | None:
        return stars(obj.score)


@admin.register(Rating)
class RatingAdmin(ReadersActivityAdmin):
    list_display = ["reader_column", "film", "stars_column", "rated_at"]
    list_filter = ["score", ("film", admin.RelatedOnlyFieldListFilter)]
    search_fields = [*READER_SEARCH, "film__title"]
    date_hierarchy = "rated_at"

    # The film's readers' score is counted again without this rating.
    def delete_with_service(self, obj: Rating) -> None:
        services.rating_remove(reader=obj.reader, film=obj.film)


@admin.register(DiaryEntry)
class DiaryEntryAdmin(ReadersActivityAdmin):
    list_display = [
        "reader_column", "film", "watched_on", "rewatch", "stars_column", "has_review",
        "review_status", "contains_spoilers",
    ]  # fmt: skip
    list_filter = ["review_status", "rewatch", "contains_spoilers", "watched_on"]
    search_fields = [*READER_SEARCH, "film__title", "review"]
    date_hierarchy = "watched_on"
    fields = [
        "reader", "film", "watched_on", "rewatch", "score", "tags", "review", "contains_spoilers",
        "review_status", "held_reason", "moderation_reason", "like_count", "created_at",
        "edited_at",
    ]  # fmt: skip

    @admin.display(description=_("Review"), boolean=True)
    def has_review(self, obj: DiaryEntry) -> bool:
        return obj.is_review

    # As if the reader deleted it: their rating of the film stays (it is a rating of its own).
    def delete_with_service(self, obj: DiaryEntry) -> None:
        services.entry_delete(entry=obj, user=obj.reader)


class ReaderReviewAdmin(DiaryEntryAdmin):
    """The entries with a review. Moderation registers it, with its decisions, for ReaderReview
    (reviews/moderation/admin.py): the diary never imports moderation."""

    list_display = [
        "short_review", "reader_column", "film", "stars_column", "review_status",
        "contains_spoilers", "like_count", "created_at",
    ]  # fmt: skip
    list_filter = [
        "review_status", "contains_spoilers", ("film", admin.RelatedOnlyFieldListFilter),
        "created_at",
    ]  # fmt: skip
    search_fields = [*READER_SEARCH, "film__title", "review"]
    date_hierarchy = "created_at"

    def get_queryset(self, request):
        return super().get_queryset(request).reviews()

    @admin.display(description=_("Review"))
    def short_review(self, obj: DiaryEntry) -> str:
        text = " ".join(obj.review.split())
        return text if len(text) <= 80 else gettext("%(start)s…") % {"start": text[:79]}


@admin.register(WatchlistEntry)
class WatchlistEntryAdmin(ReadersActivityAdmin):
    list_display = ["reader_column", "film", "added_at"]
    list_filter = [("film", admin.RelatedOnlyFieldListFilter)]
    search_fields = [*READER_SEARCH, "film__title"]
    date_hierarchy = "added_at"

    def delete_with_service(self, obj: WatchlistEntry) -> None:
        services.watchlist_remove(reader=obj.reader, film=obj.film)
