"""Shared documents: a signed 出院记录 is queued for the platform in the signature's own
transaction (a valid R4 document Bundle, its identifier naming the revision), an amended one
again as the new revision; nothing when no platform is named, or for other documents."""
from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select

from app.exchange.share import document_ident
from app.ids import new_id
from app.services.doc_commands import ReviseDocument
from app.services.write import run_command
from app.store.db import Database
from app.store.schema import app_setting, exchange_out
from tests.unit.exchange.fhir_check import validate_bundle
from tests.unit.services.test_records import ENC_11, NOW, RESIDENT, WS, create, filled, sign, template, view


def _queued(db: Database) -> list[dict[str, Any]]:
    with db.read() as conn:
        return [dict(r) for r in conn.execute(select(exchange_out.c.bundle_ident, exchange_out.c.kind,
                                                     exchange_out.c.payload)).mappings()]


def _share(db: Database) -> None:
    with db.begin() as conn:
        conn.execute(insert(app_setting).values(skey="exchange:share_to", svalue="PRH-3A-0001"))


def test_a_signed_discharge_summary_is_queued_and_each_revision_again(demo_engine: Database) -> None:
    _share(demo_engine)
    progress = create(demo_engine, ENC_11, "progress", RESIDENT)
    sign(demo_engine, progress, RESIDENT, filled(template(demo_engine, "progress").sections))
    assert _queued(demo_engine) == []                           # only the discharge summary is shared
    doc_id = create(demo_engine, ENC_11, "discharge", RESIDENT)
    sections = filled(template(demo_engine, "discharge").sections, course="抗感染治疗 7 天，症状缓解。")
    sign(demo_engine, doc_id, RESIDENT, sections)
    [row] = _queued(demo_engine)
    assert (row["bundle_ident"], row["kind"]) == (document_ident(doc_id, 1), "document")
    kinds = validate_bundle(row["payload"])
    comp = row["payload"]["entry"][0]["resource"]
    assert kinds[0] == "Composition" and comp["type"]["coding"][0]["code"] == "18842-5"
    assert any("抗感染治疗" in s["text"]["div"] for s in comp["section"])
    v = view(demo_engine, doc_id, RESIDENT)
    run_command(demo_engine, WS, ReviseDocument(
        op_id=new_id(), actor_id=RESIDENT, device_time=NOW, doc_id=doc_id, base_version=v.doc.version,
        sections=filled(sections, course="抗感染治疗 10 天，症状缓解。"), reason="更正疗程"), now=NOW)
    idents = sorted(r["bundle_ident"] for r in _queued(demo_engine))
    assert idents == [document_ident(doc_id, 1), document_ident(doc_id, 2)]


def test_without_a_platform_named_nothing_is_queued(demo_engine: Database) -> None:
    doc_id = create(demo_engine, ENC_11, "discharge", RESIDENT)
    sign(demo_engine, doc_id, RESIDENT, filled(template(demo_engine, "discharge").sections))
    assert _queued(demo_engine) == []
