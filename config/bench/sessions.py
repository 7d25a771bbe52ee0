"""The bench's signed-in sessions, made inside `manage.py shell` on the bench's database."""

import json
import secrets
from importlib import import_module


def print_sessions() -> None:
    """Print, as one line of JSON, a session key for the moderator, the reader, the 100
    readers who post ("posters"), 50 who only watch the premiere's thread ("watchers"), a
    CSRF token, and the big review's film's id."""
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )

    store = import_module(settings.SESSION_ENGINE).SessionStore
    out = {}
    for name in ("moderator", "reader", *(f"reader{i}" for i in range(150))):
        user = get_user_model().objects.get(username=name)
        session = store()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        out[name] = session.session_key
    out["posters"] = [out.pop(f"reader{i}") for i in range(100)]
    out["watchers"] = [out.pop(f"reader{i}") for i in range(100, 150)]
    out["csrf"] = secrets.token_hex(16)
    # The big review's film, whose watch progress a visitor's cookie names.
    from films.models import Film

    out["film"] = Film.objects.filter(slug="lost-in-starlight").values_list("pk", flat=True).first()
    print(json.dumps(out))
