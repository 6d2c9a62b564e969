"""`python -m tap_smartlead_inbox`."""

from tap_smartlead_inbox.cli import main

main()
