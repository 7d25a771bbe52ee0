"""JSON-LD for film and person pages."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from config.templatetags.seo import json_ld
from films import structured_data

register = template.Library()


@register.simple_tag(takes_context=True)
def movie_json_ld(context, film) -> SafeString:
    return json_ld(
        structured_data.movie(
            context["request"],
            film,
            directors=context.get("directors"),
            extra=context.get("film_parts") and context["film_parts"].json_ld,
        )
    )


@register.simple_tag(takes_context=True)
def person_json_ld(context, person) -> SafeString:
    return json_ld(structured_data.person(context["request"], person))
