"""Where the tests find the project and the labelled sets, wherever a test file sits."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT / "tests" / "corpora"
