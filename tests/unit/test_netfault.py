"""The fault proxy (tests/netfault.py): exact added latency per round trip, connections that do
not wait for each other, freeze/thaw, and round trips counted the way the server saw them
(checked against PostgreSQL's own statement log)."""
from __future__ import annotations

import socket
import struct
import threading
import time
import uuid
from collections.abc import Iterator

import pytest

from tests.netfault import Counts, FreezableProxy
from tests.pg import PgServer


def _recv_exact(sock: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            return b""
        data += chunk
    return data


class EchoServer:
    """A ping-pong protocol: reads one whole message (4-byte length + payload), then answers it
    with the same message, like a database server answers a whole query."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port: int = self.sock.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    @staticmethod
    def _serve(conn: socket.socket) -> None:
        with conn:
            while True:
                try:
                    head = _recv_exact(conn, 4)
                    if not head:
                        return
                    body = _recv_exact(conn, struct.unpack("!I", head)[0])
                    conn.sendall(head + body)
                except OSError:
                    return

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def echo() -> Iterator[EchoServer]:
    server = EchoServer()
    yield server
    server.close()


def _ping_pong(port: int, times: int, payload: bytes = b"ping") -> None:
    message = struct.pack("!I", len(payload)) + payload
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for _ in range(times):
            s.sendall(message)
            assert _recv_exact(s, len(message)) == message, "proxy hung up or garbled"


def test_without_latency_bytes_pass_unchanged_and_round_trips_are_counted(echo: EchoServer) -> None:
    with FreezableProxy(echo.port) as proxy:
        big = bytes(range(256)) * 1000           # several TCP segments each way: still one trip
        _ping_pong(proxy.port, 3, big)
        _ping_pong(proxy.port, 2)
        counts = proxy.counts()
        assert counts.connections == 2
        assert counts.round_trips == 5
        assert counts.bytes_to_server == counts.bytes_to_client == 3 * (4 + len(big)) + 2 * 8
        assert proxy.reset_counts() == counts
        assert proxy.counts() == Counts()


def test_latency_adds_exactly_one_delay_per_round_trip(echo: EchoServer) -> None:
    with FreezableProxy(echo.port, latency_ms=40) as proxy:
        _ping_pong(proxy.port, 1)                # connection set-up out of the timing
        start = time.perf_counter()
        _ping_pong(proxy.port, 5)
        elapsed = time.perf_counter() - start
        # 5 round trips at 40 ms, plus the TCP connect (not delayed: the proxy accepts at once)
        assert 0.200 <= elapsed < 0.280, elapsed
        assert proxy.counts().round_trips == 6


def test_connections_do_not_wait_behind_each_other(echo: EchoServer) -> None:
    with FreezableProxy(echo.port, latency_ms=40) as proxy:
        threads = [threading.Thread(target=_ping_pong, args=(proxy.port, 5)) for _ in range(4)]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join(10)
        elapsed = time.perf_counter() - start
        assert 0.200 <= elapsed < 0.330, elapsed     # not 4 x 200 ms
        assert proxy.counts().round_trips == 20


def _framed(payload: bytes) -> bytes:
    return struct.pack("!I", len(payload)) + payload


def test_freeze_holds_traffic_with_tcp_open_and_thaw_delivers_it(echo: EchoServer) -> None:
    with FreezableProxy(echo.port) as proxy, \
            socket.create_connection(("127.0.0.1", proxy.port), timeout=5) as s:
        s.sendall(_framed(b"a"))
        assert _recv_exact(s, 5) == _framed(b"a")
        proxy.freeze()
        s.sendall(_framed(b"b"))
        s.settimeout(0.3)
        with pytest.raises(socket.timeout):
            s.recv(10)
        proxy.thaw()
        s.settimeout(5)
        assert _recv_exact(s, 5) == _framed(b"b")
        assert proxy.counts().round_trips == 2


def test_a_hang_up_is_passed_on(echo: EchoServer) -> None:
    with FreezableProxy(echo.port, latency_ms=10) as proxy, \
            socket.create_connection(("127.0.0.1", proxy.port), timeout=5) as s:
        s.sendall(_framed(b"x"))
        assert _recv_exact(s, 5) == _framed(b"x")
        s.shutdown(socket.SHUT_WR)               # the echo server sees EOF and closes
        assert s.recv(10) == b""


@pytest.mark.pg
def test_round_trips_agree_with_the_server_statement_log(pg_server: PgServer) -> None:
    """psycopg2 through the proxy: query round trips == ReadyForQuery == statements logged."""
    import psycopg2

    database = pg_server.create_database()
    pg_server.log_statements_on(database)
    app = "ws-netfault-" + uuid.uuid4().hex[:8]
    with FreezableProxy(pg_server.port, latency_ms=30) as proxy:
        conn = psycopg2.connect(host="127.0.0.1", port=proxy.port, user=pg_server.user,
                                password=pg_server.password, dbname=database, application_name=app)
        try:
            setup = proxy.reset_counts()
            assert setup.connections == 1
            assert setup.startup_round_trips >= 2      # startup + SCRAM (and SSL/GSS refusals)
            assert setup.query_round_trips == 0
            mark = pg_server.log_mark()
            start = time.perf_counter()
            with conn.cursor() as cur:
                cur.execute("CREATE TABLE t (x integer)")
                cur.execute("INSERT INTO t SELECT generate_series(1, 5000)")
                cur.execute("SELECT x FROM t ORDER BY x")
                assert len(cur.fetchall()) == 5000      # a large answer is still one trip
            conn.commit()
            conn.autocommit = True
            with conn.cursor() as cur:
                cur.execute("SELECT 1")
            elapsed = time.perf_counter() - start
            counts = proxy.counts()
        finally:
            conn.close()
        statements = pg_server.statements_since(mark, application_name=app)
    sql = [s.sql for s in statements]
    assert sql == ["BEGIN", "CREATE TABLE t (x integer)", "INSERT INTO t SELECT generate_series(1, 5000)",
                   "SELECT x FROM t ORDER BY x", "COMMIT", "SELECT 1"]
    assert counts.query_round_trips == counts.ready_for_query == len(statements) == 6
    assert counts.round_trips == counts.query_round_trips
    assert elapsed >= 6 * 0.030
