"""What a reader says of how far they have watched a film."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from films.timecodes import TimecodeField


class ProgressForm(forms.Form):
    """One form, one button per thing a reader may say: "I'm at 0:45", "Finished", the gate
    off or on, or clear it all."""

    ACTIONS = ("at", "finished", "gate-off", "gate-on", "clear")

    position = TimecodeField(label=_("I'm at"), required=False)
    action = forms.ChoiceField(choices=[(action, action) for action in ACTIONS])
    next = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, running_time: int | None = None, **kwargs):
        kwargs.setdefault("auto_id", "watch-progress-%s")
        super().__init__(*args, **kwargs)
        self.fields["position"].running_time = running_time  # minutes: none after the end

    def clean(self):
        cleaned = super().clean()
        at = cleaned.get("action") == "at"
        if at and cleaned.get("position") is None and "position" not in self.errors:
            self.add_error(
                "position",
                forms.ValidationError(
                    _("Write how far you have watched, like 0:45 or 1:12:30."), code="required"
                ),
            )
        return cleaned
