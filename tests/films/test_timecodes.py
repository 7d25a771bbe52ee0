"""The timecode parser (films/timecodes.py): every point reads back, any text either parses or
gets a reader's message."""

import re

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from films import timecodes

fuzz = settings(max_examples=500, deadline=None, database=None)
HUNDRED_HOURS = 100 * 3600 - 1  # the parser's hours have two digits


@fuzz
@given(st.integers(min_value=0, max_value=HUNDRED_HOURS))
def test_every_second_up_to_a_hundred_hours_reads_back(seconds):
    assert timecodes.parse(timecodes.format(seconds)) == seconds


@fuzz
@given(st.integers(min_value=0, max_value=HUNDRED_HOURS))
def test_iso_duration_names_the_same_point(seconds):
    match = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?", timecodes.iso_duration(seconds))
    assert match is not None
    hours, minutes, secs = (int(part or 0) for part in match.groups())
    assert hours * 3600 + minutes * 60 + secs == seconds


@fuzz
@given(
    st.one_of(
        st.text(max_size=20),
        st.from_regex(r"-?\d{1,3}:\d{1,3}(:\d{1,3})?", fullmatch=True),
        st.text(alphabet="0123456789:- \t\u0661\u0662", max_size=12),
    ),
    st.one_of(st.none(), st.integers(min_value=0, max_value=600)),
)
def test_any_text_parses_or_gets_a_readers_message(text, running_time):
    try:
        seconds = timecodes.parse(text, running_time=running_time)
    except ValidationError as error:
        messages = error.messages
    else:
        messages = None
        assert 0 <= seconds <= (running_time * 60 if running_time is not None else HUNDRED_HOURS)
    if messages is not None:
        assert messages
        assert all(messages)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("0:45", 2700), ("1:12:30", 4350), (" 0:00 ", 0), ("1:36", 5760), ("00:05:09", 309)],
)
def test_hours_and_minutes_or_hours_minutes_and_seconds(text, seconds):
    assert timecodes.parse(text, running_time=96) == seconds


@pytest.mark.parametrize(
    ("text", "code", "says"),
    [
        ("99:99", "timecode_range", "up to 59"),
        ("0:60", "timecode_range", "up to 59"),
        ("-0:10", "timecode_format", "like 0:45"),
        ("1:5", "timecode_format", "like 0:45"),
        ("abc", "timecode_format", "like 0:45"),
        ("", "timecode_format", "like 0:45"),
        ("1:12:30:00", "timecode_format", "like 0:45"),
        ("100:00", "timecode_format", "like 0:45"),
        ("1:37", "timecode_after_end", "after the end of the film, which runs 1:36"),
        ("1:36:01", "timecode_after_end", "after the end"),
    ],
)
def test_refused_with_what_is_wrong(text, code, says):
    with pytest.raises(ValidationError) as refused:
        timecodes.parse(text, running_time=96)
    assert refused.value.code == code
    assert says in refused.value.messages[0]


def test_the_end_of_the_film_is_inside_it():
    assert timecodes.parse("1:36:00", running_time=96) == 96 * 60


@pytest.mark.parametrize(
    ("seconds", "label", "iso"),
    [(0, "0:00", "PT0S"), (2700, "0:45", "PT45M"), (4350, "1:12:30", "PT1H12M30S")],
)
def test_format_and_iso_duration(seconds, label, iso):
    assert timecodes.format(seconds) == label
    assert timecodes.iso_duration(seconds) == iso


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("at 1:12:30 she", ["1:12:30"]),
        ("0:45 and 1:02", ["0:45", "1:02"]),
        ("12:30:45:10", []),
        ("12:300", []),
        ("ratio 16:9", []),
    ],
)
def test_timecodes_in_text(text, found):
    assert timecodes.IN_TEXT.findall(text) == found


def test_the_form_field_gives_seconds_and_keeps_the_text_on_error():
    from django import forms

    class Form(forms.Form):
        at = timecodes.TimecodeField(running_time=96, required=False)

    good = Form({"at": "1:12:30"})
    assert good.is_valid()
    assert good.cleaned_data["at"] == 4350
    empty = Form({"at": ""})
    assert empty.is_valid()
    assert empty.cleaned_data["at"] is None
    bad = Form({"at": "99:99"})
    assert not bad.is_valid()
    assert 'value="99:99"' in str(bad["at"])
    assert "up to 59" in bad.errors["at"][0]
