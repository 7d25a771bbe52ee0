"""A reader's own forms: their profile, signing up, deleting their account."""

from __future__ import annotations

import functools
import zoneinfo

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reviews.readers.models import Profile


@functools.cache
def zone_choices() -> list[tuple[str, str]]:
    """Every zone Python's zoneinfo knows, sorted by name."""
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = ["display_name", "bio", "language", "notify_replies", "diary_private"]
        widgets = {"bio": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "display_name": gettext_lazy("Shown with your comments."),
            "bio": gettext_lazy("A line or two about you, on your public profile."),
        }

    def __init__(self, *args, staff: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("Not chosen yet")), *settings.LANGUAGES]
        # Editors' time zone, for the admin's times; readers see times in the site's.
        if staff:
            self.fields["time_zone"] = forms.ChoiceField(
                label=_("Time zone"),
                required=False,
                choices=[
                    ("", _("The site's time zone (%(zone)s)") % {"zone": settings.TIME_ZONE}),
                    *zone_choices(),
                ],
                initial=self.instance.time_zone,
                help_text=_("The admin shows the schedule and revisions in this zone."),
            )


class SignupForm(AllauthSignupForm):
    display_name = forms.CharField(
        label=gettext_lazy("Display name"),
        max_length=80,
        required=False,
        help_text=gettext_lazy("Shown with your comments; your username if empty."),
    )


class AccountDeleteForm(forms.Form):
    """Deleting one's own account: their password, and a tick that they mean it."""

    confirm = forms.BooleanField(
        label=gettext_lazy("I understand: my comments' text goes, and this cannot be undone."),
        error_messages={"required": gettext_lazy("Tick the box to confirm.")},
    )
    password = forms.CharField(
        label=gettext_lazy("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": gettext_lazy("Enter your password.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."), code="wrong_password")
        return password
