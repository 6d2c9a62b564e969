"""singer-sdk's standard tap tests, run against the sandbox API."""

from __future__ import annotations

import atexit

from singer_sdk.testing import get_tap_test_class

from tap_smartlead_inbox.tap import TapSmartleadInbox
from tests.sandbox import SANDBOX_KEY, Sandbox, SandboxConfig

# The SDK builds the test class at import time, so the sandbox starts here.
_SANDBOX = Sandbox(SandboxConfig(leads=45, rate_limit=None)).start()
atexit.register(_SANDBOX.stop)

TestTapSmartleadInbox = get_tap_test_class(
    tap_class=TapSmartleadInbox,
    config={"api_key": SANDBOX_KEY, "api_url": _SANDBOX.url, "default_filters": False, "rps": 100},
)
