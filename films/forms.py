from django import forms
from django.utils.translation import gettext_lazy as _

from films.models import FilmQuerySet, Genre, Person


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
