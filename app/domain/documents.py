"""Medical-record documents (CLINICAL.md §5): document types, their sections and national
deadlines, read from resources/emr/templates.json (knowledge as data, with its source).

A document body is a tuple of `Section` values; a template is the same list with empty texts.
Nothing here touches a database: the services store and check what this module describes.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

TEMPLATES_FILE = Path(__file__).resolve().parents[2] / "resources" / "emr" / "templates.json"

# Document states (STYLE.md rule 9): a draft may change; signed, cosigned and amended are frozen
# revisions; a later change is a new revision (amended), never an edit of the signed one.
DRAFT = "draft"
SIGNED = "signed"
COSIGNED = "cosigned"
AMENDED = "amended"
FROZEN = (SIGNED, COSIGNED, AMENDED)

# What the chart can pull into a section (one key in the editor).
PULL_KINDS = ("demographics", "vitals", "labs", "allergies", "orders", "diagnoses")

# Events that start a deadline, as the encounter shows them.
EVENTS = ("admission", "readmission", "short_stay", "short_stay_death", "progress", "handover",
          "transfer_out", "transfer_in", "rescue", "procedure", "surgery", "consult",
          "discharge", "death")

# A record may be written a little ahead of the server's clock (PC clocks drift).
CLOCK_SLACK = timedelta(minutes=5)


@dataclass(frozen=True)
class Section:
    """One structured section of a document: 主诉, 现病史 ... with the text typed into it."""

    id: str
    title: str
    text: str = ""
    required: bool = False
    pull: Optional[str] = None             # one of PULL_KINDS, or None


@dataclass(frozen=True)
class Deadline:
    event: str                             # one of EVENTS
    hours: Optional[int] = None            # after the event (0: before it / at once)
    hours_by_acuity: dict[str, int] = field(default_factory=dict)   # 日常病程
    repeat_hours: Optional[int] = None     # 阶段小结: every month
    late_entry: bool = False               # 抢救记录 written afterwards: marked 补记

    def after(self, acuity: str = "stable") -> timedelta:
        if self.hours_by_acuity:
            return timedelta(hours=self.hours_by_acuity.get(acuity, self.hours_by_acuity["stable"]))
        return timedelta(hours=self.hours or 0)


@dataclass(frozen=True)
class DocType:
    code: str
    name: str
    deadline: Deadline
    sections: tuple[Section, ...]


@lru_cache(maxsize=1)
def doc_types() -> dict[str, DocType]:
    """Every hospital document type of §5, in the order the picker lists them."""
    data = json.loads(TEMPLATES_FILE.read_text(encoding="utf-8"))
    out: dict[str, DocType] = {}
    for item in data["doc_types"]:
        d = item["deadline"]
        deadline = Deadline(event=d["event"], hours=d.get("hours"),
                            hours_by_acuity=dict(d.get("hours_by_acuity", {})),
                            repeat_hours=d.get("repeat_hours"), late_entry=bool(d.get("late_entry")))
        sections = tuple(Section(id=s["id"], title=s["title"], required=bool(s.get("required")),
                                 pull=s.get("pull")) for s in item["sections"])
        out[item["code"]] = DocType(item["code"], item["name"], deadline, sections)
    return out


def sections_to_json(sections: tuple[Section, ...]) -> list[dict[str, Any]]:
    return [{"id": s.id, "title": s.title, "text": s.text, "required": s.required,
             **({"pull": s.pull} if s.pull else {})} for s in sections]


def sections_from_json(data: Any) -> tuple[Section, ...]:
    """A stored body (a list of sections, or {"sections": [...]}) as Section values; bodies
    written before templates had ids get the title as their id."""
    items = data.get("sections", []) if isinstance(data, dict) else (data or [])
    out = []
    for s in items:
        title = str(s.get("title", ""))
        out.append(Section(id=str(s.get("id") or title), title=title, text=str(s.get("text", "")),
                           required=bool(s.get("required")), pull=s.get("pull")))
    return tuple(out)


def missing_required(sections: tuple[Section, ...]) -> list[str]:
    """Ids of required sections left empty: signing refuses them (at the field)."""
    return [s.id for s in sections if s.required and not s.text.strip()]


def event_time_problem(event_at: datetime, admitted_at: datetime, now: datetime) -> Optional[str]:
    """A message id when the record's time is impossible: in the future or before admission."""
    if event_at > now + CLOCK_SLACK:
        return "doc.event_in_future"
    if event_at < admitted_at - CLOCK_SLACK:
        return "doc.event_before_admission"
    return None


def as_text(sections: tuple[Section, ...]) -> str:
    """The document as plain text, one heading per section (the diff and copy read this)."""
    return "\n".join(f"【{s.title}】\n{s.text}".rstrip() for s in sections)
