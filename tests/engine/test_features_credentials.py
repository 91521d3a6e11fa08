"""A certification (BLS, ACLS, a licence) is held, never "listed only": no role describes using
a certificate, so a skills line is the evidence a recruiter expects."""

from __future__ import annotations

from talentscout.engine.explain import explain
from talentscout.engine.icp import build_icp
from talentscout.engine.parse import parse_profile
from talentscout.engine.score import score_profiles
from talentscout.engine.taxonomy import default_taxonomy
from tests.engine.conftest import AS_OF

ICU_NURSE = {
    "basics": {"label": "Intensive Care Nurse",
               "location": {"city": "Berlin", "countryCode": "DE"}},
    "work": [
        {"name": "Charité", "position": "Intensive Care Nurse", "startDate": "2019-05",
         "summary": "Critical care for ventilated patients: medication administration, wound "
                    "care and patient education in a 20-bed ICU."},
    ],
    "skills": [{"name": "Clinical", "keywords": ["Basic Life Support (BLS)", "ACLS"]}],
}  # fmt: skip


def test_a_listed_certification_is_held() -> None:
    tax = default_taxonomy()
    icp = build_icp("ICU Nurse", "Requirements: BLS and ACLS certification.", taxonomy=tax)
    profile = parse_profile(ICU_NURSE, as_of=AS_OF, taxonomy=tax)
    (scored,) = score_profiles(icp, [profile], [0.6], as_of=AS_OF)
    assert set(scored.matched_must) == {"Basic Life Support", "Advanced Cardiac Life Support"}
    assert scored.listed_only == ()
    flags = explain(icp, profile, scored).red_flags
    assert not any("listed, but" in flag for flag in flags), flags


def test_a_registered_nurse_licence_is_a_held_requirement() -> None:
    tax = default_taxonomy()
    icp = build_icp("Registered Nurse", "Requirements: an active RN license.", taxonomy=tax)
    assert "Registered Nurse License" in icp.must_have
    profile = parse_profile(
        {**ICU_NURSE, "skills": [{"name": "Licences", "keywords": ["NCLEX-RN"]}]},
        as_of=AS_OF,
        taxonomy=tax,
    )
    (scored,) = score_profiles(icp, [profile], [0.6], as_of=AS_OF)
    assert "Registered Nurse License" in scored.matched_must
    assert scored.listed_only == ()


def test_an_icu_posting_reads_every_clinical_requirement() -> None:
    icp = build_icp(
        "ICU Nurse",
        "Requirements: experience with ventilated patients; BLS and ACLS; an active RN license.",
        taxonomy=default_taxonomy(),
    )
    assert icp.must_have == (
        "Ventilator Management",
        "Basic Life Support",
        "Advanced Cardiac Life Support",
        "Registered Nurse License",
    )
