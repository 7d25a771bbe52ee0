"""How django-allauth creates our readers, and how a signed-in reader is loaded."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import backends, get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from reviews.readers.models import Profile


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            display_name = form.cleaned_data.get("display_name") or user.get_username()
            Profile.objects.get_or_create(user=user, defaults={"display_name": display_name})
        return user


class _WithProfile:
    """Loads the reader with their profile: every page's header shows their display name,
    which would otherwise cost a query of its own on each request."""

    def get_user(self, user_id):
        users = get_user_model()._default_manager.select_related("profile")
        try:
            user = users.get(pk=user_id)
        except users.model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None


_User = get_user_model()
# The user's own permissions and their groups', in one statement: Django's ModelBackend asks
# in two ORM queries, which cost more to build than to run (README, "Performance").
_PERMISSIONS_SQL = f"""
    SELECT type.app_label, permission.codename
    FROM {Permission._meta.db_table} AS permission
    JOIN {ContentType._meta.db_table} AS type ON type.id = permission.content_type_id
    WHERE permission.id IN (
        SELECT permission_id FROM {_User.user_permissions.through._meta.db_table}
        WHERE user_id = %(user)s
        UNION
        SELECT granted.permission_id
        FROM {Group.permissions.through._meta.db_table} AS granted
        JOIN {_User.groups.through._meta.db_table} AS member ON member.group_id = granted.group_id
        WHERE member.user_id = %(user)s
    )
"""


class _PermissionsInOneQuery:
    """ModelBackend's permissions, the same set, in one statement, kept on the user object
    for the request (in an attribute of ours) as Django keeps its own. Every page of the
    moderation desk asks."""

    def get_all_permissions(self, user_obj: AbstractBaseUser | AnonymousUser, obj=None) -> set[str]:
        if user_obj.is_superuser or obj is not None:
            return super().get_all_permissions(user_obj, obj=obj)
        if not user_obj.is_active or user_obj.is_anonymous:
            return set()
        if (known := getattr(user_obj, "site_permissions", None)) is None:
            with connection.cursor() as cursor:
                cursor.execute(_PERMISSIONS_SQL, {"user": user_obj.pk})
                known = {f"{app}.{codename}" for app, codename in cursor}
            user_obj.site_permissions = known
        return known


class ModelBackend(_WithProfile, _PermissionsInOneQuery, backends.ModelBackend):
    pass


class AuthenticationBackend(_WithProfile, _PermissionsInOneQuery, AllauthBackend):
    pass
