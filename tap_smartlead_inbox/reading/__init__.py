"""Reading a list the API pages through, sorted by a time a filter can bound: pages in
flight under the limiter, windows that become checkpoints, consistent reads of a list
that changes while it is read.

Generic: it knows a list's path, its sort and its time filter as values it is given,
never Smartlead's filters. May import: client, core.
"""
