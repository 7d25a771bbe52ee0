"""Two revisions side by side: the fields that differ, and text diffed line by line (difflib),
with the changed words marked inside a changed line. Values stay plain text: the template
escapes them."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext

from config.revisions.records import tracked_fields

_WORDS = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass(frozen=True)
class Segment:
    text: str
    changed: bool = False


@dataclass(frozen=True)
class Line:
    """One side of a row of the side-by-side diff; `number` is None where that side has no
    line (added on the other)."""

    number: int | None
    segments: tuple[Segment, ...] = ()
    kind: str = "same"  # same, removed, added, changed, empty


@dataclass(frozen=True)
class FieldChange:
    name: str
    label: str
    older: str
    newer: str
    rows: list[tuple[Line, Line]] = field(default_factory=list)  # text fields only

    @property
    def is_text(self) -> bool:
        return bool(self.rows)


def field_changes(model: type[models.Model], older, newer) -> list[FieldChange]:
    """What differs between two revisions of a row, field by field, in the model's order."""
    changes = []
    differing = [
        model_field
        for model_field in tracked_fields(model)
        if getattr(older, model_field.attname) != getattr(newer, model_field.attname)
    ]
    related = _related_names(differing, (older, newer))
    for model_field in differing:
        old_value = getattr(older, model_field.attname)
        new_value = getattr(newer, model_field.attname)
        old_text, new_text = (
            _shown(model_field, value, related) for value in (old_value, new_value)
        )
        rows = side_by_side(old_text, new_text) if isinstance(model_field, models.TextField) else []
        changes.append(
            FieldChange(
                name=model_field.name,
                label=str(model_field.verbose_name).capitalize(),
                older=old_text,
                newer=new_text,
                rows=rows,
            )
        )
    return changes


def side_by_side(old: str, new: str, context: int = 2) -> list[tuple[Line, Line]]:
    """The lines of `old` and `new` in two columns: unchanged runs cut to `context` lines
    around each change, changed lines paired, with their changed words marked."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    rows: list[tuple[Line, Line]] = []
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for group in matcher.get_grouped_opcodes(context):
        if rows:
            rows.append((Line(None, kind="gap"), Line(None, kind="gap")))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                for offset in range(i2 - i1):
                    text = (Segment(old_lines[i1 + offset]),)
                    rows.append((Line(i1 + offset + 1, text), Line(j1 + offset + 1, text)))
                continue
            for offset in range(max(i2 - i1, j2 - j1)):
                i, j = i1 + offset, j1 + offset
                left = old_lines[i] if i < i2 else None
                right = new_lines[j] if j < j2 else None
                rows.append(_pair(left, i + 1, right, j + 1))
    return rows


def _pair(left: str | None, i: int, right: str | None, j: int) -> tuple[Line, Line]:
    if left is None:
        return Line(None, kind="empty"), Line(j, (Segment(right, True),), "added")
    if right is None:
        return Line(i, (Segment(left, True),), "removed"), Line(None, kind="empty")
    old_words, new_words = _WORDS.findall(left), _WORDS.findall(right)
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    old_segments, new_segments = [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        changed = tag != "equal"
        if i2 > i1:
            old_segments.append(Segment("".join(old_words[i1:i2]), changed))
        if j2 > j1:
            new_segments.append(Segment("".join(new_words[j1:j2]), changed))
    return (
        Line(i, tuple(old_segments), "changed"),
        Line(j, tuple(new_segments), "changed"),
    )


def _related_names(fields: list[models.Field], records) -> dict[tuple[type, object], str]:
    """The names of the rows that the changed foreign keys point to: one query per kind."""
    wanted: dict[type, set] = {}
    for model_field in fields:
        if model_field.is_relation:
            target = model_field.related_model
            wanted.setdefault(target, set()).update(
                value for record in records if (value := getattr(record, model_field.attname))
            )
    return {
        (target, pk): str(obj)
        for target, pks in wanted.items()
        if pks
        for pk, obj in target._base_manager.in_bulk(pks).items()
    }


def _shown(model_field: models.Field, value, related: dict) -> str:
    if value is None or value == "":
        return "—"
    if model_field.is_relation:
        return related.get((model_field.related_model, value), f"#{value}")
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, date):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)
