"""The medical record documents on paper (入院记录, 病程记录, 出院记录 ...): pages of primitives
from the documents as signed, with the signatures, the 上级医师审签 and the revision marks.

What a page shows of a revision (CLINICAL.md §5: every revision kept with editor and time, the
original visible, 留痕): the current text, a red change bar with the revision's number beside
every section changed after the first signature, "已修订（第N版）" by the document's title, and
under the signatures the 修订记录: each revision's number, time, editor and reason, with the
sections it added, changed (the earlier text struck through) or removed.

The 病程记录 family (首次病程, 日常病程, 查房, 交接班, 转科, 阶段小结, 抢救 ...) runs on from one
note to the next under one 病程记录 heading, as the paper record does; every other document
begins a page of its own. The form's words live in FORM_TEXT.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Optional, Sequence

from app.printing import flow
from app.printing.pdf_render import Publish, measure_mm, write_pdf
from app.printing.primitives import BLACK, RED, PageDrawing, Text

PROGRESS_FAMILY = frozenset({
    "first_progress", "progress", "senior_round", "handover_off", "handover_on", "transfer_out",
    "transfer_in", "stage_summary", "rescue", "procedure", "preop_summary", "preop_discussion",
    "postop_first", "consult", "death_discussion"})

FORM_TEXT = {
    "progress_title": "病程记录", "name": "姓名", "dept": "科别", "ward": "病区", "bed": "床号",
    "mrn": "住院号", "record_time": "记录时间：{at}", "late": "（补记）", "amended": "（已修订，第{n}版）",
    "signer": "医师签名：{name}　{at}", "cosigner": "上级医师审签：{name}　{at}",
    "cosign_pending": "上级医师审签：（待审签）", "revisions": "修订记录（留痕）",
    "revision": "第{n}版　{at}　{who}修订　原因：{reason}", "no_reason": "审签时修改",
    "added": "新增：{title}", "changed": "修改：{title}，原文：", "removed": "删除：{title}，原文：",
    "bar": "{n}",
}
BODY_PT = 10.5
SMALL_PT = 9.0


@dataclass(frozen=True)
class RecordHeader:
    """Who the pages are about: the patient header of every page."""

    hospital: str
    patient_name: str
    dept_name: str
    ward_name: str
    bed_no: str
    mrn: str

    def parts(self) -> tuple[str, ...]:
        t = FORM_TEXT
        return (f"{t['name']}：{self.patient_name}", f"{t['dept']}：{self.dept_name}",
                f"{t['ward']}：{self.ward_name}", f"{t['bed']}：{self.bed_no}",
                f"{t['mrn']}：{self.mrn}")

    def frame(self) -> flow.Frame:
        return flow.Frame(self.hospital, self.parts())


@dataclass(frozen=True)
class PrintedSection:
    title: str
    text: str
    revised_in: int = 1              # the latest revision that changed it (1: as first signed)


@dataclass(frozen=True)
class RevisionNote:
    """What one revision after the first changed."""

    rev_no: int
    editor: str
    edited_at: datetime
    reason: str
    added: tuple[str, ...] = ()
    changed: tuple[tuple[str, str], ...] = ()        # (section title, the text before)
    removed: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class PrintedDoc:
    doc_id: str
    doc_type: str
    title: str
    event_at: datetime
    rev_no: int
    late_entry: bool
    sections: tuple[PrintedSection, ...]
    signer: str
    signed_at: Optional[datetime]
    cosign_needed: bool = False
    cosigner: str = ""
    cosigned_at: Optional[datetime] = None
    revisions: tuple[RevisionNote, ...] = ()          # revision 2 onwards, oldest first


def stamp(value: Optional[datetime]) -> str:
    if value is None:
        return ""
    v = value.astimezone() if value.tzinfo is not None else value
    return v.strftime("%Y-%m-%d %H:%M")


def document_blocks(docs: Sequence[PrintedDoc], frame: flow.Frame) -> list[flow.Block]:
    blocks: list[flow.Block] = []
    in_progress = False
    for doc in docs:
        progress = doc.doc_type in PROGRESS_FAMILY
        if progress and in_progress:
            blocks.append(flow.spacer(4.0, title=FORM_TEXT["progress_title"]))
        else:
            title = FORM_TEXT["progress_title"] if progress else doc.title
            blocks.append(flow.spacer(1.0, title=title, page_break=True, keep_with_next=True))
        in_progress = progress
        blocks += _doc_blocks(doc, frame, FORM_TEXT["progress_title"] if progress else doc.title)
    return blocks


def _doc_blocks(doc: PrintedDoc, frame: flow.Frame, title: str) -> list[flow.Block]:
    t = FORM_TEXT
    x, width = frame.left_mm, frame.body_width
    out: list[flow.Block] = []
    heading = stamp(doc.event_at) + "　" + doc.title if doc.doc_type in PROGRESS_FAMILY \
        else t["record_time"].format(at=stamp(doc.event_at))
    marks = (t["late"] if doc.late_entry else "") + \
        (t["amended"].format(n=doc.rev_no) if doc.rev_no > 1 else "")
    items = [Text(x, BODY_PT * flow.PT_MM * 1.15, heading, BODY_PT + 0.5)]
    if marks:
        items.append(Text(x + measure_mm(heading, BODY_PT + 0.5) + 2, BODY_PT * flow.PT_MM * 1.15,
                               marks, BODY_PT, RED))
    out.append(flow.Block(flow.line_height(BODY_PT + 0.5) + 1.0, tuple(items), title=title,
                          keep_with_next=True))
    for s in doc.sections:
        if not s.text.strip():
            continue
        bar = (RED, t["bar"].format(n=s.revised_in)) if s.revised_in > 1 else None
        out += flow.paragraph(s.text.strip(), x, width, BODY_PT, lead=f"{s.title}：", title=title,
                              first_indent=0.0, keep_first=True, bar=bar)
    if out:
        out[-1] = replace(out[-1], keep_with_next=True)        # the last line goes with the signature
    out += _signatures(doc, x, width, title)
    if doc.revisions:
        out += _revision_blocks(doc, x, width, title)
    return out


def _signatures(doc: PrintedDoc, x: float, width: float, title: str) -> list[flow.Block]:
    t = FORM_TEXT
    sign_x = x + width * 0.48
    lines = []
    if doc.signer:
        lines.append((t["signer"].format(name=doc.signer, at=stamp(doc.signed_at)), BLACK))
    if doc.cosign_needed:
        if doc.cosigner:
            lines.append((t["cosigner"].format(name=doc.cosigner, at=stamp(doc.cosigned_at)), BLACK))
        else:
            lines.append((t["cosign_pending"], RED))
    out = [flow.spacer(1.5, title=title, keep_with_next=True)]
    for n, (text, color) in enumerate(lines):
        block = flow.paragraph(text, sign_x, x + width - sign_x, BODY_PT, color=color, title=title)
        if n < len(lines) - 1:
            block = [replace(b, keep_with_next=True) for b in block]
        out += block
    return out


def _revision_blocks(doc: PrintedDoc, x: float, width: float, title: str) -> list[flow.Block]:
    t = FORM_TEXT
    out = [flow.spacer(1.5, title=title, keep_with_next=True)]
    out += flow.paragraph(t["revisions"], x, width, SMALL_PT, color=RED, title=title, keep_first=True)
    inner = x + measure_mm("　　", SMALL_PT)
    for r in doc.revisions:
        out += flow.paragraph(t["revision"].format(n=r.rev_no, at=stamp(r.edited_at), who=r.editor,
                                                   reason=r.reason or t["no_reason"]),
                              x, width, SMALL_PT, title=title, keep_first=True)
        for name in r.added:
            out += flow.paragraph(t["added"].format(title=name), inner, width - (inner - x), SMALL_PT,
                                  title=title)
        for key, pairs in (("changed", r.changed), ("removed", r.removed)):
            for name, before in pairs:
                out += flow.paragraph(t[key].format(title=name), inner, width - (inner - x), SMALL_PT,
                                      title=title, keep_first=True)
                out += flow.paragraph(before, inner, width - (inner - x), SMALL_PT, color=flow.GREY,
                                      strike=True, title=title)
    return out


def draw_documents(docs: Sequence[PrintedDoc], header: RecordHeader) -> list[PageDrawing]:
    frame = header.frame()
    return flow.draw(document_blocks(docs, frame), frame)


def title_of(header: RecordHeader) -> str:
    return f"病历 {header.patient_name} {header.mrn}"


def write_documents(docs: Sequence[PrintedDoc], header: RecordHeader, out: Path,
                    before_publish: Publish = None) -> int:
    """The documents as one PDF (atomically, pdf_render's); returns the page count."""
    pages = draw_documents(docs, header)
    write_pdf(pages, out, title_of(header), before_publish)
    return len(pages)
