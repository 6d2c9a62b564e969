"""Redirects are followed only within the API's own origin, so the key never leaves it.

The key travels in the query string, and requests would follow a redirect anywhere
with it: to another host, or from https to plain http. Here a redirect to the same
scheme, host and port is sent again (with the same method and body); any other ends
the run with a line naming the host it pointed at, never its query.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit, urlunsplit

from tap_smartlead_inbox.client.error_text import host_and_port
from tap_smartlead_inbox.client.request import ApiRequest
from tap_smartlead_inbox.core.errors import ApiError

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 3


def _origin(url: str) -> tuple[str, str, int]:
    host, port = host_and_port(url)
    return urlsplit(url).scheme.lower(), host.lower(), port


def redirect_target(url: str, status: int, location: str | None, request: ApiRequest) -> str:
    """The URL to send ``request`` to instead of ``url``: the same origin, or ApiError.

    The target's own query is dropped: the request's parameters (the key among them)
    are added again by the caller, and a Location that echoes the key must not double it.
    """
    if not location:
        raise ApiError(
            f"{request.label} answered a redirect (HTTP {status}) with no Location", status, request.path
        )
    try:
        target = urljoin(url, location.strip())
        scheme, host, port = _origin(target)
    except ValueError:
        raise ApiError(
            f"{request.label} answered a redirect (HTTP {status}) to an unreadable Location",
            status,
            request.path,
        ) from None
    if (scheme, host, port) == _origin(url):
        parts = urlsplit(target)
        return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    if _origin(url)[0] == "https" and scheme != "https":
        raise ApiError(
            f"{request.label} was redirected (HTTP {status}) from https to plain {scheme or 'http'} at "
            f"{host}:{port}; the API key is never sent unencrypted, so the run stopped: check api_url",
            status,
            request.path,
        )
    raise ApiError(
        f"{request.label} was redirected (HTTP {status}) to another address, {scheme}://{host}:{port}; the "
        "API key is never sent beyond api_url's scheme, host and port, so the run stopped. If "
        "Smartlead's API has moved there, set api_url to the new address",
        status,
        request.path,
    )
