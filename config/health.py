"""Health checks for the proxy, the orchestrator and the on-call operator.

`/healthz`: the process answers (liveness; never touches the database or the cache).
`/readyz`: the database and the cache answer too (readiness; 503 with what is down).
Both are exempt from the HTTPS redirect, so a load balancer can ask over plain HTTP.
"""

from __future__ import annotations

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

# Seconds to wait for a database connection before calling it down.
DATABASE_TIMEOUT = 2.0


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """The process is up and serving requests."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def readyz(request: HttpRequest) -> JsonResponse:
    """The database and the cache answer: 200, else 503 saying which is down."""
    checks = {"database": _check(_database), "cache": _check(_cache)}
    ready = all(result == "ok" for result in checks.values())
    if not ready:
        logger.warning("Not ready", extra={"checks": checks})
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks},
        status=200 if ready else 503,
    )


def _check(probe) -> str:
    try:
        probe()
    except Exception as error:  # any failure means "down"; say which, briefly
        first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
        return f"down: {type(error).__name__}: {first_line[:200]}"
    return "ok"


def _database() -> None:
    """SELECT 1 through the same pool the site's requests use, with a short wait.

    A pooled connection is borrowed with a timeout of its own, so a stopped server reads as
    "down" within seconds rather than after the pool's full timeout.
    """
    pool = getattr(connection, "pool", None)
    if pool is not None:
        pool.open()  # a no-op once open; the first request of a process may come here
        with pool.connection(timeout=DATABASE_TIMEOUT) as conn:
            conn.execute("SELECT 1")
        return
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _cache() -> None:
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=5)
    try:
        if cache.get(key) != "1":
            raise RuntimeError("value written was not read back")
    finally:
        cache.delete(key)
