"""Small display helpers shared by the film and review pages."""

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from films import timecodes

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
def in_stars(score: int | str) -> str:
    """A score out of 10 as stars written short: 1 is ½, 7 is 3½, 10 is 5."""
    whole, half = divmod(int(score), 2)
    return f"{whole or ''}{'½' if half else ''}"


# The date format of each precision a release date is known to (Film.DatePrecision); a day is
# the language's DATE_FORMAT ("3 July 2025", "2025년 7월 3일").
RELEASE_FORMATS = {"year": "Y"}


@register.filter
def release(film) -> str:
    """A film's release date at the precision we know it, as the active language writes it."""
    return date_format(
        film.release_date, RELEASE_FORMATS.get(film.release_date_precision, "DATE_FORMAT")
    )


@register.filter
def runtime(minutes: int | None) -> str:
    """A running time in minutes as the active language writes it short: "1 h 36 min",
    "45 min", "2 h" ("1시간 36분", "45분", "2시간"); "" when not known."""
    if not minutes:
        return ""
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return gettext("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": rest}
    if hours:
        return gettext("%(hours)d h") % {"hours": hours}
    return gettext("%(minutes)d min") % {"minutes": rest}


@register.filter
def iso_duration(minutes: int | None) -> str:
    """A running time in minutes as an ISO 8601 duration, for `<time datetime>` and JSON-LD:
    96 is "PT1H36M", 120 "PT2H", 45 "PT45M"; "" when not known."""
    if not minutes:
        return ""
    hours, rest = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest else "")


@register.filter
def duration_human(duration) -> str:
    """A timedelta as "3 h 20 min", "12 min" or "45 s"."""
    seconds = int(duration.total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours >= 48:
        days = hours // 24
        return ngettext("%(days)d day", "%(days)d days", days) % {"days": days}
    if hours:
        return gettext("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}
    if minutes:
        return gettext("%(minutes)d min") % {"minutes": minutes}
    return gettext("%(seconds)d s") % {"seconds": seconds}


def _script_of(char: str) -> str:
    code = ord(char)
    if 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return "ko"
    if 0x3040 <= code <= 0x30FF:
        return "ja"
    if char.isascii():
        return "en"
    return ""


@register.filter
def lang_attribute(text: str) -> SafeString:
    """` lang="ko"` (or "en", "ja") for a reader's text, by the script most of its letters are
    written in, so that it is spoken and broken as written whatever the page's language; ""
    when no script has most of them (Chinese characters alone say too little)."""
    counts: dict[str, int] = {}
    for char in text or "":
        if char.isalpha():
            script = _script_of(char)
            counts[script] = counts.get(script, 0) + 1
    letters = sum(counts.values())
    for lang in ("ko", "ja", "en"):
        if letters and counts.get(lang, 0) * 2 > letters:
            return format_html(' lang="{}"', lang)
    return mark_safe("")


@register.inclusion_tag("includes/timecode_tag.html")
def timecode_tag(seconds: int | None, film_slug: str | None) -> dict:
    """A comment's or reader review's point in the film, linked to the scene playing then
    (the film page's `?t=` sends the reader there)."""
    if seconds is None or not film_slug:
        return {"shown": False}
    return {
        "shown": True,
        "label": timecodes.format(seconds),
        "iso": timecodes.iso_duration(seconds),
        "seconds": seconds,
        "film_slug": film_slug,
    }


@register.filter
def scene_time(seconds: int | None) -> str:
    """Seconds into a film as readers write them: 0:45, 1:12:30."""
    return "" if seconds is None else timecodes.format(seconds)


@register.filter
def scene_iso(seconds: int | None) -> str:
    """Seconds into a film for `<time datetime>`: PT1H12M30S."""
    return "" if seconds is None else timecodes.iso_duration(seconds)
