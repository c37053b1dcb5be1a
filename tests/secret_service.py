"""A real Secret Service for the tests: a private D-Bus session bus and gnome-keyring-daemon on
it (PLATFORM.md: keyring's SecretService backend works there), set as keyring's backend.

    with SecretService() as backend: keyring.set_password(...)

PLATFORM.md's `dbus-run-session` recipe has a race: the standard session bus activates
gnome-keyring on the first call to org.freedesktop.secrets, so a client faster than the daemon
(CI under load) gets a second, password-less daemon, no login collection and "Prompt dismissed".
Here the bus activates nothing and the client waits, by looking, for the login collection.
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


LOGIN = "/org/freedesktop/secrets/collection/login"
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={dir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def _wait_for_login(deadline: float) -> Optional[str]:
    """None once the login collection exists and is unlocked, else (at the deadline) why not."""
    import secretstorage

    last = "no answer"
    while True:
        try:
            with contextlib.closing(secretstorage.dbus_init()) as connection:
                if not secretstorage.check_service_availability(connection):
                    last = "org.freedesktop.secrets not on the bus yet"
                elif secretstorage.Collection(connection, LOGIN).is_locked():
                    last = "login collection locked"
                else:
                    return None
        except Exception as e:     # every failure is a reason to look again
            last = f"{type(e).__name__}: {e}"
        if time.monotonic() > deadline:
            return last
        time.sleep(0.1)


class SecretService:
    def __init__(self) -> None:
        self.home = tempfile.mkdtemp(prefix="ws-keyring-")
        self._bus: Optional[subprocess.Popen[str]] = None
        self._daemon: Optional[subprocess.Popen[str]] = None
        self._saved: dict[str, Optional[str]] = {}
        self._log: Optional[Any] = None
        self._previous: Any = None

    def __enter__(self) -> Any:
        import keyring
        from keyring.backends.SecretService import Keyring

        # A bus of our own that activates nothing: on the standard session bus a first call to
        # org.freedesktop.secrets before our daemon owns the name starts a second, password-less
        # gnome-keyring by D-Bus activation, and ours then gives up ("another secret service is
        # running") with no login collection anywhere.
        config = Path(self.home, "bus.conf")
        config.write_text(BUS_CONFIG.format(dir=self.home))
        self._bus = subprocess.Popen(["dbus-daemon", f"--config-file={config}", "--nofork",
                                      "--print-address=1"],
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
        self._log = open(os.path.join(self.home, "daemon.log"), "w")
        self._daemon = subprocess.Popen(
            ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
            stdin=subprocess.PIPE, stdout=self._log, stderr=subprocess.STDOUT,
            text=True, env=daemon_env)
        assert self._daemon.stdin is not None
        self._daemon.stdin.write("ws-test-login")
        self._daemon.stdin.close()
        # Wait for the daemon to make and unlock its login collection (from the password on its
        # stdin) by looking, never by writing: a write before that asks the daemon to create a
        # default collection, a prompt nobody can answer ("Prompt dismissed").
        why = _wait_for_login(deadline=time.monotonic() + 20)
        if why is not None:
            raise RuntimeError(f"gnome-keyring never unlocked its login collection ({why}); "
                               + self._diagnosis())
        self._previous = keyring.get_keyring()
        backend = Keyring()
        backend.preferred_collection = LOGIN       # the collection that exists, not the alias
        keyring.set_keyring(backend)
        keyring.set_password("ws-probe", "probe", "ready")
        keyring.delete_password("ws-probe", "probe")
        return backend

    def _diagnosis(self) -> str:
        alive = self._daemon is not None and self._daemon.poll() is None
        keyrings = Path(self.home, "data", "keyrings")
        files = sorted(p.name for p in keyrings.iterdir()) if keyrings.is_dir() else []
        log = Path(self.home, "daemon.log")
        tail = log.read_text(errors="replace")[-600:].strip() if log.exists() else ""
        return f"daemon {'running' if alive else 'exited'}, keyrings {files}, log: {tail!r}"

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
        if self._log is not None:
            self._log.close()
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
            # Should a daemon still fail to unlock its login collection, a fresh bus and daemon
            # get another chance (the error says what the failed one logged).
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
