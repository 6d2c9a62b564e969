"""Print the tap's settings as Meltano plugin definitions declare them, from the table in
tap_smartlead_inbox/config/settings.py: the first entries of `settings:` in meltano.yml's extractor
(`--indent 4`) and in meltano-hub/extractors/tap-smartlead-inbox.yml (no indent). The SDK's
own settings (stream_maps, flattening_enabled, ...) follow them there, written by hand.

    .venv/bin/python scripts/settings_yaml.py [--indent N]

tests/pipeline/test_plugin_definitions.py checks both files against the table.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tap_smartlead_inbox.config.settings import meltano_settings


def settings_yaml(indent: int = 0) -> str:
    """The YAML of the tap's settings, each line indented ``indent`` spaces (as Meltano writes it)."""
    text = yaml.safe_dump(meltano_settings(), sort_keys=False, allow_unicode=True, width=float("inf"))
    return "".join(" " * indent + line for line in text.splitlines(keepends=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--indent", type=int, default=0, help="spaces before each line (4 in meltano.yml)")
    sys.stdout.write(settings_yaml(parser.parse_args().indent))


if __name__ == "__main__":
    main()
