from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from reviews.editorial.models import MAX_PREVIEW_DAYS

PREVIEW_DURATIONS = (1, 7, 14, MAX_PREVIEW_DAYS)


class PreviewLinkForm(forms.Form):
    days = forms.TypedChoiceField(
        label=_("Works for"),
        coerce=int,
        choices=[
            (days, ngettext_lazy("%(count)d day", "%(count)d days", "count") % {"count": days})
            for days in PREVIEW_DURATIONS
        ],
        initial=7,
        error_messages={
            "invalid_choice": _("Choose how long the link works: at most 30 days."),
            "required": _("Choose how long the link works."),
        },
    )
