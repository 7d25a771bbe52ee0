"""`{% appeal_prompt item %}`: the author's appeal prompt for a removed comment or reader review
(templates/includes/appeal_prompt.html says what it shows)."""

from django import template

from reviews.appeals.selectors import appeal_state
from reviews.diary.models import DiaryEntry
from reviews.discussion.models import Comment

register = template.Library()


@register.inclusion_tag("includes/appeal_prompt.html", takes_context=True)
def appeal_prompt(context, item: Comment | DiaryEntry) -> dict:
    """For the item's author: the appeal's state (one query); nothing for anyone else."""
    user = getattr(context.get("request"), "user", None)
    return {"appeal_state": appeal_state(item, user)}
