"""The plugin's Meltano definitions say what the tap itself says.

Two definitions describe the tap to Meltano: the extractor entry in `meltano.yml` and the
MeltanoHub-style file `meltano-hub/extractors/tap-smartlead-inbox.yml` that other projects add
with `meltano add --from-ref`. Both must declare exactly the settings and capabilities that
`tap-smartlead-inbox --about` reports, each setting with the Meltano kind of its JSON schema type,
and Meltano must then store and report those settings as the docs say. The tap's own settings are
the table in tap_smartlead_inbox/config/settings.py, as `scripts/settings_yaml.py` prints them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from tap_smartlead_inbox.config.settings import SETTINGS, meltano_settings
from tests.support import pipelines
from tests.support.paths import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # tomllib is new in 3.11; tomli is the same parser
    import tomli as tomllib

HUB_FILE = ROOT / "meltano-hub" / "extractors" / "tap-smartlead-inbox.yml"
MELTANO_YML = ROOT / "meltano.yml"
NAME = "tap-smartlead-inbox"

# JSON schema type -> Meltano setting kind.
KIND_OF_TYPE = {
    "string": "string",
    "integer": "integer",
    "number": "decimal",
    "boolean": "boolean",
    "object": "object",
    "array": "array",
}

# MeltanoHub's schema (github.com/meltano/hub, schemas/plugin_definitions/extractors.schema.json
# and schemas/common/*.schema.json): the keys an extractor definition and its settings may have.
HUB_PLUGIN_KEYS = {
    "name", "pip_url", "variant", "namespace", "label", "description", "executable", "settings",
    "docs", "repo", "logo_url", "hidden", "settings_group_validation", "commands", "capabilities",
    "metadata", "schema", "select", "maintenance_status", "domain_url", "keywords", "requires",
    "definition", "next_steps", "settings_preamble", "usage", "prereq", "quality", "ext_repo",
}  # fmt: skip
HUB_SETTING_KEYS = {
    "name", "aliases", "label", "value", "placeholder", "kind", "description", "tooltip",
    "documentation", "env", "value_processor", "value_post_processor", "oauth", "options", "docs",
    "hidden", "sensitive",
}  # fmt: skip
HUB_KINDS = {
    "oauth", "hidden", "password", "date_iso8601", "file", "email", "integer", "options", "object",
    "array", "boolean", "string", "decimal",
}  # fmt: skip
HUB_CAPABILITIES = {
    "properties", "catalog", "discover", "state", "about", "stream-maps", "schema-flattening",
    "activate-version", "batch", "test", "log-based", "structured-logging",
}  # fmt: skip
HUB_MAINTENANCE_STATUSES = {"active", "beta", "development", "inactive", "unknown"}


@cache
def about() -> dict[str, Any]:
    """`tap-smartlead-inbox --about --format=json`, as Meltano's users see it."""
    done = subprocess.run(
        [sys.executable, "-m", "tap_smartlead_inbox", "--about", "--format=json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    parsed: dict[str, Any] = json.loads(done.stdout)
    return parsed


def about_settings() -> dict[str, dict[str, Any]]:
    properties: dict[str, dict[str, Any]] = about()["settings"]["properties"]
    return properties


def meltano_yml_entry() -> dict[str, Any]:
    project = yaml.safe_load(MELTANO_YML.read_text(encoding="utf-8"))
    (entry,) = [e for e in project["plugins"]["extractors"] if e["name"] == NAME]
    return dict(entry)


def hub_definition() -> dict[str, Any]:
    return dict(yaml.safe_load(HUB_FILE.read_text(encoding="utf-8")))


DEFINITIONS = {"meltano.yml": meltano_yml_entry, "hub file": hub_definition}


@pytest.fixture(params=sorted(DEFINITIONS))
def definition(request: pytest.FixtureRequest) -> dict[str, Any]:
    return DEFINITIONS[request.param]()


def settings_of(definition: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s["name"]: s for s in definition["settings"]}


def kind_for(schema: dict[str, Any]) -> str:
    """The Meltano kind a JSON schema property maps to."""
    if "enum" in schema:
        return "options"
    if schema.get("format") == "date-time":
        return "date_iso8601"
    types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    (json_type,) = [t for t in types if t != "null"]
    return KIND_OF_TYPE[json_type]


# --- each definition against --about ---------------------------------------------------------


def test_every_setting_about_lists_is_declared_and_no_other(definition):
    assert sorted(settings_of(definition)) == sorted(about_settings())


def test_the_sdk_settings_meltano_used_to_call_unknown_are_declared(definition):
    declared = settings_of(definition)
    for name in ("stream_maps", "stream_map_config", "flattening_enabled", "flattening_max_depth"):
        assert name in declared
    assert declared["stream_maps"]["kind"] == "object"
    assert declared["flattening_enabled"]["kind"] == "boolean"
    assert declared["flattening_max_depth"]["kind"] == "integer"


def test_each_setting_kind_is_the_kind_of_its_json_schema_type(definition):
    kinds = {name: s.get("kind") for name, s in settings_of(definition).items()}
    assert kinds == {name: kind_for(schema) for name, schema in about_settings().items()}


def test_options_settings_offer_exactly_the_enum_values(definition):
    for name, setting in settings_of(definition).items():
        schema = about_settings()[name]
        if "enum" in schema:
            assert [option["value"] for option in setting["options"]] == schema["enum"], name
            assert all(option.get("label") for option in setting["options"]), name
        else:
            assert "options" not in setting, name


def test_sensitive_is_set_exactly_where_about_marks_a_secret(definition):
    sensitive = {name for name, s in settings_of(definition).items() if s.get("sensitive") is True}
    secret = {
        name for name, schema in about_settings().items() if schema.get("secret") or schema.get("sensitive")
    }
    assert sensitive == secret == {"api_key"}
    assert not [s for s in settings_of(definition).values() if s.get("sensitive") not in (None, True)]


def test_defaults_are_abouts_defaults_and_api_key_defaults_to_SMARTLEAD_API_KEY(definition):
    defaults = {name: s["value"] for name, s in settings_of(definition).items() if "value" in s}
    expected = {name: schema["default"] for name, schema in about_settings().items() if "default" in schema}
    expected["api_key"] = "$SMARTLEAD_API_KEY"  # where Meltano takes the key from when nothing sets it
    assert defaults == expected
    for name, value in expected.items():
        assert type(defaults[name]) is type(value), name  # 5.0 stays a number, true a boolean


def test_every_setting_has_a_label_and_a_description(definition):
    for name, setting in settings_of(definition).items():
        assert setting.get("label"), name
        assert setting.get("description"), name


def test_capabilities_are_abouts_capabilities(definition):
    assert sorted(definition["capabilities"]) == sorted(about()["capabilities"])


def test_the_key_is_the_one_required_setting(definition):
    assert definition["settings_group_validation"] == [["api_key"]]
    assert about()["settings"]["required"] == ["api_key"]


def test_api_key_names_no_env_variable_meltano_would_only_write_to(definition):
    # `env:` is where Meltano *passes* a value to the plugin, never where it reads one from:
    # with `env: SMARTLEAD_API_KEY` `meltano config list` showed the key unset while it was set.
    assert "env" not in settings_of(definition)["api_key"]


# --- each definition against the settings table --------------------------------------------


def test_the_taps_own_settings_come_first_as_the_settings_table_declares_them(definition):
    own = meltano_settings()
    assert [s["name"] for s in own] == [s.name for s in SETTINGS]
    assert definition["settings"][: len(own)] == own  # name, kind, value, options, sensitive, label, ...
    assert not {s["name"] for s in definition["settings"][len(own) :]} & {s.name for s in SETTINGS}


@pytest.mark.parametrize(
    ("path", "indent"), [(MELTANO_YML, 4), (HUB_FILE, 0)], ids=["meltano.yml", "hub file"]
)
def test_each_definition_holds_what_scripts_settings_yaml_prints(path, indent):
    printed = subprocess.run(
        [sys.executable, "scripts/settings_yaml.py", f"--indent={indent}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    assert printed.startswith(" " * indent + "- name: api_key\n")
    assert printed in path.read_text(encoding="utf-8"), (
        f"{path.name}: replace its tap settings with `scripts/settings_yaml.py --indent={indent}`"
    )


# --- the two definitions against each other --------------------------------------------------


def test_meltano_yml_and_the_hub_file_declare_the_same_settings():
    assert meltano_yml_entry()["settings"] == hub_definition()["settings"]


def test_meltano_yml_and_the_hub_file_agree_on_capabilities_selection_and_identity():
    local, hub = meltano_yml_entry(), hub_definition()
    for key in ("name", "namespace", "executable", "capabilities", "settings_group_validation", "select"):
        assert local[key] == hub[key], key
    # sent_emails is opt-in
    assert local["select"] == ["lead_categories.*", "inbox_replies.*", "email_history.*"]


def test_the_meltano_yml_extractor_entry_carries_no_comments():
    # `meltano add`, `select` and `config set` rewrite meltano.yml and drop comments.
    text = MELTANO_YML.read_text(encoding="utf-8")
    start = text.index(f"  - name: {NAME}\n")
    end = text.index("\n  loaders:\n", start)
    assert [line for line in text[start:end].splitlines() if line.strip().startswith("#")] == []


# --- the hub file against MeltanoHub's format -------------------------------------------------


def test_the_hub_file_uses_only_keys_and_values_meltanohubs_schema_allows():
    hub = hub_definition()
    assert set(hub) <= HUB_PLUGIN_KEYS
    for required in ("name", "namespace", "variant", "label"):
        assert hub[required], required
    assert set(hub["capabilities"]) <= HUB_CAPABILITIES
    assert hub["maintenance_status"] in HUB_MAINTENANCE_STATUSES
    assert all(isinstance(keyword, str) for keyword in hub["keywords"])
    for setting in hub["settings"]:
        assert set(setting) <= HUB_SETTING_KEYS, setting["name"]
        assert setting["kind"] in HUB_KINDS, setting["name"]


def test_the_hub_file_installs_the_pypi_package_and_runs_its_entry_point():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    hub = hub_definition()
    assert hub["pip_url"] == project["name"] == NAME
    assert hub["executable"] == NAME and NAME in project["scripts"]
    assert hub["namespace"] == "tap_smartlead_inbox"
    urls = project["urls"]
    assert hub["repo"] == urls["Repository"]
    assert hub["docs"].startswith(urls["Homepage"])


# --- what Meltano does with them ---------------------------------------------------------------

SECRET = "sk-test-9f4e2b7c1d8a"  # a key that must never appear in clear


def meltano(project: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """A Meltano command in ``project``, its environment free of the caller's tap settings."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TAP_SMARTLEAD_INBOX", "MELTANO_")) and k != "SMARTLEAD_API_KEY"
    }
    return subprocess.run(
        [str(pipelines.MELTANO), *args],
        cwd=project,
        env={**clean, "MELTANO_SEND_ANONYMOUS_USAGE_STATS": "false", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def project_copy(tmp_path: Path) -> Path:
    """This project's meltano.yml in a folder of its own: config set changes only the copy."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(MELTANO_YML, project / "meltano.yml")
    return project


def config_print(project: Path, *options: str, **env: str) -> dict[str, Any]:
    """The config Meltano hands the tap (`meltano config print`, values masked unless --unsafe)."""
    printed = meltano(project, "--log-level=error", "config", *options, "print", NAME, **env)
    assert printed.returncode == 0, printed.stderr[-3000:]
    parsed: dict[str, Any] = json.loads(printed.stdout)
    return parsed


def setting_lines(listing: str) -> dict[str, str]:
    """`meltano config list` output: setting name -> its line."""
    return {line.split(" [env:")[0]: line for line in listing.splitlines() if " [env:" in line}


@pipelines.needs_meltano
def test_meltano_add_from_the_hub_file_adds_one_extractor_with_every_setting(tmp_path):
    project = tmp_path / "fresh"
    project.mkdir()
    (project / "meltano.yml").write_text(
        "version: 1\nsend_anonymous_usage_stats: false\nproject_id: hub-file-test\n", encoding="utf-8"
    )
    added = meltano(
        project, "add", "--plugin-type", "extractor", NAME, "--from-ref", str(HUB_FILE), "--no-install"
    )
    assert added.returncode == 0, added.stderr[-3000:]

    plugins = yaml.safe_load((project / "meltano.yml").read_text(encoding="utf-8"))["plugins"]
    assert list(plugins) == ["extractors"]  # not also a utility
    (entry,) = plugins["extractors"]
    assert entry["name"] == NAME and entry["pip_url"] == NAME
    assert entry["settings"] == hub_definition()["settings"]
    assert entry["capabilities"] == hub_definition()["capabilities"]

    listed = meltano(project, "config", "list", NAME, "--all")
    assert listed.returncode == 0, listed.stderr[-3000:]
    assert sorted(setting_lines(listed.stdout)) == sorted(about_settings())


@pipelines.needs_meltano
def test_config_set_stores_stream_maps_as_an_object_without_an_unknown_setting_warning(tmp_path):
    project = project_copy(tmp_path)
    done = meltano(project, "config", "set", NAME, "stream_maps", '{"inbox_replies": {"lead_email": null}}')
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Unknown setting" not in done.stdout + done.stderr
    entry = yaml.safe_load((project / "meltano.yml").read_text(encoding="utf-8"))["plugins"]["extractors"][0]
    assert entry["config"]["stream_maps"] == {"inbox_replies": {"lead_email": None}}


@pipelines.needs_meltano
def test_a_stream_map_drops_a_property_with___NULL___since_meltano_loses_a_null(tmp_path):
    """What the stream_maps description tells users, checked against Meltano itself."""
    project = project_copy(tmp_path)

    def passed_to_tap(value: str) -> Any:
        assert meltano(project, "config", "set", NAME, "stream_maps", value).returncode == 0
        return config_print(project)["stream_maps"]

    assert passed_to_tap('{"inbox_replies": {"lead_email": "__NULL__"}}') == {
        "inbox_replies": {"lead_email": "__NULL__"}
    }
    assert passed_to_tap('{"inbox_replies": {"lead_email": null}}') == {}
    assert "__NULL__" in settings_of(meltano_yml_entry())["stream_maps"]["description"]


@pipelines.needs_meltano
def test_config_list_shows_the_key_set_from_SMARTLEAD_API_KEY_and_masked(tmp_path):
    project = project_copy(tmp_path)
    listed = meltano(project, "config", "list", NAME, SMARTLEAD_API_KEY=SECRET)
    assert listed.returncode == 0, listed.stderr[-3000:]
    line = setting_lines(listed.stdout)["api_key"]
    assert "current value: (redacted)" in line
    assert "(default: '$SMARTLEAD_API_KEY')" in line
    assert SECRET not in listed.stdout + listed.stderr

    unset = meltano(project, "config", "list", NAME)
    assert "current value: None" in setting_lines(unset.stdout)["api_key"]


@pipelines.needs_meltano
def test_the_key_from_SMARTLEAD_API_KEY_reaches_the_tap_config(tmp_path):
    project = project_copy(tmp_path)
    assert config_print(project, "--unsafe", SMARTLEAD_API_KEY=SECRET)["api_key"] == SECRET
    safe = meltano(project, "--log-level=error", "config", "print", NAME, SMARTLEAD_API_KEY=SECRET)
    assert SECRET not in safe.stdout + safe.stderr


@pipelines.needs_meltano
def test_config_set_api_key_writes_dotenv_not_meltano_yml_and_wins_over_SMARTLEAD_API_KEY(tmp_path):
    project = project_copy(tmp_path)
    written = meltano(project, "config", "set", NAME, "api_key", SECRET)
    assert written.returncode == 0, written.stderr[-3000:]
    assert SECRET not in written.stdout + written.stderr
    assert SECRET not in (project / "meltano.yml").read_text(encoding="utf-8")
    assert (project / ".env").read_text(encoding="utf-8").strip() == f"TAP_SMARTLEAD_INBOX_API_KEY='{SECRET}'"

    listed = meltano(project, "config", "list", NAME, SMARTLEAD_API_KEY="another-key-0000")
    line = setting_lines(listed.stdout)["api_key"]
    assert "(redacted)" in line and "TAP_SMARTLEAD_INBOX_API_KEY variable in `.env`" in line
    assert SECRET not in listed.stdout + listed.stderr
    assert config_print(project, "--unsafe", SMARTLEAD_API_KEY="another-key-0000")["api_key"] == SECRET
