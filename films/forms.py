from collections import Counter
from itertools import pairwise
from operator import itemgetter

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from films import timecodes
from films.models import FilmQuerySet, Genre, Person, Scene
from films.timecodes import TimecodeField


class YearField(forms.IntegerField):
    """A release year, typed. A text input, not type=number: a browser drops a non-numeric
    value from a number input, so the reader would not see what they typed next to the error."""

    def __init__(self, **kwargs):
        super().__init__(
            required=False,
            min_value=1888,  # the first films
            max_value=2100,
            widget=forms.TextInput(
                attrs={"placeholder": _("e.g. 2025"), "inputmode": "numeric", "pattern": "[0-9]{4}"}
            ),
            error_messages={"invalid": _("Enter a year as four digits, e.g. 2025.")},
            **kwargs,
        )


class FilmFilterForm(forms.Form):
    """The film list's sort and filters, read from the query string."""

    SORTS = {
        "newest": ("-release_date", "title"),
        "oldest": ("release_date", "title"),
        "title": ("title",),
    }

    sort = forms.ChoiceField(
        choices=[
            ("newest", _("Newest first")),
            ("oldest", _("Oldest first")),
            ("title", _("Title, A to Z")),
        ],
        required=False,
        label=_("Sort"),
    )
    genre = forms.ModelChoiceField(
        queryset=Genre.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Any genre"),
        label=_("Genre"),
    )
    year = YearField(label=_("Year"))
    director = forms.ModelChoiceField(
        queryset=Person.objects.filter(credits__role="director").distinct(),
        to_field_name="slug",
        required=False,
        empty_label=_("Any director"),
        label=_("Director"),
    )

    def filter(self, films: FilmQuerySet) -> FilmQuerySet:
        """Apply the valid filters; an invalid field is ignored (the form shows why)."""
        data = self.cleaned_data if self.is_bound else {}
        if genre := data.get("genre"):
            films = films.filter(genres=genre)
        if year := data.get("year"):
            films = films.released_in(year)
        if director := data.get("director"):
            films = films.directed_by(director.slug)
        return films.order_by(*self.SORTS[data.get("sort") or "newest"])


class SceneForm(forms.ModelForm):
    """One scene in the film admin: its start typed as a timecode, its slug made from the
    English title when left empty."""

    start = TimecodeField(label=_("starts at"), help_text=_("A time in the film: 0:45 or 1:12:30."))

    class Meta:
        model = Scene
        fields = ["number", "title", "slug", "start"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["start"].widget.attrs["size"] = 8

    def clean_number(self) -> int:
        number = self.cleaned_data["number"]
        if number < 1:
            raise forms.ValidationError(_("Scenes are numbered from 1."), code="scene_number")
        return number

    # Numbers and starts are checked across the film's scenes by SceneFormSet, against what
    # the editor is saving rather than the rows as they were (so two may swap); the number's
    # check constraint by clean_number.
    def validate_unique(self) -> None:
        return None

    def validate_constraints(self) -> None:
        return None

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("slug"):
            title = cleaned.get("title_en") or cleaned.get("title") or ""
            number = cleaned.get("number")
            cleaned["slug"] = slugify(title)[:120] or (f"scene-{number}" if number else "")
        return cleaned


class SceneFormSet(forms.BaseInlineFormSet):
    """A film's scenes together: numbered once each, starting in the order of their numbers,
    each inside the running time."""

    def validate_unique(self) -> None:
        # Said in clean(), in the editor's words: numbers once each; starts increase.
        return None

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        scenes = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if not scenes:
            return
        running_time = self.instance.running_time
        if not running_time:
            raise forms.ValidationError(
                _("Scenes need a running time: give the film's running time in minutes first."),
                code="no_running_time",
            )
        errors = []
        numbers = Counter(scene["number"] for scene in scenes)
        for number in sorted(n for n, count in numbers.items() if count > 1):
            errors.append(
                forms.ValidationError(
                    _("Two scenes are numbered %(number)s: give each scene its own number."),
                    code="scene_number_twice",
                    params={"number": number},
                )
            )
        end = running_time * 60
        for scene in sorted(scenes, key=itemgetter("number")):
            if scene["start"] >= end:
                errors.append(
                    forms.ValidationError(
                        _(
                            "Scene %(number)s starts at %(start)s, but the film ends at "
                            "%(end)s: a scene starts before the end."
                        ),
                        code="scene_after_end",
                        params={
                            "number": scene["number"],
                            "start": timecodes.format(scene["start"]),
                            "end": timecodes.format(end),
                        },
                    )
                )
        ordered = sorted(scenes, key=itemgetter("number"))
        for earlier, later in pairwise(ordered):
            if earlier["number"] != later["number"] and later["start"] <= earlier["start"]:
                errors.append(
                    forms.ValidationError(
                        _(
                            "Scene %(later)s starts at %(later_start)s, not after scene "
                            "%(earlier)s (%(earlier_start)s): scenes start in the order of "
                            "their numbers."
                        ),
                        code="scene_out_of_order",
                        params={
                            "later": later["number"],
                            "later_start": timecodes.format(later["start"]),
                            "earlier": earlier["number"],
                            "earlier_start": timecodes.format(earlier["start"]),
                        },
                    )
                )
        if errors:
            raise forms.ValidationError(errors)
