"""Editors' admin for review articles. Each package registers its own models' admin: they are
imported here, as Django looks for `reviews.admin` only."""

from django import forms
from django.contrib import admin, messages
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext, pgettext
from django.utils.translation import gettext_lazy as _

from config.admin import ServiceAdmin
from reviews import services
from reviews.discussion.models import Comment
from reviews.editorial.admin import EditorialReviewAdmin, ScheduledFilter, local_when
from reviews.models import Review


class ReviewAdminForm(forms.ModelForm):
    class Meta:
        model = Review
        fields = [
            "film", "language", "translation_of", "headline", "slug", "standfirst", "body",
            "rating", "contains_spoilers", "author", "status", "publish_at",
        ]  # fmt: skip

    def clean(self):
        cleaned = super().clean()
        # Choosing "Published" without a time means "now"; a future time schedules the review.
        if cleaned.get("status") == Review.Status.PUBLISHED and not cleaned.get("publish_at"):
            cleaned["publish_at"] = timezone.now()
        return cleaned


@admin.register(Review)
class ReviewAdmin(EditorialReviewAdmin, ServiceAdmin):
    form = ReviewAdminForm
    list_display = [
        "headline", "film", "language", "byline", "rating", "status_column", "updated_at",
    ]  # fmt: skip
    list_filter = [ScheduledFilter, "status", "language", "contains_spoilers", "film", "author"]
    list_select_related = ["film", "author__profile"]
    search_fields = ["headline", "standfirst", "body", "film__title"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["film", "author", "translation_of"]
    readonly_fields = [
        "preview_link", "editorial_links", "reading_time", "created_at", "updated_at",
    ]  # fmt: skip
    actions = ["publish_selected", "unpublish_selected"]
    fieldsets = [
        (None, {"fields": ["film", "headline", "slug", "standfirst", "body"]}),
        (_("Language"), {"fields": ["language", "translation_of"]}),
        (_("Verdict"), {"fields": ["rating", "contains_spoilers"]}),
        (
            _("Publication"),
            {
                "fields": [
                    "author",
                    "status",
                    "publish_at",
                    "preview_link",
                    "editorial_links",
                    "reading_time",
                ]
            },
        ),
        (_("Record"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_changeform_initial_data(self, request):
        return {"author": request.user.pk, **super().get_changeform_initial_data(request)}

    def save_with_service(self, obj: Review) -> None:
        services.review_save(review=obj)

    def get_deleted_objects(self, objs, request):
        # Comments cannot be deleted on their own (moderators take them down instead), but
        # they go with their review; the moderation record keeps its decisions about them.
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        perms_needed.discard(Comment._meta.verbose_name)
        return deleted, counts, perms_needed, protected

    def delete_with_service(self, obj: Review) -> None:
        services.review_delete(review=obj)

    def view_on_site(self, obj: Review) -> str:
        # Unpublished reviews are 404 on the site, so "View on site" opens the preview.
        return obj.get_absolute_url() if obj.is_public else obj.get_preview_url()

    @admin.display(description=_("Author"), ordering="author__profile__display_name")
    def byline(self, obj: Review) -> str:
        profile = getattr(obj.author, "profile", None)
        return profile.display_name if profile else obj.author.get_username()

    @admin.display(description=_("Status"), ordering="publish_at")
    def status_column(self, obj: Review) -> str:
        if obj.is_scheduled:
            when = local_when(obj.publish_at)
            scheduled = format_html(
                '<span title="{}">{}</span>',
                pgettext("review status", "Scheduled"),
                gettext("Scheduled for %(when)s") % {"when": when},
            )
            if not getattr(obj, "schedule_clash", False):
                return scheduled
            return format_html(
                '{} <strong class="schedule-clash">⚠ {}</strong>',
                scheduled,
                gettext("Within an hour of another"),
            )
        if obj.is_public:
            when = formats.date_format(timezone.localtime(obj.publish_at), "SHORT_DATE_FORMAT")
            return gettext("Published %(when)s") % {"when": when}
        return pgettext("review status", "Draft")

    @admin.display(description=_("Preview"))
    def preview_link(self, obj: Review) -> str:
        if not obj.pk:
            return gettext("Save the review to preview it.")
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            obj.get_preview_url(),
            gettext("Preview this review"),
        )

    # Without `permissions`, anyone who may view the changelist (moderators) could run these.
    @admin.action(
        description=_("Publish selected reviews (now, or at their scheduled time)"),
        permissions=["change"],
    )
    def publish_selected(self, request, queryset):
        for review in queryset:
            services.review_publish(review=review)
        count = len(queryset)
        message = ngettext("Published %(count)d review.", "Published %(count)d reviews.", count) % {
            "count": count
        }
        self.message_user(request, message, messages.SUCCESS)

    @admin.action(
        description=_("Unpublish selected reviews (back to draft)"), permissions=["change"]
    )
    def unpublish_selected(self, request, queryset):
        for review in queryset:
            services.review_unpublish(review=review)
        count = len(queryset)
        message = ngettext(
            "Unpublished %(count)d review.", "Unpublished %(count)d reviews.", count
        ) % {"count": count}
        self.message_user(request, message, messages.SUCCESS)


from reviews.appeals import admin as appeals_admin  # noqa: E402, F401
from reviews.diary import admin as diary_admin  # noqa: E402, F401
from reviews.moderation import admin as moderation_admin  # noqa: E402, F401
from reviews.readers import admin as readers_admin  # noqa: E402, F401
