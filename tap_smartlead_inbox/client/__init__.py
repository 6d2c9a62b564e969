"""The one place that talks HTTP: requests, the global rate limiter, retries that honour
the server, deadlines, redirects within the API's origin, and error lines without the key.

Knows nothing of settings, filters or streams: callers hand it plain values.
May import: mailtext (an error page's text), core.
"""
