"""Shared fixtures: a throwaway PostgreSQL 15 server for the session, fresh databases on it
(also reached through ksycopg2 as KingbaseES), an in-memory keyring, and network fault helpers
(a listener that accepts and never answers, a closed port). Loopback only, always."""
from __future__ import annotations

import contextlib
import os
import signal
import socket
import threading
from collections.abc import Iterator
from typing import Any, Optional

import pytest

from tests.pg import PgServer, find_bindir


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    bindir = find_bindir()
    if bindir is None:
        reason = "PostgreSQL server binaries not installed (apt-get install postgresql)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " and CI=true: a missing server is a failure in CI")
        pytest.skip(reason)
    # A CI timeout sends SIGTERM: turn it into KeyboardInterrupt so pytest still runs the
    # teardown below instead of leaving a postgres running.
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _interrupt)
    server = PgServer(bindir)
    try:
        server.start()
    except BaseException:
        with contextlib.suppress(Exception):
            server.stop()
        raise
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """A fresh empty database, `postgresql+psycopg2://`."""
    return pg_server.url(pg_server.create_database())


@pytest.fixture
def kingbase_url(pg_server: PgServer) -> str:
    """A fresh empty database on the same server, through ksycopg2 as `kingbase+ksycopg2://`."""
    return pg_server.url(pg_server.create_database(), scheme="kingbase+ksycopg2")


@pytest.fixture
def sqlite_url(tmp_path: Any) -> str:
    return f"sqlite:///{tmp_path}/ward.db"


class Blackhole:
    """Accepts TCP connections and never sends a byte: a hung server or proxy.

    With `reply`, it answers each connection with those bytes and hangs up instead: some other
    service on the port (a web server where the database was expected).
    """

    def __init__(self, reply: Optional[bytes] = None) -> None:
        self.reply = reply
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port: int = self.sock.getsockname()[1]
        self.held: list[socket.socket] = []
        self.accepted = 0
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted += 1
            if self.reply is None:
                self.held.append(conn)
                continue
            with conn:
                conn.recv(64)
                conn.sendall(self.reply)

    def close(self) -> None:
        self.sock.close()
        for conn in self.held:
            conn.close()


@pytest.fixture
def blackhole() -> Iterator[Blackhole]:
    hole = Blackhole()
    yield hole
    hole.close()


@pytest.fixture
def web_server() -> Iterator[Blackhole]:
    """A wrong port: an HTTP server answers one line and hangs up."""
    server = Blackhole(reply=b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
    yield server
    server.close()


@pytest.fixture
def closed_port() -> int:
    """A loopback port nothing listens on (connection refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class MemoryKeyring:
    """A keyring backend that lives in this process only (never keyrings.alt on disk)."""

    priority = 1

    def __init__(self) -> None:
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> Optional[str]:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        import keyring.errors

        if (service, username) not in self.store:
            raise keyring.errors.PasswordDeleteError(username)
        del self.store[(service, username)]

    def get_credential(self, service: str, username: Optional[str]) -> Any:
        return None


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    import keyring
    from keyring.backend import KeyringBackend

    class _Backend(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self, impl: MemoryKeyring) -> None:
            super().__init__()
            self.impl = impl

        def get_password(self, service: str, username: str) -> Optional[str]:
            return self.impl.get_password(service, username)

        def set_password(self, service: str, username: str, password: str) -> None:
            self.impl.set_password(service, username, password)

        def delete_password(self, service: str, username: str) -> None:
            self.impl.delete_password(service, username)

    impl = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(_Backend(impl))
    try:
        yield impl
    finally:
        keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test writes into the real user's data directory (queued audit entries, outboxes, the
    demo database): each gets its own, unless it sets WARDSTATION_DATA_DIR itself."""
    if "WARDSTATION_DATA_DIR" not in os.environ:
        monkeypatch.setenv("WARDSTATION_DATA_DIR", str(tmp_path_factory.mktemp("data")))
