"""A FHIR R4 server on a real socket (pytest-httpserver): create, conditional create on
Bundle.identifier (200 for an identifier it has, 201 otherwise), search by identifier or by
`_tag` (with `_lastUpdated=ge...`: each stored Bundle gets meta.lastUpdated, as a server sets
it), and OperationOutcome errors; plus faults injected one request at a time."""
from __future__ import annotations

import json
import socket
import threading
import time
from collections import deque
from typing import Any, Optional

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

FHIR = "application/fhir+json"


def outcome(text: str, code: str = "invalid") -> dict[str, Any]:
    return {"resourceType": "OperationOutcome",
            "issue": [{"severity": "error", "code": code, "diagnostics": text}]}


class FhirServer:
    """`faults`: what the next POSTs meet, in order: "timeout", "drop" (stored, then the
    connection closed without an answer), "429", "503", "400" (an OperationOutcome)."""

    def __init__(self, server: HTTPServer, latency: float = 0.0) -> None:
        self.server = server
        self.latency = latency
        self.stored: dict[str, dict[str, Any]] = {}
        self.posts = 0
        self.faults: deque[str] = deque()
        self.down = False
        self.retry_after = "1"
        self.lock = threading.Lock()
        self.clock = 0
        server.expect_request("/fhir/Bundle", method="POST").respond_with_handler(self._post)
        server.expect_request("/fhir/Bundle", method="GET").respond_with_handler(self._search)

    @property
    def base(self) -> str:
        return self.server.url_for("/fhir")

    def _fault(self) -> Optional[str]:
        with self.lock:
            self.posts += 1
            if self.down:
                return "503"
            return self.faults.popleft() if self.faults else None

    def _post(self, request: Request) -> Response:
        if self.latency:
            time.sleep(self.latency)
        fault = self._fault()
        if fault == "timeout":
            time.sleep(3.0)                  # past the tests' read timeout (2 s)
        if fault == "429":
            return Response(json.dumps(outcome("too many requests", "throttled")), 429,
                            {"Retry-After": self.retry_after}, content_type=FHIR)
        if fault == "503":
            return Response(json.dumps(outcome("维护中", "transient")), 503, content_type=FHIR)
        try:
            bundle = json.loads(request.get_data())
        except ValueError:
            return Response(json.dumps(outcome("not JSON")), 400, content_type=FHIR)
        if fault == "400" or bundle.get("resourceType") != "Bundle":
            return Response(json.dumps(outcome("患者身份证号校验位错误")), 400, content_type=FHIR)
        condition = request.headers.get("If-None-Exist", "")
        key = condition.split("=", 1)[1] if condition.startswith("identifier=") else None
        ident = bundle.get("identifier") or {}
        key = key or f"{ident.get('system')}|{ident.get('value')}"
        with self.lock:
            exists = key in self.stored
            if not exists:
                self.clock += 1
                stored = dict(bundle)
                stored["meta"] = {**(bundle.get("meta") or {}),
                                  "lastUpdated": f"2026-01-01T00:00:{self.clock:02d}.000+00:00"}
                self.stored[key] = stored
        if fault == "drop":
            sock = request.environ.get("werkzeug.socket")
            if isinstance(sock, socket.socket):
                sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            return Response("", 500)
        location = f"{self.base}/Bundle/{abs(hash(key)) % 10**8}/_history/1"
        minimal = request.headers.get("Prefer", "") == "return=minimal"
        return Response("" if minimal else json.dumps(bundle), 200 if exists else 201,
                        {"Location": location}, content_type=FHIR)

    def _search(self, request: Request) -> Response:
        key = request.args.get("identifier", "")
        tag = request.args.get("_tag", "")
        since = request.args.get("_lastUpdated", "").removeprefix("ge")
        if self.down:
            return Response(json.dumps(outcome("维护中", "transient")), 503, content_type=FHIR)
        with self.lock:
            if tag:
                found = [b for b in self.stored.values() if b["meta"]["lastUpdated"] >= since and tag in {
                    f"{t.get('system')}|{t.get('code')}" for t in b["meta"].get("tag", [])}]
            else:
                found = [b for k, b in self.stored.items() if k == key]
        return Response(json.dumps({"resourceType": "Bundle", "type": "searchset", "total": len(found),
                                    "entry": [{"resource": b} for b in found]}), 200, content_type=FHIR)
