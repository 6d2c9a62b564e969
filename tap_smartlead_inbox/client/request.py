"""One API call as the client's retries, redirects and error lines see it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ApiRequest:
    """One API call as the retries and error lines see it."""

    method: str
    path: str
    params: Mapping[str, str]
    body: Mapping[str, Any] | None = None

    @property
    def label(self) -> str:
        return f"{self.method} {self.path}"
