"""A stand-in Smartlead API for the tests, the demo and the benchmarks."""

from smartlead_sandbox.server import SANDBOX_KEY, Sandbox, SandboxConfig

__all__ = ["SANDBOX_KEY", "Sandbox", "SandboxConfig"]
