from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import format_html

from config import pagecache
from reviews import services
from reviews.models import (
    BlockedTerm,
    Comment,
    CommentReport,
    CommentRevision,
    ModerationDecision,
    Profile,
    Review,
    Sanction,
)

User = get_user_model()


class ReviewAdminForm(forms.ModelForm):
    class Meta:
        model = Review
        fields = [
            "film", "headline", "slug", "standfirst", "body", "rating", "contains_spoilers",
            "author", "status", "publish_at",
        ]  # fmt: skip

    def clean(self):
        cleaned = super().clean()
        # Choosing "Published" without a time means "now"; a future time schedules the review.
        if cleaned.get("status") == Review.Status.PUBLISHED and not cleaned.get("publish_at"):
            cleaned["publish_at"] = timezone.now()
        return cleaned


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    form = ReviewAdminForm
    list_display = ["headline", "film", "byline", "rating", "status_column", "updated_at"]
    list_filter = ["status", "contains_spoilers", "film", "author"]
    list_select_related = ["film", "author__profile"]
    search_fields = ["headline", "standfirst", "body", "film__title"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["film", "author"]
    readonly_fields = ["preview_link", "reading_time", "created_at", "updated_at"]
    actions = ["publish_selected", "unpublish_selected"]
    fieldsets = [
        (None, {"fields": ["film", "headline", "slug", "standfirst", "body"]}),
        ("Verdict", {"fields": ["rating", "contains_spoilers"]}),
        (
            "Publication",
            {"fields": ["author", "status", "publish_at", "preview_link", "reading_time"]},
        ),
        ("Record", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_changeform_initial_data(self, request):
        return {"author": request.user.pk, **super().get_changeform_initial_data(request)}

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        publication = not change or bool({"status", "publish_at", "film"} & set(form.changed_data))
        old_film = form.initial.get("film") if change else None
        pagecache.review_changed(obj, publication=publication, old_film_id=old_film)
        if change and {"headline", "slug"} & set(form.changed_data):
            services.review_renamed(review=obj)

    def get_deleted_objects(self, objs, request):
        # Comments cannot be deleted on their own (moderators take them down instead), but
        # they go with their review; the moderation record keeps its decisions about them.
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        perms_needed.discard(Comment._meta.verbose_name)
        return deleted, counts, perms_needed, protected

    def delete_model(self, request, obj):
        pk, film_id = obj.pk, obj.film_id
        super().delete_model(request, obj)
        pagecache.changed(pagecache.review(pk), pagecache.REVIEWS, pagecache.film_reviews(film_id))

    def delete_queryset(self, request, queryset):
        gone = list(queryset.values_list("pk", "film_id"))
        super().delete_queryset(request, queryset)
        for pk, film_id in gone:
            pagecache.changed(
                pagecache.review(pk), pagecache.REVIEWS, pagecache.film_reviews(film_id)
            )

    def view_on_site(self, obj: Review) -> str:
        # Unpublished reviews are 404 on the site, so "View on site" opens the preview.
        return obj.get_absolute_url() if obj.is_public else obj.get_preview_url()

    @admin.display(description="Author", ordering="author__profile__display_name")
    def byline(self, obj: Review) -> str:
        profile = getattr(obj.author, "profile", None)
        return profile.display_name if profile else obj.author.get_username()

    @admin.display(description="Status", ordering="publish_at")
    def status_column(self, obj: Review) -> str:
        if obj.is_scheduled:
            when = timezone.localtime(obj.publish_at).strftime("%-d %b %Y, %H:%M")
            return format_html('<span title="Scheduled">⏱ Scheduled for {}</span>', when)
        if obj.is_public:
            return format_html("Published {}", timezone.localtime(obj.publish_at).date())
        return "Draft"

    @admin.display(description="Preview")
    def preview_link(self, obj: Review) -> str:
        if not obj.pk:
            return "Save the review to preview it."
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">Preview this review</a>',
            obj.get_preview_url(),
        )

    # Without `permissions`, anyone who may view the changelist (moderators) could run these.
    @admin.action(
        description="Publish selected reviews (now, or at their scheduled time)",
        permissions=["change"],
    )
    def publish_selected(self, request, queryset):
        for review in queryset:
            services.review_publish(review=review)
        self.message_user(request, f"Published {len(queryset)} review(s).", messages.SUCCESS)

    @admin.action(description="Unpublish selected reviews (back to draft)", permissions=["change"])
    def unpublish_selected(self, request, queryset):
        for review in queryset:
            services.review_unpublish(review=review)
        self.message_user(request, f"Unpublished {len(queryset)} review(s).", messages.SUCCESS)


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["display_name", "user"]
    search_fields = ["display_name", "user__username"]
    fields = ["display_name", "bio"]

    def get_queryset(self, request):
        # Editors keep their own byline; only superusers see everyone's.
        queryset = super().get_queryset(request).select_related("user")
        return queryset if request.user.is_superuser else queryset.filter(user=request.user)

    def has_add_permission(self, request):
        return request.user.is_superuser

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.names_changed(user=obj.user)


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False


admin.site.unregister(User)


@admin.register(User)
class SiteUserAdmin(UserAdmin):
    inlines = [ProfileInline]

    def save_related(self, request, form, formsets, change):
        # After the inline profile is saved: the username, display name and account age
        # show on the person's comments and on the moderation desk.
        super().save_related(request, form, formsets, change)
        if change:
            services.names_changed(user=form.instance)

    # Deleting an account keeps the person's comments as placeholders and the moderation
    # record complete, as when readers delete their own.
    def delete_model(self, request, obj):
        services.account_delete(user=obj)

    def delete_queryset(self, request, queryset):
        for user in queryset:
            services.account_delete(user=user)


# --- Discussion and moderation: the same services as the desk ----------------------------


def _run(modeladmin, request, queryset, decide, done: str, **kwargs) -> None:
    succeeded, refused = 0, []
    for comment in queryset:
        try:
            decide(comment=comment, moderator=request.user, **kwargs)
            succeeded += 1
        except ValidationError as error:
            refused.append(f"Comment {comment.pk}: {' '.join(error.messages)}")
    if succeeded:
        modeladmin.message_user(request, f"{done}: {succeeded} comment(s).", messages.SUCCESS)
    for message in refused:
        modeladmin.message_user(request, message, messages.WARNING)


class OpenReportInline(admin.TabularInline):
    model = CommentReport
    extra = 0
    fields = ["reporter", "reason", "note", "created_at", "resolution"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class RevisionInline(admin.TabularInline):
    model = CommentRevision
    extra = 0
    readonly_fields = ["body", "created_at"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["short_body", "author", "review", "status", "held_reason", "created_at"]
    list_filter = ["status", ("review", admin.RelatedOnlyFieldListFilter), "created_at"]
    list_select_related = ["author", "review"]
    search_fields = ["body", "author__username", "review__headline"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "review", "author", "parent", "in_reply_to", "root", "depth", "body", "status",
        "held_reason", "like_count", "ip_address", "created_at", "edited_at", "deleted_at",
    ]  # fmt: skip
    inlines = [OpenReportInline, RevisionInline]
    actions = ["approve", "reject", "mark_spam", "remove", "restore"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # comments leave a record; moderators remove them instead

    @admin.display(description="Comment")
    def short_body(self, obj: Comment) -> str:
        return obj.body[:80]

    @admin.action(description="Approve selected comments", permissions=["moderate"])
    def approve(self, request, queryset):
        _run(self, request, queryset, services.comment_approve, "Approved")

    @admin.action(description="Reject selected (off topic)", permissions=["moderate"])
    def reject(self, request, queryset):
        _run(
            self, request, queryset, services.comment_reject, "Rejected",
            reason="Off topic for this review",
        )  # fmt: skip

    @admin.action(description="Mark selected as spam", permissions=["moderate"])
    def mark_spam(self, request, queryset):
        _run(self, request, queryset, services.comment_mark_spam, "Marked as spam")

    @admin.action(description="Remove selected published comments", permissions=["moderate"])
    def remove(self, request, queryset):
        _run(self, request, queryset, services.comment_remove, "Removed")

    @admin.action(description="Restore selected comments", permissions=["moderate"])
    def restore(self, request, queryset):
        _run(self, request, queryset, services.comment_restore, "Restored")

    def has_moderate_permission(self, request) -> bool:
        return request.user.has_perm("reviews.moderate_comment")


@admin.register(CommentReport)
class CommentReportAdmin(admin.ModelAdmin):
    list_display = ["comment", "reporter", "reason", "resolution", "created_at"]
    list_filter = ["reason", "resolution", "created_at"]
    list_select_related = ["comment", "reporter"]
    search_fields = ["note", "comment__body", "reporter__username"]
    readonly_fields = [
        "comment", "reporter", "reason", "note", "created_at", "resolution", "resolved_at",
        "resolved_by",
    ]  # fmt: skip
    actions = ["uphold", "dismiss"]

    def has_add_permission(self, request):
        return False

    # Only superusers may delete reports; a deleted open report leaves the queue.
    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        services.queue_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        services.queue_changed()

    @admin.action(description="Uphold: remove the reported comments", permissions=["moderate"])
    def uphold(self, request, queryset):
        comments = Comment.objects.filter(pk__in=queryset.values("comment")).distinct()
        _run(self, request, comments, services.comment_uphold_reports, "Reports upheld")

    @admin.action(description="Dismiss: keep the reported comments", permissions=["moderate"])
    def dismiss(self, request, queryset):
        comments = Comment.objects.filter(pk__in=queryset.values("comment")).distinct()
        _run(self, request, comments, services.comment_dismiss_reports, "Reports dismissed")

    def has_moderate_permission(self, request) -> bool:
        return request.user.has_perm("reviews.moderate_comment")


class SanctionAdminForm(forms.ModelForm):
    # Readers are named by username: moderators may not browse the user list (and its e-mails).
    user = forms.ModelChoiceField(
        queryset=User.objects.all(),
        to_field_name="username",
        widget=forms.TextInput,
        label="Reader's username",
        error_messages={"invalid_choice": "There is no reader with that username."},
    )

    class Meta:
        model = Sanction
        fields = ["user", "kind", "reason", "expires_at"]

    def clean_expires_at(self):
        expires_at = self.cleaned_data.get("expires_at")
        if expires_at is not None and expires_at <= timezone.now():
            raise forms.ValidationError("The end of a sanction must be in the future.")
        return expires_at


@admin.register(Sanction)
class SanctionAdmin(admin.ModelAdmin):
    form = SanctionAdminForm
    list_display = ["user", "kind", "reason", "created_at", "expires_at", "lifted_at"]
    list_filter = ["kind", "created_at", "expires_at"]
    search_fields = ["user__username", "reason"]
    list_select_related = ["user"]
    actions = ["lift"]

    def get_readonly_fields(self, request, obj=None):
        # A sanction is changed by lifting it, so that the change is recorded.
        return ["user", "kind", "reason", "expires_at"] if obj else []

    def save_model(self, request, obj, form, change):
        if change:
            return
        created = services.sanction_create(
            user=obj.user,
            moderator=request.user,
            kind=obj.kind,
            reason=obj.reason,
            expires_at=obj.expires_at,
        )
        obj.pk = created.pk

    @admin.action(description="Lift selected sanctions", permissions=["change"])
    def lift(self, request, queryset):
        lifted = 0
        for sanction in queryset.filter(lifted_at__isnull=True):
            services.sanction_lift(sanction=sanction, moderator=request.user)
            lifted += 1
        self.message_user(request, f"Lifted {lifted} sanction(s).", messages.SUCCESS)


@admin.register(ModerationDecision)
class ModerationDecisionAdmin(admin.ModelAdmin):
    """The record: read-only, for everyone, always."""

    list_display = ["created_at", "moderator", "action", "comment", "from_status", "to_status"]
    list_filter = ["action", "moderator", "created_at"]
    list_select_related = ["moderator", "comment"]
    search_fields = ["reason", "note", "moderator__username", "comment__body"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(BlockedTerm)
class BlockedTermAdmin(admin.ModelAdmin):
    list_display = ["phrase", "created_by", "created_at"]
    search_fields = ["phrase"]
    fields = ["phrase"]

    def save_model(self, request, obj, form, change):
        obj.created_by = obj.created_by or request.user
        super().save_model(request, obj, form, change)
