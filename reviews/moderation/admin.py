"""Comments, reader reviews, reports, sanctions, the decision record and the blocklist in the
admin: the same services as the desk.

Reader reviews are listed by the diary's admin (ReaderReviewAdmin); moderation registers it here
with its decisions, as the diary never imports moderation."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from config.admin import DeletesThroughService
from reviews.diary.admin import ReaderReviewAdmin
from reviews.diary.models import DiaryEntry, ReaderReview
from reviews.discussion.models import Comment, CommentReport, CommentRevision
from reviews.moderation import reasons, services
from reviews.moderation.models import DECISION_DONE, BlockedTerm, ModerationDecision, Sanction
from reviews.removals import RemovalCategory

User = get_user_model()
Action = ModerationDecision.Action


@dataclass(frozen=True)
class Noun:
    """How the admin's messages name the items decided: one by its id, and a number of them."""

    one: Callable[[int], str]
    counted: Callable[[int], str]


COMMENTS = Noun(
    one=lambda pk: _("Comment %(id)s") % {"id": pk},
    counted=lambda n: ngettext("%(count)s comment", "%(count)s comments", n) % {"count": n},
)
READER_REVIEWS = Noun(
    one=lambda pk: _("Reader review %(id)s") % {"id": pk},
    counted=lambda n: (
        ngettext("%(count)s reader review", "%(count)s reader reviews", n) % {"count": n}
    ),
)


def _decide_each(
    modeladmin: admin.ModelAdmin,
    request,
    items,
    decide: Callable[[Any], object],
    noun: Noun,
    done: str,
) -> None:
    """`decide` each item (a comment, a reader review) on its own, so each decision is recorded
    on its own; then one message for those decided and a warning for each refused, named by
    `noun` and its id."""
    succeeded, refused = 0, []
    for item in items:
        try:
            decide(item)
            succeeded += 1
        except ValidationError as error:
            refused.append(f"{noun.one(item.pk)}: {' '.join(error.messages)}")
    if succeeded:
        message = _("%(done)s: %(items)s.") % {"done": done, "items": noun.counted(succeeded)}
        modeladmin.message_user(request, message, messages.SUCCESS)
    for message in refused:
        modeladmin.message_user(request, message, messages.WARNING)


class RemovalActionForm(ActionForm):
    """The action menu with the removal category that "remove" and "uphold" record (checked
    by `chosen_category`, so that a forged value gets a message rather than "No action")."""

    category = forms.CharField(
        required=False,
        label=gettext_lazy("Removal category"),
        widget=forms.Select(choices=[("", gettext_lazy("Category…")), *RemovalCategory.choices]),
    )


def chosen_category(modeladmin: admin.ModelAdmin, request, default: str) -> str | None:
    """The category chosen in the action menu, `default` without one; None (with a message)
    when it is not one of RemovalCategory."""
    category = request.POST.get("category", "") or default
    if category and category not in RemovalCategory.values:
        modeladmin.message_user(
            request, _("Choose a removal category from the list."), messages.ERROR
        )
        return None
    return category


class DecisionActions:
    """The desk's five decisions as actions on the selected items, for moderators only. A
    subclass names its items (`noun`) and decides one through its service (`decide`)."""

    noun: Noun
    actions = ["approve", "reject", "mark_spam", "remove", "restore"]
    action_form = RemovalActionForm

    def decide(self, item, *, moderator, action: str, reason: str, category: str) -> None:
        raise NotImplementedError

    def _decide_selected(
        self, request, queryset, action: str, done: str, reason: str = "", category: str = ""
    ):
        def decide(item) -> None:
            self.decide(
                item, moderator=request.user, action=action, reason=reason, category=category
            )

        _decide_each(self, request, queryset, decide, self.noun, done)

    @admin.action(
        description=gettext_lazy("Approve selected %(verbose_name_plural)s"),
        permissions=["moderate"],
    )
    def approve(self, request, queryset):
        self._decide_selected(request, queryset, Action.APPROVE, DECISION_DONE[Action.APPROVE])

    @admin.action(description=gettext_lazy("Reject selected (off topic)"), permissions=["moderate"])
    def reject(self, request, queryset):
        # One of the desk's canned reasons, in the moderator's language, as the desk keeps it.
        reason = _("Off topic for this review")
        self._decide_selected(
            request, queryset, Action.REJECT, DECISION_DONE[Action.REJECT], reason=reason
        )

    @admin.action(description=gettext_lazy("Mark selected as spam"), permissions=["moderate"])
    def mark_spam(self, request, queryset):
        self._decide_selected(request, queryset, Action.SPAM, DECISION_DONE[Action.SPAM])

    @admin.action(
        description=gettext_lazy("Remove selected published %(verbose_name_plural)s"),
        permissions=["moderate"],
    )
    def remove(self, request, queryset):
        if (category := chosen_category(self, request, RemovalCategory.OTHER)) is None:
            return
        done = DECISION_DONE[Action.REMOVE]
        self._decide_selected(request, queryset, Action.REMOVE, done, category=category)

    @admin.action(
        description=gettext_lazy("Restore selected %(verbose_name_plural)s"),
        permissions=["moderate"],
    )
    def restore(self, request, queryset):
        self._decide_selected(request, queryset, Action.RESTORE, DECISION_DONE[Action.RESTORE])

    def has_moderate_permission(self, request) -> bool:
        return request.user.has_perm("reviews.moderate_comment")


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
class CommentAdmin(DecisionActions, admin.ModelAdmin):
    list_display = ["short_body", "author", "review", "status", "held_reason_shown", "created_at"]
    list_filter = ["status", ("review", admin.RelatedOnlyFieldListFilter), "created_at"]
    list_select_related = ["author", "review"]
    search_fields = ["body", "author__username", "review__headline"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "review", "author", "parent", "in_reply_to", "root", "depth", "body", "status",
        "held_reason", "like_count", "ip_address", "created_at", "edited_at", "deleted_at",
    ]  # fmt: skip
    inlines = [OpenReportInline, RevisionInline]
    noun = COMMENTS

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # comments leave a record; moderators remove them instead

    @admin.display(description=gettext_lazy("Comment"))
    def short_body(self, obj: Comment) -> str:
        return obj.body[:80]

    @admin.display(description=gettext_lazy("Held reason"), ordering="held_reason")
    def held_reason_shown(self, obj: Comment) -> str:
        return reasons.shown(obj.held_reason)

    def decide(self, item: Comment, **decision) -> None:
        services.comment_decide(comment=item, **decision)


@admin.register(ReaderReview)
class ModeratedReaderReviewAdmin(DecisionActions, ReaderReviewAdmin):
    """The diary's list of reader reviews, with the same decisions as comments."""

    noun = READER_REVIEWS

    def decide(self, item: DiaryEntry, **decision) -> None:
        services.entry_decide(entry=item, **decision)


@admin.register(CommentReport)
class CommentReportAdmin(DeletesThroughService, admin.ModelAdmin):
    list_display = ["comment", "reporter", "reason", "resolution", "created_at"]
    list_filter = ["reason", "resolution", "created_at"]
    list_select_related = ["comment", "reporter"]
    search_fields = ["note", "comment__body", "reporter__username"]
    readonly_fields = [
        "comment", "reporter", "reason", "note", "created_at", "resolution", "resolved_at",
        "resolved_by",
    ]  # fmt: skip
    actions = ["uphold", "dismiss"]
    action_form = RemovalActionForm

    def has_add_permission(self, request):
        return False

    # Only superusers may delete reports; a deleted open report leaves the queue.
    def delete_with_service(self, obj: CommentReport) -> None:
        services.report_delete(report=obj)

    @admin.action(
        description=gettext_lazy("Uphold: remove the reported comments"), permissions=["moderate"]
    )
    def uphold(self, request, queryset):
        # Without a category chosen, the reporters' commonest reason (tombstones.mark).
        if (category := chosen_category(self, request, "")) is None:
            return
        done = Action.UPHOLD_REPORTS.label
        self._decide_comments(request, queryset, Action.UPHOLD_REPORTS, done, category)

    @admin.action(
        description=gettext_lazy("Dismiss: keep the reported comments"), permissions=["moderate"]
    )
    def dismiss(self, request, queryset):
        done = Action.DISMISS_REPORTS.label
        self._decide_comments(request, queryset, Action.DISMISS_REPORTS, done)

    def _decide_comments(
        self, request, reports, action: str, done: str, category: str = ""
    ) -> None:
        """One decision per reported comment, however many of its reports are selected."""
        comments = Comment.objects.filter(pk__in=reports.values("comment")).distinct()

        def decide(comment: Comment) -> None:
            services.comment_decide(
                comment=comment, moderator=request.user, action=action, category=category
            )

        _decide_each(self, request, comments, decide, COMMENTS, done)

    def has_moderate_permission(self, request) -> bool:
        return request.user.has_perm("reviews.moderate_comment")


class SanctionAdminForm(forms.ModelForm):
    # Readers are named by username: moderators may not browse the user list (and its e-mails).
    user = forms.ModelChoiceField(
        queryset=User.objects.all(),
        to_field_name="username",
        widget=forms.TextInput,
        label=gettext_lazy("Reader's username"),
        error_messages={"invalid_choice": gettext_lazy("There is no reader with that username.")},
    )

    class Meta:
        model = Sanction
        fields = ["user", "kind", "reason", "expires_at"]

    def clean_expires_at(self):
        expires_at = self.cleaned_data.get("expires_at")
        if expires_at is not None and expires_at <= timezone.now():
            raise forms.ValidationError(_("The end of a sanction must be in the future."))
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

    @admin.action(description=gettext_lazy("Lift selected sanctions"), permissions=["change"])
    def lift(self, request, queryset):
        lifted = 0
        for sanction in queryset.filter(lifted_at__isnull=True):
            services.sanction_lift(sanction=sanction, moderator=request.user)
            lifted += 1
        message = ngettext("Lifted %(count)s sanction.", "Lifted %(count)s sanctions.", lifted)
        self.message_user(request, message % {"count": lifted}, messages.SUCCESS)


@admin.register(ModerationDecision)
class ModerationDecisionAdmin(admin.ModelAdmin):
    """The record: read-only, for everyone, always."""

    list_display = [
        "created_at", "moderator", "action", "item_shown", "from_status_shown", "to_status_shown",
    ]  # fmt: skip
    list_filter = ["action", "moderator", "created_at"]
    list_select_related = ["moderator", "comment", "entry__film", "entry__reader__profile"]
    search_fields = ["reason", "note", "moderator__username", "comment__body", "entry__review"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("decided on"))
    def item_shown(self, obj: ModerationDecision) -> str:
        """The comment, or the reader review (whose review of which film), as the desk's own
        log names them; empty for a decision on a sanction alone."""
        if obj.comment_id:
            return str(obj.comment)
        if obj.entry_id:
            entry = obj.entry
            profile = getattr(entry.reader, "profile", None)
            name = (profile.display_name if profile else "") or entry.reader.get_username()
            return _("%(name)s's review of %(film)s") % {"name": name, "film": entry.film}
        return ""

    @admin.display(description=gettext_lazy("from status"), ordering="from_status")
    def from_status_shown(self, obj: ModerationDecision) -> str:
        return obj.from_status_label

    @admin.display(description=gettext_lazy("to status"), ordering="to_status")
    def to_status_shown(self, obj: ModerationDecision) -> str:
        return obj.to_status_label

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
