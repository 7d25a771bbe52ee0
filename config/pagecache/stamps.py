"""Stamps: what a cached page or part of a page depends on, and what a change makes stale.

A stamp is a name kept in the shared cache with the time of the last change to what it stands
for: an object ("films.film:12", `stamp(obj)`), or what an app names, such as which objects a
list holds ("reviews.reviews": which reviews are public) or a review's discussion.

What a page shows of objects is read off the objects themselves (`stamps_of`): a template can
show any field of any object in its context, or of what was loaded with it, and the page still
depends on it. Which objects a list holds is said by the view that lists them; what a change
makes stale, by the service that makes it (each app declares its stamps in one module).

A cached value is fresh while every stamp it depends on is older than the moment its
rendering began, so a change that commits during a render cannot leave a stale value behind.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import fields, is_dataclass

from django.core.cache import cache
from django.core.cache.backends.base import default_key_func
from django.core.paginator import Page
from django.db import models, transaction
from django_redis.client import DefaultClient

# In whole microseconds: the cache stores integers as they are, and a page reads dozens.
_KEY = "pagecache:stamp-us:"

# What an object shows beyond its own row (an annotation, a count): named by the app that
# adds it, see `also_depends`.
_beyond_the_row: dict[type[models.Model], list[Callable[[models.Model], Iterable[str]]]] = {}


def stamp(obj: models.Model) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"  # _meta, not type(): request.user is a proxy


def stamp_for(model: type[models.Model], pk) -> str:
    """The stamp of the object of `model` with this primary key, without loading it."""
    return f"{model._meta.label_lower}:{pk}"


def also_depends(model: type[models.Model], on: Callable[[models.Model], Iterable[str]]) -> None:
    """Objects of `model` shown on a page make it depend on `on(obj)` too."""
    _beyond_the_row.setdefault(model._meta.concrete_model, []).append(on)


def stamps_of(*values) -> set[str]:
    """What a page showing these values depends on: each object's own stamp and those of what
    was loaded with it (select_related, prefetches), and the stamps of parts that are cached
    themselves. Walked without running a query."""
    found: set[str] = set()
    seen: set[int] = set()
    stack = list(values)
    while stack:
        value = stack.pop()
        if id(value) in seen or value is None or isinstance(value, (str, int, float, bool)):
            continue
        seen.add(id(value))
        if isinstance(value, models.Model):
            if value.pk is None:
                continue
            found.add(stamp(value))
            for on in _beyond_the_row.get(value._meta.concrete_model, ()):
                found.update(on(value))
            stack.extend(_loaded_with(value))
        elif isinstance(value, models.QuerySet):
            # Only rows already fetched: an unevaluated queryset is never run from here.
            stack.extend(value._result_cache or ())
        elif isinstance(value, (list, tuple, set, frozenset)):
            stack.extend(value)
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, Page):
            stack.append(value.object_list)
        elif hasattr(value, "page_cache_stamps"):  # a cached part: its own, already worked out
            found.update(value.page_cache_stamps)
        elif is_dataclass(value) and not isinstance(value, type):
            stack.extend(getattr(value, field.name) for field in fields(value))
    return found


def _loaded_with(obj: models.Model) -> Iterable:
    """Related objects already in memory: select_related and single-object relations, then
    prefetched lists (to_attr ones and the related managers' caches)."""
    for field in obj._meta.get_fields():
        if hasattr(field, "is_cached") and field.is_cached(obj):
            yield field.get_cached_value(obj)
    for attribute in vars(obj).values():
        if isinstance(attribute, (list, dict)):
            yield attribute


class DependsOn:
    """A value a page or part shows to add stamps it depends on that no object of its
    context carries (rows read as values, a count)."""

    def __init__(self, *stamps: str) -> None:
        self.page_cache_stamps = list(stamps)


def changed(*stamps: str) -> None:
    """Mark what depends on these stamps stale: now, and again once the transaction commits
    (a render that read the old rows in between would otherwise be kept as fresh)."""
    if not stamps:
        return
    _bump(stamps)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _bump(stamps))


def changed_objects(*objects: models.Model) -> None:
    """These objects changed (or are about to be deleted): whatever shows them is stale."""
    changed(*{stamp(obj) for obj in objects})


def microseconds(seconds: float) -> int:
    return int(seconds * 1_000_000)


def _bump(stamps: Iterable[str]) -> None:
    now = microseconds(time.time())
    cache.set_many({_KEY + name: now for name in stamps}, timeout=None)


def fresh(stamps: list[str], started: float) -> bool:
    """Whether nothing these stamps stand for changed since `started`."""
    started_us = microseconds(started)
    return all(t is not None and t < started_us for t in _times(stamps))


def version(stamps: list[str]) -> str:
    """What these stamps say now, changed by every bump of any of them: for an ETag. A stamp
    the cache does not hold is set up first, as unchanged until now. One round trip."""
    times = _times(stamps)
    if None in times:
        note_unchanged_since(stamps, time.time())
        times = _times(stamps)
    return ".".join(str(t) for t in times)


def _times(stamps: list[str]) -> list[int | None]:
    """Each stamp's time, None for one the cache does not hold. From django-redis, in one
    MGET of keys made as its default key function makes them: a cached page depends on
    dozens of stamps, and building and decoding each key through the cache's API cost more
    than the round trip (README, "Performance"). Integers are stored as they are."""
    keys = [_KEY + name for name in stamps]
    client = getattr(cache, "client", None)
    if not isinstance(client, DefaultClient) or cache.key_func is not default_key_func:
        times = cache.get_many(keys)
        return [times.get(key) for key in keys]
    prefix = cache.make_key("")
    return [
        _time(value)
        for value in client.get_client(write=False).mget([prefix + key for key in keys])
    ]


def _time(value: bytes | None) -> int | None:
    """A stamp's time as stored, None for a value this module did not write (counted as a
    change)."""
    try:
        return None if value is None else int(value)
    except ValueError:
        return None


def note_unchanged_since(stamps: Iterable[str], started: float) -> None:
    """A stamp nobody has bumped yet (or one the cache evicted) counts as changed just before
    this render began: values kept earlier are stale, this one is not."""
    for name in stamps:
        cache.add(_KEY + name, microseconds(started) - 1, timeout=None)
