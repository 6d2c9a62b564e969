"""Run the sandbox API until interrupted: `python -m smartlead_sandbox --port 0`.

The URL is printed on the first line of stdout (and written to --url-file), so a
script can start it in the background and point the tap at it.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
from pathlib import Path

from smartlead_sandbox.api import CATEGORY_SHAPES
from smartlead_sandbox.server import Sandbox, SandboxConfig


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m smartlead_sandbox")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--leads", type=int, default=200, help="leads that replied")
    parser.add_argument("--shape", choices=("flat", "documented"), default="flat")
    parser.add_argument("--latency", type=float, default=0.0)
    parser.add_argument("--history-latency", type=float, default=0.0)
    parser.add_argument("--no-rate-limit", action="store_true")
    parser.add_argument("--categories-shape", choices=CATEGORY_SHAPES, default="list")
    parser.add_argument("--url-file", type=Path)
    args = parser.parse_args()
    config = SandboxConfig(
        leads=args.leads,
        shape=args.shape,
        latency=args.latency,
        history_latency=args.history_latency,
        rate_limit=None if args.no_rate_limit else SandboxConfig().rate_limit,
        categories_shape=args.categories_shape,
    )
    sandbox = Sandbox(config).start(args.port)
    print(sandbox.url, flush=True)
    if args.url_file:
        args.url_file.parent.mkdir(parents=True, exist_ok=True)
        args.url_file.write_text(sandbox.url)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with contextlib.suppress(KeyboardInterrupt):
        stop.wait()
    sandbox.stop()
    sys.exit(0)


if __name__ == "__main__":
    main()
