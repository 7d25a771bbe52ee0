"""The site search's form: what was asked for, cleaned, and the filters."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from films.forms import YearField
from films.models import Genre
from films.search import clean_query, strip_controls


class QueryField(forms.CharField):
    """A search query, cleaned rather than refused: control characters (NUL included) become
    spaces, a long query is cut, and one of only punctuation cleans to ""."""

    def to_python(self, value) -> str:
        return clean_query(super().to_python(value))

    def bound_data(self, data, initial):
        # Shown back in the box as typed, minus what could not be shown anyway.
        return strip_controls(data or "")


class SearchForm(forms.Form):
    """The search page's query and filters. Bad input never makes an error page: the query
    is cleaned, and a bad filter is reported next to the value typed, then ignored."""

    KINDS = [("", _("Films and reviews")), ("film", _("Films")), ("review", _("Reviews"))]

    q = QueryField(
        label=_("Search"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Film, person or words")}),
    )
    kind = forms.ChoiceField(label=_("Show"), choices=KINDS, required=False)
    year = YearField(label=_("Release year"))
    genre = forms.ModelChoiceField(
        queryset=Genre.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Genre"),
        empty_label=_("Any genre"),
        error_messages={"invalid_choice": _("There is no such genre; pick one from the list.")},
    )
