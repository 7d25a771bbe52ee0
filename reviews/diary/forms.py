"""A reader's forms for films: a rating, a logged watch (with its review), their diary's privacy."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from reviews.diary.models import REVIEW_MAX_LENGTH, DiaryEntry, half_stars
from reviews.diary.services import clean_tags
from reviews.discussion.forms import TimecodedForm

SCORE_CHOICES = [(score, half_stars(score)) for score in range(1, 11)]


class RatingForm(forms.Form):
    """Half a star to five stars, as a radio group; or take the rating back."""

    score = forms.TypedChoiceField(
        label=_("Your rating"),
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        required=False,
        error_messages={"invalid_choice": _("Choose from half a star to five stars.")},
    )
    remove = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("remove") and cleaned.get("score") in (None, "") and not self.errors:
            raise forms.ValidationError(_("Choose a rating, from half a star to five stars."))
        return cleaned


class TagsField(forms.CharField):
    """Tags typed comma-separated, as Letterboxd takes them."""

    def to_python(self, value) -> list[str]:
        return [tag for tag in (super().to_python(value) or "").split(",") if tag.strip()]

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list) else value

    def validate(self, value) -> None:
        clean_tags(value)  # raises ValidationError with the reason


class WatchLogForm(TimecodedForm, forms.ModelForm):
    """Logging a watch, or editing a logged one; its review may be tagged with a time in the
    film (`film=`)."""

    score = forms.TypedChoiceField(
        label=_("Rating"),
        choices=[("", _("No rating")), *SCORE_CHOICES],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    tags = TagsField(
        label=_("Tags"),
        required=False,
        help_text=_("Separated by commas, e.g. netflix, rewatch with family."),
    )

    class Meta:
        model = DiaryEntry
        fields = ["watched_on", "rewatch", "score", "review", "contains_spoilers", "tags"]
        labels = {
            "watched_on": _("Date watched"),
            "rewatch": _("I had seen it before"),
            "review": _("Review (optional)"),
            "contains_spoilers": _("My review contains spoilers"),
        }
        help_texts = {
            "review": format_lazy(
                _(
                    "Markdown: *emphasis*, **bold**, links, lists and > quotes. Up to {n} characters."
                ),
                n=f"{REVIEW_MAX_LENGTH:,}",
            ),
            "contains_spoilers": _("Its text is hidden until a reader chooses to show it."),
        }
        widgets = {
            "watched_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "review": forms.Textarea(attrs={"rows": 8, "maxlength": REVIEW_MAX_LENGTH}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.timecode is not None:
            self.initial.setdefault("timecode", self.instance.timecode)
        today = timezone.localdate()
        self.fields["watched_on"].widget.attrs["max"] = today.isoformat()
        if not self.instance.pk:
            self.initial.setdefault("watched_on", today)

    def clean_watched_on(self):
        watched_on = self.cleaned_data["watched_on"]
        if watched_on > timezone.localdate():
            raise forms.ValidationError(_("The date you watched it cannot be in the future."))
        return watched_on
