"""People in the admin: editors' bylines, and accounts with their profiles."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from config.admin import DeletesThroughService
from reviews.readers import services
from reviews.readers.models import Profile

User = get_user_model()


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["display_name", "user"]
    search_fields = ["display_name", "user__username"]
    fields = ["display_name", "bio", "language"]

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
class SiteUserAdmin(DeletesThroughService, UserAdmin):
    inlines = [ProfileInline]

    def save_related(self, request, form, formsets, change):
        # After the inline profile is saved: the username, display name and account age
        # show on the person's comments and on the moderation desk.
        super().save_related(request, form, formsets, change)
        if change:
            services.names_changed(user=form.instance)

    # Deleting an account keeps the person's comments as placeholders and the moderation
    # record complete, as when readers delete their own.
    def delete_with_service(self, obj) -> None:
        services.account_delete(user=obj)


# Appeals register their admin with the people's: reviews/admin.py imports this module, and
# readers come after appeals in the packages' one-way order.
from reviews.appeals import admin as appeals_admin  # noqa: E402, F401
