"""How django-allauth creates our readers, and how a signed-in reader is loaded."""

import functools

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.conf import settings
from django.contrib.auth import backends, get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import translation

from reviews.readers.models import Profile


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            display_name = form.cleaned_data.get("display_name") or user.get_username()
            # The language they signed up in is the one their e-mails come in, until they
            # choose another.
            language = translation.get_language()
            Profile.objects.get_or_create(
                user=user,
                defaults={
                    "display_name": display_name,
                    "language": language if language in dict(settings.LANGUAGES) else "",
                },
            )
        return user


def _columns(model) -> list[str]:
    table = connection.ops.quote_name(model._meta.db_table)
    return [f"{table}.{connection.ops.quote_name(f.column)}" for f in model._meta.concrete_fields]


@functools.cache
def _user_with_profile_sql() -> str:
    """The reader's row and their profile's in one statement, written out once per process
    from the models' own fields: the ORM builds the same statement on every request, and at
    that rate building it costs more than running it (README, "Performance")."""
    user, profile = get_user_model(), Profile
    quote = connection.ops.quote_name
    user_key = f"{quote(user._meta.db_table)}.{quote(user._meta.pk.column)}"
    profile_user = (
        f"{quote(profile._meta.db_table)}.{quote(profile._meta.get_field('user').column)}"
    )
    columns = ", ".join([*_columns(user), *_columns(profile)])
    return (
        f"SELECT {columns} FROM {quote(user._meta.db_table)} "
        f"LEFT OUTER JOIN {quote(profile._meta.db_table)} ON {profile_user} = {user_key} "
        f"WHERE {user_key} = %s"
    )


def user_with_profile(user_id) -> AbstractBaseUser | None:
    """The user with their profile loaded (None if there is no such user), as
    `select_related("profile").get(pk=...)` loads them, in one query."""
    user_model = get_user_model()
    try:
        user_id = user_model._meta.pk.to_python(user_id)
    except ValidationError:
        return None
    with connection.cursor() as cursor:
        cursor.execute(_user_with_profile_sql(), [user_id])
        row = cursor.fetchone()
    if row is None:
        return None
    user_fields = [f.attname for f in user_model._meta.concrete_fields]
    profile_fields = [f.attname for f in Profile._meta.concrete_fields]
    user = user_model.from_db(connection.alias, user_fields, row[: len(user_fields)])
    profile_row = row[len(user_fields) :]
    profile = None
    if profile_row[0] is not None:  # the profile's primary key: NULL when there is none
        profile = Profile.from_db(connection.alias, profile_fields, profile_row)
        Profile.user.field.set_cached_value(profile, user)
    user_model.profile.related.set_cached_value(user, profile)
    return user


class _WithProfile:
    """Loads the reader with their profile: every page's header shows their display name,
    which would otherwise cost a query of its own on each request."""

    def get_user(self, user_id):
        user = user_with_profile(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


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
