"""The local copy of what is being typed, in this PC's data directory (app/paths.py): written on
every autosave, before the server hears of it, so a lost connection, a crash or a kill -9 loses
at most one autosave interval. The server slot (doc_draft) carries it to other PCs; this file
brings it back on this one even when the server never got it.

One small JSON file per (user, document), replaced atomically (write + rename): a kill in the
middle leaves the previous copy, never half a file. No fsync: a killed process loses nothing
the kernel already has, and a save must not wait on the disk (the GUI thread writes it).
"""
from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Optional

from app.domain.documents import Section, sections_from_json, sections_to_json
from app.paths import data_dir


@dataclass(frozen=True)
class LocalDraft:
    doc_id: str
    base_rev_no: int
    saved_at: datetime
    sections: tuple[Section, ...]
    synced: bool                   # the server slot has this text too


def _dir(staff_id: str) -> Path:
    return data_dir() / "drafts" / "".join(c for c in staff_id if c.isalnum() or c == "-")


def path_for(staff_id: str, doc_id: str) -> Path:
    return _dir(staff_id) / ("".join(c for c in doc_id if c.isalnum() or c == "-") + ".json")


def write(staff_id: str, draft: LocalDraft) -> None:
    target = path_for(staff_id, draft.doc_id)
    target.parent.mkdir(parents=True, exist_ok=True)
    data: dict[str, Any] = {"doc_id": draft.doc_id, "base_rev_no": draft.base_rev_no,
                            "saved_at": draft.saved_at.isoformat(), "synced": draft.synced,
                            "sections": sections_to_json(draft.sections)}
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, target)


def read(staff_id: str, doc_id: str) -> Optional[LocalDraft]:
    try:
        data = json.loads(path_for(staff_id, doc_id).read_text(encoding="utf-8"))
        return LocalDraft(str(data["doc_id"]), int(data["base_rev_no"]),
                          datetime.fromisoformat(data["saved_at"]), sections_from_json(data["sections"]),
                          bool(data.get("synced")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def mark_synced(staff_id: str, doc_id: str, saved_at: datetime) -> None:
    """The server has the copy saved at `saved_at` (a later local copy stays unsynced)."""
    current = read(staff_id, doc_id)
    if current is not None and current.saved_at == saved_at and not current.synced:
        write(staff_id, LocalDraft(current.doc_id, current.base_rev_no, current.saved_at,
                                   current.sections, True))


def remove(staff_id: str, doc_id: str) -> None:
    with contextlib.suppress(OSError):
        path_for(staff_id, doc_id).unlink()


def pending(staff_id: str) -> list[LocalDraft]:
    """Copies the server never got (a crash or a lost link): offered again on reopen."""
    out = []
    folder = _dir(staff_id)
    if folder.is_dir():
        for f in sorted(folder.glob("*.json")):
            d = read(staff_id, f.stem)
            if d is not None and not d.synced:
                out.append(d)
    return out
