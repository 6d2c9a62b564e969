"""Every `meltano` command the README and the docs show works as written on the Meltano `make`
installs.

Each runs in a copy of the project (with the plugins the pages' YAML examples add), so
nothing here changes this checkout. `meltano run` is checked with `--dry-run` (the plugins,
their order and the options are resolved; nothing is extracted), the rest run for real.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.support import pipelines
from tests.support.doc_pages import FENCE, REPOSITORY, all_pages, links, page
from tests.support.paths import ROOT

pytestmark = pipelines.needs_meltano

PAGES = all_pages()  # the README and every page of docs/
SHELL = {"bash", "sh", "cron", ""}
# Commands that need what a test cannot have: MeltanoHub over the network, a full install.
NOT_RUN = ("meltano add utility", "meltano install")
VERBS = {"meltano", "add", "config", "set", "list", "select", "run", "install"}


def readme_commands() -> list[str]:
    """The `meltano …` commands in the shell blocks and inline code of the README and the docs,
    as written."""
    pieces: list[str] = []
    for text in PAGES.values():
        pieces += [body for lang, body in FENCE.findall(text) if lang in SHELL]
        prose = FENCE.sub("", text)
        pieces += [span.replace("\n", " ") for span in re.findall(r"`([^`]+)`", prose)]
    found: list[str] = []
    for piece in pieces:
        for line in piece.splitlines():
            line = re.sub(r"\s#\s.*$", "", line)  # a trailing comment
            for segment in re.split(r"&&|&|;|\|", line):
                command = _meltano_command(segment)
                if command and command not in found:
                    found.append(command)
    return found


def _meltano_command(segment: str) -> str | None:
    words = segment.split()
    while words and re.fullmatch(r"[A-Z_]+=\S*", words[0]):  # VAR=value before the command
        words.pop(0)
    if words[:1] not in (["meltano"], [".meltano-venv/bin/meltano"]) or words[-1] in VERBS:
        return None  # "`meltano config set`" in a sentence names a command, it is not one to run
    if "…" in segment:  # a placeholder the reader fills in
        return None
    return " ".join(["meltano", *words[1:]])


COMMANDS = readme_commands()


def test_the_readme_shows_the_commands_a_user_needs():
    verbs = {command.split()[1] for command in COMMANDS}
    assert {"run", "config", "select"} <= verbs, COMMANDS
    old_form = [c for c in COMMANDS if re.match(r"meltano config \S+ (set|list)", c)]
    assert old_form == [], "Meltano 4 takes the plugin after the verb: meltano config set <plugin>"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project's meltano.yml with the example plugins of the pages added."""
    root: Path = tmp_path_factory.mktemp("project")
    config = yaml.safe_load((ROOT / "meltano.yml").read_text())
    for lang, body in (fence for text in PAGES.values() for fence in FENCE.findall(text)):
        fragment = yaml.safe_load(body) if lang == "yaml" else None
        if isinstance(fragment, dict) and "plugins" in fragment:
            for kind, plugins in fragment["plugins"].items():
                config["plugins"].setdefault(kind, []).extend(plugins)
            for key in ("jobs", "schedules"):
                config.setdefault(key, []).extend(fragment.get(key, []))
    (root / "meltano.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    shutil.copytree(ROOT / "meltano-hub", root / "path" / "to" / "meltano-hub")
    return root


@pytest.mark.parametrize("command", [c for c in COMMANDS if not c.startswith(NOT_RUN)])
def test_each_readme_command_runs_as_written(project, command):
    args = shlex.split(command)[1:]
    if args[0] == "run":
        args.insert(1, "--dry-run")
    if args[0] == "add":
        args.append("--no-install")
    done = subprocess.run(
        [str(pipelines.MELTANO), *args],
        cwd=project,
        env={
            **os.environ,
            "MELTANO_SEND_ANONYMOUS_USAGE_STATS": "false",
            "MELTANO_AUTO_INSTALL": "false",
            "SMARTLEAD_API_KEY": "readme-check-key-1234",
        },
        capture_output=True,
        text=True,
        timeout=180,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-2000:]
    assert "Unknown setting" not in output and "No such command" not in output
    assert "readme-check-key-1234" not in output


def test_the_docs_keep_the_duckdb_pin_and_its_reason_since_meltano_drops_comments():
    config = yaml.safe_load((ROOT / "meltano.yml").read_text())
    loader = next(p for p in config["plugins"]["loaders"] if p["name"] == "target-duckdb")
    pin = re.search(r"(?<![\w-])duckdb~=[\d.]+", loader["pip_url"])
    assert pin, loader["pip_url"]
    warehouses = page("warehouses-and-questions.md")
    assert f"`{pin.group(0)}`" in warehouses
    assert "jwills/target-duckdb#58" in warehouses
    assert "#" not in (ROOT / "meltano.yml").read_text(), "a comment there is lost at the next `meltano add`"


@pytest.mark.parametrize("path", list(PAGES), ids=lambda path: path.name)
def test_the_docs_point_only_at_files_in_the_repository(path):
    text = PAGES[path]
    for target in (link.split("#", 1)[0] for link in links(text)):
        if not target:  # an anchor on the same page: mkdocs build --strict checks those
            continue
        if target.startswith(f"{REPOSITORY}/blob/main/"):  # the README's links: PyPI shows it too
            assert (ROOT / target.removeprefix(f"{REPOSITORY}/blob/main/")).exists(), target
        elif not re.match(r"[a-z]+://", target):
            assert (path.parent / target).exists(), target
    folders = "tests|benchmarks|scripts|loaders|meltano-hub|tap_smartlead_inbox|docs"
    for named in re.findall(rf"`((?:{folders})/[\w./-]+)`", text):
        assert (ROOT / named).exists(), named
    assert "shared/" not in text and "DESIGN" not in text
