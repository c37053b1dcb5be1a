"""What a write changed: the value the UI's one signal carries (STYLE.md rule 5)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

# Entity kinds views subscribe to.
PATIENT = "patient"
ENCOUNTER = "encounter"
BED = "bed"
ALLERGY = "allergy"
STAFF = "staff"
ORDER = "order"
DOCUMENT = "document"
VITALS = "vitals"
EXECUTION = "execution"      # an execution fact (issue 13)
SKIN_TEST = "skin_test"
PHARMACY = "pharmacy"        # a 集中发送 request (issue 13)
CONSUMABLE = "consumable"    # 附材 bound to plan items, and the rules (issue 13)
SETTING = "setting"          # a ward's settings (病区设置)
DIAGNOSIS = "diagnosis"      # a stay's diagnoses (header, bed card, documents)
TEMPLATE = "template"        # a document template (模板管理)
PHRASE = "phrase"            # a doctor's phrase list (常用语)
CRITICAL = "critical"        # a critical value (危急值): reported, acknowledged, documented
REFERRAL = "referral"        # a referral up or down, and what the platform was sent (issue 17)
EXT_RESULT = "ext_result"    # an external report pulled from the platform, its 互认 mark


@dataclass(frozen=True)
class Changes:
    """Entity kinds and ids touched, and the patients concerned; `replayed` when op_id was seen."""

    kinds: frozenset[str] = frozenset()
    ids: frozenset[tuple[str, str]] = frozenset()          # (kind, id)
    patient_ids: frozenset[str] = frozenset()
    replayed: bool = False
    origin: str = ""            # the view that sent the command (runner.mutate(origin=)); "" = other

    @classmethod
    def of(cls, kind: str, ids: Iterable[str], patient_ids: Iterable[str] = ()) -> Changes:
        id_list = list(ids)
        return cls(frozenset({kind}), frozenset((kind, i) for i in id_list), frozenset(patient_ids))

    def merge(self, other: Changes) -> Changes:
        return Changes(self.kinds | other.kinds, self.ids | other.ids,
                       self.patient_ids | other.patient_ids, self.replayed and other.replayed,
                       self.origin if self.origin == other.origin else "")

    def touches(self, kind: str) -> bool:
        return kind in self.kinds

    def ids_of(self, kind: str) -> frozenset[str]:
        return frozenset(i for k, i in self.ids if k == kind)

    @property
    def empty(self) -> bool:
        return not self.kinds
