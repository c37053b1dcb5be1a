"""Validate FHIR JSON with the R4 (4.0.1) models of fhir.resources: every resource, then the Bundle."""
from __future__ import annotations

from typing import Any

from fhir.resources import construct_fhir_element


def validate_bundle(bundle: dict[str, Any]) -> list[str]:
    """The resource types of the entries, each validated on its own and in the Bundle."""
    import fhir.resources

    assert fhir.resources.__fhir_version__ == "4.0.1"
    kinds = []
    for entry in bundle["entry"]:
        resource = entry["resource"]
        construct_fhir_element(resource["resourceType"], resource)
        assert entry["fullUrl"].endswith(resource["id"])
        kinds.append(resource["resourceType"])
    construct_fhir_element("Bundle", bundle)
    return kinds
