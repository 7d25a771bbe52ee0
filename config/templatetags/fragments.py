"""`{% kept_fragment "template.html" name=value ... %}`: a piece of a page rendered from the
named values alone and kept, named by them (config/pagecache/fragments.py). For pieces every
page repeats, such as the site's header, which would otherwise be rendered for each request of
a signed-in reader."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

from config.pagecache.fragments import CSRF_PLACEHOLDER, render_fragments

register = template.Library()


@register.simple_tag(takes_context=True)
def kept_fragment(context, template_name: str, **values) -> SafeString:
    # Plain values only: they are the fragment's key, and all that its template sees.
    [html] = render_fragments([values], template_name, dict)
    if CSRF_PLACEHOLDER in html:  # only then: a token would keep the page from being shared
        html = mark_safe(html.replace(CSRF_PLACEHOLDER, str(context.get("csrf_token", ""))))
    return html
