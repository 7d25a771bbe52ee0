"""The Korean catalogue is complete: every message the sources mark has a Korean translation,
none is fuzzy, and each keeps the English message's placeholders."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

COMMITTED = Path(settings.BASE_DIR, "config", "locale", "ko", "LC_MESSAGES", "django.po")
# What holds marked strings, and the Makefile's own `make messages` command line.
SOURCES = ("config", "films", "reviews", "templates")
MAKEFILE = Path(settings.BASE_DIR, "Makefile").read_text()
MAKE_MESSAGES = shlex.split(
    re.search(r"^\t\$\(MANAGE\) (makemessages .*)$", MAKEFILE, re.M).group(1)
)
# Python's named and positional placeholders, and a template's {{ name }} as blocktranslate
# writes it into the catalogue (%(name)s).
_PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|%[sdif]|\{\w*\}")


def placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text.replace("%%", "")))


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> polib.POFile:
    """The catalogue as `make messages` would write it from today's sources, starting from
    the committed one: a message marked but never translated shows up as untranslated.

    In a copy of the sources: makemessages writes work files beside the templates, which
    would trouble any other test (or test worker) reading them meanwhile."""
    copy = tmp_path_factory.mktemp("sources")
    for top in SOURCES:
        shutil.copytree(
            Path(settings.BASE_DIR, top), copy / top, ignore=shutil.ignore_patterns("*.mo")
        )
    shutil.copy(Path(settings.BASE_DIR, "manage.py"), copy)
    subprocess.run(
        [sys.executable, "manage.py", *MAKE_MESSAGES],
        cwd=copy,
        check=True,
        capture_output=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"},
    )
    return polib.pofile(str(copy / COMMITTED.relative_to(settings.BASE_DIR)))


def test_every_marked_message_has_a_korean_translation(extracted):
    missing = [entry.msgid for entry in extracted.untranslated_entries()]
    assert missing == [], f"{len(missing)} untranslated; run `make messages` and translate"


def test_no_korean_message_is_fuzzy(extracted):
    assert [entry.msgid for entry in extracted.fuzzy_entries()] == []


def test_the_committed_catalogue_is_what_make_messages_writes(extracted):
    """Nothing marked in the sources is missing from the committed file, nothing is left
    over in it."""
    committed = {(e.msgctxt, e.msgid) for e in polib.pofile(str(COMMITTED)) if not e.obsolete}
    current = {(e.msgctxt, e.msgid) for e in extracted if not e.obsolete}
    assert current - committed == set(), "marked in the sources, missing from the catalogue"
    assert committed - current == set(), "in the catalogue, no longer in the sources"


def test_korean_messages_keep_the_english_placeholders():
    wrong = []
    for entry in polib.pofile(str(COMMITTED)):
        if entry.msgid_plural:
            translations = list(entry.msgstr_plural.values())
            english = placeholders(entry.msgid_plural)
        else:
            translations = [entry.msgstr]
            english = placeholders(entry.msgid)
        wrong += [
            (entry.msgid, korean)
            for korean in translations
            if korean and placeholders(korean) != english
        ]
    assert wrong == []


def test_korean_has_one_plural_form():
    header = polib.pofile(str(COMMITTED)).metadata
    assert header["Plural-Forms"] == "nplurals=1; plural=0;"
    assert header["Language"] == "ko"


@pytest.mark.parametrize(
    ("english", "korean", "same"),
    [
        ("%(count)s comments", "댓글 %(count)s개", True),
        ("%(count)s comments", "댓글 %(total)s개", False),
        ("Reviews of %(title)s by %(author)s", "%(author)s의 %(title)s 리뷰", True),
        ("%(title)s", "제목", False),
    ],
)
def test_placeholder_comparison(english, korean, same):
    assert (placeholders(english) == placeholders(korean)) is same
