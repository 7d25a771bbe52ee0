"""The editors' part of the review admin: revisions (config/revisions/), preview links, and the
schedule at a glance, all in the editor's time zone. Mixed into reviews.admin.ReviewAdmin."""

from __future__ import annotations

from http import HTTPStatus

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from config.revisions.admin import RevisionsAdmin
from reviews.editorial import selectors, services
from reviews.editorial.forms import PreviewLinkForm
from reviews.editorial.timezones import in_editor_time_zone
from reviews.models import Review


def local_when(moment) -> str:
    """`moment` in the editor's zone, named (they may be away from the site's)."""
    local = timezone.localtime(moment)
    return f"{formats.date_format(local, 'SHORT_DATETIME_FORMAT')} {local.tzname()}"


class ScheduledFilter(admin.SimpleListFilter):
    title = _("schedule")
    parameter_name = "scheduled"

    def lookups(self, request, model_admin):
        return [
            ("yes", _("Scheduled")),
            ("clash", _("Scheduled within an hour of another")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.scheduled()
        if self.value() == "clash":
            return queryset.scheduled().filter(schedule_clash=True)
        return queryset


class EditorialReviewAdmin(RevisionsAdmin):
    def get_queryset(self, request):
        return selectors.with_schedule_clash(super().get_queryset(request))

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        urls = [
            path(
                "<path:object_id>/preview-links/",
                self.admin_site.admin_view(self.preview_links_view),
                name=f"{name}_preview_links",
            ),
            path(
                "<path:object_id>/preview-links/<int:link_id>/revoke/",
                self.admin_site.admin_view(require_POST(self.preview_link_revoke_view)),
                name=f"{name}_preview_link_revoke",
            ),
            *super().get_urls(),
        ]
        for pattern in urls:  # every page of the review admin shows the editor's times
            pattern.callback = in_editor_time_zone(pattern.callback)
        return urls

    def restore_with_service(self, request: HttpRequest, obj: Review, revision) -> None:
        services.review_restore(review=obj, revision=revision, editor=request.user)

    def changelist_view(self, request, extra_context=None):
        if request.method == "GET":
            for first, second in selectors.schedule_clashes():
                messages.warning(
                    request,
                    gettext(
                        "“%(first)s” (%(first_at)s) and “%(second)s” (%(second_at)s) are "
                        "scheduled less than an hour apart."
                    )
                    % {
                        "first": first.headline,
                        "first_at": local_when(first.publish_at),
                        "second": second.headline,
                        "second_at": local_when(second.publish_at),
                    },
                )
        return super().changelist_view(request, extra_context)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        for other in selectors.scheduled_near(obj):
            messages.warning(
                request,
                gettext(
                    "This review goes live at %(when)s, less than an hour from “%(other)s” "
                    "(%(other_at)s)."
                )
                % {
                    "when": local_when(obj.publish_at),
                    "other": other.headline,
                    "other_at": local_when(other.publish_at),
                },
            )

    @admin.display(description=_("Sharing and history"))
    def editorial_links(self, obj: Review) -> str:
        if not obj.pk:
            return gettext("Save the review to share a preview or see its revisions.")
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>',
            self._url("preview_links", obj.pk),
            gettext("Preview links to share"),
            self._url("history", obj.pk),
            gettext("Revisions"),
        )

    def preview_links_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """The review's preview links, and a form to make one (for drafts and scheduled
        reviews)."""
        review = self._changeable(request, object_id)
        form = PreviewLinkForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                link = services.preview_link_create(
                    review=review, editor=request.user, days=form.cleaned_data["days"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    gettext("A preview link is ready, until %(when)s: %(url)s")
                    % {
                        "when": local_when(link.expires_at),
                        "url": request.build_absolute_uri(link.get_absolute_url()),
                    },
                )
                return HttpResponseRedirect(self._url("preview_links", review.pk))
        links = review.preview_links.select_related("created_by", "revoked_by")
        context = self._context(
            request,
            review,
            gettext("Preview links for %(review)s") % {"review": review},
            form=form,
            links=[(link, request.build_absolute_uri(link.get_absolute_url())) for link in links],
            revoke_url_name=f"admin:{self.opts.app_label}_{self.opts.model_name}_preview_link_revoke",
        )
        status = HTTPStatus.BAD_REQUEST if form.errors else HTTPStatus.OK  # as render_form
        return TemplateResponse(
            request, "reviews/editorial/preview_links.html", context, status=status
        )

    def preview_link_revoke_view(
        self, request: HttpRequest, object_id: str, link_id: int
    ) -> HttpResponse:
        review = self._changeable(request, object_id)
        link = review.preview_links.filter(pk=link_id).first()
        if link is not None:
            services.preview_link_revoke(link=link, editor=request.user)
            messages.success(request, gettext("The preview link is revoked: it no longer works."))
        return HttpResponseRedirect(self._url("preview_links", review.pk))
