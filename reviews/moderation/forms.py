"""The desk's forms: filtering the queue, sanctioning a reader, the blocklist; and the form a
reader reports a comment with."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet, Value
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from reviews.discussion.models import Comment, CommentReport
from reviews.models import Review
from reviews.moderation.models import ModerationDecision, ReaderReviewReport, Sanction
from reviews.moderation.selectors import held_entries, reported_entries
from reviews.removals import RemovalCategory

# What a queue row is: its third column.
COMMENT_ROW, ENTRY_ROW = "comment", "entry"

# Offered in the moderator's language; the one chosen is kept as the decision's reason, as a
# reason a moderator writes would be.
CANNED_REASONS = [
    _("Personal attack on another reader"),
    _("Spoilers without spoiler marks"),
    _("Off topic for this review"),
    _("Advertising or spam"),
    _("Hateful or discriminatory language"),
]


class QueueFilterForm(forms.Form):
    STATUS_CHOICES = [
        ("", _("Held and reported")),
        ("held", pgettext_lazy("queue", "Held")),
        ("reported", pgettext_lazy("queue", "Reported")),
    ]

    status = forms.ChoiceField(label=_("Status"), choices=STATUS_CHOICES, required=False)
    review = forms.ModelChoiceField(
        # A semi-join on the review ids of the queue's two halves (see `queue`), never a join
        # with every comment.
        queryset=Review.objects.filter(
            pk__in=Comment.objects.held()
            .values("review_id")
            .union(Comment.objects.reported().values("review_id"), all=True)
        )
        .only("id", "headline")
        .order_by("headline"),
        required=False,
        label=_("Review"),
        empty_label=_("Any review"),
    )
    reason = forms.ChoiceField(
        label=_("Reason"),
        choices=[
            ("", _("Any reason")),
            *CommentReport.Reason.choices,
            ("rule", _("Held by a rule")),
        ],
        required=False,
    )

    def filter(self, comments):
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        if data.get("status") == "held":
            comments = comments.pending()
        elif data.get("status") == "reported":
            comments = comments.filter(reports__resolution=CommentReport.Resolution.OPEN).distinct()
        if data.get("review"):
            comments = comments.filter(review=data["review"])
        if (reason := data.get("reason")) == "rule":
            # Hidden by readers' reports is not a rule's hold (it has a held_reason too).
            comments = (
                comments.pending()
                .exclude(held_reason="")
                .exclude(reports__resolution=CommentReport.Resolution.OPEN)
            )
        elif reason:
            comments = comments.filter(
                reports__reason=reason, reports__resolution=CommentReport.Resolution.OPEN
            ).distinct()
        return comments

    def filter_entries(self, entries):
        """`filter` for reader reviews: the same status and reason; none is on a review article."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        if data.get("status") == "held":
            entries = entries.filter(review_status=Comment.Status.PENDING)
        elif data.get("status") == "reported":
            entries = entries.filter(reports__resolution=ReaderReviewReport.Resolution.OPEN)
        if data.get("review"):
            entries = entries.none()
        if (reason := data.get("reason")) == "rule":
            entries = (
                entries.filter(review_status=Comment.Status.PENDING)
                .exclude(held_reason="")
                .exclude(reports__resolution=ReaderReviewReport.Resolution.OPEN)
            )
        elif reason:
            entries = entries.filter(
                reports__reason=reason, reports__resolution=ReaderReviewReport.Resolution.OPEN
            )
        return entries.distinct() if data.get("status") == "reported" or reason else entries

    def queue(self) -> QuerySet:
        """(created_at, pk, kind) of the waiting comments and reader reviews the filters let
        through, oldest first; kind is COMMENT_ROW or ENTRY_ROW."""
        # Held (pending) and reported (approved) comments never overlap, so UNION ALL of the two
        # halves, each filtered, is the queue: PostgreSQL reads the held half from the partial
        # index comment_held_oldest_first alone (README, "Performance"). So for reader reviews.
        comments = (
            self.filter(half)
            .annotate(kind=Value(COMMENT_ROW))
            .values_list("created_at", "pk", "kind")
            for half in (Comment.objects.held(), Comment.objects.reported())
        )
        entries = (
            self.filter_entries(half)
            .order_by()  # DISTINCT would add the entries' own ordering to the columns
            .annotate(kind=Value(ENTRY_ROW))
            .values_list("created_at", "pk", "kind")
            for half in (held_entries(), reported_entries())
        )
        return next(comments).union(*comments, *entries, all=True).order_by("created_at", "pk")


class SanctionForm(forms.Form):
    DURATIONS = [("1", _("1 day")), ("7", _("7 days")), ("30", _("30 days")), ("", _("No end"))]

    kind = forms.ChoiceField(
        label=_("Kind"), choices=Sanction.Kind.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        help_text=_("The reader sees this when they try to post."),
        error_messages={"required": _("Say why; the reader is shown the reason.")},
    )
    duration = forms.ChoiceField(
        label=_("Duration"), choices=DURATIONS, required=False, initial="7"
    )
    spam_pending = forms.BooleanField(
        required=False, label=_("Also mark their comments awaiting moderation as spam (bans only)")
    )


class BlockedTermForm(forms.Form):
    phrase = forms.CharField(
        max_length=100,
        label=_("Word or phrase"),
        error_messages={"required": _("Enter a word or phrase.")},
    )


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with this comment?"),
        choices=CommentReport.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a reason.")},
    )
    note = forms.CharField(
        label=_("Anything the moderators should know?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reason") == CommentReport.Reason.OTHER and not cleaned.get("note"):
            self.add_error("note", _("Say what is wrong when you choose “Something else”."))
        return cleaned


class DecisionForm(forms.Form):
    """A decision on the desk: the button pressed names the action, by ModerationDecision's
    own values."""

    Action = ModerationDecision.Action
    ACTIONS = [
        *(Action.APPROVE, Action.REJECT, Action.SPAM, Action.REMOVE, Action.RESTORE),
        *(Action.UPHOLD_REPORTS, Action.DISMISS_REPORTS),
    ]

    action = forms.ChoiceField(
        choices=[(action.value, action.label) for action in ACTIONS],
        error_messages={
            "required": _("Choose a decision."),
            "invalid_choice": _(
                "Choose approve, reject, spam, remove or restore, or keep or remove a reported "
                "comment."
            ),
        },
    )
    # The status the moderator saw: another moderator's decision in between refuses this one.
    expected_status = forms.ChoiceField(choices=Comment.Status.choices, required=False)
    reason = forms.CharField(max_length=300, required=False)
    note = forms.CharField(max_length=1000, required=False)
    # Why a published item is taken down, for its tombstone: required to remove one; upholding
    # reports without one names the reporters' commonest reason (tombstones.mark).
    category = forms.ChoiceField(
        choices=[("", ""), *RemovalCategory.choices],
        required=False,
        error_messages={"invalid_choice": _("Choose a removal category from the list.")},
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == self.Action.REMOVE and not cleaned.get("category"):
            self.add_error("category", _("Choose why it is removed: its category."))
        return cleaned
