"""What the tests share beyond fixtures: the tap run in the test process (in_process)."""
