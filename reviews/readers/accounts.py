"""How django-allauth creates our readers, and how a signed-in reader is loaded."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import backends, get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser, Permission
from django.db.models import Q

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


class _PermissionsInOneQuery:
    """ModelBackend's permissions, the same set, in one query (Django's own takes two: the
    user's and their groups'), kept on the user object for the request as Django keeps its
    own. Every page of the moderation desk asks."""

    def get_all_permissions(self, user_obj: AbstractBaseUser | AnonymousUser, obj=None) -> set[str]:
        if user_obj.is_superuser or obj is not None:
            return super().get_all_permissions(user_obj, obj=obj)
        if not user_obj.is_active or user_obj.is_anonymous:
            return set()
        if (known := getattr(user_obj, "site_permissions", None)) is None:
            granted = Permission.objects.filter(Q(user=user_obj) | Q(group__user=user_obj))
            rows = granted.values_list("content_type__app_label", "codename").distinct()
            known = user_obj.site_permissions = {f"{app}.{codename}" for app, codename in rows}
        return known


class ModelBackend(_WithProfile, _PermissionsInOneQuery, backends.ModelBackend):
    pass


class AuthenticationBackend(_WithProfile, _PermissionsInOneQuery, AllauthBackend):
    pass
