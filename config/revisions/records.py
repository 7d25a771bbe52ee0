"""Each revision says what changed since the one before: `history_change_reason` holds the
changed fields' names ("headline,body"), after "restored:<revision id>;" for a restore."""

from __future__ import annotations

from django.db import models
from simple_history import register as register_history
from simple_history.models import HistoricalRecords

CREATED = "created"
RESTORED_PREFIX = "restored:"


def changed_fields(model: type[models.Model], older, newer) -> list[str]:
    """The names of the tracked fields whose values differ between two versions of a row
    (instances or revisions), in the model's order; times Django sets itself left out."""
    names = []
    for field in tracked_fields(model):
        if getattr(older, field.attname) != getattr(newer, field.attname):
            names.append(field.name)
    return names


def tracked_fields(model: type[models.Model]) -> list[models.Field]:
    """The fields a revision of `model` keeps and compares (not its id or its stamps)."""
    history = model.history.model
    return [
        field
        for field in history.tracked_fields
        if not field.primary_key
        and not getattr(field, "auto_now", False)
        and not getattr(field, "auto_now_add", False)
    ]


class Revisions(HistoricalRecords):
    """simple-history's records, with the change summary filled in on every save."""

    def get_change_reason_for_object(self, instance, history_type, using):
        explicit = super().get_change_reason_for_object(instance, history_type, using) or ""
        if history_type == "+":
            return CREATED
        if history_type == "-":
            return explicit
        previous = getattr(instance, self.manager_name).order_by("-history_date", "-history_id")
        previous = previous.first()
        names = changed_fields(type(instance), previous, instance) if previous else []
        return explicit + ",".join(names)


def keep_revisions(model: type[models.Model], *, excluded_fields: list[str]) -> None:
    """Give `model` a `history` of revisions (its table `<app>_historical<model>`)."""
    register_history(
        model,
        records_class=Revisions,
        excluded_fields=excluded_fields,
        history_change_reason_field=models.TextField(null=True),
        app=model._meta.app_label,
    )


def restored_from(record) -> int | None:
    """The revision a restore brought back, from the revision it made."""
    reason = record.history_change_reason or ""
    if not reason.startswith(RESTORED_PREFIX):
        return None
    number = reason[len(RESTORED_PREFIX) :].split(";", 1)[0]
    return int(number) if number.isdigit() else None


def reason_for_restore(revision) -> str:
    return f"{RESTORED_PREFIX}{revision.history_id};"


def changed_names(record) -> list[str]:
    """The field names a revision's summary lists."""
    reason = record.history_change_reason or ""
    if reason == CREATED:
        return []
    if reason.startswith(RESTORED_PREFIX):
        reason = reason.split(";", 1)[1] if ";" in reason else ""
    return [name for name in reason.split(",") if name]
