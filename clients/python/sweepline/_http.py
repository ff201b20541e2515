"""The HTTP side of the client: one small urllib wrapper and the error type.

Every failure of the server or of the network becomes a ``SweeplineError``. The server answers
errors as RFC 9457 ``application/problem+json`` (``title``, ``detail``, ``errors[{path, message}]``),
and those fields are kept on the exception so callers can show every problem with its location.
"""

import json
import os
import socket
import urllib.error
import urllib.parse
import urllib.request

DEFAULT_SERVER = "http://localhost:8080"

# Statuses that mean "the server is there but cannot answer right now": worth asking again.
_TRANSIENT_STATUSES = (502, 503, 504)


class SweeplineError(Exception):
    """A request to the Sweepline server failed, or the client was used wrongly.

    Attributes (``None`` when they do not apply):
        status: the HTTP status; ``None`` when the server could not be reached at all.
        title:  the problem's short summary, e.g. ``"Invalid sweep config"``.
        detail: what went wrong this time.
        errors: a list of ``{"path": ..., "message": ...}``, one per problem (config validation
                lists every invalid key, e.g. ``parameters.lr.max``).
    """

    def __init__(self, message, status=None, title=None, detail=None, errors=None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.title = title
        self.detail = detail
        self.errors = list(errors or [])

    def __str__(self):
        lines = [self.message]
        for error in self.errors:
            if isinstance(error, dict):
                path = error.get("path")
                text = error.get("message", "")
                lines.append("  {}: {}".format(path, text) if path else "  " + str(text))
            else:
                lines.append("  " + str(error))
        return "\n".join(lines)

    @property
    def transient(self):
        """Whether asking again later may succeed (server unreachable, restarting or overloaded)."""
        return self.status is None or self.status in _TRANSIENT_STATUSES


def server_url(server=None):
    """The server's base URL: the argument, else ``$SWEEPLINE_SERVER``, else localhost:8080.

    Accepts ``host:port`` without a scheme and a URL ending in ``/api/v1`` (as the Java agent's
    ``SWEEPLINE_API`` is written), so any of the usual spellings works.
    """
    url = (server or os.environ.get("SWEEPLINE_SERVER") or DEFAULT_SERVER).strip()
    if "://" not in url:
        url = "http://" + url
    url = url.rstrip("/")
    if url.endswith("/api/v1"):
        url = url[: -len("/api/v1")]
    return url


def api_token(token=None):
    """The bearer token: the argument, else ``$SWEEPLINE_API_TOKEN``; ``None`` when neither is set."""
    value = token if token is not None else os.environ.get("SWEEPLINE_API_TOKEN")
    value = (value or "").strip()
    return value or None


def to_json(value):
    """JSON text for a request body. NaN and Infinity are written as Python does; the server accepts
    them (and shows them as null). Numpy-style scalars and arrays are converted on the way."""
    return json.dumps(value, allow_nan=True, default=_jsonable)


def _jsonable(value):
    # numpy scalars have item(), arrays and tensors tolist(); anything else is the caller's mistake.
    for method in ("item", "tolist"):
        convert = getattr(value, method, None)
        if callable(convert):
            try:
                return convert()
            except (TypeError, ValueError):
                pass
    raise TypeError("Object of type {} is not JSON serializable".format(type(value).__name__))


class Client:
    """Requests to one Sweepline server's ``/api/v1``, with the bearer token on every request."""

    def __init__(self, server=None, token=None, timeout=30.0):
        self.base = server_url(server)
        self.token = api_token(token)
        self.timeout = timeout

    def get(self, path, timeout=None):
        return self.request("GET", path, timeout=timeout)

    def post(self, path, body=None, timeout=None):
        """POST a JSON body (an object, or text that is already JSON) and return the parsed reply."""
        data = body if isinstance(body, str) else to_json({} if body is None else body)
        return self.request("POST", path, data.encode("utf-8"), "application/json", timeout)

    def request(self, method, path, data=None, content_type=None, timeout=None):
        """Send one request to ``/api/v1`` + path; the parsed JSON reply, or ``SweeplineError``."""
        url = self.base + "/api/v1" + path
        headers = {"Accept": "application/json"}
        if content_type:
            headers["Content-Type"] = content_type
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=timeout or self.timeout) as response:
                raw = response.read()
        except urllib.error.HTTPError as error:
            raise _from_http_error(method, url, error) from None
        except (urllib.error.URLError, socket.timeout, ConnectionError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise SweeplineError(
                "cannot reach the Sweepline server at {} ({}): start one with `bin/sweepline server`, "
                "or pass server=... / set SWEEPLINE_SERVER".format(self.base, reason)) from None
        if not raw.strip():
            return {}
        try:
            return json.loads(raw.decode("utf-8"))
        except ValueError:
            raise SweeplineError("{} {} answered with a body that is not JSON: {!r}".format(
                method, url, raw[:200])) from None


def _from_http_error(method, url, error):
    """A SweeplineError from an HTTP error status, using the problem+json body when there is one."""
    try:
        raw = error.read()
    except OSError:
        raw = b""
    try:
        problem = json.loads(raw.decode("utf-8")) if raw else None
    except ValueError:
        problem = None
    if not isinstance(problem, dict):
        text = raw.decode("utf-8", "replace").strip()[:300]
        return SweeplineError("HTTP {} from {} {}{}".format(
            error.code, method, url, ": " + text if text else ""), status=error.code)
    title = problem.get("title") or error.reason or "HTTP error"
    detail = problem.get("detail")
    errors = problem.get("errors") if isinstance(problem.get("errors"), list) else []
    message = "{} (HTTP {}){}".format(title, error.code, ": " + detail if detail else "")
    return SweeplineError(message, status=error.code, title=title, detail=detail, errors=errors)


def quote(segment):
    """One path segment, escaped (ids are plain today, but a stray '/' must not change the path)."""
    return urllib.parse.quote(str(segment), safe="")
