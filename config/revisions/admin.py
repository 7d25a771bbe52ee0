"""The revisions of an object in its admin: the list (the admin's History button), two of them
side by side, and restoring one, which the app's service saves as a new revision."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from config.revisions import records
from config.revisions.diff import field_changes


@dataclass(frozen=True)
class RevisionRow:
    record: object
    changed: list[str]  # the changed fields' labels
    restored_from: int | None


class RevisionsAdmin:
    """For the ModelAdmin of a model that keeps revisions (`records.keep_revisions`). Who may
    change the object may see, compare and restore its revisions; nobody else."""

    revisions_per_page = 50

    def restore_with_service(self, request: HttpRequest, obj, revision) -> None:
        """Save `obj` as it was in `revision` through the app's service (a new revision)."""
        raise NotImplementedError

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.revision_compare_view),
                name=f"{name}_revision_compare",
            ),
            path(
                "<path:object_id>/history/<int:revision_id>/restore/",
                self.admin_site.admin_view(require_POST(self.revision_restore_view)),
                name=f"{name}_revision_restore",
            ),
            *super().get_urls(),
        ]

    def _changeable(self, request: HttpRequest, object_id: str):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(gettext("No such object."))
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def _context(self, request: HttpRequest, obj, title: str, **context) -> dict:
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "title": title,
            "subtitle": str(obj),
            "has_change_permission": True,
            "history_url": self._url("history", obj.pk),
            **context,
        }

    def _url(self, view: str, *args) -> str:
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_{view}", args=args)

    def _labels(self, names: list[str]) -> list[str]:
        labels = []
        for name in names:
            try:
                labels.append(str(self.opts.get_field(name).verbose_name))
            except FieldDoesNotExist:  # a field since removed from the model
                labels.append(name)
        return labels

    def history_view(self, request, object_id, extra_context=None):
        """Every revision of the object, newest first: when, who, what changed; choose two
        to compare, or restore one."""
        obj = self._changeable(request, object_id)
        revisions = obj.history.select_related("history_user").order_by(
            "-history_date", "-history_id"
        )
        page = Paginator(revisions, self.revisions_per_page).get_page(request.GET.get("page"))
        rows = [
            RevisionRow(
                record=record,
                changed=self._labels(records.changed_names(record)),
                restored_from=records.restored_from(record),
            )
            for record in page
        ]
        context = self._context(
            request,
            obj,
            gettext("Revisions of %(object)s") % {"object": obj},
            page_obj=page,
            rows=rows,
            compare_url=self._url("revision_compare", obj.pk),
            restore_url_name=f"admin:{self.opts.app_label}_{self.opts.model_name}_revision_restore",
            **(extra_context or {}),
        )
        return TemplateResponse(request, "admin/revisions/revision_list.html", context)

    def revision_compare_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Two revisions side by side (?older=<id>&newer=<id>; the newest two without)."""
        obj = self._changeable(request, object_id)
        wanted = [request.GET.get("older", ""), request.GET.get("newer", "")]
        revisions = obj.history.order_by("-history_date", "-history_id")
        if all(value.isdigit() for value in wanted):
            found = {r.history_id: r for r in revisions.filter(history_id__in=map(int, wanted))}
            pair = [found.get(int(value)) for value in wanted]
        elif not any(wanted):
            pair = list(revisions[:2])[::-1]
        else:
            pair = [None]
        if len(pair) != 2 or None in pair:
            messages.error(request, gettext("Choose two revisions of this object to compare."))
            return HttpResponseRedirect(self._url("history", obj.pk))
        older, newer = sorted(pair, key=lambda r: (r.history_date, r.history_id))
        context = self._context(
            request,
            obj,
            gettext("Comparing two revisions of %(object)s") % {"object": obj},
            older=older,
            newer=newer,
            changes=field_changes(self.model, older, newer),
            restore_url_name=f"admin:{self.opts.app_label}_{self.opts.model_name}_revision_restore",
        )
        return TemplateResponse(request, "admin/revisions/revision_compare.html", context)

    def revision_restore_view(
        self, request: HttpRequest, object_id: str, revision_id: int
    ) -> HttpResponse:
        """Save the object as it was in a revision: a new revision; the older ones stay."""
        obj = self._changeable(request, object_id)
        revision = obj.history.filter(history_id=revision_id).first()
        if revision is None:
            raise Http404(gettext("No such revision."))
        when = formats.date_format(timezone.localtime(revision.history_date), "DATETIME_FORMAT")
        try:
            self.restore_with_service(request, obj, revision)
        except ValidationError as error:
            messages.error(
                request,
                gettext("The revision of %(when)s could not be restored: %(errors)s")
                % {"when": when, "errors": " ".join(error.messages)},
            )
        else:
            messages.success(
                request,
                gettext("Restored the revision of %(when)s, as a new revision.") % {"when": when},
            )
        return HttpResponseRedirect(self._url("history", obj.pk))
