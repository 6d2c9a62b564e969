"""How many email bodies a second the HTML-to-text step converts.

Run: .venv/bin/python -m benchmarks.html_text_benchmark
"""

from __future__ import annotations

import time

from smartlead_sandbox.inbox import generate_inbox
from tap_smartlead_inbox.mailtext.body_text import html_to_text


def main() -> None:
    bodies = [item["email_body"] for lead in generate_inbox(500).leads for item in lead["email_history"]]
    html_to_text(bodies[0])  # warm up lxml
    started = time.process_time()
    for body in bodies:
        html_to_text(body)
    elapsed = time.process_time() - started
    size = sum(len(b) for b in bodies) / len(bodies)
    print(
        f"{len(bodies)} bodies (mean {size:.0f} chars): {elapsed * 1000 / len(bodies):.3f} ms CPU each, "
        f"{len(bodies) / elapsed:,.0f} bodies per second"
    )


if __name__ == "__main__":
    main()
