"""How django-allauth creates our readers, and how a signed-in reader is loaded."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import backends, get_user_model

from reviews.models import Profile


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
        user = get_user_model()._default_manager.select_related("profile").filter(pk=user_id)
        user = user.first()
        return user if user is not None and self.user_can_authenticate(user) else None


class ModelBackend(_WithProfile, backends.ModelBackend):
    pass


class AuthenticationBackend(_WithProfile, AllauthBackend):
    pass
