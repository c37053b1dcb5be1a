"""One platform's FHIR R4 endpoint over `requests` (issue 17 "How it must talk to the platform").

A `requests.Session` per platform (its connection pool sized to the sender's parallel
requests), connect and read timeouts on every call, retries with exponential backoff on
connection errors, 429 (Retry-After honoured, capped) and 5xx; TLS verified against the
hospital's CA bundle (settings.ca_bundle) and never switched off; the platform's token from the
system keyring. Responses are read up to MAX_RESPONSE bytes: a huge or malformed answer is a
clear outcome, never a hang or a traceback.

Sending a Bundle is a FHIR conditional create: POST [base]/Bundle with
`If-None-Exist: identifier=system|value`. The platform answers 201 when it stored it and 200
when a Bundle with that identifier is there already, so a retry after a lost response (the
platform stored it, the answer never came) finds the first copy instead of making a second.
"""
from __future__ import annotations

import email.utils
import json
import random
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable, Iterator, Optional

import requests
from requests.adapters import HTTPAdapter

from app.exchange.settings import ExchangeSettings

KEYRING_SERVICE = "WardStation exchange"      # user: the platform's base URL; secret: a bearer token
FHIR_JSON = "application/fhir+json"
MAX_RESPONSE = 4 * 1024 * 1024
MAX_RETRY_AFTER = 60.0                         # a longer wait is left to the queue's next try
BACKOFF_BASE = 0.5

CREATED, EXISTS, FAILED, RETRY = "created", "exists", "failed", "retry"


@dataclass(frozen=True)
class SendResult:
    outcome: str                   # created / exists (done), failed (4xx: retrying cannot help), retry
    status: Optional[int] = None   # the HTTP status, None when no answer came
    message: str = ""              # the platform's own words (OperationOutcome), or the fault
    location: Optional[str] = None
    retry_after: Optional[float] = None   # seconds the platform asked for (429/503)

    @property
    def done(self) -> bool:
        return self.outcome in (CREATED, EXISTS)


class PlatformUnavailable(Exception):
    """No usable answer after the retries (connection, timeout, 429, 5xx)."""

    def __init__(self, message: str, status: Optional[int] = None,
                 retry_after: Optional[float] = None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


def platform_token(endpoint: str) -> Optional[str]:
    """The platform's bearer token from the system keyring (None: the platform needs none, or
    this PC has no keyring: the platform then answers 401, shown as its message)."""
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, endpoint.rstrip("/"))
    except Exception:
        return None


def retry_after_seconds(value: Optional[str], now: Optional[datetime] = None) -> Optional[float]:
    """Retry-After as seconds: a number, or an HTTP date (RFC 9110)."""
    if not value:
        return None
    text = value.strip()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


def outcome_message(body: bytes) -> str:
    """The platform's words from an OperationOutcome (diagnostics / details.text), else ''."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return ""
    if not isinstance(data, dict) or data.get("resourceType") != "OperationOutcome":
        return ""
    parts = []
    for issue in data.get("issue") or []:
        if isinstance(issue, dict):
            text = issue.get("diagnostics") or (issue.get("details") or {}).get("text")
            if text:
                parts.append(str(text))
    return "；".join(parts)[:380]


class PlatformClient:
    def __init__(self, base_url: str, settings: ExchangeSettings, *, token: Optional[str] = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.base = base_url.rstrip("/")
        self.settings = settings
        self._sleep = sleep
        self.session = requests.Session()
        adapter = HTTPAdapter(pool_connections=1, pool_maxsize=max(1, settings.parallel), max_retries=0)
        self.session.mount("https://", adapter)
        self.session.mount("http://", adapter)
        # Passed on every call as well: requests lets REQUESTS_CA_BUNDLE override Session.verify.
        self.verify: Any = settings.ca_bundle or True
        self.session.verify = self.verify
        self.session.headers.update({"Accept": FHIR_JSON, "User-Agent": "WardStation"})
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"
        self.calls = 0

    def close(self) -> None:
        self.session.close()

    @property
    def timeout(self) -> tuple[float, float]:
        return (self.settings.connect_timeout, self.settings.read_timeout)

    def _once(self, method: str, path: str, **kwargs: Any) -> tuple[int, dict[str, str], bytes]:
        self.calls += 1
        with self.session.request(method, f"{self.base}/{path.lstrip('/')}", timeout=self.timeout,
                                  stream=True, allow_redirects=False, verify=self.verify,
                                  **kwargs) as resp:
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_content(64 * 1024):
                size += len(chunk)
                if size > MAX_RESPONSE:
                    raise PlatformUnavailable(f"response larger than {MAX_RESPONSE} bytes",
                                              resp.status_code)
                chunks.append(chunk)
            return resp.status_code, dict(resp.headers), b"".join(chunks)

    def request(self, method: str, path: str, **kwargs: Any) -> tuple[int, dict[str, str], bytes]:
        """One call with the retries: returns the first answer that is neither 429 nor 5xx;
        raises PlatformUnavailable when none came; TLS failures are not retried."""
        last = PlatformUnavailable("no attempt")
        for attempt in range(self.settings.retries + 1):
            wait: Optional[float] = None
            try:
                status, headers, body = self._once(method, path, **kwargs)
            except requests.exceptions.SSLError as exc:
                raise PlatformUnavailable(f"TLS: {_tls_reason(exc)}") from None
            except (requests.exceptions.ConnectionError, requests.exceptions.Timeout,
                    requests.exceptions.ChunkedEncodingError) as exc:
                last = PlatformUnavailable(_fault(exc))
            else:
                if status != 429 and status < 500:
                    return status, headers, body
                wait = retry_after_seconds(headers.get("Retry-After"))
                last = PlatformUnavailable(outcome_message(body) or f"HTTP {status}", status, wait)
                if wait is not None and wait > MAX_RETRY_AFTER:
                    raise last            # the queue waits that long, not this thread
            if attempt < self.settings.retries:
                self._sleep(wait if wait is not None else
                            BACKOFF_BASE * (2 ** attempt) * random.uniform(0.8, 1.2))
        raise last

    def create_bundle(self, payload: str, system: str, value: str) -> SendResult:
        """Conditional create of one Bundle (the exact bytes queued)."""
        headers = {"Content-Type": FHIR_JSON + "; charset=utf-8",
                   "If-None-Exist": f"identifier={system}|{value}",
                   "Prefer": "return=minimal"}          # the Location is all we keep
        try:
            status, answer, body = self.request("POST", "Bundle", data=payload.encode("utf-8"),
                                                headers=headers)
        except PlatformUnavailable as exc:
            return SendResult(RETRY, exc.status, str(exc), retry_after=exc.retry_after)
        if status in (200, 201):
            return SendResult(CREATED if status == 201 else EXISTS, status,
                              location=answer.get("Location") or answer.get("Content-Location"))
        message = outcome_message(body) or f"HTTP {status}"
        if status in (401, 403, 408, 409, 412):
            # Credentials or a race the platform may settle: keep it queued, say why.
            return SendResult(RETRY, status, message)
        return SendResult(FAILED, status, message)

    def search_pages(self, resource: str, params: dict[str, str], max_pages: int) -> Iterator[dict[str, Any]]:
        """The searchset pages of one search, following its `next` links (on this platform only)
        up to `max_pages`."""
        path: Optional[str] = resource
        query: dict[str, str] = params
        for _page in range(max_pages):
            if path is None:
                return
            page = self.search(path, query)
            yield page
            path, query = self._next_path(page), {}

    def _next_path(self, page: dict[str, Any]) -> Optional[str]:
        for link in page.get("link") or []:
            if isinstance(link, dict) and link.get("relation") == "next":
                url = str(link.get("url", ""))
                if url.startswith(self.base + "/"):
                    return url[len(self.base) + 1:]
        return None

    def search(self, resource: str, params: dict[str, str]) -> dict[str, Any]:
        """A FHIR search (a searchset Bundle); PlatformUnavailable or ValueError on a bad answer."""
        status, _, body = self.request("GET", resource, params=params)
        if status != 200:
            raise ValueError(outcome_message(body) or f"HTTP {status}")
        data = json.loads(body.decode("utf-8"))
        if not isinstance(data, dict) or data.get("resourceType") != "Bundle":
            raise ValueError("not a Bundle")
        return data


def _tls_reason(exc: Exception) -> str:
    """The certificate problem in a few words (CERTIFICATE_VERIFY_FAILED ...), for IT."""
    text = str(exc)
    for marker in ("CERTIFICATE_VERIFY_FAILED", "WRONG_VERSION_NUMBER", "hostname mismatch",
                   "self-signed certificate", "certificate has expired", "unable to get local issuer"):
        if marker.lower() in text.lower():
            return marker
    return "handshake failed" if "handshake" in text.lower() else type(exc).__name__


def _fault(exc: Exception) -> str:
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return "connect timeout"
    if isinstance(exc, requests.exceptions.ReadTimeout):
        return "read timeout"
    if isinstance(exc, requests.exceptions.ChunkedEncodingError):
        return "response cut off"
    return "connection failed"
