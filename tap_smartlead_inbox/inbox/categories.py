"""The account's lead categories (GET /leads/fetch-categories): rows and a name lookup.

Only the documented inbox shape names a lead's category; the flat shape the API
actually sends carries the id alone, and custom categories have ids of the account's
own. One read of this list names them in both shapes. Its shape is not documented,
so any list of objects with an ``id`` is taken, bare or under a usual key.

The list only decorates the leads, so it never blocks them: when it cannot be read (a
key without access, a moved endpoint, a shape not known, a server failing past its
retries) the leads go out with the names the API gives itself, one warning says why,
and the ``lead_categories`` stream alone fails, at the end of the run.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from tap_smartlead_inbox.client.envelope import reported_failure
from tap_smartlead_inbox.core.coerce import as_int, as_str, to_json
from tap_smartlead_inbox.core.errors import ApiError, ComeBackLater, MalformedResponse
from tap_smartlead_inbox.core.timeutil import iso, utc_now
from tap_smartlead_inbox.inbox.normalize import Lead

if TYPE_CHECKING:
    from tap_smartlead_inbox.client.transport import Transport

CATEGORIES_PATH = "/leads/fetch-categories"
# Where a list sits when the answer is an object; searched one level down too
# (``{"data": {"categories": [...]}}``).
_LIST_KEYS = ("data", "categories", "leadCategories", "lead_categories", "results", "items")
_KNOWN = frozenset({"id", "name", "category_id", "category_name"})


@dataclass(frozen=True)
class Category:
    id: int
    name: str | None
    extra_json: str | None


class UnknownShape(ApiError):
    """A whole JSON answer that holds no category list this tap can read: asking again
    would get the same answer, so it is not retried."""

    def __init__(self, problem: str) -> None:
        super().__init__(
            f"GET {CATEGORIES_PATH} answered HTTP 200 in a shape this tap does not know ({problem})",
            200,
            CATEGORIES_PATH,
        )


def read_categories(payload: object) -> list[Category]:
    """The categories of an answer in any shape seen. UnknownShape if it holds no list of
    categories; MalformedResponse (retried) if its body says the request failed."""
    rows = _category_list(payload)
    if rows is None:
        raise UnknownShape("no list of categories")
    categories = [category for row in rows if (category := _category(row)) is not None]
    if len(categories) < len(rows):
        # A lead's category is an integer id: an item without one could name nothing.
        raise UnknownShape(f"{len(rows) - len(categories)} of its categories have no integer id")
    return categories


def _category_list(payload: object, depth: int = 0) -> list[Any] | None:
    if isinstance(payload, list):
        return payload
    if not isinstance(payload, Mapping) or depth > 1:
        return None
    failure = reported_failure(payload)
    if failure:
        raise MalformedResponse(f"body says the request failed ({failure})")
    for key in _LIST_KEYS:
        found = _category_list(payload.get(key), depth + 1)
        if found is not None:
            return found
    return None


def _category(row: object) -> Category | None:
    if not isinstance(row, Mapping):
        return None
    key = as_int(row.get("id", row.get("category_id")))
    if key is None:
        return None
    extra = {name: value for name, value in row.items() if name not in _KNOWN}
    name = as_str(row.get("name", row.get("category_name")))
    return Category(key, name, to_json(extra) if extra else None)


@dataclass(frozen=True)
class AccountCategories:
    """The account's categories as read once in a run, and their names by id; or, when
    the list could not be read, none, and why (``failure``)."""

    categories: list[Category]
    fetched_at: str
    failure: str | None = None

    @cached_property
    def names(self) -> Mapping[int, str]:
        return {c.id: c.name for c in self.categories if c.name}

    def name_leads(self, leads: Iterable[Lead]) -> None:
        """Fill ``lead_category_name`` from the list, unless the API named it itself."""
        for lead in leads:
            fields = lead.fields
            category = fields.get("lead_category_id")
            if not fields.get("lead_category_name") and category is not None:
                fields["lead_category_name"] = self.names.get(category)


def fetch_categories(transport: Transport) -> AccountCategories:
    """The account's categories, read once: a failure is kept as ``failure``, never
    raised (see warn_unreadable). Transient errors are retried first, as for any request.

    ComeBackLater is raised all the same: the key's budget is spent, so the next request
    of any stream would have to wait too, and the run stops at its checkpoint for that.
    """
    fetched_at = iso(utc_now())
    try:
        return AccountCategories(transport.get(CATEGORIES_PATH, {}, read_categories), fetched_at)
    except ComeBackLater:
        raise
    except ApiError as exc:
        cause = str(exc) if CATEGORIES_PATH in str(exc) else f"GET {CATEGORIES_PATH}: {exc}"
    return AccountCategories([], fetched_at, failure=cause)


def warn_unreadable(logger: logging.Logger, cause: str) -> None:
    """Said when the list is first used, not when it is read: the read goes out with the
    first pages, and a run that fails on those (a wrong key) uses no category."""
    logger.warning(
        "Cannot read the lead category list (%s): lead_category_name stays empty where the API "
        "gives no name itself. Every lead and email is exported all the same.",
        cause,
    )


def category_record(category: Category, fetched_at: str) -> dict[str, Any]:
    return {
        "id": category.id,
        "name": category.name,
        "extra_fields_json": category.extra_json,
        "api_fetched_at": fetched_at,
        "source_endpoint": CATEGORIES_PATH,
    }
