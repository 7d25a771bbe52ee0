"""Small display helpers shared by the film and review pages."""

from django import template

register = template.Library()


@register.inclusion_tag("includes/stars.html")
def stars(rating: int | float | None) -> dict:
    """Five stars with halves for a rating out of 10 (a 7 is three and a half stars)."""
    if rating is None:
        return {"rating": None, "shapes": []}
    halves = round(float(rating))
    shapes = ["full"] * (halves // 2) + ["half"] * (halves % 2)
    shapes += ["empty"] * (5 - len(shapes))
    return {"rating": rating, "shapes": shapes}


@register.filter
def release(film) -> str:
    """A film's release date at the precision we know it."""
    if film.release_date_precision == film.DatePrecision.YEAR:
        return str(film.release_date.year)
    return f"{film.release_date.day} {film.release_date:%B %Y}"


@register.filter
def runtime(minutes: int | None) -> str:
    if not minutes:
        return ""
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest} min" if hours else f"{rest} min"
