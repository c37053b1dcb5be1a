"""A power cut for SQLite files: an apsw VFS that remembers every write and truncate since each
file's last sync, and on `power_cut()` keeps only what a disk could still hold afterwards.

What reached the disk is the synced state plus, per file, a random prefix of the writes after
the last sync, the next one possibly torn at a 512-byte sector. The shared-memory index (-shm)
does not survive (a reboot); SQLite rebuilds it from the WAL. kill -9 cannot test this (the page
cache survives a killed process); PLATFORM.md's figures came from the same kind of simulation.
"""
from __future__ import annotations

import os
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import apsw

SECTOR = 512


@dataclass
class _Undo:
    offset: int
    old: bytes                 # the bytes the write replaced (shorter when it grew the file)
    old_size: int
    length: int                # bytes written (0: a truncate)


@dataclass
class _FileLog:
    path: str
    unsynced: list[_Undo] = field(default_factory=list)

    def before(self, offset: int, length: int) -> None:
        size = os.path.getsize(self.path) if os.path.exists(self.path) else 0
        old = b""
        if offset < size:
            with open(self.path, "rb") as fh:
                fh.seek(offset)
                old = fh.read(min(length, size - offset))
        self.unsynced.append(_Undo(offset, old, size, length))

    def lose(self, rng: random.Random) -> None:
        """Undo a random suffix of the unsynced writes, newest first; the oldest lost one may
        be torn (its first sectors on disk, the rest not)."""
        kept = rng.randint(0, len(self.unsynced))
        lost = self.unsynced[kept:]
        torn = bool(lost) and rng.random() < 0.5
        with open(self.path, "r+b") as fh:
            for n, undo in enumerate(reversed(lost)):
                first = n == len(lost) - 1
                skip = 0
                if first and torn and undo.length > SECTOR:
                    skip = SECTOR * rng.randint(1, undo.length // SECTOR)
                if undo.old[skip:]:
                    fh.seek(undo.offset + skip)
                    fh.write(undo.old[skip:])
                fh.truncate(max(undo.old_size, undo.offset + skip) if skip else undo.old_size)
        self.unsynced = []


class CrashVFS(apsw.VFS):
    """`cut_after` VFS writes/syncs, every further one fails (the power is off)."""

    def __init__(self, name: str, cut_after: Optional[int] = None) -> None:
        self.vfs_name = name
        self.cut_after = cut_after
        self.ops = 0
        self.dead = False
        self.logs: dict[str, _FileLog] = {}
        super().__init__(name, "")

    def tick(self) -> None:
        if self.dead:
            raise apsw.IOError("the power is off")
        self.ops += 1
        if self.cut_after is not None and self.ops > self.cut_after:
            self.dead = True
            raise apsw.IOError("power cut")

    def log(self, path: Optional[str]) -> Optional[_FileLog]:
        if path is None:
            return None
        return self.logs.setdefault(path, _FileLog(path))

    def xOpen(self, name: Any, flags: list[int]) -> apsw.VFSFile:
        path = name.filename() if isinstance(name, apsw.URIFilename) else name
        return _CrashFile(self, path, name, flags)

    def xDelete(self, filename: str, syncdir: bool) -> None:
        self.tick()
        self.logs.pop(filename, None)
        super().xDelete(filename, syncdir)

    def power_cut(self, rng: random.Random) -> None:
        """What the disk holds after the cut; the -shm files are gone as after a reboot."""
        self.dead = True
        for log in self.logs.values():
            if os.path.exists(log.path):
                log.lose(rng)
        for log in list(self.logs.values()):
            if log.path.endswith("-shm") and os.path.exists(log.path):
                os.remove(log.path)


class _CrashFile(apsw.VFSFile):
    def __init__(self, vfs: CrashVFS, path: Optional[str], name: Any, flags: list[int]) -> None:
        self._vfs = vfs
        self._log = None if path is None or path.endswith("-shm") else vfs.log(path)
        super().__init__("", name, flags)

    def xWrite(self, data: bytes, offset: int) -> None:
        self._vfs.tick()
        if self._log is not None:
            self._log.before(offset, len(data))
        super().xWrite(data, offset)

    def xTruncate(self, newsize: int) -> None:
        self._vfs.tick()
        if self._log is not None:
            size = os.path.getsize(self._log.path)
            if newsize < size:
                self._log.before(newsize, size - newsize)
                self._log.unsynced[-1].length = 0
        super().xTruncate(newsize)

    def xSync(self, flags: int) -> None:
        self._vfs.tick()
        if self._log is not None:
            self._log.unsynced = []     # on the platter: the model's disk is the file itself


class DbApi:
    """The few DB-API calls app.offline.outbox makes, on an apsw connection."""

    def __init__(self, path: Path, vfs: str) -> None:
        self.conn = apsw.Connection(str(path), vfs=vfs)
        self.conn.setbusytimeout(10_000)

    def execute(self, sql: str, params: Any = ()) -> _Cursor:
        cur = self.conn.cursor()
        rows = list(cur.execute(sql, params))
        return _Cursor(rows, self.conn.changes(), self.conn.last_insert_rowid())

    def executemany(self, sql: str, seq: Any) -> None:
        for params in seq:
            self.execute(sql, params)

    def executescript(self, sql: str) -> None:
        self.conn.execute(sql)

    def close(self) -> None:
        self.conn.close()


class _Cursor:
    def __init__(self, rows: list[Any], rowcount: int, lastrowid: int) -> None:
        self._rows = rows
        self.rowcount = rowcount
        self.lastrowid = lastrowid

    def fetchone(self) -> Any:
        return self._rows[0] if self._rows else None

    def fetchall(self) -> list[Any]:
        return self._rows
