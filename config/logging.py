"""Structured logs: one JSON object per line, each carrying the id of the request it belongs to.

`RequestIdMiddleware` (config/middleware.py) puts the request id into `request_id_var` for the
duration of a request; `RequestIdFilter` copies it onto every record logged meanwhile, whichever
logger wrote it; `JsonFormatter` writes the record as JSON. Standard library only.
"""

from __future__ import annotations

import json
import logging
from contextvars import ContextVar
from datetime import UTC, datetime

from django.utils.functional import empty

# django.contrib.auth.SESSION_KEY; not imported, as logging is set up before the apps load.
SESSION_KEY = "_auth_user_id"

# "-" outside a request (management commands, the task worker, gunicorn's own lines).
request_id_var: ContextVar[str] = ContextVar("request_id", default="-")

# Attributes every LogRecord has; anything else was passed with `extra=` and is logged too.
_RECORD_ATTRIBUTES = frozenset(
    vars(logging.LogRecord("", logging.INFO, "", 0, "", None, None)).keys()
    | {"message", "asctime", "request_id", "request"}
)


class RequestIdFilter(logging.Filter):
    """Stamp each record with the current request id (never drops a record)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", None):
            record.request_id = request_id_var.get()
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            # django.request passes the request along with errors: keep what helps find it.
            record.method = request.method
            record.path = request.path
            record.user_id = _user_id(request)
        return True


def _user_id(request) -> int | str | None:
    """The signed-in user's id, from the user if already loaded, else from the session.

    Never a user query, and never an error: the database may be what just failed.
    """
    user = getattr(request, "user", None)
    wrapped = getattr(user, "_wrapped", user)  # SimpleLazyObject: evaluated yet?
    if wrapped is not None and wrapped is not empty:
        return getattr(wrapped, "pk", None)
    try:
        user_id = request.session.get(SESSION_KEY)
    except Exception:  # the session store is down too
        return None
    try:
        return int(user_id) if user_id is not None else None
    except (TypeError, ValueError):
        return user_id


class JsonFormatter(logging.Formatter):
    """A record as one line of JSON: time, level, logger, message, request id, extras, traceback."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", request_id_var.get()),
        }
        for key, value in vars(record).items():
            if key not in _RECORD_ATTRIBUTES and not key.startswith("_"):
                entry[key] = _plain(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def _plain(value: object) -> object:
    """Keep JSON-friendly values; describe the rest (Django passes `request` objects along)."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list | tuple | dict):
        return value
    return repr(value)
