"""Appeals in the admin: the record, read-only. They are filed by authors and decided on the
desk (reviews/appeals/services.py), never edited here."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from reviews.appeals.models import Appeal


@admin.register(Appeal)
class AppealAdmin(admin.ModelAdmin):
    list_display = ["created_at", "status", "author", "item_shown", "removed_by", "decided_by"]
    list_filter = ["status", "created_at"]
    list_select_related = ["author", "removed_by", "decided_by", "comment", "entry__film"]
    search_fields = ["text", "outcome_reason", "author__username"]
    date_hierarchy = "created_at"
    fields = [
        "decision", "comment", "entry", "author", "text", "created_at", "status", "removed_by",
        "decided_by", "decided_at", "outcome_reason",
    ]  # fmt: skip
    readonly_fields = fields

    @admin.display(description=_("appealed for"))
    def item_shown(self, obj: Appeal) -> str:
        if obj.entry_id:
            return _("Reader review of %(film)s") % {"film": obj.entry.film}
        return str(obj.comment)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
