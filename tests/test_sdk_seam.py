"""The singer-sdk private members the tap relies on (sdk_seam.PRIVATES) are still there.

An SDK upgrade that renames, removes or reshapes one fails here, naming it and what the
tap uses it for, instead of somewhere in a run. Every row of the table is checked; the
tap's own modules are checked to reach no private member outside the seam.
"""

from __future__ import annotations

import ast
import importlib
import importlib.metadata
import inspect
import signal
from collections.abc import Iterator
from typing import Any

import pytest
from singer_sdk import Stream, Tap

from tap_smartlead_inbox import sdk_seam
from tap_smartlead_inbox.sdk_seam import PRIVATES, Private
from tap_smartlead_inbox.tap import TapSmartleadInbox
from tests.conftest import ROOT

SDK_VERSION = importlib.metadata.version("singer-sdk")


def changed(private: Private, what: str) -> str:
    return (
        f"singer-sdk {SDK_VERSION} changed {private.owner.rsplit('.', 1)[-1]}.{private.name} ({what}): "
        f"the seam in sdk_seam.py relies on it ({private.why})"
    )


def shape(function: Any) -> str:
    """A signature's parameters as written, without annotations or defaults: (self, *, a)."""
    parts: list[str] = []
    star = False
    for parameter in inspect.signature(function).parameters.values():
        kind = parameter.kind
        if kind is inspect.Parameter.KEYWORD_ONLY and not star:
            parts.append("*")
        star = star or kind in (inspect.Parameter.KEYWORD_ONLY, inspect.Parameter.VAR_POSITIONAL)
        prefixes: dict[Any, str] = {
            inspect.Parameter.VAR_POSITIONAL: "*",
            inspect.Parameter.VAR_KEYWORD: "**",
        }
        parts.append(prefixes.get(kind, "") + parameter.name)
    return f"({', '.join(parts)})"


def owner_of(private: Private) -> Any:
    module_path, _, class_name = private.owner.rpartition(".")
    try:
        return importlib.import_module(private.owner)  # a module
    except ModuleNotFoundError:
        pass
    try:
        return getattr(importlib.import_module(module_path), class_name)
    except (ModuleNotFoundError, AttributeError):
        pytest.fail(changed(private, f"{private.owner} is gone"))


class _ProbeStream(Stream):
    name = "probe"
    schema = {"type": "object", "properties": {"id": {"type": "integer"}}}

    def get_records(self, context: Any) -> Iterator[dict[str, Any]]:
        yield from ()


class _ProbeTap(Tap):
    """A plain SDK tap: its instances show what the SDK's own __init__ sets."""

    name = "tap-probe"
    config_jsonschema = {"type": "object", "properties": {}}

    def discover_streams(self) -> list[Stream]:
        return [_ProbeStream(self)]


@pytest.fixture(scope="module")
def instances() -> dict[str, Any]:
    """Live SDK objects, for the attributes only an instance has."""
    handlers = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        tap = _ProbeTap(config={})
    finally:  # the SDK's handlers would end pytest with exit code 0 on ^C
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
    stream = tap.streams["probe"]
    return {
        "singer_sdk.plugin_base.PluginBase": tap,
        "singer_sdk.streams.Stream": stream,
        "singer_sdk.streams._state.StreamStateManager": stream.state_manager,
    }


@pytest.mark.parametrize("private", PRIVATES, ids=lambda p: f"{p.owner.rsplit('.', 1)[-1]}.{p.name}")
def test_each_private_the_seam_relies_on_is_still_in_the_sdk(private, instances):
    owner = owner_of(private)
    if private.kind == "instance attribute":
        instance = instances.get(private.owner)
        assert instance is not None, f"tests/test_sdk_seam.py: no live {private.owner} to look at"
        assert isinstance(instance, owner)
        assert private.name in vars(instance), changed(private, "no longer set on its instances")
        return
    member = inspect.getattr_static(owner, private.name, None)
    assert member is not None, changed(private, "it is gone")
    if private.kind == "method":
        assert inspect.isfunction(member), changed(private, f"no longer a method: {type(member).__name__}")
    elif private.kind == "function":
        assert callable(member), changed(private, "no longer a function")
    else:
        pytest.fail(f"sdk_seam.PRIVATES: unknown kind {private.kind!r} for {private.name}")
    assert shape(member) == private.shape, changed(private, f"its parameters are now {shape(member)}")


def test_every_row_says_what_for_and_has_a_known_kind():
    names = [(p.owner, p.name) for p in PRIVATES]
    assert len(names) == len(set(names))
    for private in PRIVATES:
        assert private.why.strip(), private.name
        assert private.kind in ("method", "function", "instance attribute"), private.name
        assert (private.shape is not None) == (private.kind != "instance attribute"), private.name


# --- the tap reaches the SDK's privates through the seam only ----------------------------------

# self._x or stream._x where _x is a member of an SDK class, or an SDK private module.
_SDK_CLASSES = (Tap, Stream)


def _sdk_private_names() -> set[str]:
    names: set[str] = set()
    for cls in _SDK_CLASSES:
        for klass in cls.__mro__:
            if klass.__module__.startswith("singer_sdk"):
                names |= {n for n in vars(klass) if n.startswith("_") and not n.startswith("__")}
    return names | {p.name for p in PRIVATES}


# Every module of the package, subpackages included, as a path below it ("reply_kind/_decide.py").
PACKAGE_MODULES = sorted(
    path.relative_to(ROOT / "tap_smartlead_inbox").as_posix()
    for path in (ROOT / "tap_smartlead_inbox").rglob("*.py")
    if path.name != "sdk_seam.py"
)


@pytest.mark.parametrize("module", PACKAGE_MODULES)
def test_no_module_but_the_seam_uses_an_sdk_private(module):
    """In code, not comments: no SDK private read, called or overridden, no private SDK module."""
    tree = ast.parse((ROOT / "tap_smartlead_inbox" / module).read_text(encoding="utf-8"))
    used = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    defined = {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
    sdk_privates = (used | defined) & _sdk_private_names()
    assert not sdk_privates, (
        f"{module} uses singer-sdk privates {sorted(sdk_privates)}: go through sdk_seam.py"
    )
    imported = {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not [name for name in imported if name.startswith("singer_sdk") and "._" in name]
    assert "__dict__" not in used


# --- the hooks the seam offers are called by the SDK ---------------------------------------------


def test_prepare_config_runs_when_the_tap_is_made_and_the_sdk_checks_its_typed_config(monkeypatch):
    monkeypatch.delenv("SMARTLEAD_API_KEY", raising=False)
    before = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    tap = TapSmartleadInbox(config={"api_key": "k" * 12, "rps": "2.5", "limit_per_page": "10"})
    assert (tap.settings.rps, tap.settings.limit_per_page) == (2.5, 10)
    assert (tap.config["rps"], tap.config["limit_per_page"]) == (2.5, 10)  # typed before the SDK's check
    after = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    assert after == before, "sdk_signal_handlers = False keeps the SDK's handlers out"


def test_the_metrics_logger_is_the_sdks():
    tap = TapSmartleadInbox(config={"api_key": "k" * 12})
    assert tap.sdk_metrics_logger is tap.metrics_logger
    assert tap.sdk_metrics_logger.name == "singer_sdk.metrics"


def test_a_stream_that_keeps_its_bookmark_by_hand_is_not_moved_by_records():
    tap = TapSmartleadInbox(config={"api_key": "k" * 12})
    stream = tap.streams["inbox_replies"]
    assert isinstance(stream, sdk_seam.SeamStream) and not stream.records_move_bookmark
    stream._increment_stream_state({"last_reply_time": "2030-01-01T00:00:00Z"})
    assert "replication_key_value" not in stream.stream_state


def test_after_sync_runs_once_every_stream_has_synced_and_can_still_fail_the_run(capsys):
    events: list[str] = []

    class _Stream(_ProbeStream):
        def get_records(self, context: Any) -> Iterator[dict[str, Any]]:
            events.append(f"sync {self.name}")
            yield {"id": 1}

    class _Second(_Stream):
        name = "probe_2"

    class _Tap(sdk_seam.SeamTap):
        name = "tap-probe-after-sync"
        config_jsonschema = {"type": "object", "properties": {}}
        sdk_signal_handlers = False

        def discover_streams(self) -> list[Stream]:
            return [_Second(self), _Stream(self)]

        def after_sync(self) -> None:
            events.append("after_sync")
            raise RuntimeError("one stream failed alone")

    with pytest.raises(RuntimeError, match="one stream failed alone"):
        _Tap(config={}).sync_all()
    assert events == ["sync probe", "sync probe_2", "after_sync"], "by name, then the hook"
    assert capsys.readouterr().out.strip().splitlines()[-1].startswith('{"type":"STATE"')
