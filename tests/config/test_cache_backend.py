"""The shared cache as production configures it: django-redis, with what the site relies on."""

import time

import pytest
from django.core.cache import caches
from django.test import override_settings

from tests.servers import production_env, settings_in


@pytest.fixture
def redis_cache():
    configured = settings_in(production_env(CACHE_URL="redis://127.0.0.1:6379/11"), "CACHES")
    with override_settings(CACHES={"default": configured["CACHES"]["default"]}):
        cache = caches.create_connection("default")
        yield cache
        cache.clear()


@pytest.mark.slow
def test_production_uses_django_redis_with_short_timeouts(redis_cache):
    assert type(redis_cache).__module__ == "django_redis.cache"
    assert redis_cache._server == "redis://127.0.0.1:6379/11"


@pytest.mark.slow
def test_it_keeps_what_the_page_cache_and_rate_limits_need(redis_cache):
    redis_cache.set("star", {"light": 1}, timeout=30)
    redis_cache.set_many({"a": 1, "b": 2}, timeout=30)

    assert redis_cache.get("star") == {"light": 1}
    assert redis_cache.get_many(["a", "b", "missing"]) == {"a": 1, "b": 2}
    assert redis_cache.incr("a") == 2
    with pytest.raises(ValueError, match="not found"):  # a rate limit then starts with add()
        redis_cache.incr("not-yet")
    assert redis_cache.add("not-yet", 1, timeout=30)
    assert not redis_cache.add("not-yet", 5, timeout=30)


@pytest.mark.slow
def test_stamps_read_in_one_mget_as_the_cache_api_would_read_them(redis_cache, monkeypatch):
    from config.pagecache import stamps

    monkeypatch.setattr(stamps, "cache", redis_cache)
    stamps._bump(["films.film:1", "films.film:2"])
    through_the_api = redis_cache.get_many(
        [f"pagecache:stamp-us:films.film:{pk}" for pk in (1, 2, 3)]
    )
    assert stamps._times(["films.film:1", "films.film:2", "films.film:3"]) == [
        through_the_api["pagecache:stamp-us:films.film:1"],
        through_the_api["pagecache:stamp-us:films.film:2"],
        None,
    ]
    later = time.time() + 1
    assert stamps.fresh(["films.film:1", "films.film:2"], later)
    assert not stamps.fresh(["films.film:1", "films.film:3"], later)  # one never stamped
    assert not stamps.fresh(["films.film:1"], later - 60)  # changed since
    redis_cache.set("pagecache:stamp-us:films.film:4", {"not": "a time"})
    assert not stamps.fresh(["films.film:4"], later)
