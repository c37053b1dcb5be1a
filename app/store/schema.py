"""The portable schema (SQLAlchemy Core), one metadata for every engine.

Rules (PLATFORM.md): UUID string keys made by the client; lowercase identifiers of at most 30
characters that no engine reserves; deterministic constraint names; UTC time as naive
TIMESTAMP; JSON as text; no filtering or indexing on text (CLOB) columns; an integer `version`
on every mutable clinical row, updated with `WHERE id = ? AND version = ?`.

Clinical facts (vital signs, executions, nursing notes) are appended and voided, never updated in
place; signed documents change only through a new revision (STYLE.md rule 9).
"""
from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    SmallInteger,
    String,
    Table,
    Unicode,
    UniqueConstraint,
    case,
)
from sqlalchemy.sql.elements import Grouping

# Every table is importable from here (`from app.store.schema import audit_rec`).
from app.store.schema_audit import app_setting as app_setting
from app.store.schema_audit import applied_op as applied_op
from app.store.schema_audit import audit_head as audit_head
from app.store.schema_audit import audit_log as audit_log
from app.store.schema_audit import audit_rec as audit_rec
from app.store.schema_base import NAMING as NAMING
from app.store.schema_base import _fk, _pk, _stamps, _version
from app.store.schema_base import metadata as metadata
from app.store.schema_offline import change_seq as change_seq
from app.store.schema_records import consult_req as consult_req
from app.store.schema_records import doc_draft as doc_draft
from app.store.schema_records import doc_handover as doc_handover
from app.store.schema_records import doc_phrase as doc_phrase
from app.store.types import JSONText, UTCDateTime, flag, uuid_type

# --- organisation --------------------------------------------------------------------------

dept = Table(
    "dept", metadata, _pk(),
    Column("code", String(20), nullable=False, unique=True),
    Column("name", Unicode(60), nullable=False),
)

ward = Table(
    "ward", metadata, _pk(),
    Column("code", String(20), nullable=False, unique=True),
    Column("name", Unicode(60), nullable=False),
    _fk("dept_id", "dept", nullable=False),
)

bed = Table(
    "bed", metadata, _pk(),
    _fk("ward_id", "ward", nullable=False),
    Column("bed_no", Unicode(10), nullable=False),
    Column("sort_key", Integer, nullable=False),
    Column("is_active", flag("is_active"), nullable=False, default=True),
    UniqueConstraint("ward_id", "bed_no", name="uq_bed_ward_no"),
)

role = Table(
    "role", metadata,
    # doctor, intern, nurse, head_nurse, admin: permissions are derived in app/domain/roles.py
    Column("code", String(20), primary_key=True),
    Column("name", Unicode(40), nullable=False),
)

staff = Table(
    "staff", metadata, _pk(),
    Column("login_name", String(40), nullable=False, unique=True),
    Column("full_name", Unicode(40), nullable=False),
    Column("pinyin", String(40)),
    Column("title", Unicode(20)),                    # 职称: 住院医师, 主治医师, 主任医师, 护师 ...
    Column("title_rank", SmallInteger, nullable=False, default=1),  # 1 junior, 2 middle, 3 senior
    _fk("dept_id", "dept"),
    _fk("ward_id", "ward"),
    Column("password_hash", String(200), nullable=False),
    Column("failed_logins", Integer, nullable=False, default=0),
    Column("locked_until", UTCDateTime),
    Column("can_prescribe", flag("can_prescribe"), nullable=False, default=False),   # 处方权
    Column("can_narcotic", flag("can_narcotic"), nullable=False, default=False),     # 麻醉/精一
    Column("abx_grade", SmallInteger, nullable=False, default=0),  # 0 none, 1 非限制, 2 限制, 3 特殊
    Column("is_active", flag("is_active"), nullable=False, default=True),
    _version(), *_stamps(),
)

staff_role = Table(
    "staff_role", metadata,
    Column("staff_id", uuid_type(), ForeignKey("staff.id"), primary_key=True),
    Column("role_code", String(20), ForeignKey("role.code"), primary_key=True),
)

# --- patients and stays --------------------------------------------------------------------

patient = Table(
    "patient", metadata, _pk(),
    Column("mrn", String(20), nullable=False, unique=True),   # 住院号 / 病案号
    Column("name", Unicode(40), nullable=False),
    Column("pinyin", String(40), index=True),
    Column("sex", String(1), nullable=False),                # M / F / U
    Column("birth_date", Date),
    Column("id_card", String(18)),                           # 居民身份证号
    Column("health_card", String(30)),                       # 居民健康卡号 (revision 0013)
    Column("phone", String(20)),
    Column("ethnicity", Unicode(20)),
    Column("marital", Unicode(10)),
    Column("occupation", Unicode(30)),
    Column("address", Unicode(120)),
    _version(), *_stamps(),
)

encounter = Table(
    "encounter", metadata, _pk(),
    _fk("patient_id", "patient", nullable=False, index=True),
    Column("visit_no", Integer, nullable=False, default=1),   # 第几次住院
    _fk("dept_id", "dept", nullable=False),
    _fk("ward_id", "ward", nullable=False, index=True),
    _fk("bed_id", "bed"),
    _fk("attending_id", "staff"),       # 主治医师
    _fk("resident_id", "staff"),        # 住院医师 (经治)
    _fk("nurse_id", "staff"),           # 责任护士
    Column("admitted_at", UTCDateTime, nullable=False),
    Column("discharged_at", UTCDateTime),
    Column("status", String(12), nullable=False),  # admitted, discharged, transferred, deceased
    Column("nursing_grade", SmallInteger, nullable=False, default=2),  # 0 特级, 1 一级, 2 二级, 3 三级
    Column("acuity", String(10), nullable=False, default="stable"),   # critical 病危 / serious 病重
    Column("diet", Unicode(20)),
    Column("isolation", Unicode(20)),
    Column("height_cm", Numeric(5, 1)),
    Column("weight_kg", Numeric(5, 1)),
    _version(), *_stamps(),
)
Index("ix_encounter_ward_status", encounter.c.ward_id, encounter.c.status)
# One admitted patient per bed, enforced by the database (a check in Python before the update
# let two racing moves both succeed). The expression is NULL for every stay that is not
# admitted, and all five engines let a unique index hold any number of NULLs.
Index("uq_encounter_bed_occupant",
      Grouping(case((encounter.c.status == "admitted", encounter.c.bed_id))), unique=True)

bed_move = Table(
    "bed_move", metadata, _pk(),
    _fk("encounter_id", "encounter", nullable=False, index=True),
    _fk("from_bed_id", "bed"),
    _fk("to_bed_id", "bed"),
    _fk("from_ward_id", "ward"),
    _fk("to_ward_id", "ward", nullable=False),
    Column("moved_at", UTCDateTime, nullable=False),
    _fk("moved_by", "staff", nullable=False),
    Column("reason", Unicode(100)),
)

allergy = Table(
    "allergy", metadata, _pk(),
    _fk("patient_id", "patient", nullable=False, index=True),
    Column("substance", Unicode(60), nullable=False),    # 青霉素, 磺胺类, 海鲜 ...
    Column("drug_code", String(30)),                     # dictionary drug or class code if any
    Column("reaction", Unicode(60)),
    Column("severity", String(10)),                      # mild / moderate / severe
    Column("source", String(12), nullable=False, default="history"),  # history, skin_test
    Column("status", String(16), nullable=False, default="active"),   # active, refuted, error
    Column("recorded_at", UTCDateTime, nullable=False),
    _fk("recorded_by", "staff", nullable=False),
    _version(), *_stamps(),
)

diagnosis = Table(
    "diagnosis", metadata, _pk(),
    _fk("encounter_id", "encounter", nullable=False, index=True),
    Column("icd10_code", String(16)),
    Column("name", Unicode(120), nullable=False),
    Column("kind", String(12), nullable=False),     # admission, primary, secondary, discharge
    Column("seq_no", SmallInteger, nullable=False, default=1),
    Column("diagnosed_at", UTCDateTime, nullable=False),
    _fk("diagnosed_by", "staff", nullable=False),
    Column("status", String(10), nullable=False, default="active"),  # active, revised, error
    _version(), *_stamps(),
)

# --- dictionaries (loaded by `db upgrade` / `demo seed` from resources/dictionaries) ---------

drug = Table(
    "drug", metadata, _pk(),
    Column("code", String(30), nullable=False, unique=True),
    Column("generic_name", Unicode(60), nullable=False),   # 通用名 incl. dosage form
    Column("base_name", Unicode(40), nullable=False),      # ingredient: 阿莫西林
    Column("en_inn", String(80)),
    Column("form", Unicode(20), nullable=False),           # 片, 胶囊, 注射液, 注射用粉针 ...
    Column("strength", Numeric(12, 4)),                    # 0.25
    Column("strength_unit", String(10)),                   # g
    Column("dose_unit", String(10), nullable=False),       # the unit a dose is ordered in
    Column("package", Unicode(40)),                        # 0.25g*24粒/盒
    Column("atc", String(10)),
    Column("drug_class", Unicode(30)),                     # 青霉素类 ...
    Column("abx_grade", SmallInteger, nullable=False, default=0),
    Column("high_alert", flag("high_alert"), nullable=False, default=False),
    Column("skin_test", flag("skin_test"), nullable=False, default=False),
    Column("narcotic", String(10)),                        # 麻醉, 精一, 精二, or NULL
    Column("default_route", String(12)),
    Column("pinyin", String(40), nullable=False, index=True),  # initials, upper case
    Column("is_active", flag("is_active"), nullable=False, default=True),
)

freq = Table(
    "freq", metadata,
    Column("code", String(10), primary_key=True),          # qd, bid, q8h ...
    Column("name", Unicode(30), nullable=False),           # 每日一次
    Column("times_per_day", Numeric(6, 3)),                # NULL for prn/sos
    Column("interval_hours", Integer),                     # q6h -> 6
    Column("slots", String(200)),                          # "08:00,16:00"
    Column("every_days", SmallInteger, nullable=False, default=1),   # qod 2, qw 7
    Column("sort_key", Integer, nullable=False, default=0),
)

route = Table(
    "route", metadata,
    Column("code", String(12), primary_key=True),          # po, ivgtt, iv, im, ih ...
    Column("name", Unicode(20), nullable=False),           # 口服
    Column("exec_sheet", String(12), nullable=False),      # infusion, oral, injection, treatment ...
    Column("bottle_label", flag("bottle_label"), nullable=False, default=False),
    Column("sort_key", Integer, nullable=False, default=0),
)

order_item = Table(
    "order_item", metadata, _pk(),                         # non-drug orderables
    Column("code", String(30), nullable=False, unique=True),
    Column("name", Unicode(80), nullable=False),
    Column("category", String(12), nullable=False),        # lab, exam, treatment, nursing, diet ...
    Column("specimen", Unicode(20)),
    Column("unit", Unicode(10)),
    Column("pinyin", String(40), nullable=False, index=True),
    Column("is_active", flag("is_active"), nullable=False, default=True),
    Column("loinc", String(20)),                           # revision 0015: matches external results
)

icd10 = Table(
    "icd10", metadata,
    Column("code", String(16), primary_key=True),
    Column("name_cn", Unicode(200)),
    Column("name_en", Unicode(250), nullable=False),
    Column("pinyin", String(60), index=True),
)

lab_test = Table(
    "lab_test", metadata,
    Column("code", String(12), primary_key=True),          # K, NA, CR, INR, PLT ...
    Column("name", Unicode(40), nullable=False),
    Column("unit", String(20)),
    Column("low", Numeric(12, 3)),
    Column("high", Numeric(12, 3)),
)

# --- orders --------------------------------------------------------------------------------

med_order = Table(
    "med_order", metadata, _pk(),                          # 医嘱; "order" is reserved everywhere
    _fk("encounter_id", "encounter", nullable=False, index=True),
    Column("term", String(4), nullable=False),             # long / temp
    Column("category", String(12), nullable=False),        # drug, lab, exam, treatment, nursing, diet, text
    _fk("drug_id", "drug"),
    _fk("item_id", "order_item"),
    Column("content", Unicode(200), nullable=False),       # the line as printed on the sheet
    Column("dose", Numeric(12, 4)),
    Column("dose_unit", String(10)),
    Column("route_code", String(12), ForeignKey("route.code")),
    Column("freq_code", String(10), ForeignKey("freq.code")),
    Column("first_day_times", SmallInteger),
    Column("rate", Unicode(20)),                           # 40 gtt/min, 5 ml/h
    _fk("group_id", "order_group", index=True),            # 成组医嘱: members share its row
    Column("group_seq", SmallInteger),
    Column("skin_test_req", flag("skin_test_req"), nullable=False, default=False),
    Column("instruction", Unicode(100)),                   # 嘱托
    Column("status", String(16), nullable=False),          # draft, submitted, verified, active, executed,
                                                           # stop_pending, stopped, voided, returned
    Column("start_at", UTCDateTime, nullable=False),
    Column("stop_at", UTCDateTime),
    _fk("ordered_by", "staff", nullable=False),
    Column("signed_at", UTCDateTime),
    _fk("signed_by", "staff"),
    Column("verified_at", UTCDateTime),
    _fk("verified_by", "staff"),
    Column("stop_signed_at", UTCDateTime),
    _fk("stopped_by", "staff"),
    Column("stop_checked_at", UTCDateTime),
    _fk("stop_checked_by", "staff"),
    Column("void_reason", Unicode(100)),
    Column("return_reason", Unicode(100)),
    Column("verbal", flag("verbal"), nullable=False, default=False),  # 口头医嘱
    Column("override_reason", Unicode(200)),               # summary; each override is a row
    Column("use_kind", String(10), nullable=False, default="regular"),  # regular, prn, sos, discharge
    Column("line_kind", String(12)),                       # a red line: postop, transfer_in, reorganize ...
    Column("abx_grade", SmallInteger, nullable=False, default=0),    # 抗菌药物分级 of the drug
    Column("approved_at", UTCDateTime),                    # above the signer's grade: approval
    _fk("approved_by", "staff"),
    Column("print_page", Integer),                         # 续打: page and row of the printed line
    Column("print_row", SmallInteger),
    _version(), *_stamps(),
)
Index("ix_med_order_enc_status", med_order.c.encounter_id, med_order.c.status)

# 成组医嘱: what the members share lives once, here; started, stopped and voided as one.
order_group = Table(
    "order_group", metadata, _pk(),
    _fk("encounter_id", "encounter", nullable=False, index=True),
    Column("term", String(4), nullable=False),
    Column("route_code", String(12), ForeignKey("route.code")),
    Column("freq_code", String(10), ForeignKey("freq.code")),
    Column("rate", Unicode(20)),
    Column("first_day_times", SmallInteger),
    Column("start_at", UTCDateTime, nullable=False),
    Column("stop_at", UTCDateTime),
    Column("status", String(16), nullable=False),
    _version(), *_stamps(),
)

# Every transition of an order, as a fact: history is read from here, never reconstructed.
order_event = Table(
    "order_event", metadata, _pk(),
    _fk("order_id", "med_order", nullable=False, index=True),
    Column("from_status", String(16)),
    Column("to_status", String(16), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    _fk("staff_id", "staff", nullable=False),
    Column("reason", Unicode(200)),
    Column("op_id", uuid_type()),
    Column("device_time", UTCDateTime),
)

# A high alert signed anyway: who, why, against which rule (CLINICAL.md §7).
order_override = Table(
    "order_override", metadata, _pk(),
    _fk("order_id", "med_order", nullable=False, index=True),
    Column("rule", String(60), nullable=False),
    Column("category", String(30), nullable=False),
    Column("severity", String(10), nullable=False),
    Column("message", Unicode(200)),
    Column("reason", Unicode(200), nullable=False),
    _fk("staff_id", "staff", nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("op_id", uuid_type()),
)

# One plan item per dose time: two PCs generating the plan at once cannot make it twice.
order_exec_plan = Table(
    "order_exec_plan", metadata, _pk(),
    _fk("order_id", "med_order", nullable=False),
    Column("planned_at", UTCDateTime, nullable=False),
    Column("status", String(12), nullable=False),          # planned, cancelled
    Column("created_at", UTCDateTime, nullable=False),
    _version(),
    UniqueConstraint("order_id", "planned_at", name="uq_order_exec_plan_slot"),
)

order_set = Table(
    "order_set", metadata, _pk(),                          # 医嘱套 / 成套医嘱
    Column("name", Unicode(60), nullable=False),
    Column("pinyin", String(40), nullable=False),
    _fk("dept_id", "dept"),
    _fk("owner_id", "staff"),
    Column("is_active", flag("is_active"), nullable=False, default=True),
    _version(), *_stamps(),
)

order_set_item = Table(
    "order_set_item", metadata, _pk(),
    _fk("set_id", "order_set", nullable=False, index=True),
    Column("seq_no", SmallInteger, nullable=False),
    Column("template", JSONText, nullable=False),          # the order fields to pre-fill
)

# Executions as facts against plan items (revision 0006): done / not_done / started / finished,
# or `void` for a correction that voids an earlier fact (`voids_id`, at most once). Rows from
# before 0006 (plan_id NULL) are the old planned/done rows and are read as history only.
order_exec = Table(
    "order_exec", metadata, _pk(),
    _fk("order_id", "med_order", nullable=False, index=True),
    Column("planned_at", UTCDateTime, nullable=False),
    Column("status", String(12), nullable=False),          # planned, done, not_done, cancelled
    Column("done_at", UTCDateTime),
    _fk("done_by", "staff"),
    _fk("checked_by", "staff"),                            # 双人核对
    Column("reason_code", String(20)),                     # 患者拒绝, 禁食 ... as ids
    Column("reason_text", Unicode(100)),
    Column("device_time", UTCDateTime),                    # offline entry: time on the PC
    Column("received_at", UTCDateTime),                    # ... and when the server got it
    Column("flag_note", Unicode(100)),                     # e.g. executed against a stopped order
    _version(), *_stamps(),
    _fk("plan_id", "order_exec_plan", index=True),         # the plan item this fact is about
    _fk("voids_id", "order_exec"),                         # a correction voids that fact
    Column("claim_key", String(60)),                       # the first record of an item's phase
    Column("is_duplicate", flag("is_duplicate"), nullable=False, default=False),  # for review
    Column("device_id", String(60)),                       # the workstation it was entered on
    UniqueConstraint("claim_key", name="uq_order_exec_claim_key"),
    UniqueConstraint("voids_id", name="uq_order_exec_voids_id"),
)
Index("ix_order_exec_planned", order_exec.c.planned_at, order_exec.c.status)

skin_test = Table(
    "skin_test", metadata, _pk(),
    _fk("patient_id", "patient", nullable=False, index=True),
    _fk("encounter_id", "encounter", nullable=False),
    _fk("order_id", "med_order"),
    _fk("drug_id", "drug"),
    Column("substance", Unicode(60), nullable=False),
    Column("batch_no", String(30)),
    Column("result", String(8)),                           # positive / negative / NULL pending
    Column("tested_at", UTCDateTime, nullable=False),
    Column("read_at", UTCDateTime),
    _fk("tested_by", "staff", nullable=False),
    _fk("read_by", "staff"),
    _fk("checked_by", "staff"),
    _version(), *_stamps(),
)

lab_result = Table(
    "lab_result", metadata, _pk(),
    _fk("encounter_id", "encounter", nullable=False, index=True),
    Column("test_code", String(12), ForeignKey("lab_test.code"), nullable=False),
    Column("num_value", Numeric(14, 4)),
    Column("text_value", Unicode(60)),
    Column("unit", String(20)),
    Column("abnormal", String(2)),                         # H, L, HH, LL
    Column("taken_at", UTCDateTime, nullable=False),
    Column("reported_at", UTCDateTime, nullable=False),
)

# --- clinical documents ----------------------------------------------------------------------

doc_template = Table(
    "doc_template", metadata, _pk(),
    Column("doc_type", String(30), nullable=False, index=True),  # admission, first_progress ...
    Column("name", Unicode(60), nullable=False),
    _fk("dept_id", "dept"),                                # the department's (NULL: hospital)
    _fk("owner_id", "staff", index=True),                  # personal (revision 0012)
    Column("body", JSONText, nullable=False),              # sections and fields
    Column("is_active", flag("is_active"), nullable=False, default=True),
    _version(), *_stamps(),
)

clin_doc = Table(
    "clin_doc", metadata, _pk(),
    _fk("encounter_id", "encounter", nullable=False, index=True),
    Column("doc_type", String(30), nullable=False),
    Column("title", Unicode(60), nullable=False),
    Column("status", String(12), nullable=False),          # draft, signed, cosigned, amended, voided
    Column("event_at", UTCDateTime, nullable=False),       # the time the record is about
    Column("due_at", UTCDateTime),                         # CLINICAL.md §5 deadline
    Column("rev_no", Integer, nullable=False, default=1),
    _fk("author_id", "staff", nullable=False),
    Column("signed_at", UTCDateTime),
    _fk("signed_by", "staff"),
    Column("cosign_needed", flag("cosign_needed"), nullable=False, default=False),
    Column("cosigned_at", UTCDateTime),
    _fk("cosigned_by", "staff"),
    Column("late_entry", flag("late_entry"), nullable=False, default=False),  # 补记
    _version(), *_stamps(),
)
Index("ix_clin_doc_enc_type", clin_doc.c.encounter_id, clin_doc.c.doc_type)

doc_rev = Table(
    "doc_rev", metadata, _pk(),                            # every revision kept (留痕)
    _fk("doc_id", "clin_doc", nullable=False, index=True),
    Column("rev_no", Integer, nullable=False),
    Column("body", JSONText, nullable=False),
    _fk("editor_id", "staff", nullable=False),
    Column("edited_at", UTCDateTime, nullable=False),
    Column("reason", Unicode(100)),
    UniqueConstraint("doc_id", "rev_no", name="uq_doc_rev_no"),
)

# --- nursing ---------------------------------------------------------------------------------

vital_obs = Table(
    "vital_obs", metadata, _pk(),                          # one measured item; facts, never updated
    _fk("encounter_id", "encounter", nullable=False),
    Column("measured_at", UTCDateTime, nullable=False),
    Column("item", String(12), nullable=False),            # temp, pulse, hr, resp, sbp, dbp, spo2,
                                                           # weight, height, intake, output, urine,
                                                           # stool, pain, event
    Column("num_value", Numeric(8, 2)),
    Column("code", String(12)),                            # refused, out, leave, below, unmeasurable,
                                                           # bedrest, ventilator; events: admit ...
    Column("method", String(10)),                          # oral, axillary, rectal; cooled; catheter
    Column("note", Unicode(60)),
    _fk("recorded_by", "staff", nullable=False),
    Column("device_time", UTCDateTime, nullable=False),
    Column("received_at", UTCDateTime),
    Column("voided", flag("voided"), nullable=False, default=False),
    Column("void_reason", Unicode(60)),
    Column("created_at", UTCDateTime, nullable=False),
    # Revision 0005 (charting): a correction is a new row naming the one it replaces; the slot
    # (02/06/10/14/18/22) the value is charted in; the op that wrote it.
    Column("voids", uuid_type()),
    Column("slot_at", UTCDateTime),
    Column("op_id", String(36)),
)
Index("ix_vital_obs_enc_time", vital_obs.c.encounter_id, vital_obs.c.measured_at)
# A row is corrected once: two nurses correcting the same value cannot both win.
Index("uq_vital_obs_voids", vital_obs.c.voids, unique=True)

nursing_rec = Table(
    "nursing_rec", metadata, _pk(),
    _fk("encounter_id", "encounter", nullable=False, index=True),
    Column("rec_type", String(12), nullable=False),        # general, critical, assessment, handover
    Column("recorded_at", UTCDateTime, nullable=False),
    Column("body", JSONText, nullable=False),
    _fk("nurse_id", "staff", nullable=False),
    Column("status", String(10), nullable=False, default="signed"),   # signed, voided
    Column("device_time", UTCDateTime, nullable=False),
    Column("received_at", UTCDateTime),
    _version(), *_stamps(),
    # Revision 0009 (nursing records): a correction is a new row naming the one it replaces
    # (insert only, 留痕: the old row stays, shown struck through); a row with status "voided"
    # and no body only strikes the one it names. Why, and the op that wrote it.
    Column("replaces_id", uuid_type()),
    Column("reason", Unicode(200)),
    Column("op_id", String(36)),
)
# A line is corrected once: two nurses correcting the same line cannot both win.
Index("uq_nursing_rec_replaces", nursing_rec.c.replaces_id, unique=True)

# The tables of later issues, each area in its own module, re-exported like the audit tables:
# the nurse side (issue 13), the nurses' shift handover (issue 14) and what was printed where
# on the 医嘱单 (续打, issue 16), critical values (危急值, issue 17), external results (结果互认).
from app.store.schema_consumables import cons_rule as cons_rule  # noqa: E402
from app.store.schema_consumables import consumable as consumable  # noqa: E402
from app.store.schema_consumables import order_cons as order_cons  # noqa: E402
from app.store.schema_consumables import preq_cons as preq_cons  # noqa: E402
from app.store.schema_consumables import preq_cons_item as preq_cons_item  # noqa: E402
from app.store.schema_critical import crit_value as crit_value  # noqa: E402
from app.store.schema_exchange import exchange_out as exchange_out  # noqa: E402
from app.store.schema_exchange import member_inst as member_inst  # noqa: E402
from app.store.schema_exchange import referral as referral  # noqa: E402
from app.store.schema_handover import nurse_handover as nurse_handover  # noqa: E402
from app.store.schema_nurse import pharm_req as pharm_req  # noqa: E402
from app.store.schema_nurse import pharm_req_item as pharm_req_item  # noqa: E402
from app.store.schema_nurse import pharm_req_line as pharm_req_line  # noqa: E402
from app.store.schema_print import sheet_print as sheet_print  # noqa: E402
from app.store.schema_results import ext_result as ext_result  # noqa: E402
