"""What readers type into a discussion: a comment or reply, and an edit."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from reviews.discussion.models import Comment


class CommentForm(forms.Form):
    """A new comment or reply. `website` is a honeypot: people never see it, bots fill it."""

    body = forms.CharField(
        label=_("Your comment"),
        max_length=settings.COMMENT_MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(
            attrs={
                "rows": 5,
                "maxlength": settings.COMMENT_MAX_LENGTH,
                "aria-describedby": "comment-help",
            }
        ),
        error_messages={
            "required": _("Write something before posting."),
            "max_length": _("Keep it under %(limit_value)s characters (this is %(show_value)s)."),
        },
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # Collapsed for readers whose spoiler gate is on, whatever their progress (reviews/spoilers).
    contains_spoilers = forms.BooleanField(
        label=_("Contains spoilers"),
        required=False,
        help_text=_("Readers who have not finished the film see it collapsed."),
    )
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_website(self) -> str:
        if self.cleaned_data["website"]:
            raise forms.ValidationError(
                gettext("This looks automated. Clear the hidden field and try again."),
                code="honeypot",
            )
        return ""

    def clean_parent(self) -> Comment | None:
        parent_id = self.cleaned_data.get("parent")
        if parent_id is None:
            return None
        parent = Comment.objects.filter(pk=parent_id).first()
        if parent is None:
            raise forms.ValidationError(
                gettext("The comment you replied to is no longer available."), code="parent_gone"
            )
        return parent


class CommentEditForm(forms.Form):
    """Editing a comment; ids are unique per comment, as several forms may share a page."""

    body = forms.CharField(
        label=_("Your comment"),
        max_length=settings.COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": settings.COMMENT_MAX_LENGTH}),
        error_messages=CommentForm.base_fields["body"].error_messages,
    )

    def __init__(self, *args, comment_id: int, **kwargs):
        super().__init__(*args, auto_id=f"edit-{comment_id}-%s", **kwargs)
