"""Reader reviews' pages (placeholder until built)."""

from django.http import Http404


def entry_detail(request, pk):
    raise Http404


def entry_like(request, pk):
    raise Http404


def film_reader_reviews(request, slug):
    raise Http404
