"""gunicorn's configuration: `gunicorn -c config/gunicorn.conf.py` (see README, "Deploying").

Every value can be changed from the environment (or .env, as for the site's settings); the
defaults suit a machine with two cores.
"""

import json
import logging
import os
from datetime import UTC, datetime
from pathlib import Path

import environ
from gunicorn import glogging

environ.Env.read_env(Path(__file__).resolve().parent.parent / ".env")

wsgi_app = "config.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")

# Sync workers, one request at a time each, 2 x cores + 1 of them, behind a proxy that buffers
# slow clients (nginx, README "Deploying"): with most of a page in the cache a request is mostly
# Python, and threads would queue behind their process's GIL (README, "Performance").
# GUNICORN_WORKER_CLASS=gthread and GUNICORN_THREADS switch to threads. Each process has its
# own psycopg pool (up to DATABASE_POOL_MAX_SIZE connections, keep it >= GUNICORN_THREADS), so
# a machine holds up to WEB_CONCURRENCY x DATABASE_POOL_MAX_SIZE connections: keep the sum over
# all machines under PostgreSQL's max_connections.
workers = int(os.environ.get("WEB_CONCURRENCY", str(2 * (os.cpu_count() or 1) + 1)))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = int(os.environ.get("GUNICORN_THREADS", "1"))

# Heartbeat files in memory, not on a disk that may stall (containers often mount /tmp on disk).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On SIGTERM (a deploy), finish the requests in flight before exiting.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# Recycle workers now and then, so a slow leak can never take a machine down; rarely, since a
# new worker starts cold and each restart shows in p99.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "50000"))
max_requests_jitter = 5000
# Not preloaded: each worker opens its own database pool after the fork.
preload_app = False
# gunicorn's control socket (for `gunicornc`) sits at one fixed path per user, which two
# servers on a machine would fight over: off unless GUNICORN_CONTROL_SOCKET names a path.
control_socket_disable = not os.environ.get("GUNICORN_CONTROL_SOCKET")
if not control_socket_disable:
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]

# The proxy in front terminates TLS and says so in X-Forwarded-Proto; only trust it from
# these addresses (gunicorn also reads FORWARDED_ALLOW_IPS itself).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Logs on stderr. Django logs as JSON with the request id; gunicorn's access log is JSON too
# (ACCESS_LOG=false turns it off when the proxy already logs every request).
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
accesslog = "-" if os.environ.get("ACCESS_LOG", "true").lower() in {"1", "true", "yes"} else None


class JsonLineFormatter(logging.Formatter):
    """gunicorn's own lines (start, stop, worker timeouts) in the shape of the site's logs."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": "-",
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


class JsonLogger(glogging.Logger):
    """Every line gunicorn writes is one JSON object; one per request in the access log,
    escaped properly whatever the client sent."""

    def setup(self, cfg):
        super().setup(cfg)
        for handler in self.error_log.handlers:
            handler.setFormatter(JsonLineFormatter())

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        entry = {
            "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
            "level": "INFO",
            "logger": "gunicorn.access",
            "message": f"{req.method} {req.path} {resp.status_code}",
            "request_id": next(
                (value for name, value in resp.headers if name.lower() == "x-request-id"), "-"
            ),
            "method": req.method,
            "path": req.path,
            "status": resp.status_code,
            "bytes": getattr(resp, "sent", None),
            "duration_ms": round(request_time.total_seconds() * 1000, 1),
            "remote": environ.get("REMOTE_ADDR"),
            "user_agent": environ.get("HTTP_USER_AGENT", ""),
        }
        self.access_log.info(json.dumps(entry, ensure_ascii=False))


logger_class = JsonLogger
