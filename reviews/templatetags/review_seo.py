"""JSON-LD for review pages."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from config.templatetags.seo import json_ld
from reviews import structured_data

register = template.Library()


@register.simple_tag(takes_context=True)
def review_json_ld(context, review) -> SafeString:
    return json_ld(structured_data.review(context["request"], review))
