"""A demo stay as a FHIR R4 document Bundle: every resource valid against the R4 models, the
patient's identifiers in the platform's naming systems (settings), ICD-10 with the dictionary's
Chinese names, LOINC for vitals and known sections, WS 445 names as codes for the rest, and the
same Bundle (byte for byte) when built again."""
from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import insert

from app.exchange.fhir_bundle import LOINC, build_bundle, resources
from app.exchange.settings import exchange_settings
from app.exchange.stay_record import read_stay
from app.services.demo_ids import demo_id
from app.store.db import Database
from app.store.schema import app_setting, vital_obs
from tests.unit.exchange.fhir_check import validate_bundle
from tests.unit.services.conftest import NOW

ENC_7 = demo_id("encounter", 7)


def _bundle(db: Database, encounter_id: str = ENC_7, ident: str = "ref-test") -> dict:
    with db.read() as conn:
        return build_bundle(read_stay(conn, encounter_id), exchange_settings(conn), ident=ident,
                            timestamp=NOW)


def _of(bundle: dict, kind: str) -> list[dict]:
    return [r for r in resources(bundle) if r["resourceType"] == kind]


def test_a_demo_stay_is_a_valid_r4_document_bundle(demo_engine: Database) -> None:
    bundle = _bundle(demo_engine)
    kinds = validate_bundle(bundle)
    assert bundle["type"] == "document" and kinds[0] == "Composition"
    assert {"Patient", "Condition", "Observation", "Organization"} <= set(kinds)
    comp = _of(bundle, "Composition")[0]
    assert comp["title"] == "入院记录" and comp["type"]["coding"][0]["code"] == "34117-2"
    by_title = {s["title"]: s["code"]["coding"][0] for s in comp["section"]}
    assert by_title["主诉"] == {"system": LOINC, "code": "10154-3", "display": "Chief complaint"}
    # Every reference in the document points at an entry of the Bundle.
    urls = {e["fullUrl"] for e in bundle["entry"]}
    text = json.dumps(bundle)
    refs = {part.split('"')[0] for part in text.split('"reference": "')[1:]}
    assert refs and refs <= urls


def test_identifiers_follow_the_platforms_naming_systems(demo_engine: Database) -> None:
    with demo_engine.begin() as conn:
        conn.execute(insert(app_setting), [
            {"skey": "exchange:sys_mrn", "svalue": "urn:oid:1.2.156.112604.1.2.1"},
            {"skey": "exchange:sys_id_card", "svalue": "urn:oid:2.16.156.10011.1.1"}])
    patient = _of(_bundle(demo_engine), "Patient")[0]
    ids = {i["type"]["text"]: (i["system"], i["value"]) for i in patient["identifier"]}
    assert ids["住院号"][0] == "urn:oid:1.2.156.112604.1.2.1"
    system, number = ids["居民身份证号"]
    assert system == "urn:oid:2.16.156.10011.1.1" and len(number) == 18
    assert patient["name"][0]["text"] == "吴淑珍"


def test_diagnoses_carry_icd10_with_the_dictionarys_chinese_name(demo_engine: Database) -> None:
    conditions = _of(_bundle(demo_engine), "Condition")
    codings = [c["code"]["coding"][0] for c in conditions]
    assert codings and all(c["system"] == "http://hl7.org/fhir/sid/icd-10" for c in codings)
    assert all(c["display"] and not c["display"].isascii() for c in codings)


def test_vitals_are_loinc_observations_and_a_voided_value_is_not_sent(demo_engine: Database) -> None:
    at = NOW - timedelta(minutes=5)
    wrong, fixed = "00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"
    nurse = demo_id("staff", "liufang")
    row = {"encounter_id": ENC_7, "measured_at": at, "item": "temp", "recorded_by": nurse,
           "device_time": at, "created_at": at, "voided": False}
    with demo_engine.begin() as conn:
        conn.execute(insert(vital_obs), [dict(row, id=wrong, num_value=41.5, voids=None),
                                         dict(row, id=fixed, num_value=37.2, voids=wrong)])
    observations = _of(_bundle(demo_engine), "Observation")
    temps = [o for o in observations if o["code"]["coding"][0]["code"] == "8310-5"]
    assert [t["valueQuantity"]["value"] for t in temps] == [37.2]
    assert temps[0]["valueQuantity"]["code"] == "Cel"
    assert all(o["code"]["coding"][0]["system"] == LOINC for o in observations)


def test_the_same_stay_builds_the_same_bundle(demo_engine: Database) -> None:
    first = json.dumps(_bundle(demo_engine), sort_keys=True)
    assert json.dumps(_bundle(demo_engine), sort_keys=True) == first
    assert json.dumps(_bundle(demo_engine, ident="ref-other"), sort_keys=True) != first


def test_a_section_without_a_standard_code_keeps_its_ws445_name(demo_engine: Database) -> None:
    with demo_engine.begin() as conn:
        conn.execute(insert(app_setting).values(
            skey="exchange:sys_ws445", svalue="urn:oid:2.16.156.10011.2.2.445"))
    comp = _of(_bundle(demo_engine, demo_id("encounter", 1)), "Composition")[0]
    extra = [s for s in comp["section"] if s["title"] == "补充说明"]     # bed 1's amended record
    assert extra and extra[0]["code"]["coding"][0] == {
        "system": "urn:oid:2.16.156.10011.2.2.445", "code": "补充说明", "display": "补充说明"}
