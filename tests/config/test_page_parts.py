"""Parts of pages in the cache (config/pagecache/parts.py): kept until a stamp or their own time
says otherwise, and a process's own copy never hiding a newer value kept by another process."""

import time
from types import SimpleNamespace

import pytest

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
