"""Readers' own pages (placeholder until built)."""

from django.contrib.syndication.views import Feed
from django.http import Http404


def film_rate(request, slug):
    raise Http404


watch_log = watchlist_toggle = film_rate


def watchlist(request):
    raise Http404


def diary(request, username):
    raise Http404


def entry_edit(request, pk):
    raise Http404


entry_delete = entry_edit


class DiaryFeed(Feed):
    def get_object(self, request, username):
        raise Http404
