"""A throwaway PostgreSQL 15 server for the tests (PLATFORM.md recipe: initdb + pg_ctl, fsync off).

As root the server runs as the `postgres` user (initdb refuses root) in a directory it owns.

The server's own log is the ground truth for "how many statements did these calls send": every
log line carries the session's pid, application name and database (`LOG_LINE_PREFIX`).
`PgServer(bindir, log_statements=True)` logs every statement of every session;
`log_statements_on(database)` turns it on for one database only (new sessions of it), which is
what a test on the shared session server does. Then:

    mark = server.log_mark()
    ...calls...
    statements = server.statements_since(mark, application_name="ws-test-1")
"""
from __future__ import annotations

import glob
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass
from typing import Optional

PASSWORD = "ward-Secret-1"   # the superuser's password: the tests check it never leaks

# Unix time (ms), session pid, application name and database on every server log line, in
# brackets nothing else writes; then "LOG:  statement: ..." for each statement under
# log_statement=all.
LOG_LINE_PREFIX = "%n [%p] <%a> <%d> "
_LOG_LINE = re.compile(r"^(?P<at>\d+(?:\.\d+)?) \[(?P<pid>\d+)\] <(?P<app>[^>]*)> <(?P<db>[^>]*)> "
                       r"(?P<level>[A-Z0-9]+):  (?P<message>.*)$")
# Simple query protocol: "statement: ..."; extended protocol: "execute <name>: ...".
_STATEMENT = re.compile(r"^(?:statement|execute [^:]*): (?P<sql>.*)$", re.S)


@dataclass(frozen=True)
class LoggedStatement:
    at: float                 # when the server logged it (Unix time, millisecond resolution)
    pid: int
    application_name: str
    database: str
    sql: str


def find_bindir() -> Optional[str]:
    """The PostgreSQL server binaries, newest first; None when not installed."""
    env = os.environ.get("PG_BINDIR")
    candidates = [env] if env else sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for path in candidates:
        if path and os.path.exists(os.path.join(path, "initdb")):
            return path
    found = shutil.which("initdb")
    return os.path.dirname(found) if found else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    def __init__(self, bindir: str, log_statements: bool = False, max_connections: int = 60) -> None:
        self.bindir = bindir
        self.log_statements = log_statements
        self.max_connections = max_connections
        self.root = tempfile.mkdtemp(prefix="ws-pg-")
        self.data = os.path.join(self.root, "d")
        self.port = free_port()
        self.user = "postgres"
        self.password = PASSWORD
        self._as_postgres = os.geteuid() == 0

    def _run(self, *args: str) -> None:
        cmd = [os.path.join(self.bindir, args[0]), *args[1:]]
        if self._as_postgres:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        if self._as_postgres:
            os.chmod(self.root, 0o755)
            shutil.chown(self.root, "postgres")
        pwfile = os.path.join(self.root, "pw")
        with open(pwfile, "w") as f:
            f.write(self.password + "\n")
        if self._as_postgres:
            shutil.chown(pwfile, "postgres")
        # scram on TCP so wrong passwords are refused; trust on the socket for administration.
        self._run("initdb", "-D", self.data, "-U", self.user, "--pwfile", pwfile,
                  "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C")
        opts = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off "
                f"-c max_connections={self.max_connections} "
                f'-c "log_line_prefix={LOG_LINE_PREFIX}"')
        if self.log_statements:
            opts += " -c log_statement=all"
        self._run("pg_ctl", "-D", self.data, "-o", opts, "-l", self.log_path, "-w", "start")

    @property
    def log_path(self) -> str:
        return os.path.join(self.root, "log")

    def log_mark(self) -> int:
        """A position in the server log: `statements_since(mark)` reads what came after it."""
        try:
            return os.path.getsize(self.log_path)
        except OSError:
            return 0

    def statements_since(self, mark: int, application_name: Optional[str] = None,
                         database: Optional[str] = None,
                         end: Optional[int] = None) -> list[LoggedStatement]:
        """Statements the server logged after `mark` (needs log_statement=all for the sessions)
        and, with `end` (another mark), before it; optionally only those of one application name
        and/or database, in log order.

        Take `end = log_mark()` right when the calls under test return: the server writes a
        statement's line before it answers, so every statement of those calls is before `end`,
        and whatever a background thread sends afterwards is not."""
        with open(self.log_path, "rb") as f:
            f.seek(mark)
            raw = f.read() if end is None else f.read(max(0, end - mark))
        cut = raw.rfind(b"\n")
        text = raw[:cut + 1].decode("utf-8", errors="replace")   # whole lines only
        current: Optional[list[str]] = None       # at, pid, app, db, sql of the last statement
        entries: list[list[str]] = []
        for line in text.splitlines():
            if line.startswith("\t") and current is not None:   # a multi-line statement goes on
                current[4] += "\n" + line[1:]
                continue
            current = None
            m = _LOG_LINE.match(line)
            if m is None or m["level"] != "LOG":
                continue
            sm = _STATEMENT.match(m["message"])
            if sm is None:
                continue
            current = [m["at"], m["pid"], m["app"], m["db"], sm["sql"]]
            entries.append(current)
        return [LoggedStatement(float(at), int(pid), app, db, sql)
                for at, pid, app, db, sql in entries
                if (application_name is None or app == application_name)
                and (database is None or db == database)]

    def wait_quiet(self, application_name: str, quiet: float = 0.3, timeout: float = 15.0) -> int:
        """Wait until the sessions of `application_name` have logged nothing for `quiet` seconds
        (a background writer has finished); returns how many statements came meanwhile."""
        deadline = time.monotonic() + timeout
        seen = 0
        while True:
            mark = self.log_mark()
            time.sleep(quiet)
            n = len(self.statements_since(mark, application_name=application_name))
            seen += n
            if n == 0 or time.monotonic() > deadline:
                return seen

    def admin_execute(self, sql: str, database: str = "postgres") -> None:
        """One statement as the superuser, in autocommit (CREATE/ALTER DATABASE and the like)."""
        import psycopg2

        conn = psycopg2.connect(host="127.0.0.1", port=self.port, user=self.user,
                                password=self.password, dbname=database,
                                application_name="ws-test-admin")
        try:
            conn.autocommit = True
            with conn.cursor() as cur:
                cur.execute(sql)
        finally:
            conn.close()

    def log_statements_on(self, database: str) -> None:
        """log_statement=all for the new sessions of one database (the others stay quiet)."""
        self.admin_execute(f"ALTER DATABASE {database} SET log_statement = 'all'")

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres", scheme: str = "postgresql+psycopg2",
            password: Optional[str] = None) -> str:
        pw = self.password if password is None else password
        return f"{scheme}://{self.user}:{pw}@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        name = "t_" + uuid.uuid4().hex[:12]
        import psycopg2

        conn = psycopg2.connect(host="127.0.0.1", port=self.port, user=self.user,
                                password=self.password, dbname="postgres")
        try:
            conn.autocommit = True
            with conn.cursor() as cur:
                cur.execute(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'")
        finally:
            conn.close()
        return name
