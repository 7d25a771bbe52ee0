"""Admin classes whose writes go through an app's services, so that a change made in the admin
marks stale what the same change made anywhere else marks (the services say what)."""

from typing import Any

from django.contrib import admin


class DeletesThroughService:
    """Deleting one object or a selection calls the app's service for each."""

    def delete_with_service(self, obj: Any) -> None:
        raise NotImplementedError

    def delete_model(self, request, obj):
        self.delete_with_service(obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_with_service(obj)


class ServiceInline(DeletesThroughService):
    """An inline whose rows its ServiceAdmin saves and deletes through these services."""

    def save_with_service(self, obj: Any) -> None:
        raise NotImplementedError


class ServiceAdmin(DeletesThroughService, admin.ModelAdmin):
    """Saves and deletes, its own and its ServiceInlines' rows, through the app's services."""

    def save_with_service(self, obj: Any) -> None:
        raise NotImplementedError

    def save_model(self, request, obj, form, change):
        self.save_with_service(obj)

    def save_formset(self, request, form, formset, change):
        inline = next(
            (
                inline
                for inline in self.get_inline_instances(request, form.instance)
                if inline.model is formset.model and isinstance(inline, ServiceInline)
            ),
            None,
        )
        if inline is None:
            return super().save_formset(request, form, formset, change)
        for obj in formset.save(commit=False):
            inline.save_with_service(obj)
        for obj in formset.deleted_objects:
            inline.delete_with_service(obj)
        formset.save_m2m()
