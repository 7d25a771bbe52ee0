"""Small pieces of HTML (a comment, a queue item) rendered once and kept in the shared cache,
named by everything they are made of.

A fragment's template is rendered with a plain context (no request, no context processors)
holding only frozen dataclasses and plain values; the key is a digest of that whole context,
the template's source and the time zone and language. So the key covers all that the HTML
can show: a field added to the dataclass is in the key by itself, and nothing else reaches the
template. Such a key never goes stale; old ones fall out of the cache.

A CSRF token belongs to one reader: fragments carry CSRF_PLACEHOLDER, which the reader's own
token replaces as the page is put together.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from django.conf import settings
from django.core.cache import cache
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

from config.pagecache.keys import digest, release, template_version

CSRF_PLACEHOLDER = "PAGECACHECSRFTOKEN"
TIMEOUT = 60 * 60 * 24
_KEY = "pagecache:fragment:"


def fragment_key(template: str, context: dict) -> str:
    where = (timezone.get_current_timezone_name(), translation.get_language())
    made_of = repr(sorted(context.items()))
    return f"{_KEY}{release()}:{template}:{template_version(template)}:{digest((where, made_of))}"


def render_fragments[T](
    items: Sequence[T],
    template: str,
    context_of: Callable[[T], dict],
    *,
    csrf_token: str = "",
) -> list[SafeString]:
    """The template's output for each item's context, from the cache where the same context
    was rendered before; the rest rendered now and kept. With `csrf_token`, the placeholder is
    replaced by it; without, it stays (for HTML that is itself kept, or shown signed out)."""
    contexts = [{**context_of(item), "csrf_token": CSRF_PLACEHOLDER} for item in items]
    keys = [fragment_key(template, context) for context in contexts]
    use_cache = settings.PAGE_CACHE_ENABLED and settings.PAGE_CACHE_FRAGMENTS
    found = cache.get_many(list(set(keys))) if use_cache and keys else {}
    missing = {
        key: context for key, context in zip(keys, contexts, strict=True) if key not in found
    }
    if missing:
        compiled = get_template(template)
        rendered = {key: compiled.render(context) for key, context in missing.items()}
        if use_cache:
            cache.set_many(rendered, timeout=TIMEOUT)
        found |= rendered
    # The template's output, escaped as it renders; only the placeholder is replaced.
    return [
        mark_safe(found[key].replace(CSRF_PLACEHOLDER, csrf_token) if csrf_token else found[key])
        for key in keys
    ]
