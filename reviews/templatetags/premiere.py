from django import template

from reviews.premiere.banner import banner_context

register = template.Library()


@register.inclusion_tag("includes/premiere_banner.html", takes_context=True)
def premiere_banner(context, film, on_thread=False):
    """The film's premiere banner, if one is on or coming (`on_thread`: also after it ended)."""
    return banner_context(film, request=context.get("request"), on_thread=on_thread)
