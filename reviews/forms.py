from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings

from reviews.models import Comment, CommentReport, Profile


class CommentForm(forms.Form):
    """A new comment or reply. `website` is a honeypot: people never see it, bots fill it."""

    body = forms.CharField(
        label="Your comment",
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
            "required": "Write something before posting.",
            "max_length": "Keep it under %(limit_value)s characters (this is %(show_value)s).",
        },
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    website = forms.CharField(
        required=False,
        label="Leave this field empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_website(self) -> str:
        if self.cleaned_data["website"]:
            raise forms.ValidationError(
                "This looks automated. Clear the hidden field and try again.", code="honeypot"
            )
        return ""

    def clean_parent(self) -> Comment | None:
        parent_id = self.cleaned_data.get("parent")
        if parent_id is None:
            return None
        parent = Comment.objects.filter(pk=parent_id).first()
        if parent is None:
            raise forms.ValidationError(
                "The comment you replied to is no longer available.", code="parent_gone"
            )
        return parent


class CommentEditForm(forms.Form):
    """Editing a comment; ids are unique per comment, as several forms may share a page."""

    body = forms.CharField(
        label="Your comment",
        max_length=settings.COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": settings.COMMENT_MAX_LENGTH}),
        error_messages=CommentForm.base_fields["body"].error_messages,
    )

    def __init__(self, *args, comment_id: int, **kwargs):
        super().__init__(*args, auto_id=f"edit-{comment_id}-%s", **kwargs)


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label="What is wrong with this comment?",
        choices=CommentReport.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a reason."},
    )
    note = forms.CharField(
        label="Anything the moderators should know?",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reason") == CommentReport.Reason.OTHER and not cleaned.get("note"):
            self.add_error("note", "Say what is wrong when you choose “Something else”.")
        return cleaned


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = ["display_name", "bio", "notify_replies"]
        widgets = {"bio": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "display_name": "Shown with your comments.",
            "bio": "A line or two about you, on your public profile.",
        }


class SignupForm(AllauthSignupForm):
    display_name = forms.CharField(
        max_length=80, required=False, help_text="Shown with your comments; your username if empty."
    )


class AccountDeleteForm(forms.Form):
    """Deleting one's own account: their password, and a tick that they mean it."""

    confirm = forms.BooleanField(
        label="I understand: my comments' text goes, and this cannot be undone.",
        error_messages={"required": "Tick the box to confirm."},
    )
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password."},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password.", code="wrong_password")
        return password
