"""Lenient conversions of API values (core/coerce.py): a value of the wrong type becomes
None (or text), never an exception, and an identifier has one text form however it came."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tap_smartlead_inbox.core.coerce import (
    as_bool,
    as_id,
    as_int,
    as_list,
    as_obj,
    as_str,
    joined,
    json_or_none,
    to_json,
)
from tap_smartlead_inbox.core.timeutil import UTC

# Any value json.loads can give, and a few it cannot (NaN, infinities), nested.
json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
finite_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


# --- as_int -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (42, 42),
        (-3, -3),
        (0, 0),
        (42.0, 42),
        (-7.0, -7),
        ("42", 42),
        (" 7 ", 7),
        ("\t7\n", 7),
        ("-12", -12),
        ("9" * 39, int("9" * 39)),
    ],
)
def test_as_int_gives_whole_numbers_from_ints_whole_floats_and_digit_strings(value, expected):
    assert as_int(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        True,
        False,
        42.5,
        float("nan"),
        float("inf"),
        "",
        "  ",
        "abc",
        "4.0",
        "42abc",
        "9" * 40,
        None,
        [42],
        {"id": 42},
    ],
    ids=repr,
)
def test_as_int_refuses_bools_fractions_non_numbers_and_strings_of_forty_characters_or_more(value):
    assert as_int(value) is None


# --- as_str -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", ""),
        (" as sent ", " as sent "),
        (42, "42"),
        (1.5, "1.5"),
        (True, "true"),
        (False, "false"),
        ({"b": 1, "a": "é"}, '{"a": "é", "b": 1}'),
        ([1, "x", None], '[1, "x", null]'),
    ],
)
def test_as_str_keeps_text_as_sent_and_writes_anything_else_as_json(value, expected):
    assert as_str(value) == expected


# --- as_id --------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [42, 42.0, "42", " 42 ", "\n42\t"])
def test_as_id_gives_one_text_for_a_number_however_it_came(value):
    assert as_id(value) == "42"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("abc-123", "abc-123"),
        ("  abc  ", "abc"),
        (42.5, "42.5"),
        ("9" * 45, "9" * 45),
    ],
)
def test_as_id_keeps_other_identifiers_as_trimmed_text(value, expected):
    assert as_id(value) == expected


@pytest.mark.parametrize("value", [None, "", "   ", "\t\n"])
def test_as_id_of_nothing_or_blank_text_is_none(value):
    assert as_id(value) is None


@given(st.integers(min_value=-(2**53), max_value=2**53))
def test_as_id_is_canonical_for_an_int_as_int_text_or_float(number):
    assert as_id(number) == as_id(str(number)) == as_id(float(number)) == str(number)


# --- as_bool ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (True, True),
        (False, False),
        (1, True),
        (0, False),
        ("true", True),
        (" TRUE ", True),
        ("1", True),
        ("false", False),
        ("False", False),
        ("0", False),
    ],
)
def test_as_bool_reads_bools_zero_or_one_and_their_text(value, expected):
    assert as_bool(value) is expected


@pytest.mark.parametrize("value", [None, 2, -1, "yes", "no", "", "truthy", [], {}, [True]], ids=repr)
def test_as_bool_of_anything_else_is_none(value):
    assert as_bool(value) is None


# --- as_obj, as_list ----------------------------------------------------------------------------


def test_as_obj_gives_a_mapping_itself_and_an_empty_one_for_anything_else():
    row = {"a": 1}
    assert as_obj(row) is row
    assert [as_obj(value) for value in (None, [("a", 1)], "a", 1, True)] == [{}] * 5


def test_as_list_gives_a_list_itself_and_an_empty_one_for_anything_else():
    items = [1, 2]
    assert as_list(items) is items
    assert [as_list(value) for value in (None, (1, 2), {"a": 1}, "ab", 1)] == [[]] * 5


# --- joined -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (["a@x.com", "b@y.com"], "a@x.com, b@y.com"),
        (["a@x.com", "", None, "b@y.com"], "a@x.com, b@y.com"),
        ([], None),
        (["", None], None),
        ("a@x.com;b@y.com", "a@x.com;b@y.com"),
        ("", ""),
        (None, None),
        ([1, {"name": "B"}], '1, {"name": "B"}'),
    ],
)
def test_joined_gives_a_list_of_addresses_as_one_text_and_a_string_as_sent(value, expected):
    assert joined(value) == expected


def test_joined_uses_the_separator_given():
    assert joined(["a", "b", "c"], "; ") == "a; b; c"


# --- to_json, json_or_none ----------------------------------------------------------------------


def test_to_json_sorts_keys_at_every_level():
    assert to_json({"b": 1, "a": {"d": [{"z": 0, "y": 1}], "c": 2}}) == (
        '{"a": {"c": 2, "d": [{"y": 1, "z": 0}]}, "b": 1}'
    )


def test_to_json_keeps_non_ascii_text_as_is():
    assert to_json({"name": "José 日本 😀"}) == '{"name": "José 日本 😀"}'


def test_to_json_writes_what_json_cannot_hold_as_its_text():
    assert to_json({"at": datetime(2026, 1, 2, 3, 4, tzinfo=UTC)}) == '{"at": "2026-01-02 03:04:00+00:00"}'


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ({}, "{}"),
        ([], "[]"),
        ("", '""'),
        (0, "0"),
        (False, "false"),
        ({"é": [1]}, '{"é": [1]}'),
    ],
)
def test_json_or_none_is_none_only_for_none(value, expected):
    assert json_or_none(value) == expected


@given(finite_json)
def test_to_json_reads_back_as_the_same_value(value):
    assert json.loads(to_json(value)) == value


# --- any JSON-like value ------------------------------------------------------------------------


@given(json_like)
def test_no_conversion_raises_and_each_gives_its_type(value: Any):
    assert as_int(value) is None or type(as_int(value)) is int
    assert as_str(value) is None or isinstance(as_str(value), str)
    identifier = as_id(value)
    assert identifier is None or (isinstance(identifier, str) and identifier == identifier.strip() != "")
    assert as_bool(value) in (None, True, False)
    assert isinstance(as_obj(value), dict)
    assert isinstance(as_list(value), list)
    assert joined(value) is None or isinstance(joined(value), str)
    assert isinstance(to_json(value), str)
    assert json_or_none(value) == (None if value is None else to_json(value))


@given(st.text())
def test_as_str_of_text_is_the_text(text):
    assert as_str(text) == text
