"""The import's upload: refused by its size before it is read, then read and checked whole."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reviews.diary.letterboxd import formats


def megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".removesuffix(".0")


class LetterboxdImportForm(forms.Form):
    upload = forms.FileField(
        label=gettext_lazy("Your Letterboxd export"),
        help_text=gettext_lazy(
            "The zip from Letterboxd's Settings → Data → Export your data, or one of its files: "
            "ratings.csv, diary.csv, reviews.csv or watchlist.csv."
        ),
        error_messages={
            "required": gettext_lazy("Choose the file to import."),
            "empty": gettext_lazy("This file is empty."),
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,.csv,text/csv,application/zip"}),
    )

    def clean_upload(self) -> formats.Upload:
        upload = self.cleaned_data["upload"]
        limit = settings.LETTERBOXD_MAX_UPLOAD_BYTES
        # Checked before reading: Django has spooled a large upload to a temporary file.
        if upload.size > limit:
            raise ValidationError(
                _(
                    "This file is %(size)s MB; an import takes up to %(limit)s MB. A Letterboxd "
                    "export is usually far smaller: check that this is the right file."
                )
                % {"size": megabytes(upload.size), "limit": megabytes(limit)},
                code="too_large",
            )
        return formats.read_upload(
            b"".join(upload.chunks()),
            name=upload.name or "upload.csv",
            max_unzipped=settings.LETTERBOXD_MAX_UNZIPPED_BYTES,
        )
