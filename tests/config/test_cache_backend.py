"""config/cache.py: Django's Redis cache, sharing one Redis client per connection pool."""

import pytest
from django.core.cache import caches
from django.test import override_settings

from config.cache import RedisCache

REDIS = {
    "default": {
        "BACKEND": "config.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/11",
        "KEY_PREFIX": "cache-backend-test",
    }
}


@pytest.fixture
def redis_cache():
    with override_settings(CACHES=REDIS):
        cache = caches.create_connection("default")
        yield cache
        cache.clear()


def test_it_is_a_working_redis_cache(redis_cache):
    redis_cache.set("star", {"light": 1}, timeout=30)
    redis_cache.set_many({"a": 1, "b": 2}, timeout=30)

    assert redis_cache.get("star") == {"light": 1}
    assert redis_cache.get_many(["a", "b", "missing"]) == {"a": 1, "b": 2}
    assert redis_cache.incr("a") == 2
    assert isinstance(redis_cache, RedisCache)


def test_each_call_reuses_the_pools_client(redis_cache):
    client = redis_cache._cache

    assert client.get_client("x") is client.get_client("y")
    assert client.get_client("x", write=True) is client.get_client("y", write=True)
