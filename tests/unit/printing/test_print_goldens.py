"""Every print's page as the eye sees it: drawn from fixed data (no clock, no random id, no
database), rendered by pdftoppm and compared with its golden image (golden.py): the 体温单 week,
a 瓶签, the 执行单, a co-signed and revised 病程记录, the 危重护理记录单, both handover reports
and the downtime packet's cover. The 医嘱单's are in test_sheet_pdf.py."""
from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.domain.execution import label_code
from app.domain.ward import PatientHeader
from app.printing import handover_pdf, nursing_pdf, record_pdf
from app.printing import tempchart_model as tm
from app.printing.downtime_packet import layout_packet, write_packet_pdf
from app.printing.exec_sheet import ExecSheetHeader, SheetRow, SheetSection, write_exec_sheets
from app.printing.handover_pdf import DoctorEntry, DoctorReport, NurseReport
from app.printing.labels import LabelData, write_labels
from app.printing.nursing_pdf import NursingRow
from app.printing.pdf_render import measure_mm
from app.printing.record_pdf import PrintedDoc, PrintedSection, RecordHeader, RevisionNote
from app.printing.tempchart_pdf import write_chart_pdf
from app.services.downtime import DowntimePacket, PacketAllergy, PacketOrder, PacketPatient
from tests.unit.printing.chart_week import ZONE, febrile_week
from tests.unit.printing.golden import assert_matches_golden

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
HOSPITAL = "演示医院"
WARD = "内科一病区"
PLAN_ID = "3f1c2a9e-7b4d-4e8a-9c61-0d5e2b7a8f14"
RECORD_HEADER = RecordHeader(HOSPITAL, "郑国庆", "心内科", WARD, "8", "24310043")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute)              # naive: printed as given


def test_the_temperature_chart_week(tmp_path: Path) -> None:
    out = tmp_path / "chart.pdf"
    write_chart_pdf([tm.build_page(febrile_week(), ZONE)], out, "体温单 郑国庆")
    assert_matches_golden(out, "tempchart-week")


def label() -> LabelData:
    return LabelData(label_code(PLAN_ID), "8", "郑国庆", "24310043", WARD,
                     (("┌0.9%氯化钠注射液 100ml", "100ml"), ("└注射用头孢曲松钠 2g", "2g")),
                     "静脉滴注", "qd", "08:00", date(2026, 12, 2), "40 gtt/min")


def test_an_infusion_label(tmp_path: Path) -> None:
    out = tmp_path / "label.pdf"
    assert write_labels([label()], (80, 50), out) == 1
    assert_matches_golden(out, "label-80x50")


def exec_sections() -> list[SheetSection]:
    infusion = (
        SheetRow("5", "李桂兰", "24310040", (("0.9%氯化钠注射液 250ml", "250ml"),), "静脉滴注", "qd", "08:00",
                 "60 gtt/min", "08:12", "刘芳"),
        SheetRow("8", "郑国庆", "24310043",
                 (("┌0.9%氯化钠注射液 100ml", "100ml"), ("└注射用头孢曲松钠 2g", "2g")),
                 "静脉滴注", "qd", "08:00", "40 gtt/min"),
        SheetRow("12", "欧阳春华", "24310047",
                 (("┌5%葡萄糖注射液 500ml 加入10%氯化钾注射液 10ml，缓慢静脉滴注，注意观察穿刺部位", "500ml"),
                  ("│胰岛素注射液 4U", "4U"), ("└注射用水溶性维生素 1支", "1支")),
                 "静脉滴注", "bid", "14:00", "30 gtt/min"),
    )
    oral = (SheetRow("5", "李桂兰", "24310040", (("阿司匹林肠溶片 100mg", "100mg"),), "口服", "qd", "08:00"),
            SheetRow("8", "郑国庆", "24310043", (("地高辛片 0.125mg", "0.125mg"),), "口服", "qd", "08:00"))
    return [SheetSection("infusion", infusion), SheetSection("oral", oral)]


def test_the_execution_sheet(tmp_path: Path) -> None:
    out = tmp_path / "exec.pdf"
    assert write_exec_sheets(ExecSheetHeader(HOSPITAL, WARD, date(2026, 12, 2)), exec_sections(), out) == 2
    assert_matches_golden(out, "exec-infusion")
    assert_matches_golden(out, "exec-oral", page=2)


def cosigned_note() -> PrintedDoc:
    return PrintedDoc(
        "doc-1", "progress", "日常病程记录", at(2, 9, 30), 2, False,
        (PrintedSection("病情记录", "患者诉胸闷较前减轻，夜间可平卧，双下肢水肿减轻。查体：BP 126/78mmHg，"
                                    "双肺底少许湿啰音，心率78次/分，律齐。"),
         PrintedSection("诊疗计划", "继续利尿、扩血管治疗，记24小时出入量，复查电解质。", revised_in=2),
         PrintedSection("上级医师意见", "上级医师查房：同意目前诊断，加用利尿剂。", revised_in=2)),
        "陈晓", at(2, 9, 45), cosign_needed=True, cosigner="李明", cosigned_at=at(2, 10, 45),
        revisions=(RevisionNote(2, "李明", at(2, 10, 45), "补充上级医师查房意见", added=("上级医师意见",),
                                changed=(("诊疗计划", "继续利尿治疗。"),)),))


def test_a_cosigned_revised_progress_note(tmp_path: Path) -> None:
    out = tmp_path / "note.pdf"
    assert record_pdf.write_documents([cosigned_note()], RECORD_HEADER, out) == 1
    assert_matches_golden(out, "record-cosigned")


def nursing_rows() -> list[NursingRow]:
    vitals = {"temp": "37.8", "pulse": "96", "resp": "20", "sbp": "102", "dbp": "64", "spo2": "95"}
    return [
        NursingRow(at(2, 7), {"vitals": {**vitals, "pulse": "140"}, "consciousness": "alert",
                              "note": "禁食，持续心电监护，留置胃管引流通畅"}, "刘芳", "corrected",
                   struck_reason="脉搏录入错误", struck_by="刘芳", struck_at=at(2, 9, 5)),
        NursingRow(at(2, 7), {"vitals": {**vitals, "pulse": "104"}, "consciousness": "alert",
                              "note": "更正后：禁食，持续心电监护"}, "刘芳", "current",
                   correction_reason="脉搏录入错误"),
        NursingRow(at(2, 8), {"vitals": vitals, "note": "患者安静"}, "刘芳", "voided",
                   struck_reason="记录在错误的患者", struck_by="刘芳", struck_at=at(2, 9, 6)),
        NursingRow(at(2, 9), {"vitals": vitals, "consciousness": "drowsy", "pupil_left": "3.0",
                              "pupil_right": "3", "light_left": "brisk", "light_right": "sluggish",
                              "intake": [{"kind": "iv", "ml": 500}],
                              "output": [{"kind": "urine", "ml": 300}, {"kind": "gastric", "ml": 50}],
                              "note": "胃管引流出咖啡色液体约50ml，已报告医生，遵医嘱予奥美拉唑静脉滴注"},
                   "赵丽", "current"),
    ]


def test_the_critical_nursing_record(tmp_path: Path) -> None:
    out = tmp_path / "nursing.pdf"
    assert nursing_pdf.write_record({"critical": nursing_rows()}, RECORD_HEADER, out) == 1
    assert_matches_golden(out, "nursing-critical")


def nurse_report() -> NurseReport:
    counts = {"original": 30, "admitted": 2, "discharged": 1, "transfer_in": 1, "transfer_out": 0, "died": 0,
              "critical": 1, "serious": 2, "surgery": 1, "delivery": 0, "current": 32}
    entries = (
        {"group": "arriving", "bed_no": "11", "patient_name": "王建华", "diagnosis": "慢性心力衰竭急性加重",
         "events": "今日10:20入院，端坐呼吸", "vitals": "BP 148/92mmHg，P 104次/分",
         "pending": "记24小时出入量"},
        {"group": "acute", "bed_no": "12", "patient_name": "郑国庆", "diagnosis": "上消化道出血",
         "events": "病危，禁食，胃肠减压", "pending": "复查血常规"},
        {"group": "surgery", "bed_no": "20", "patient_name": "欧阳春华", "diagnosis": "胆囊结石",
         "events": "腹腔镜胆囊切除术后第1天，切口敷料干燥"},
    )
    return NurseReport(HOSPITAL, WARD, date(2026, 12, 2), "day", ("day", "evening", "night"),
                       at(2, 8), at(2, 16), "received", counts, "", entries,
                       "赵丽", at(2, 16, 5), "刘芳", at(2, 16, 20))


def test_the_nurses_handover_report(tmp_path: Path) -> None:
    out = tmp_path / "nurses.pdf"
    assert handover_pdf.write_report(nurse_report(), out) == 1
    assert_matches_golden(out, "handover-nurses")


def doctor_report() -> DoctorReport:
    return DoctorReport(HOSPITAL, WARD, at(2, 17, 30), "张伟", "李明", at(2, 17, 45), (
        DoctorEntry("12", "郑国庆", "24310043", "上消化道出血", "critical",
                    "上消化道出血，今日解柏油样便一次", "复查血常规", "再次呕血则立即通知值班医师并备血"),
        DoctorEntry("11", "王建华", "24310046", "慢性心力衰竭急性加重", "watcher", "慢性心衰急性加重，利尿中",
                    "记24小时出入量", "", takes_over=True),
        DoctorEntry("5", "李桂兰", "24310040", "2型糖尿病", "stable", "血糖控制平稳", "", "")))


def test_the_doctors_handover_report(tmp_path: Path) -> None:
    out = tmp_path / "doctors.pdf"
    assert handover_pdf.write_report(doctor_report(), out) == 1
    assert_matches_golden(out, "handover-doctors")


def packet() -> DowntimePacket:
    zone = timezone(timedelta(hours=8))
    week = febrile_week()

    def patient(bed: str, name: str, sex: str, age: int, mrn: str, diagnosis: str, grade: int, acuity: str,
                allergies: tuple[PacketAllergy, ...]) -> PacketPatient:
        header = PatientHeader(f"p{bed}", f"e{bed}", name, sex, age, mrn, bed, WARD, "心内科",
                               datetime(2026, 11, 28, 10, 20, tzinfo=zone), 5, diagnosis,
                               tuple(a.substance for a in allergies), "李明", "张伟", grade, acuity,
                               (diagnosis,))
        order = PacketOrder("long", datetime(2026, 11, 28, 11, tzinfo=zone), "", "二级护理", "", "", "", "",
                            "active", "regular", False, None, "")
        return PacketPatient(header, "低盐低脂饮食", allergies, (order,), (), week)

    patients = (
        patient("5", "李桂兰", "F", 72, "24310040", "2型糖尿病", 2, "", ()),
        patient("8", "郑国庆", "M", 58, "24310043", "冠状动脉粥样硬化性心脏病", 1, "serious",
                (PacketAllergy("青霉素", "皮疹", "moderate"),)),
        patient("12", "欧阳春华", "F", 45, "24310047", "上消化道出血", 0, "critical",
                (PacketAllergy("磺胺类", "", "severe"), PacketAllergy("海鲜", "荨麻疹", ""))),
    )
    return DowntimePacket("NK01", WARD, "心内科", HOSPITAL, datetime(2026, 12, 2, 6, 30, tzinfo=zone),
                          "server", None, 480, patients)


def test_the_downtime_packet_cover(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    write_packet_pdf(layout_packet(packet(), measure_mm), out, "停机应急资料")
    assert_matches_golden(out, "downtime-cover")

