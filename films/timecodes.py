"""Points in a film, as readers write them: `0:45` (hours and minutes) or `1:12:30` (hours,
minutes and seconds). Stored as whole seconds from the start of the film."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# H:MM or H:MM:SS; minutes and seconds always two digits, so "1:5" is refused rather than
# guessed. The hour has at most two digits: no film runs for a hundred hours.
_TIMECODE = re.compile(r"(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?")
# A timecode inside a reader's text ("at 1:12:30"): not part of a longer number or time.
IN_TEXT = re.compile(r"(?<![\d:])(\d{1,2}:\d{2}(?::\d{2})?)(?![\d:])")


def parse(text: str, *, running_time: int | None = None) -> int:
    """The number of seconds `text` names; ValidationError with a reader's message otherwise.

    `running_time` is the film's length in minutes: a point after its end is refused too."""
    cleaned = text.strip()
    match = _TIMECODE.fullmatch(cleaned)
    if match is None:
        raise ValidationError(
            _("Write a time in the film as hours and minutes, like 0:45 or 1:12:30."),
            code="timecode_format",
        )
    hours, minutes, seconds = (int(match[part] or 0) for part in "hms")
    if minutes > 59 or seconds > 59:
        raise ValidationError(
            _("Minutes and seconds go up to 59: %(text)s is not a time in the film."),
            code="timecode_range",
            params={"text": cleaned},
        )
    total = hours * 3600 + minutes * 60 + seconds
    if running_time is not None and total > running_time * 60:
        raise ValidationError(
            _("%(text)s is after the end of the film, which runs %(end)s."),
            code="timecode_after_end",
            params={"text": cleaned, "end": format(running_time * 60)},
        )
    return total


def check_inside(seconds: int, *, running_time: int | None) -> None:
    """ValidationError unless `seconds` is a point inside a film of `running_time` minutes
    (for points that did not come through parse(), e.g. a service's caller)."""
    end = running_time * 60 if running_time else None
    if seconds < 0 or (end is not None and seconds > end):
        raise ValidationError(
            _("%(text)s is not a time in the film, which runs %(end)s."),
            code="timecode_outside",
            params={"text": format(max(seconds, 0)), "end": format(end or 0)},
        )


def format(seconds: int) -> str:
    """`0:45` for a whole minute, `1:12:30` otherwise: what parse() reads back."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if secs else f"{hours}:{minutes:02d}"


def iso_duration(seconds: int) -> str:
    """For `<time datetime>`: PT1H12M30S."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if not seconds:
        return "PT0S"
    parts = ((hours, "H"), (minutes, "M"), (secs, "S"))
    return "PT" + "".join(f"{n}{unit}" for n, unit in parts if n)


class TimecodeField(forms.CharField):
    """A form field for a point in a film: the reader types `1:12:30`, the form gets seconds.

    Give it the film's running time (minutes) to refuse points after the end. Empty is None
    unless required."""

    def __init__(self, *, running_time: int | None = None, **kwargs):
        self.running_time = running_time
        kwargs.setdefault("max_length", 8)
        kwargs.setdefault("strip", True)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.update({"inputmode": "numeric", "placeholder": "1:12:30", "autocomplete": "off"})
        # No maxlength: a longer entry gets the field's own message, not silent truncation.
        attrs.pop("maxlength", None)
        return attrs

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        return parse(value, running_time=self.running_time)

    def prepare_value(self, value):
        return format(value) if isinstance(value, int) else value

    def validate(self, value):
        if value is None and self.required:
            raise ValidationError(self.error_messages["required"], code="required")

    def run_validators(self, value):
        # The CharField's max-length validator would measure seconds; parse() did the checks.
        return None
