"""Django's Redis cache, with one Redis client per connection pool instead of one per call,
and keys not checked for memcached's limits.

Django's client makes a new `redis.Redis` for every cache operation, and building one (its
table of response callbacks) cost more than the round trip itself on a page-cache hit, which
makes two or three of them. A `redis.Redis` over a connection pool is safe to share between
threads, so each pool's is made once.

Django checks every key against memcached's rules (length, control characters) to warn about
keys that memcached would refuse; Redis takes any key, and a page-cache hit reads fifty of them.
"""

from django.core.cache.backends import redis


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        if (client := self._clients.get(index)) is None:
            client = self._clients[index] = self._client(
                connection_pool=self._get_connection_pool(write)
            )
        return client


class RedisCache(redis.RedisCache):
    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = RedisCacheClient

    def make_and_validate_key(self, key, version=None):
        return self.make_key(key, version=version)
