"""What readers type into a discussion: a comment or reply, and an edit."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from films.models import Scene
from films.timecodes import TimecodeField
from reviews.discussion.models import Comment


class TimecodedForm:
    """A form with an optional point in the film: typed (`timecode`), or picked from the
    film's scenes (`scene`, which a script copies into the text field). Without a script
    both arrive: a typed time wins, a scene alone gives its start. `cleaned_data["timecode"]`
    is seconds or None. Mixed into a Form or a ModelForm; `film=` is the film it is about.
    The film's scenes are read only when the form is shown or a scene was picked."""

    def __init__(self, *args, film=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.film = film
        self.fields["timecode"] = TimecodeField(
            label=_("Time in the film"),
            required=False,
            running_time=film.running_time if film is not None else None,
            help_text=_("Optional: where in the film you are, like 0:45 or 1:12:30."),
        )
        if film is not None:
            self.fields["scene"] = forms.TypedChoiceField(
                label=_("or pick a scene"),
                required=False,
                coerce=int,
                empty_value=None,
                choices=self._scene_choices,
                error_messages={"invalid_choice": _("Pick one of the film's scenes.")},
            )

    @cached_property
    def scenes(self) -> list[Scene]:
        if self.film is None:
            return []
        return list(Scene.objects.of(self.film).only("number", "title_en", "title_ko", "start"))

    def _scene_choices(self) -> list[tuple]:
        return [
            ("", gettext("No scene")),
            *((scene.number, f"{scene.number}. {scene.title} ({scene.start_label})")
              for scene in self.scenes),
        ]  # fmt: skip

    def scene_options(self) -> list[tuple]:
        """The picker's options with the time each fills in (data-timecode); none when the
        film has no scenes (the picker is not shown)."""
        if not self.scenes:
            return []
        return [("", gettext("No scene"), "")] + [
            (
                scene.number,
                f"{scene.number}. {scene.title} ({scene.start_label})",
                scene.start_label,
            )
            for scene in self.scenes
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("timecode") is None and cleaned.get("scene") is not None:
            starts = {scene.number: scene.start for scene in self.scenes}
            cleaned["timecode"] = starts.get(cleaned["scene"])
        return cleaned


class CommentForm(TimecodedForm, forms.Form):
    """A new comment or reply, perhaps tagged with a time in the film the discussion is about
    (`film=`). `website` is a honeypot: people never see it, bots fill it."""

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


class CommentEditForm(TimecodedForm, forms.Form):
    """Editing a comment; ids are unique per comment, as several forms may share a page."""

    body = forms.CharField(
        label=_("Your comment"),
        max_length=settings.COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": settings.COMMENT_MAX_LENGTH}),
        error_messages=CommentForm.base_fields["body"].error_messages,
    )

    def __init__(self, *args, comment_id: int, **kwargs):
        super().__init__(*args, auto_id=f"edit-{comment_id}-%s", **kwargs)
