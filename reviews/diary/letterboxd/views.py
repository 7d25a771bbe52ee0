"""A reader's Letterboxd page: their export, an upload to import, and each import's progress
and report. Signed-in readers only, each seeing their own imports alone."""

from __future__ import annotations

import csv
from http import HTTPStatus

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from config.rendering import render_form
from reviews.diary.letterboxd import importer
from reviews.diary.letterboxd.export import export_zip
from reviews.diary.letterboxd.forms import LetterboxdImportForm
from reviews.diary.letterboxd.models import LetterboxdImport, LetterboxdImportRow

REPORT_ROWS_PER_PAGE = 100
RECENT_IMPORTS = 20


@login_required
@require_http_methods(["GET", "POST"])
def letterboxd(request: HttpRequest) -> HttpResponse:
    """The export button, the import form and the reader's recent imports. A valid upload
    is kept as a job and the reader sent to its page at once; the import runs in the
    background."""
    form = LetterboxdImportForm(request.POST, request.FILES) if request.method == "POST" else None
    if form is not None and form.is_valid():
        try:
            job = importer.import_create(reader=request.user, upload=form.cleaned_data["upload"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(job)
    form = form or LetterboxdImportForm()
    imports = LetterboxdImport.objects.filter(reader=request.user).defer("files")[:RECENT_IMPORTS]
    return render_form(
        request,
        "reviews/diary/letterboxd/letterboxd.html",
        {
            "form": form,
            "imports": imports,
            "max_upload_bytes": settings.LETTERBOXD_MAX_UPLOAD_BYTES,
        },
    )


@login_required
@require_GET
def export(request: HttpRequest) -> HttpResponse:
    name = f"starlight-{request.user.get_username()}-{timezone.localdate().isoformat()}.zip"
    response = HttpResponse(export_zip(reader=request.user), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _own_import(request: HttpRequest, pk: int) -> LetterboxdImport:
    return get_object_or_404(LetterboxdImport.objects.defer("files"), pk=pk, reader=request.user)


@never_cache
@login_required
@require_GET
def import_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Progress while the import runs (htmx asks again every two seconds), then the report,
    a page of rows at a time, filtered by outcome if asked."""
    job = _own_import(request, pk)
    counts = dict(job.rows.order_by().values_list("outcome").annotate(n=Count("pk")))
    outcome = request.GET.get("outcome", "")
    rows = job.rows.select_related("film").only(
        "position", "file", "line", "name", "year", "outcome", "reason", "film__slug"
    )
    if outcome in LetterboxdImportRow.Outcome.values:
        rows = rows.filter(outcome=outcome)
    else:
        outcome = ""
    context = {
        "job": job,
        "outcomes": [
            (value, label, counts.get(value, 0))
            for value, label in LetterboxdImportRow.Outcome.choices
        ],
        "outcome": outcome,
        "page_obj": Paginator(rows, REPORT_ROWS_PER_PAGE).get_page(request.GET.get("page")),
    }
    template = "reviews/diary/letterboxd/import_detail.html"
    return render(request, f"{template}#status" if request.htmx else template, context)


@login_required
@require_POST
def import_resume(request: HttpRequest, pk: int) -> HttpResponse:
    """Start a stalled import again where it stopped; back to its page either way, saying why
    not when it cannot be."""
    _own_import(request, pk)
    try:
        importer.import_resume(reader=request.user, job_id=pk)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The import goes on from where it stopped."))
    return redirect("diary:letterboxd-import", pk=pk)


@login_required
@require_GET
def import_report(request: HttpRequest, pk: int) -> HttpResponse:
    """Every row's outcome as CSV, to keep or to fix the file by."""
    job = _own_import(request, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8", status=HTTPStatus.OK)
    response["Content-Disposition"] = f'attachment; filename="letterboxd-import-{job.pk}.csv"'
    writer = csv.writer(response, lineterminator="\n")
    writer.writerow(
        [_("File"), _("Line"), _("Name"), _("Year"), _("Outcome"), _("Reason"), _("Film")]
    )
    for row in job.rows.select_related("film").only(
        "file", "line", "name", "year", "outcome", "reason", "film__slug"
    ):
        film = settings.SITE_URL + row.film.get_absolute_url() if row.film else ""
        writer.writerow(
            [
                f"{row.file}.csv",
                row.line,
                row.name,
                row.year,
                row.get_outcome_display(),
                row.reason,
                film,
            ]
        )
    return response
