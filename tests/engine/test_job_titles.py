"""Titles that name a field rather than a job: which family they mean, helped by the description."""

from __future__ import annotations

import pytest

from talentscout.engine.icp import build_icp
from talentscout.engine.parse import parse_profile
from talentscout.engine.score import score_profiles
from talentscout.engine.taxonomy import default_taxonomy
from talentscout.engine.taxonomy.job_titles import same_stem
from tests.engine.conftest import AS_OF

# O*NET 29.2 occupation descriptions (CC BY 4.0), as an ATS category feed would send them.
DBA = (
    "Administer, test, and implement computer databases, applying knowledge of database "
    "management systems. Coordinate changes to computer databases."
)
DATABASE_ARCHITECT = (
    "Design strategies for enterprise databases, data warehouse systems, and multidimensional "
    "networks. Set standards for database operations, programming, query processes, and security."
)
FINANCIAL_ANALYST = (
    "Conduct quantitative analyses of information involving investment programs or financial "
    "data of public or private institutions, including valuation of businesses."
)
SECURITY_ANALYST = (
    "Plan, implement, upgrade, or monitor security measures for the protection of computer "
    "networks and information. Assess system vulnerabilities for security risks and propose and "
    "implement risk mitigation strategies. May ensure appropriate security controls are in place "
    "that will safeguard digital files and vital electronic infrastructure. May respond to "
    "computer security breaches and viruses."
)
FITNESS = (
    "Instruct or coach groups or individuals in exercise activities for the primary purpose of "
    "personal fitness."
)
LAWYER = (
    "Represent clients in criminal and civil litigation and other legal proceedings, draw up legal "
    "documents, or manage or advise clients on legal transactions. May specialize in a single "
    "area or may practice broadly in many areas of law."
)


def family_id(title: str, description: str = "") -> str | None:
    family = default_taxonomy().family_for_job_title(title, description)
    return family.id if family else None


def test_field_named_after_one_family() -> None:
    assert family_id("HR") == family_id("Human Resources") == "hr-generalist"
    assert family_id("Data Science") == "data-scientist"
    assert family_id("Web Designing") == "web-designer"
    assert family_id("Electrical Engineering") == "electrical-engineer"  # not electronics


def test_department_maps_to_an_obvious_family_or_none() -> None:
    tax = default_taxonomy()
    marketing = tax.family_for_job_title("Marketing")
    sales = tax.family_for_job_title("Sales")
    assert (marketing.category if marketing else None) == "marketing"
    assert (sales.category if sales else None) == "sales"
    assert family_id("Engineering") is None  # no one obvious family


def test_rank_words_still_filtered_from_the_loose_family_match() -> None:
    family = default_taxonomy().family_for_job_title("Chief Financial Officer")
    assert (family.category if family else None) == "finance"


@pytest.mark.parametrize(
    "title", ["Chief Executive Officer", "Team Lead", "Head of Team", "Principal Engineer"]
)
def test_titles_naming_no_field_pick_no_family(title: str) -> None:
    assert family_id(title) is None
    assert family_id(title, DBA) is None  # a description does not make up for a missing field


@pytest.mark.parametrize(
    ("title", "description", "expected"),
    [
        ("Database", DBA, "dba"),
        ("Database", DATABASE_ARCHITECT, "data-architect"),
        ("Finance", FINANCIAL_ANALYST, "financial-analyst"),
        ("Security", SECURITY_ANALYST, "security-analyst"),
        ("Legal", LAWYER, "lawyer"),
    ],
)
def test_the_description_picks_among_the_fields_families(
    title: str, description: str, expected: str
) -> None:
    assert family_id(title) is None  # several families fit the field word alone
    assert family_id(title, description) == expected


def test_fields_side_by_side_are_read_one_by_one() -> None:
    assert family_id("Health and Fitness", FITNESS) == "fitness-trainer"
    assert family_id("Health & Fitness", FITNESS) == "fitness-trainer"


def test_a_description_about_none_of_them_gives_no_family() -> None:
    assert family_id("Database", "We are a friendly team in a sunny office.") is None


def test_the_icp_reads_the_title_with_its_description() -> None:
    icp = build_icp("Database", DBA)
    assert icp.title_family == "dba"
    assert icp.canonical_title == "Database Administrator"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Advocate", "lawyer"),  # the lawyer's title in India and much of the Commonwealth
        ("Senior Advocate", "lawyer"),
        ("Customer Advocate", "customer-service-representative"),
        ("Technical Support Advocate", "technical-support-representative"),
        ("Patient Advocate", "case-manager"),
        ("Brand Advocate", "brand-manager"),
    ],
)
def test_advocate_is_a_lawyer_unless_it_advocates_for_someone_else(
    title: str, expected: str
) -> None:
    assert family_id(title) == expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("science", "scientist", True),
        ("management", "manager", True),
        ("test", "testing", True),
        ("administer", "administrator", True),
        ("electrical", "electronics", False),
        ("data", "database", False),
        ("sales", "salesforce", False),
        ("colleague", "college", False),
    ],
)
def test_same_stem(a: str, b: str, same: bool) -> None:
    assert same_stem(a, b) is same


@pytest.mark.parametrize("title", ["C++ and Rust", "C++ / Python", "Docker"])
def test_tools_are_no_field(title: str) -> None:
    assert family_id(title) is None  # not the Rust developer, not a legal "docket" clerk


def test_a_title_that_is_one_skill_means_the_family_named_after_it() -> None:
    assert family_id(".NET") == "dotnet-developer"
    assert family_id("Java") == "java-developer"
    assert family_id("Salesforce") is None  # its developer or its administrator?
    admin = "Manage users, profiles and permission sets as the org administrator."
    assert family_id("Salesforce", admin) == "salesforce-administrator"


def test_a_colleague_is_no_college_professor() -> None:
    assert family_id("Store Colleague") != "professor"
    assert family_id("Colleague") != "professor"
    assert family_id("College Professor") == "professor"


@pytest.mark.parametrize(
    ("title", "family"),
    [
        ("Senior Backend Software Engineer - User Growth", "backend-engineer"),
        ("Staff Software Engineer, Machine Learning - Fraud", "ml-engineer"),
        ("Lead Software Engineer - Java", "java-developer"),
        ("Senior Frontend Software Engineer", "frontend-engineer"),
        ("Software Engineer, Early Career, AI/Machine Learning", "ml-engineer"),
        # no qualifier that names a family, or several naming different ones: the umbrella
        ("Software Engineer II", "software-engineer"),
        ("Software Engineer, Realtime Compute", "software-engineer"),
        ("Principal Software Engineer (Golang / Rust / Java)", "software-engineer"),
        ("Quantitative Software Engineer (Python/Java, SQL)", "software-engineer"),
        # only a software or data specialty, and never the employer
        ("Software Engineer, Sales", "software-engineer"),
        ("Software Engineer - Manufacturing", "software-engineer"),
        ("Software Engineer - Systems", "software-engineer"),
        ("Software Engineer @ Oracle", "software-engineer"),
        ("Backend Software Engineer at Snowflake", "backend-engineer"),
        ("Software Engineer at Meta, Machine Learning", "ml-engineer"),
        ("Software Engineer at Meta - Machine Learning", "ml-engineer"),
    ],
)
def test_a_qualifier_beside_an_umbrella_title_names_the_job(title: str, family: str) -> None:
    found = default_taxonomy().family_for_title(title)
    assert found is not None
    assert found.id == family


@pytest.mark.parametrize(
    ("title", "family"),
    [
        ("Principal Spacecraft Systems Engineer (Defense/Intelligence)", "systems-engineer"),
        ("Satellite Systems Engineer II", "systems-engineer"),
        ("Systems Engineer", "systems-administrator"),  # in IT, most often
        ("Senior Linux Systems Engineer", "systems-administrator"),
        ("Machine Learning Operations Engineer", "ml-engineer"),
        # a qualifier set apart that makes a title of its own with it names the job
        ("Systems Engineer - Satellite", "systems-engineer"),
        ("Senior Systems Engineer (Satellite)", "systems-engineer"),
        ("Systems Engineer, Linux", "systems-administrator"),
        ("Data Analyst - Marketing", "marketing-analyst"),
        ("Project Manager - Construction", "construction-manager"),
    ],
)
def test_systems_and_ml_operations_titles(title: str, family: str) -> None:
    """A spacecraft's systems engineer designs spacecraft, not Linux servers."""
    found = default_taxonomy().family_for_title(title)
    assert found is not None
    assert found.id == family


def test_a_midwife_is_her_own_family_not_a_kind_of_registered_nurse() -> None:
    tax = default_taxonomy()
    assert [m.value for m in tax.find_titles_in_title("Hebamme")] == ["midwife"]
    assert [m.value for m in tax.find_titles_in_title("Certified Nurse Midwife")] == ["midwife"]
    midwife = parse_profile(
        {"work": [{"position": "Community Midwife", "name": "NHS Trust", "startDate": "2016-01",
                   "summary": "Antenatal clinics, home births and postnatal visits."}]},
        as_of=AS_OF,
        taxonomy=tax,
    )  # fmt: skip
    for_midwife = build_icp("Midwife", "Midwife for our birth centre.", None, taxonomy=tax)
    for_nurse = build_icp("Registered Nurse", "RN for our surgical ward.", None, taxonomy=tax)
    (as_midwife,) = score_profiles(for_midwife, [midwife], [0.5], as_of=AS_OF)
    (as_nurse,) = score_profiles(for_nurse, [midwife], [0.5], as_of=AS_OF)
    assert as_midwife.scores["title"] == 100
    assert as_nurse.scores["title"] < 80
    assert {"Prenatal Care", "Postnatal Care"} <= set(midwife.skill_set)
