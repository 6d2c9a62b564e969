"""What the user asked for, checked: the settings table, the API's filters, the STATE read in.

Everything here runs before the first request, so a wrong value ends the run on one line
that names it and says what is allowed. May import: client (its defaults), core, sdk_seam.
"""
