"""`{% appeal_prompt item %}`: the author's appeal prompt for a removed comment or reader review
(templates/includes/appeal_prompt.html says what it shows)."""

from django import template

from reviews.appeals.selectors import ENTRY, appeal_state
from reviews.diary.models import DiaryEntry
from reviews.discussion.models import Comment

register = template.Library()


@register.inclusion_tag("includes/appeal_prompt.html", takes_context=True)
def appeal_prompt(context, item, kind: str = "") -> dict:
    """For the item's author: the appeal's state (one query, two for a CommentView-like
    object, whose comment is read first); nothing for anyone else."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if not isinstance(item, Comment | DiaryEntry):
        model = DiaryEntry if kind == ENTRY else Comment
        item = model.objects.filter(pk=getattr(item, "pk", None)).first()
    if item is None:
        return {"appeal_state": None}
    return {"appeal_state": appeal_state(item, user)}
