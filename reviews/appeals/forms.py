"""The author's appeal, and a moderator's decision on one."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from reviews.appeals.models import APPEAL_MAX_LENGTH
from reviews.appeals.services import OUTCOME_MAX_LENGTH

# Offered (not imposed) on the desk, in the moderator's language, as the queue's reasons are.
OUTCOME_REASONS = [
    _("On a second look, it does not break the rules."),
    _("The spoiler is now marked, so it can stay."),
    _("The removal stands: it breaks the rules its category names."),
    _("The removal stands: it is aimed at another reader."),
]


class AppealForm(forms.Form):
    text = forms.CharField(
        label=_("Why was the decision wrong?"),
        max_length=APPEAL_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("A moderator other than the one who removed it reads this."),
        error_messages={
            "required": _("Say why you think the decision was wrong."),
            "max_length": _("Keep it to %(limit_value)d characters (it has %(show_value)d)."),
        },
    )


class AppealDecisionForm(forms.Form):
    """The button pressed says the outcome; the reason is shown to the author."""

    outcome = forms.ChoiceField(
        choices=[("grant", _("Grant")), ("deny", _("Deny"))],
        error_messages={
            "required": _("Choose to grant or deny the appeal."),
            "invalid_choice": _("Choose to grant or deny the appeal."),
        },
    )
    reason = forms.CharField(
        max_length=OUTCOME_MAX_LENGTH,
        required=False,
        error_messages={
            "max_length": _("Keep it to %(limit_value)d characters (it has %(show_value)d).")
        },
    )
