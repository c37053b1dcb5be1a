"""Chart facts (app/services/doc_pull.py) worded for a document section, in the user's language."""
from __future__ import annotations

from typing import Any

from ui.formatting import list_text, local_datetime, sex_text
from ui.qt import translate

VITAL_LABELS = ("temp", "pulse", "hr", "resp", "sbp", "dbp", "spo2", "weight", "pain")


def _vital_label(item: str) -> str:
    return {
        "temp": translate("RecordsPull", "T {v}℃"),
        "pulse": translate("RecordsPull", "P {v}次/分"),
        "hr": translate("RecordsPull", "HR {v}次/分"),
        "resp": translate("RecordsPull", "R {v}次/分"),
        "spo2": translate("RecordsPull", "SpO₂ {v}%"),
        "weight": translate("RecordsPull", "体重 {v}kg"),
        "pain": translate("RecordsPull", "疼痛评分 {v}"),
    }.get(item, item + " {v}")


def _with(name: str, detail: Any) -> str:
    return translate("RecordsPull", "{name}（{detail}）").format(name=name, detail=detail) if detail else name


def _join(items: list[str]) -> str:
    return translate("RecordsPull", "；").join(items)


def text_for(kind: str, facts: Any) -> str:
    """The text one key inserts for a section of `kind` (app.domain.documents.PULL_KINDS)."""
    if kind == "demographics" and facts.demographics is not None:
        d = facts.demographics
        parts = [translate("RecordsPull", "姓名：{v}").format(v=d.name),
                 translate("RecordsPull", "性别：{v}").format(v=sex_text(d.sex)),
                 translate("RecordsPull", "年龄：{v}岁").format(v="" if d.age is None else d.age)]
        for label, value in ((translate("RecordsPull", "民族：{v}"), d.ethnicity),
                             (translate("RecordsPull", "婚姻：{v}"), d.marital),
                             (translate("RecordsPull", "职业：{v}"), d.occupation),
                             (translate("RecordsPull", "住址：{v}"), d.address)):
            if value:
                parts.append(label.format(v=value))
        parts.append(translate("RecordsPull", "入院时间：{v}").format(v=local_datetime(d.admitted_at)))
        parts.append(translate("RecordsPull", "住院号：{v}").format(v=d.mrn))
        return translate("RecordsPull", "，").join(parts)
    if kind == "vitals":
        values = {v.item: v for v in facts.vitals}
        out = []
        if "sbp" in values and "dbp" in values:
            out.append(translate("RecordsPull", "BP {s}/{d}mmHg").format(
                s=_num(values["sbp"].value), d=_num(values["dbp"].value)))
        for item in VITAL_LABELS:
            if item in values and item not in ("sbp", "dbp") and values[item].value is not None:
                out.append(_vital_label(item).format(v=_num(values[item].value)))
        if not out:
            return translate("RecordsPull", "近24小时无生命体征记录")
        return translate("RecordsPull", "生命体征：{v}").format(v=translate("RecordsPull", "，").join(out))
    if kind == "labs":
        if not facts.labs:
            return translate("RecordsPull", "近7天无检验结果")
        items = [_with(f"{lab.name} {lab.value}{lab.unit}", lab.abnormal) for lab in facts.labs]
        return translate("RecordsPull", "检验：{v}").format(v=_join(items))
    if kind == "allergies":
        if not facts.allergies:
            text = translate("RecordsPull", "否认药物及食物过敏史。")
        else:
            items = [_with(s, r) for s, r in facts.allergies]
            text = translate("RecordsPull", "过敏史：{v}。").format(v=list_text(items))
        by_source: dict[str, list[str]] = {}
        for inst, med in getattr(facts, "prior_medications", ()):
            by_source.setdefault(inst, []).append(med)
        for inst, meds in by_source.items():
            text += "\n" + translate("RecordsPull", "既往用药（{inst}转诊记录）：{v}。").format(
                inst=inst, v=_join(meds))
        return text
    if kind == "orders":
        if not facts.orders:
            return translate("RecordsPull", "目前无在用医嘱")
        long_ = [c for t, c in facts.orders if t == "long"]
        temp = [c for t, c in facts.orders if t != "long"]
        lines = []
        if long_:
            lines.append(translate("RecordsPull", "长期医嘱：{v}").format(v=_join(long_)))
        if temp:
            lines.append(translate("RecordsPull", "临时医嘱：{v}").format(v=_join(temp)))
        return "\n".join(lines)
    if kind == "diagnoses":
        # The admission and the working main diagnosis are often the same text: once.
        names = dict.fromkeys(name for _code, name, _kind in facts.diagnoses)
        return "\n".join(f"{n}. {name}" for n, name in enumerate(names, start=1))
    return ""


def _num(value: Any) -> str:
    if value is None:
        return ""
    text = format(value, "f") if hasattr(value, "as_tuple") else str(value)
    return text.rstrip("0").rstrip(".") if "." in text else text
