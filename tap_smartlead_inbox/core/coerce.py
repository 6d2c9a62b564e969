"""Lenient conversions of API values: a wrong type becomes None (or text), never an exception."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any


def as_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and len(value) < 40:
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None


def as_str(value: object) -> str | None:
    """Text as is; numbers and booleans as their JSON text; objects and lists as JSON."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return to_json(value)


def as_id(value: object) -> str | None:
    """An identifier in one canonical text form, whether it came as 42, 42.0 or "42"."""
    number = as_int(value)
    if number is not None:
        return str(number)
    text = as_str(value)
    return text.strip() or None if text is not None else None


def as_bool(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "1", "0"):
        return value.strip().lower() in ("true", "1")
    return None


def as_obj(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def as_list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def joined(value: object, separator: str = ", ") -> str | None:
    """Addresses given as a list, a string or null, as one text (a string stays as sent)."""
    if isinstance(value, list):
        parts = [as_str(item) for item in value]
        return separator.join(part for part in parts if part) or None
    return as_str(value)


def to_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def json_or_none(value: object) -> str | None:
    return None if value is None else to_json(value)
