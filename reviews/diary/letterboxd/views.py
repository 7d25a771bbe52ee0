"""Letterboxd export and import (placeholder until built)."""

from django.http import Http404


def letterboxd(request):
    raise Http404


export = import_status = import_report = letterboxd
