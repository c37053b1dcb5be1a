"""The downtime packet on paper (停机应急资料): a cover page listing the ward, the print time, where
the data came from and every patient with the pages that are theirs; then, patient after
patient in bed order, the orders in force (长期 and 临时, dose, route, frequency, infusion groups
marked ┌ │ └), the allergies, the last three days' vital signs, and the week's 体温单.

The 体温单 is the chart's own drawing (app/printing/tempchart_model.py, painted by
tempchart_pdf.draw_page): only the packet's footer is laid over it. Every other page carries the
patient's header (bed, name, sex, age, 住院号, department, allergies) and every page its number
and the line saying whether the data came from the server or from the offline copy (as of its
last refresh). The form's words are Chinese on every PC and live in WORDS.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Optional, Sequence, Union

from app.printing import tempchart_model as tm
from app.printing.packet_flow import (
    GREY,
    LEFT,
    PAGE_H,
    PAGE_W,
    RIGHT,
    Cell,
    Column,
    Flow,
    Measure,
    line_h,
)
from app.printing.pdf_render import Publish, draw_drawing, publish_pdf
from app.printing.primitives import BLACK, RED, Line, PageDrawing, Primitive, Text
from app.printing.sheet_layout import wrap
from app.printing.tempchart_words import CODES

WORDS = {
    "title": "停机应急资料", "printed": "打印时间：{at}（本机时钟）",
    "from_server": "数据来源：服务器（打印时的数据）",
    "from_replica": "数据来源：本机离线副本，数据截至 {as_of}（副本最后一次刷新）；此后的变化未包含",
    "from_replica_never": "数据来源：本机离线副本（刷新时间未知）；请核对",
    "footer_server": "打印 {at} · 服务器数据",
    "footer_replica": "打印 {at} · 离线副本数据，截至 {as_of}",
    "page": "第 {n} / {total} 页",
    "patients": "本病区在院患者 {n} 人（按床号）；每人：在用医嘱、过敏、近 3 天生命体征、本周体温单",
    "bed": "床号", "name": "姓名", "sex": "性别", "age": "年龄", "mrn": "住院号", "diagnosis": "诊断",
    "allergy": "过敏", "care": "护理/病情", "pages": "页码",
    "header_rest": "{sex}  {age}  住院号 {mrn}  {dept}  入院 {admitted}（第 {days} 天）",
    "header_care": "诊断：{diagnosis}", "attending": "主治：{name}", "diet": "饮食：{diet}",
    "allergies": "过敏：{list}", "no_allergy": "过敏：未记录过敏史",
    "long": "长期医嘱（在用 {n} 条）", "temp": "临时医嘱（未执行完 {n} 条）", "none": "无",
    "vitals": "近 3 天生命体征（{since} 至 {until}）", "no_vitals": "近 3 天无生命体征记录",
    "vitals_note": "出入量、大便、体重见本周体温单。",
    "continued": "（续）",
    "start": "开始", "content": "医嘱内容", "dose": "剂量", "route": "用法", "freq": "频次",
    "rate": "滴速", "status": "状态",
    "time": "时间", "temp_c": "体温℃", "pulse": "脉搏", "hr": "心率", "resp": "呼吸",
    "bp": "血压", "spo2": "血氧%", "pain": "疼痛", "by": "记录人", "cooled": "降温后 {v}",
    "high_alert": "高警示", "stop_at": "待停 {at}",
}
SEX = {"M": "男", "F": "女"}
GRADES = {0: "特级护理", 1: "一级护理", 2: "二级护理", 3: "三级护理"}
ACUITY = {"critical": "病危", "serious": "病重"}
SEVERITY = {"mild": "轻度", "moderate": "中度", "severe": "重度"}
STATUS = {"submitted": "待核对", "pending_approval": "待审批", "verified": "已核对", "active": "在用",
          "stop_pending": "待停止"}
TEMP_STATUS = {"submitted": "待核对", "pending_approval": "待审批", "verified": "待执行",
               "active": "执行中"}
USE_KINDS = {"prn": "prn", "sos": "sos", "discharge": "出院带药"}
ORDER_COLUMNS = (("start", 21.0), ("content", 76.0), ("dose", 16.0), ("route", 19.0), ("freq", 13.0),
                 ("rate", 17.0), ("status", 24.0))
VITAL_COLUMNS = (("time", 22.0), ("temp_c", 30.0), ("pulse", 14.0), ("hr", 14.0), ("resp", 14.0),
                 ("bp", 22.0), ("spo2", 14.0), ("pain", 12.0), ("by", 44.0))
COVER_COLUMNS = (("bed", 11.0), ("name", 18.0), ("sex", 9.0), ("age", 10.0), ("mrn", 20.0),
                 ("diagnosis", 41.0), ("allergy", 40.0), ("care", 23.0), ("pages", 14.0))
FOOTER_Y = 289.0


@dataclass(frozen=True)
class ChartSheet:
    """The week's 体温单 (the chart's own page) with the packet's footer laid over it."""

    chart: tm.Page
    overlay: PageDrawing


Page = Union[PageDrawing, ChartSheet]


class _Clock:
    def __init__(self, offset_minutes: int) -> None:
        self.zone = timezone(timedelta(minutes=offset_minutes))

    def full(self, at: Optional[datetime]) -> str:
        return "" if at is None else f"{at.astimezone(self.zone):%Y-%m-%d %H:%M}"

    def short(self, at: Optional[datetime]) -> str:
        return "" if at is None else f"{at.astimezone(self.zone):%m-%d %H:%M}"

    def day(self, at: datetime) -> str:
        return f"{at.astimezone(self.zone):%Y-%m-%d}"


def allergy_text(allergies: Sequence[Any]) -> str:
    parts = []
    for a in allergies:
        detail = "，".join(x for x in (a.reaction, SEVERITY.get(a.severity, a.severity)) if x)
        parts.append(f"{a.substance}（{detail}）" if detail else a.substance)
    return "；".join(parts)


def layout_packet(packet: Any, measure: Measure,
                  progress: Optional[Callable[[int, int, str], None]] = None) -> list[Page]:
    """Every page of the packet, numbered: the cover, then each patient's pages and chart;
    `progress(k, n, label)` after each patient's pages."""
    clock = _Clock(packet.zone_offset_minutes)
    blocks: list[list[Page]] = []
    for k, p in enumerate(packet.patients, start=1):
        blocks.append(_patient_pages(p, clock, measure))
        if progress is not None:
            progress(k, len(packet.patients), f"bed {p.header.bed_no or '-'} {p.header.mrn}")
    cover_rows = _cover_rows(packet, [0] * len(blocks), [0] * len(blocks))
    cover = _cover(packet, clock, measure, cover_rows)
    first = len(cover) + 1
    starts, ends = [], []
    for block in blocks:
        starts.append(first)
        ends.append(first + len(block) - 1)
        first += len(block)
    cover = _cover(packet, clock, measure, _cover_rows(packet, starts, ends))
    pages: list[list[Primitive]] = cover
    out: list[Page] = []
    total = len(cover) + sum(len(b) for b in blocks)
    footer = _footer_text(packet, clock)
    for n, items in enumerate(pages, start=1):
        out.append(_finish(items, n, total, footer, "", measure))
    n = len(cover)
    for p, block in zip(packet.patients, blocks):
        who = f"{p.header.bed_no or '-'}床 {p.header.name}"
        for page in block:
            n += 1
            if isinstance(page, ChartSheet):
                out.append(ChartSheet(page.chart, _finish(list(page.overlay.items), n, total, footer, who,
                                                          measure)))
            else:
                out.append(_finish(list(page.items), n, total, footer, who, measure))
    return out


def _footer_text(packet: Any, clock: _Clock) -> str:
    if packet.source == "replica":
        return WORDS["footer_replica"].format(at=clock.full(packet.printed_at),
                                              as_of=clock.full(packet.as_of) or "?")
    return WORDS["footer_server"].format(at=clock.full(packet.printed_at))


def _finish(items: list[Primitive], n: int, total: int, footer: str, who: str,
            measure: Measure) -> PageDrawing:
    items = list(items)
    items.append(Line(LEFT, FOOTER_Y - 4, RIGHT, FOOTER_Y - 4, 0.4, GREY))
    color = RED if "离线" in footer else GREY
    items.append(Text(LEFT, FOOTER_Y, footer, 7.5, color))
    right = (f"{who}    " if who else "") + WORDS["page"].format(n=n, total=total)
    items.append(Text(RIGHT - measure(right, 8.0), FOOTER_Y, right, 8.0, BLACK))
    return PageDrawing(n, PAGE_W, PAGE_H, tuple(items))


# --- the cover -----------------------------------------------------------------------------------

def _cover_rows(packet: Any, starts: list[int], ends: list[int]) -> list[list[Cell]]:
    rows = []
    for p, a, b in zip(packet.patients, starts, ends):
        h = p.header
        care = "/".join(x for x in (GRADES.get(h.nursing_grade, ""), ACUITY.get(h.acuity, "")) if x)
        pages = "" if not a else (f"{a}–{b}" if b > a else str(a))
        rows.append([Cell(h.bed_no or "-"), Cell(h.name), Cell(SEX.get(h.sex, h.sex)),
                     Cell("" if h.age_years is None else f"{h.age_years}岁"), Cell(h.mrn),
                     Cell(h.diagnosis), Cell(allergy_text(p.allergies), RED),
                     Cell(care, RED if h.acuity in ACUITY else BLACK), Cell(pages)])
    return rows


def _cover(packet: Any, clock: _Clock, measure: Measure, rows: list[list[Cell]]) -> list[list[Primitive]]:
    def header(items: list[Primitive]) -> float:
        items.append(Text(0, 20, WORDS["title"], 18.0, BLACK, center_w=PAGE_W))
        where = "  ".join(x for x in (packet.hospital, f"{packet.ward_name}（{packet.ward_code}）",
                                       packet.dept_name) if x)
        items.append(Text(0, 28, where, 11.0, BLACK, center_w=PAGE_W))
        return 34.0

    flow = Flow(measure, header)
    flow.text(LEFT, WORDS["printed"].format(at=clock.full(packet.printed_at)), 9.5)
    if packet.source == "replica":
        source = WORDS["from_replica"].format(as_of=clock.full(packet.as_of)) if packet.as_of \
            else WORDS["from_replica_never"]
        flow.text(LEFT, source, 9.5, RED)
    else:
        flow.text(LEFT, WORDS["from_server"], 9.5)
    flow.text(LEFT, WORDS["patients"].format(n=len(packet.patients)), 9.5, gap=3.0)
    columns = [Column(k, WORDS[k], w) for k, w in COVER_COLUMNS]
    flow.table(columns, rows, 8.0)
    return flow.pages


# --- a patient -----------------------------------------------------------------------------------

def _patient_header(p: Any, clock: _Clock, measure: Measure) -> Callable[[list[Primitive]], float]:
    h = p.header
    rest = WORDS["header_rest"].format(sex=SEX.get(h.sex, h.sex),
                                       age="" if h.age_years is None else f"{h.age_years}岁",
                                       mrn=h.mrn, dept=h.dept_name, admitted=clock.day(h.admitted_at),
                                       days=h.days_in_hospital)
    care = "    ".join(x for x in (
        WORDS["header_care"].format(diagnosis="、".join(h.diagnoses[:2]) or "-"),
        WORDS["attending"].format(name=h.attending_name) if h.attending_name else "",
        GRADES.get(h.nursing_grade, ""), WORDS["diet"].format(diet=p.diet) if p.diet else "") if x)
    acuity = ACUITY.get(h.acuity, "")
    allergies = WORDS["allergies"].format(list=allergy_text(p.allergies)) if p.allergies \
        else WORDS["no_allergy"]

    def header(items: list[Primitive]) -> float:
        name = f"{h.bed_no or '-'}床  {h.name}"
        items.append(Text(LEFT, 14, name, 14.0))
        x = LEFT + measure(name, 14.0) + 5
        items.append(Text(x, 14, rest, 9.0))
        if acuity:                               # 病危 / 病重 in red beside the patient
            items.append(Text(x + measure(rest, 9.0) + 4, 14, acuity, 10.0, RED))
        items.append(Text(RIGHT - measure(WORDS["title"], 8.0), 7.5, WORDS["title"], 8.0, GREY))
        y = 16.5
        flow_items: list[Primitive] = []
        for size, text, color in ((8.5, care, BLACK), (9.5, allergies, RED if p.allergies else BLACK)):
            for row in wrap(text, RIGHT - LEFT, _measure_at(measure, size)):
                y += line_h(size)
                flow_items.append(Text(LEFT, y - line_h(size) * 0.25, row, size, color))
        items.extend(flow_items)
        y += 1.5
        items.append(Line(LEFT, y, RIGHT, y, 0.9))
        return y + 1.5

    return header


def _measure_at(measure: Measure, size: float) -> Callable[[str], float]:
    return lambda text: measure(text, size)


def _patient_pages(p: Any, clock: _Clock, measure: Measure) -> list[Page]:
    flow = Flow(measure, _patient_header(p, clock, measure))
    order_columns = [Column(k, WORDS[k], w) for k, w in ORDER_COLUMNS]
    for term in ("long", "temp"):
        orders = p.of_term(term)
        flow.heading(WORDS[term].format(n=len(orders)))
        if not orders:
            flow.text(LEFT + 2, WORDS["none"], 8.5, GREY)
            continue
        flow.table(order_columns, [_order_cells(o, clock) for o in orders], 8.0,
                   title=WORDS[term].format(n=len(orders)), title_more=WORDS["continued"])
    _vitals(flow, p, clock)
    pages: list[Page] = [PageDrawing(0, PAGE_W, PAGE_H, tuple(items)) for items in flow.pages]
    overlay = PageDrawing(0, PAGE_W, PAGE_H, tuple(_chart_overlay(p, measure)))
    pages.append(ChartSheet(tm.build_page(p.week), overlay))
    return pages


def _chart_overlay(p: Any, measure: Measure) -> list[Primitive]:
    """What the packet adds to the chart's own page: its tag, and the allergies under the chart
    (the chart's header has the patient but not what they must not be given)."""
    items: list[Primitive] = [Text(RIGHT - measure(WORDS["title"], 8.0), 7.5, WORDS["title"], 8.0, GREY)]
    text = WORDS["allergies"].format(list=allergy_text(p.allergies)) if p.allergies else WORDS["no_allergy"]
    y = tm.TABLE_BOTTOM + 10
    for row in wrap(text, RIGHT - LEFT, _measure_at(measure, 9.5)):
        y += line_h(9.5)
        items.append(Text(LEFT, y - line_h(9.5) * 0.25, row, 9.5, RED if p.allergies else BLACK))
    return items


def _order_cells(o: Any, clock: _Clock) -> list[Cell]:
    content = f"{o.mark}{o.content}" if o.mark else o.content
    if o.use_kind in USE_KINDS:
        content = f"{content} {USE_KINDS[o.use_kind]}"
    if o.instruction:
        content = f"{content}（{o.instruction}）"
    first = o.mark in ("", "┌")                 # a group's route, frequency and rate: once, on top
    status = (TEMP_STATUS if o.term == "temp" else STATUS).get(o.status, o.status)
    if o.stop_at is not None:
        status = WORDS["stop_at"].format(at=clock.short(o.stop_at))
    if o.high_alert:
        status = f"{status} {WORDS['high_alert']}"
    return [Cell(clock.short(o.start_at)), Cell(content), Cell(o.dose),
            Cell(o.route if first else ""), Cell(o.freq if first else ""), Cell(o.rate if first else ""),
            Cell(status, RED if o.high_alert or o.stop_at is not None else BLACK)]


def _vitals(flow: Flow, p: Any, clock: _Clock) -> None:
    obs = [o for o in p.vitals if o.item != "event"]
    rows = _vital_rows(obs, clock)
    if not rows:
        flow.heading(WORDS["no_vitals"], keep=4.0)
        return
    since, until = min(o.measured_at for o in obs), max(o.measured_at for o in obs)
    title = WORDS["vitals"].format(since=clock.short(since), until=clock.short(until))
    flow.heading(title)
    flow.table([Column(k, WORDS[k], w) for k, w in VITAL_COLUMNS], rows, 8.0, title=title,
               title_more=WORDS["continued"])
    flow.text(LEFT, WORDS["vitals_note"], 7.5, GREY)


def _value(o: Any) -> Cell:
    if o.value is None:
        return Cell(CODES.get(o.code or "", o.code or ""), RED)
    v = o.value.normalize()
    text = f"{o.value:.1f}" if o.item == "temp" else format(v, "f")      # 37.0, not 37
    flag = o.flag
    if flag == "high":
        return Cell(text + "↑", RED)
    if flag == "low":
        return Cell(text + "↓", RED)
    return Cell(text)


def _vital_rows(obs: list[Any], clock: _Clock) -> list[list[Cell]]:
    """One row a chart slot, the slot's latest value of each item."""
    slots: dict[datetime, dict[str, Any]] = {}
    by: dict[datetime, list[str]] = {}
    for o in sorted(obs, key=lambda o: (o.slot_at, o.measured_at, o.created_at)):
        key = "cooled" if o.item == "temp" and o.method == "cooled" else o.item
        slots.setdefault(o.slot_at, {})[key] = o
        names = by.setdefault(o.slot_at, [])
        if o.recorder_name and o.recorder_name not in names:
            names.append(o.recorder_name)
    rows = []
    measured = ("temp", "pulse", "hr", "resp", "sbp", "dbp", "spo2", "pain", "cooled")
    for slot in sorted(slots):
        v = slots[slot]
        if not any(k in v for k in measured):
            continue
        temp = _value(v["temp"]) if "temp" in v else Cell("")
        if "cooled" in v:
            cooled = _value(v["cooled"])
            temp = Cell(" ".join(x for x in (temp.text, WORDS["cooled"].format(v=cooled.text)) if x),
                        RED)
        bp = ""
        if "sbp" in v or "dbp" in v:
            s = _value(v["sbp"]).text if "sbp" in v else ""
            d = _value(v["dbp"]).text if "dbp" in v else ""
            bp = f"{s}/{d}"
        bp_red = any(_value(v[k]).color == RED for k in ("sbp", "dbp") if k in v)
        cells = [Cell(clock.short(slot)), temp]
        for item in ("pulse", "hr", "resp"):
            cells.append(_value(v[item]) if item in v else Cell(""))
        cells.append(Cell(bp, RED if bp_red else BLACK))
        for item in ("spo2", "pain"):
            cells.append(_value(v[item]) if item in v else Cell(""))
        cells.append(Cell("、".join(by.get(slot, [])), GREY))
        rows.append(cells)
    return rows


# --- the PDF -------------------------------------------------------------------------------------

def draw(canvas: Any, page: Page, font: str) -> None:
    from app.printing.tempchart_pdf import draw_page

    if isinstance(page, ChartSheet):
        draw_page(canvas, page.chart, font)
        draw_drawing(canvas, page.overlay, font)
    else:
        draw_drawing(canvas, page, font)


def write_packet_pdf(pages: Sequence[Page], out: Path, title: str, before_publish: Publish = None,
                     progress: Optional[Callable[[int, int, str], None]] = None) -> None:
    """The packet's pages into `out`, atomically (pdf_render.publish_pdf: no partial file);
    `progress(k, n, "PDF")` as each patient's last page (the 体温单) is drawn."""
    patients = sum(1 for p in pages if isinstance(p, ChartSheet))
    done = [0]

    def draw_told(canvas: Any, page: Page, font: str) -> None:
        draw(canvas, page, font)
        if isinstance(page, ChartSheet) and progress is not None:
            done[0] += 1
            progress(done[0], patients, "PDF")

    publish_pdf(pages, out, title, lambda _page: (PAGE_W, PAGE_H), draw_told, before_publish)
