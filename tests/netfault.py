"""A loopback TCP proxy for network faults and network costs (PLATFORM.md: `tc netem` is not
available; a small proxy gives exact faults).

- `freeze()` holds all traffic with TCP left open: the server seems to hang (`thaw()` resumes).
- `latency_ms` adds a round trip: half of it on the way to the server, half on the way back,
  per connection and per direction, so a ping-pong protocol (PostgreSQL's) sees exactly
  +latency per round trip and one connection never waits behind another's delay.
- Counting (`counts()`, `reset_counts()`): what the server really answered.

How round trips are counted (exact for psycopg2, which speaks the simple query protocol and
waits for each answer before it sends again): per connection, a *round trip* is a burst of
client->server bytes followed by server->client bytes. Bytes are observed when they reach the
proxy, before any added delay, so TCP segmentation never splits or merges bursts: the direction
flip is what counts. A client that pipelines several requests before the first answer is one
round trip, which is what it costs in latency. Bursts that got no answer (a Terminate message,
a frozen link) are not counted.

Two PostgreSQL-aware refinements, both from the wire protocol (SSLRequest/GSSENCRequest answered
by one byte, then framed messages: type byte + int32 length):
- `startup_round_trips` are those of connection set-up (SSL negotiation, startup, SCRAM), i.e.
  before the connection's first ReadyForQuery ('Z'); `query_round_trips` are the ones after,
  which for psycopg2 equal the statements in the server's log (tests/unit/test_netfault.py
  checks that against `log_statement=all`).
- `ready_for_query` counts 'Z' messages after set-up: one per simple query, a cross-check.
  Left uncounted on a TLS connection (the stream is encrypted).
"""
from __future__ import annotations

import contextlib
import select
import socket
import struct
import threading
import time
from collections import deque
from dataclasses import dataclass

_SSL_REQUEST = 80877103
_GSSENC_REQUEST = 80877104


@dataclass(frozen=True)
class Counts:
    """What crossed the proxy since the last reset."""

    connections: int = 0            # TCP connections accepted
    round_trips: int = 0            # every answered client burst, set-up included
    startup_round_trips: int = 0    # of which before the connection's first ReadyForQuery
    query_round_trips: int = 0      # of which after it (compare: statements in the server log)
    ready_for_query: int = 0        # PostgreSQL 'Z' messages after set-up
    bytes_to_server: int = 0
    bytes_to_client: int = 0


class _Wire:
    """Per-connection protocol state, guarded by the proxy's lock."""

    def __init__(self) -> None:
        self.awaiting_reply = False      # the client spoke and the server has not answered yet
        self.burst_after_startup = False
        self.ready = False               # first ReadyForQuery seen
        self.parseable = True
        self.client_head = b""           # the client's first 8 bytes (SSL/GSS request?)
        self.expect_answer_byte = False  # the server's next byte is an unframed SSL/GSS answer
        self.client_decided = False
        self.server_buf = b""


class _Link:
    """One direction of one connection: a reader that timestamps and a writer that delivers."""

    def __init__(self, proxy: FreezableProxy, src: socket.socket, dst: socket.socket,
                 wire: _Wire, to_server: bool) -> None:
        self.proxy = proxy
        self.src = src
        self.dst = dst
        self.wire = wire
        self.to_server = to_server
        self.queue: deque[tuple[float, bytes]] = deque()   # (due time, data); b"" = EOF
        self.cond = threading.Condition()
        self.done = threading.Event()

    def start(self) -> None:
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._write, daemon=True).start()

    def _read(self) -> None:
        proxy = self.proxy
        while not proxy.closed.is_set():
            if proxy.frozen.is_set():
                time.sleep(0.02)          # hold everything: nothing is read, nothing answered
                continue
            try:
                ready, _, _ = select.select([self.src], [], [], 0.05)
                if not ready:
                    continue              # look at freeze() and close() again
                data = self.src.recv(65536)
            except (OSError, ValueError):
                data = b""
            now = time.monotonic()
            if data:
                proxy._observe(self.wire, data, self.to_server)
            with self.cond:
                self.queue.append((now + proxy.latency_ms / 2000.0, data))
                self.cond.notify()
            if not data:
                return

    def _write(self) -> None:
        proxy = self.proxy
        try:
            while not proxy.closed.is_set():
                with self.cond:
                    while not self.queue and not proxy.closed.is_set():
                        self.cond.wait(0.1)
                    if proxy.closed.is_set():
                        return
                    due, data = self.queue[0]
                wait = due - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                while proxy.frozen.is_set() and not proxy.closed.is_set():
                    time.sleep(0.02)
                with self.cond:
                    self.queue.popleft()
                try:
                    if not data:
                        self.dst.shutdown(socket.SHUT_WR)   # pass the hang-up on
                        return
                    self.dst.sendall(data)
                except OSError:
                    return
        finally:
            self.done.set()
            proxy._link_done(self)


class FreezableProxy:
    def __init__(self, target_port: int, latency_ms: float = 0.0,
                 target_host: str = "127.0.0.1") -> None:
        self.target_host = target_host
        self.target_port = target_port
        self.latency_ms = float(latency_ms)
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port: int = self.sock.getsockname()[1]
        self.frozen = threading.Event()
        self.closed = threading.Event()
        self._lock = threading.Lock()
        self._counts = Counts()
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        self._links: dict[tuple[int, int], list[_Link]] = {}
        threading.Thread(target=self._accept, daemon=True).start()

    # ---- control
    def freeze(self) -> None:
        self.frozen.set()

    def thaw(self) -> None:
        self.frozen.clear()

    def set_latency(self, latency_ms: float) -> None:
        """Applies to bytes read from now on (what is in flight keeps its delivery time)."""
        self.latency_ms = float(latency_ms)

    def counts(self) -> Counts:
        with self._lock:
            return self._counts

    def reset_counts(self) -> Counts:
        """Start counting afresh; returns what was counted until now."""
        with self._lock:
            previous, self._counts = self._counts, Counts()
            return previous

    def close(self) -> None:
        self.closed.set()
        with contextlib.suppress(OSError):
            self.sock.close()
        with self._lock:
            pairs = list(self._pairs)
        for a, b in pairs:
            for s in (a, b):
                with contextlib.suppress(OSError):
                    s.close()

    def __enter__(self) -> FreezableProxy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- plumbing
    def _accept(self) -> None:
        while not self.closed.is_set():
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection((self.target_host, self.target_port))
            except OSError:
                client.close()
                continue
            for s in (client, upstream):
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            wire = _Wire()
            links = [_Link(self, client, upstream, wire, to_server=True),
                     _Link(self, upstream, client, wire, to_server=False)]
            with self._lock:
                self._pairs.append((client, upstream))
                self._links[(client.fileno(), upstream.fileno())] = links
                self._bump(connections=1)
            for link in links:
                link.start()

    def _link_done(self, link: _Link) -> None:
        """Both directions finished: close the pair (the other side already saw the hang-up)."""
        with self._lock:
            key = next((k for k, v in self._links.items() if link in v), None)
            if key is None or not all(x.done.is_set() for x in self._links[key]):
                return
            links = self._links.pop(key)
        for s in (links[0].src, links[0].dst):
            with contextlib.suppress(OSError):
                s.close()

    def _bump(self, **delta: int) -> None:
        c = self._counts
        self._counts = Counts(**{k: getattr(c, k) + delta.get(k, 0) for k in Counts.__dataclass_fields__})

    def _observe(self, wire: _Wire, data: bytes, to_server: bool) -> None:
        with self._lock:
            if to_server:
                self._bump(bytes_to_server=len(data))
                if not wire.client_decided:
                    wire.client_head += data[: 8 - len(wire.client_head)]
                    if len(wire.client_head) >= 8:
                        wire.client_decided = True
                        code = struct.unpack("!I", wire.client_head[4:8])[0]
                        wire.expect_answer_byte = code in (_SSL_REQUEST, _GSSENC_REQUEST)
                if not wire.awaiting_reply:
                    wire.awaiting_reply = True
                    wire.burst_after_startup = wire.ready
                return
            self._bump(bytes_to_client=len(data))
            z = self._parse_server(wire, data)
            if wire.awaiting_reply:
                wire.awaiting_reply = False
                if wire.burst_after_startup:
                    self._bump(round_trips=1, query_round_trips=1)
                else:
                    self._bump(round_trips=1, startup_round_trips=1)
            if z:
                self._bump(ready_for_query=z)

    @staticmethod
    def _parse_server(wire: _Wire, data: bytes) -> int:
        """ReadyForQuery messages after set-up in this chunk (0 once the stream is not parseable)."""
        if not wire.parseable:
            return 0
        buf = wire.server_buf + data
        if wire.expect_answer_byte and buf:
            answer, buf = buf[:1], buf[1:]
            wire.expect_answer_byte = False
            wire.client_decided = False    # the client's next message is its startup packet
            wire.client_head = b""
            if answer in (b"S", b"G"):     # TLS / GSS encryption from here on
                wire.parseable = False
                wire.server_buf = b""
                return 0
        found = 0
        pos = 0
        while len(buf) - pos >= 5:
            kind = buf[pos:pos + 1]
            length = struct.unpack("!I", buf[pos + 1:pos + 5])[0]
            if length < 4:
                wire.parseable = False
                wire.server_buf = b""
                return found
            if len(buf) - pos < 1 + length:
                break
            pos += 1 + length
            if kind == b"Z":
                if wire.ready:
                    found += 1
                else:
                    wire.ready = True
        wire.server_buf = buf[pos:]
        return found


__all__ = ["Counts", "FreezableProxy"]
