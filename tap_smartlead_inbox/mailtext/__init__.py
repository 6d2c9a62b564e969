"""The text of mail: an HTML body to clean text, a reply without its quoted history, the
kind of a reply (a person, an auto-reply, a bounce...).

Knows nothing of the tap: strings in, strings out. May import: core.
"""
