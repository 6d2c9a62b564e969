"""The README stays a front door and the docs stay one site: every page in the nav, every link
of the README (which PyPI shows away from the repository) absolute and pointing at a page and a
heading that exist, and the strict build in `make lint` able to fail.

`make lint` builds the site with `mkdocs build --strict`, which checks the links between the
pages and their anchors; these tests check what that build cannot see, in a second or so.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.support.doc_pages import DOCS, README, REPOSITORY, anchor, headings, links, nav, references
from tests.support.paths import ROOT

README_MAX_LINES = 300


def readme() -> str:
    return README.read_text(encoding="utf-8")


def test_the_readme_is_a_front_door_of_at_most_300_lines():
    lines = readme().count("\n")
    assert lines <= README_MAX_LINES, f"README.md has {lines} lines: move a section to a page of docs/"


def test_the_readme_keeps_the_two_commands_the_streams_and_the_settings():
    sections = headings(readme(), 2)
    assert sections[:4] == ["## Quick start", "## Streams", "## Settings", "## Documentation"], sections
    assert "make export   #" in readme() and "make test     #" in readme()


def test_every_page_of_docs_is_in_the_nav_and_every_nav_entry_is_a_page():
    listed = [file for _, file in nav()]
    on_disk = sorted(str(path.relative_to(DOCS)) for path in DOCS.rglob("*.md"))
    assert sorted(listed) == on_disk
    assert len(set(listed)) == len(listed), "a page listed twice"
    assert listed[0] == "index.md"


def test_the_strict_build_fails_on_a_page_left_out_or_a_broken_link_or_anchor():
    """`strict` fails the build on warnings only: these make the problems warnings. mkdocs's
    defaults leave a page missing from the nav and a missing anchor at INFO, which passes."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["strict"] is True
    validation = config["validation"]
    for problem in ("omitted_files", "not_found", "absolute_links", "unrecognized_links", "anchors"):
        assert validation[problem] == "warn", problem
    lint = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nlint:", 1)[1].split("\n\n", 1)[0]
    (build,) = [line.strip() for line in lint.splitlines() if "mkdocs" in line]
    assert build.endswith("mkdocs build --strict"), build
    # --quiet hides the warnings from the count --strict fails on: the build would pass.
    assert not re.search(r"\s(-q|--quiet)\b", build), build


def test_every_link_of_the_readme_is_absolute_so_it_works_on_pypi():
    relative = [target for target in links(readme()) if not re.match(r"https?://", target)]
    assert relative == []


def test_every_reference_link_of_the_readme_is_defined():
    """An undefined `[text][label]` shows as those brackets, on GitHub and PyPI alike."""
    used = {label.lower() for label in re.findall(r"\]\[([^\]]+)\]", readme())}
    assert used, "the README's links to the docs are reference links"
    assert used <= set(references(readme())), used - set(references(readme()))


def test_the_readmes_links_into_the_repository_reach_a_file_and_a_heading():
    base = f"{REPOSITORY}/blob/main/"
    targets = [target for target in links(readme()) if target.startswith(REPOSITORY)]
    assert len(targets) >= 10, targets
    for target in targets:
        assert target.startswith(base), f"{target}: link a file on main, as {base}…"
        path, _, fragment = target.removeprefix(base).partition("#")
        file = ROOT / path
        assert file.is_file(), target
        if fragment:
            anchors = {anchor(h) for level in range(1, 7) for h in headings(file.read_text("utf-8"), level)}
            assert fragment in anchors, f"{target}: no heading with that anchor"


def test_the_readmes_map_of_the_docs_lists_the_nav_in_order():
    docs_map = readme().split("<!-- docs-map", 1)[1].split("\n## ", 1)[0]
    targets = references(readme())
    entries = re.findall(r"^- \[([^\]]+)\]\[([^\]]+)\]:", docs_map, re.M)
    base = f"{REPOSITORY}/blob/main/docs/"
    mapped = [(title, targets[label.lower()].removeprefix(base)) for title, label in entries]
    assert mapped == [(title, file) for title, file in nav() if file != "index.md"]


def test_each_readme_section_a_page_includes_is_marked_in_the_readme():
    for path in DOCS.rglob("*.md"):
        for name in re.findall(r'^--8<-- "README\.md:([\w-]+)"$', path.read_text(encoding="utf-8"), re.M):
            assert f"<!-- --8<-- [start:{name}] -->" in readme(), (path.name, name)
            assert f"<!-- --8<-- [end:{name}] -->" in readme(), (path.name, name)


# --- the architecture page is the map of the package ---------------------------------------

PACKAGE = ROOT / "tap_smartlead_inbox"
LAYERED = (PACKAGE / "client").is_dir()  # the package laid out by layer (see docs/architecture.md)


def architecture_map() -> dict[str, set[str]]:
    """The modules docs/architecture.md lists, by folder ("" for the package's root)."""
    text = (DOCS / "architecture.md").read_text(encoding="utf-8")
    listed: dict[str, set[str]] = {}
    folder = None
    for line in text.splitlines():
        if line.startswith("### "):
            named = re.match(r"### (?:The root|`(\w+)/`)", line)
            folder = None if named is None else (named.group(1) or "")
        elif line.startswith("## "):
            folder = None
        elif folder is not None and (row := re.match(r"\| `(\w+)` \|", line)):
            listed.setdefault(folder, set()).add(row.group(1))
    return listed


def test_the_architecture_page_lists_every_layer_of_the_contract():
    folders = set(architecture_map()) - {""}
    assert folders == {"config", "client", "reading", "inbox", "mailtext", "run", "core"}


def _module_names(folder: Path) -> set[str]:
    """Modules and subpackages of ``folder``, a leading underscore (internal) dropped."""
    modules = {p.stem for p in folder.glob("*.py")}
    packages = {p.name for p in folder.iterdir() if (p / "__init__.py").is_file()}
    return {name if name in ("__init__", "__main__") else name.lstrip("_") for name in modules | packages}


@pytest.mark.skipif(not LAYERED, reason="the package is not laid out by layer yet (docs/architecture.md)")
def test_the_architecture_page_names_every_module_of_the_package_and_no_other():
    listed = architecture_map()
    for folder, modules in listed.items():
        on_disk = _module_names(PACKAGE / folder) - ({"__init__"} if folder else set())
        if folder == "":
            on_disk -= set(listed)  # the layers themselves
        where = folder or "the root"
        assert on_disk == modules, f"{where}: on disk {sorted(on_disk)}, listed {sorted(modules)}"
