"""Smartlead's inbox as records: either response shape to one lead, its thread to email
rows, the category list, the anomalies worth a warning, and the streams' schemas.

Pure functions and small classes over rows; the only I/O is the category list's read
through the client. May import: reading, client, mailtext, core.
"""
