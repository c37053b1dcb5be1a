"""A real Secret Service for the tests: a private D-Bus session bus and gnome-keyring-daemon on
it (PLATFORM.md: keyring's SecretService backend works there), set as keyring's backend.

    with SecretService() as backend: keyring.set_password(...)
"""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any, Optional


def available() -> Optional[str]:
    """None when it can run here, else why not."""
    for binary in ("dbus-daemon", "gnome-keyring-daemon"):
        if shutil.which(binary) is None:
            return f"{binary} not installed (scripts/bootstrap.sh TEST_DEBS: dbus, gnome-keyring)"
    return None


class SecretService:
    def __init__(self) -> None:
        self.home = tempfile.mkdtemp(prefix="ws-keyring-")
        self._bus: Optional[subprocess.Popen[str]] = None
        self._daemon: Optional[subprocess.Popen[str]] = None
        self._saved: dict[str, Optional[str]] = {}
        self._previous: Any = None

    def __enter__(self) -> Any:
        import keyring
        from keyring.backends.SecretService import Keyring

        self._bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert self._bus.stdout is not None
        address = self._bus.stdout.readline().strip()
        # gnome-keyring's start-up hand-over needs the same home and runtime dir on both sides.
        env = {"DBUS_SESSION_BUS_ADDRESS": address, "HOME": self.home,
               "XDG_RUNTIME_DIR": self.home, "XDG_DATA_HOME": os.path.join(self.home, "data")}
        for k, v in env.items():
            self._saved[k] = os.environ.get(k)
            os.environ[k] = v
        daemon_env = dict(os.environ)
        self._daemon = subprocess.Popen(
            ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            text=True, env=daemon_env)
        assert self._daemon.stdin is not None
        self._daemon.stdin.write("ws-test-login")
        self._daemon.stdin.close()
        self._previous = keyring.get_keyring()
        backend = Keyring()
        keyring.set_keyring(backend)
        deadline = time.monotonic() + 15
        while True:                        # the daemon takes a moment to own its bus name and to
            try:                           # unlock its login collection: wait until a write works
                keyring.set_password("ws-probe", "probe", "ready")
                keyring.delete_password("ws-probe", "probe")
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        return backend

    def __exit__(self, *exc: object) -> None:
        import keyring

        if self._previous is not None:
            keyring.set_keyring(self._previous)
        if self._daemon is not None:            # the daemon's own child (its --start hand-over)
            children = Path(f"/proc/{self._daemon.pid}/task/{self._daemon.pid}/children")
            with contextlib.suppress(OSError, ValueError):
                for pid in children.read_text().split():
                    os.kill(int(pid), signal.SIGTERM)
        for proc in (self._daemon, self._bus):
            if proc is not None:
                proc.terminate()           # our own children, by pid
                proc.wait(timeout=10)
        for k, v in self._saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        shutil.rmtree(self.home, ignore_errors=True)


_SHARED: list[Any] = []      # one Secret Service per test process (a second one in the same
                            # process is refused its login collection by secretstorage)


def _shared_backend() -> Any:
    if not _SHARED:
        import atexit

        for attempt in range(3):
            # Under load the daemon sometimes never unlocks its login collection (every write
            # then asks for a prompt nobody answers): start a fresh bus and daemon and try again.
            service = SecretService()
            try:
                backend = service.__enter__()
            except Exception:
                service.__exit__()
                if attempt == 2:
                    raise
                continue
            atexit.register(service.__exit__)       # our own two children, by pid
            _SHARED.extend([service, backend])
            break
    return _SHARED[1]


def keyring_fixture() -> Any:
    """A module-scoped pytest fixture: keyring's backend is the real Secret Service for the
    module's tests (import it as `keyring_service`)."""
    import pytest

    @pytest.fixture(scope="module")
    def keyring_service() -> Any:
        import keyring

        why = available()
        if why is not None:
            if os.environ.get("CI") == "true":
                pytest.fail(why)
            pytest.skip(why)
        previous = keyring.get_keyring()
        backend = _shared_backend()
        keyring.set_keyring(backend)
        try:
            yield backend
        finally:
            keyring.set_keyring(previous)

    return keyring_service
