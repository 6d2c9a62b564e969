"""A stand-in Smartlead API for the tests, the demo and the benchmarks."""

from tests.sandbox.server import SANDBOX_KEY, Sandbox, SandboxConfig

__all__ = ["SANDBOX_KEY", "Sandbox", "SandboxConfig"]
