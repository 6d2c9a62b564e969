"""The run as a process: signals and interrupts, the Singer output that ends on its last
STATE, progress lines and bar, and the SDK's log noise quietened.

May import: client (the limiter's and transport's figures for progress), core.
"""
