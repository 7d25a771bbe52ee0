"""Parts of pages in the cache (config/pagecache/parts.py): kept until a stamp or their own time
says otherwise, and a process's own copy never hiding a newer value kept by another process."""

import time
from types import SimpleNamespace

import pytest
from django.utils import timezone, translation

from config import pagecache
from config.pagecache import parts

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


def requests_in_turn(start: float):
    """Requests that each began a second after the one before: a change made now is after the
    first began and before the others."""
    return iter(SimpleNamespace(page_cache_started=start + n) for n in range(10))


def test_a_kept_value_is_reused_until_a_stamp_or_its_time_says_otherwise(monkeypatch):
    start = time.time()
    requests = requests_in_turn(start)
    loads = []

    def load(value, until=None):
        def loader():
            loads.append(value)
            return value, ["films.film:1"], until

        return loader

    assert pagecache.page_part(next(requests), "x", load("first")).value == "first"
    pagecache.changed("films.film:1")
    assert pagecache.page_part(next(requests), "x", load("second", start + 5)).value == "second"
    assert pagecache.page_part(next(requests), "x", load("unused")).value == "second"
    monkeypatch.setattr(time, "time", lambda: start + 6)
    assert pagecache.page_part(next(requests), "x", load("third")).value == "third"
    assert loads == ["first", "second", "third"]


def test_a_processs_recent_copy_never_hides_a_newer_value_kept_by_another(monkeypatch):
    requests = requests_in_turn(time.time())
    stamp = "films.film:1"
    first = next(requests)
    pagecache.page_part(first, "x", lambda: ("old", [stamp]))
    pagecache.page_part(first, "x", lambda: ("unused", [stamp]))  # now in this process's memory
    pagecache.changed(stamp)
    with monkeypatch.context() as other_process:
        other_process.setattr(parts, "part_copies", parts.ProcessCopies())
        pagecache.page_part(next(requests), "x", lambda: ("new", [stamp]))

    assert pagecache.page_part(next(requests), "x", lambda: ("again", [stamp])).value == "new"


def test_a_localised_part_is_kept_once_per_language_and_time_zone_and_data_once():
    """Whatever a part shows in words or dates is kept apart per language and time zone by
    page_part itself; data the same for every reader (`localised=False`) is kept once."""
    computed = []

    def shown_in(tag):
        def compute():
            computed.append(tag)
            return f"{tag} in {translation.get_language()}", []

        return compute

    request = SimpleNamespace(page_cache_started=time.time())
    for language, zone in [("en", "Asia/Seoul"), ("ko", "Asia/Seoul"), ("en", "UTC")] * 2:
        with translation.override(language), timezone.override(zone):
            part = pagecache.page_part(request, "words", shown_in("words"))
            assert part.value == f"words in {language}"
            row = pagecache.page_part(request, "row", shown_in("row"), localised=False)
            assert row.value == "row in en"  # the first one kept, whoever asks
    assert computed == ["words", "row", "words", "words"]
