"""How django-allauth creates our readers."""

from allauth.account.adapter import DefaultAccountAdapter

from reviews.models import Profile


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            display_name = form.cleaned_data.get("display_name") or user.get_username()
            Profile.objects.get_or_create(user=user, defaults={"display_name": display_name})
        return user
