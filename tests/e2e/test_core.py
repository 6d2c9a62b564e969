"""singer-sdk's standard tap tests, run against the sandbox API."""

from __future__ import annotations

import atexit
from typing import Any

from singer_sdk.testing import get_tap_test_class

from smartlead_sandbox import SANDBOX_KEY, Sandbox, SandboxConfig
from tap_smartlead_inbox.tap import TapSmartleadInbox

# The SDK builds the test class at import time, so the sandbox starts here.
_SANDBOX = Sandbox(SandboxConfig(leads=45, rate_limit=None)).start()
atexit.register(_SANDBOX.stop)

_CONFIG = {"api_key": SANDBOX_KEY, "api_url": _SANDBOX.url, "default_filters": False, "rps": 100}


def _everything_selected() -> dict[str, Any]:
    """The discovered catalog with the opt-in sent_emails selected too, so the SDK's
    tests cover every stream as a user who selects it would run it."""
    catalog: dict[str, Any] = TapSmartleadInbox(config=_CONFIG).catalog_dict
    for stream in catalog["streams"]:
        for entry in stream["metadata"]:
            if entry["breadcrumb"] == []:
                entry["metadata"]["selected"] = True
    return catalog


TestTapSmartleadInbox = get_tap_test_class(
    tap_class=TapSmartleadInbox, config=_CONFIG, catalog=_everything_selected()
)
