from django.http import HttpRequest
from django.utils.csp import CONTEXT_KEY


def csp(request: HttpRequest) -> dict:
    """Takes back Django's `csp` context processor's nonce on pages that may be shared.

    A page for an anonymous reader may be stored and sent to everybody (config/pagecache/,
    nginx): it must not carry a nonce, which belongs to one response. Its scripts are all
    same-origin files, which the policy's 'self' allows; other pages keep their nonce.
    """
    if getattr(request, "page_cache_wanted", False):
        return {CONTEXT_KEY: None}
    return {}
