"""Taxonomy loading, alias canonicalisation and the compiled matcher's ambiguity rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from talentscout.engine.taxonomy import Taxonomy, default_taxonomy


class TestCanonicalSkill:
    @pytest.mark.parametrize("alias", ["JS", "Javascript", "ECMAScript", "javascript", "ES6"])
    def test_javascript_aliases(self, taxonomy: Taxonomy, alias: str) -> None:
        assert taxonomy.canonical_skill(alias) == "JavaScript"

    def test_punctuation_aware(self, taxonomy: Taxonomy) -> None:
        assert taxonomy.canonical_skill("C++") == "C++"
        assert taxonomy.canonical_skill("C#") == "C#"
        assert taxonomy.canonical_skill("C") == "C"
        assert taxonomy.canonical_skill(".net") == ".NET"
        assert taxonomy.canonical_skill("nodejs") == "Node.js"
        assert taxonomy.canonical_skill("Node JS") == "Node.js"
        assert taxonomy.canonical_skill("ci/cd") == "CI/CD"

    def test_unknown(self, taxonomy: Taxonomy) -> None:
        assert taxonomy.canonical_skill("Underwater basket weaving") is None

    def test_related_is_symmetric(self, taxonomy: Taxonomy) -> None:
        assert "Kafka" in taxonomy.related_skills("RabbitMQ")
        assert "RabbitMQ" in taxonomy.related_skills("kafka")

    def test_category(self, taxonomy: Taxonomy) -> None:
        assert taxonomy.category("pyspark") == "data"
        assert "software" in taxonomy.categories


def test_included_skills_are_canonical_narrower_skills() -> None:
    tax = default_taxonomy()
    assert {"PostgreSQL", "MySQL"} <= set(tax.included_skills("RDBMS"))
    assert "Docker" in tax.included_skills("Containerization")
    assert tax.included_skills("Docker") == ()
    assert "AWS Glue" in tax.included_skills("Data Pipelines")  # through ETL
    pipelines = tax.skill("Data Pipelines")
    assert pipelines is not None
    assert "AWS Glue" not in pipelines.includes  # not listed directly
    for skill in tax.skills:  # every listed narrower skill is in the taxonomy
        direct = {tax.canonical_skill(s) for s in skill.includes}
        assert None not in direct, skill.name
        assert direct - {skill.name} <= set(tax.included_skills(skill.name)), skill.name
        assert skill.name not in tax.included_skills(skill.name)


def test_a_framework_shows_its_language_and_a_narrower_skill_its_umbrellas() -> None:
    tax = default_taxonomy()
    assert "Django" in tax.included_skills("Python")
    assert {"Django", "Python"} <= set(tax.with_broader(["Django"]))
    assert {"Angular", "TypeScript", "JavaScript"} <= set(tax.with_broader(["Angular"]))
    assert {"PostgreSQL", "SQL"} <= set(tax.with_broader(["postgres"]))
    assert "Java" not in tax.with_broader(["Django"])
    # A provider's services show the provider; a managed Kubernetes shows Kubernetes.
    assert {"AWS", "Cloud Computing"} <= set(tax.with_broader(["Amazon S3"]))
    assert {"Kubernetes", "Google Cloud Platform"} <= set(tax.with_broader(["GKE"]))
    assert "AWS" not in tax.with_broader(["Amazon Seller Central"])  # the marketplace
    assert tax.with_broader([]) == ()


def test_kinds_are_the_umbrellas_that_list_a_skill_among_its_alternatives() -> None:
    tax = default_taxonomy()
    assert tax.kinds("PostgreSQL") == {"Relational Databases"}
    # SQL lists dialects beside databases, Observability metrics beside dashboards: no kinds
    assert "SQL" not in tax.kinds("PostgreSQL")
    assert tax.kinds("Grafana") == frozenset()
    assert tax.kinds("AWS") == {"Cloud Computing"}
    assert tax.kinds("Amazon S3") == frozenset()  # in Cloud Computing only through AWS
    assert tax.kinds("Django") == frozenset()  # "Python", "Backend Development": no kinds
    # An extension that adds an alternative to a kind keeps the umbrella's flag.
    bigger = tax.extend(skills=[{"name": "Relational Databases", "includes": ["CockroachDB"]}])
    assert "Relational Databases" in bigger.kinds("CockroachDB")


def test_broad_phrases_name_the_skill_a_posting_means() -> None:
    """A developer posting's "database management (MongoDB, SQL)" asks for working databases,
    not a DBA; "Windows desktop app development" is not mobile development."""
    tax = default_taxonomy()

    def found(text: str) -> list[str]:
        return [m.value for m in tax.find_skills(text)]

    assert found("strong database management skills") == ["Database Management"]
    assert "PostgreSQL" in tax.included_skills("Database Management")
    assert found("relational database management") == ["Relational Databases"]
    assert found("Windows desktop app development") == []
    assert found("mobile app development") == ["Mobile App Development"]
    assert found("Data Center Networking") == ["Network Engineering"]


def test_acronyms_are_found_in_the_plural() -> None:
    """ "Performance debug and optimization on CPUs/GPUs", "CDNs": the plural of a three- to
    five-letter acronym names its skill; two letters do not ("its" is no IT)."""
    tax = default_taxonomy()

    def found(text: str) -> list[str]:
        return [m.value for m in tax.find_skills(text)]

    assert found("Benchmark models on GPUs behind CDNs") == ["GPU Computing", "CDN"]
    assert "CUDA" in tax.included_skills("GPU Computing")
    # Generated plurals match only as spelled: capitals are English words ("MEANS", "LAMPS").
    assert found("BY ALL MEANS, LAMPS AND YARNS") == []
    assert found("gpus") == []
    # Plurals the taxonomy lists keep their own casing rules ("LLMs" is listed beside "LLM").
    assert found("kpis and sops") == ["KPI Development", "Standard Operating Procedures"]
    assert found("llms") == ["Large Language Models"]


def test_a_clearance_is_named_by_its_level_not_by_secret_alone() -> None:
    tax = default_taxonomy()
    for text in ("Active TS/SCI with polygraph", "top secret clearance", "DoD Secret clearance"):
        assert [m.value for m in tax.find_skills(text)] == ["Security Clearance"], text
    assert tax.find_skills("our top secret recipe") == []
    assert tax.category("Security Clearance") == "credential"


class TestFindSkills:
    def test_c_family_distinct(self, taxonomy: Taxonomy) -> None:
        found = [m.value for m in taxonomy.find_skills("Languages: C, C++, C# and .NET Core")]
        assert found == ["C", "C++", "C#", ".NET"]

    def test_spans_are_exact(self, taxonomy: Taxonomy) -> None:
        text = "Built services in NodeJS and node.js, deployed with CI/CD."
        for m in taxonomy.find_skills(text):
            assert text[m.start : m.end] == m.text
        assert [m.text for m in taxonomy.find_skills(text)] == ["NodeJS", "node.js", "CI/CD"]

    def test_go_language_vs_verb(self, taxonomy: Taxonomy) -> None:
        assert [m.value for m in taxonomy.find_skills("Backend in Python, Go, Rust")] == [
            "Python",
            "Go",
            "Rust",
        ]
        assert taxonomy.find_skills("I go to the office. Go to market strategy.") == []
        assert [m.value for m in taxonomy.find_skills("Go programming for APIs")] == ["Go"]

    def test_ambiguous_words_need_case_and_context(self, taxonomy: Taxonomy) -> None:
        assert taxonomy.find_skills("we excel at less formal things, swift delivery") == []
        assert [m.value for m in taxonomy.find_skills("Expert in MS Excel")] == ["Excel"]
        assert [m.value for m in taxonomy.find_skills("Tools: R, SAP")] == ["R", "SAP"]
        assert taxonomy.find_skills("Route R was closed") == []

    def test_structured_field_needs_no_context(self, taxonomy: Taxonomy) -> None:
        assert [m.value for m in taxonomy.find_skills("Go", structured=True)] == ["Go"]

    def test_no_match_inside_words(self, taxonomy: Taxonomy) -> None:
        assert [m.value for m in taxonomy.find_skills("JavaScript and Java")] == [
            "JavaScript",
            "Java",
        ]
        assert taxonomy.find_skills("Gogol wrote about Rusty kettles") == []


class TestTitlesAndSeniority:
    def test_family_for_title(self, taxonomy: Taxonomy) -> None:
        family = taxonomy.family_for_title("Senior Backend Engineer")
        assert family is not None
        assert family.id == "software-engineer"
        assert taxonomy.family_for_title("Mechanical Engineer").id == "mechanical-engineer"  # type: ignore[union-attr]
        assert taxonomy.family_for_title("Chef de partie") is None

    @pytest.mark.parametrize(
        ("title", "level"),
        [
            ("Staff Software Engineer", "staff"),
            ("Principal Engineer", "principal"),
            ("Software Engineering Intern", "intern"),
            ("Sr. Developer", "senior"),
            ("Senior Director of Engineering", "director"),
            ("Software Engineer", None),
        ],
    )
    def test_seniority_in_title(self, taxonomy: Taxonomy, title: str, level: str | None) -> None:
        found = taxonomy.seniority_in_title(title)
        assert (found.level if found else None) == level


class TestLoading:
    def test_missing_files_are_tolerated(self, tmp_path: Path) -> None:
        empty = Taxonomy.load(tmp_path)
        assert empty.canonical_skill("Python") is None
        assert empty.find_skills("Python") == []
        assert empty.version == "empty"
        assert [lvl.level for lvl in empty.ladder][:2] == ["intern", "junior"]

    def test_bad_json_is_skipped(self, tmp_path: Path) -> None:
        (tmp_path / "skills").mkdir()
        (tmp_path / "skills" / "bad.json").write_text("{not json")
        (tmp_path / "skills" / "ok.json").write_text(
            json.dumps({"version": "v1", "category": "x", "skills": [{"name": "Zig"}]})
        )
        assert Taxonomy.load(tmp_path).canonical_skill("zig") == "Zig"

    def test_the_version_is_the_newest_file_version_by_number(self, tmp_path: Path) -> None:
        """A parse records the taxonomy version, so a newer file must raise it: "2026.11.29"
        is newer than "2026.11.5" although it sorts before it as text."""
        (tmp_path / "skills").mkdir()
        for name, version in (("a", "2026.11.5"), ("b", "2026.11.29"), ("c", "2026.9.30")):
            (tmp_path / "skills" / f"{name}.json").write_text(
                json.dumps({"version": version, "category": "x", "skills": [{"name": name}]})
            )
        assert Taxonomy.load(tmp_path).version == "2026.11.29"

    def test_default_is_cached(self) -> None:
        assert default_taxonomy() is default_taxonomy()

    def test_extend_merges(self, taxonomy: Taxonomy) -> None:
        bigger = taxonomy.extend(
            skills=[
                {"name": "Kafka", "aliases": ["Kafka Streams"]},
                {"name": "Terraform", "aliases": ["TF"], "category": "software"},
            ],
            titles=[{"id": "platform-engineer", "name": "Platform Engineer"}],
        )
        assert bigger.canonical_skill("kafka streams") == "Kafka"
        assert bigger.canonical_skill("Apache Kafka") == "Kafka"
        assert bigger.canonical_skill("terraform") == "Terraform"
        assert bigger.family_for_title("Platform Engineer") is not None
        assert bigger.version.startswith(taxonomy.version + "+ext.")
        assert taxonomy.canonical_skill("terraform") is None  # the original is unchanged


def test_a_family_knows_the_families_that_are_kinds_of_it(tmp_path: Path) -> None:
    """``kind_of`` reads transitively downward, makes the two related, and ignores unknown ids,
    itself and cycles."""
    families = [
        {"id": "nurse", "name": "Nurse"},
        {"id": "icu-nurse", "name": "ICU Nurse", "kind_of": ["nurse", "nurse", "no-such-family"]},
        {"id": "cvicu-nurse", "name": "CVICU Nurse", "kind_of": ["icu-nurse", "cvicu-nurse"]},
        {"id": "a", "name": "A", "kind_of": ["b"]},
        {"id": "b", "name": "B", "kind_of": ["a"]},
    ]
    (tmp_path / "titles.json").write_text(json.dumps({"version": "1", "families": families}))
    tax = Taxonomy.load(tmp_path)
    assert tax.family("icu-nurse").kind_of == ("nurse", "no-such-family")  # type: ignore[union-attr]
    assert tax.narrower_families("nurse") == ("cvicu-nurse", "icu-nurse")
    assert tax.narrower_families("icu-nurse") == ("cvicu-nurse",)
    assert tax.narrower_families("cvicu-nurse") == ()
    assert "nurse" in tax.related_families("icu-nurse")
    assert "icu-nurse" in tax.related_families("nurse")
    assert tax.narrower_families("a") == ("b",)
    assert tax.narrower_families("b") == ("a",)


def test_specialty_nurses_are_registered_nurses_and_nurse_practitioners_are_not() -> None:
    narrower = default_taxonomy().narrower_families("registered-nurse")
    assert {"icu-nurse", "er-nurse", "neonatal-nurse", "home-health-nurse"} <= set(narrower)
    assert not {"nurse-practitioner", "nurse-manager", "lpn"} & set(narrower)
    assert default_taxonomy().narrower_families("icu-nurse") == ()


def test_set_default_taxonomy(taxonomy: Taxonomy) -> None:
    from talentscout.engine.taxonomy import set_default_taxonomy

    original = default_taxonomy()
    try:
        set_default_taxonomy(taxonomy)
        assert default_taxonomy() is taxonomy
        set_default_taxonomy(None)
        assert default_taxonomy() is not taxonomy
    finally:
        set_default_taxonomy(original)


class TestSeniorityRoleNouns:
    """The package ladder: a ladder word's place in the title decides what it says."""

    @pytest.mark.parametrize(
        ("title", "level"),
        [
            ("Account Executive", "mid"),  # a sales role, not a C-level one
            ("Enterprise Account Executive", "mid"),
            ("Sales Executive", "mid"),
            ("Sales & Marketing Executive", "mid"),
            ("Senior Account Executive", "senior"),
            ("Executive Assistant", None),
            ("Executive Chef", None),
            ("Executive", None),
            ("Chief Executive Officer", "executive"),
            ("Chief Financial Officer", "executive"),
            ("Executive Vice President, Sales", "vp"),
            ("Executive Director", "director"),
            ("Head of Sales", "director"),
            ("Staff Engineer", "staff"),
            ("Staff Nurse", None),
            ("Senior Staff Nurse", "senior"),
            ("Staff Accountant", None),
            ("Nursing Staff", None),
            ("Chief of Staff", None),
            ("Principal Engineer", "principal"),
            ("School Principal", None),
            ("Lead Generation Specialist", None),
            ("Lead Engineer", "staff"),
            ("principal", "principal"),  # a refinement names the level alone
        ],
    )
    def test_levels(self, title: str, level: str | None) -> None:
        found = default_taxonomy().seniority_in_title(title)
        assert (found.level if found else None) == level

    @pytest.mark.parametrize(
        "title",
        ["Product Manager", "Engineering Manager", "Senior Product Manager", "Team Lead",
         "Team Leader", "Supervisor", "People Manager", "Shift Supervisor"],
    )  # fmt: skip
    def test_managers_do_not_outrank_the_ic_ladder(self, title: str) -> None:
        tax = default_taxonomy()
        rank = lambda t: lvl.rank if (lvl := tax.seniority_in_title(t)) else -1  # noqa: E731
        assert rank(title) <= rank("Staff Engineer") < rank("Principal Engineer")

    def test_ladder_ranks_are_ordered(self) -> None:
        tax = default_taxonomy()
        rank = {lvl.level: lvl.rank for lvl in tax.ladder}
        assert rank["senior"] < rank["staff"] == rank["manager"] < rank["principal"]
        assert rank["principal"] < rank["director"] < rank["vp"] < rank["executive"]

    @pytest.mark.parametrize("title", ["Engineering", "Sales", "Marketing", "Operations", ""])
    def test_department_only_titles(self, title: str) -> None:
        tax = default_taxonomy()
        assert tax.seniority_in_title(title) is None
        assert tax.family_for_title(title) is None or title == ""

    def test_rules_come_from_the_data(self) -> None:
        from talentscout.engine.taxonomy import SeniorityLevel

        tax = Taxonomy(
            seniority=[
                SeniorityLevel("mid", 2, ("intermediate",), 2, (), ("executive",)),
                SeniorityLevel("staff", 4, ("lead",), 8, ("staff",)),
            ],
            seniority_neutral=["staff nurse"],
        )
        level = lambda t: lvl.level if (lvl := tax.seniority_in_title(t)) else None  # noqa: E731
        assert level("Staff Data Scientist") == "staff"
        assert level("Support Staff") is None
        assert level("Staff Nurse") is None
        assert level("Marketing Executive") == "mid"
        assert level("Executive Producer") is None
        assert level("Lead Executive") == "staff"
        assert tax.extend(titles=[{"id": "x", "name": "X"}]).seniority_neutral == ("staff nurse",)


class TestSenioritySpan:
    @pytest.mark.parametrize(
        ("title", "span"),
        [
            ("Senior, Staff, or Principal Software Engineer", ("senior", "principal")),
            ("Sr. to Lead Software Engineer", ("senior", "staff")),
            ("Senior/Staff Backend Engineer", ("senior", "staff")),
            ("Junior to Mid-level Developer", ("entry", "mid")),
            ("Senior Staff Engineer", ("staff", "staff")),  # stacked, not alternatives
            ("Principal, Senior Staff Engineer", ("staff", "principal")),
            ("Senior & Staff Engineer", ("senior", "staff")),
            ("Senior and Staff Engineer", ("senior", "staff")),
            ("Senior Director of Sales", ("director", "director")),
            ("Staff Software Engineer", ("staff", "staff")),
            ("Software Engineer", None),
        ],
    )
    def test_alternatives_widen_the_span_down(
        self, title: str, span: tuple[str, str] | None
    ) -> None:
        found = default_taxonomy().seniority_span_in_title(title)
        assert (tuple(lvl.level for lvl in found) if found else None) == span
        top = default_taxonomy().seniority_in_title(title)
        assert (top.level if top else None) == (span[1] if span else None)


class TestFamilyNamedSkills:
    def test_a_family_named_after_a_skill_knows_it(self) -> None:
        named = default_taxonomy().family_named_skills
        assert named["python-developer"] == ("Python",)
        assert named["java-developer"] == ("Java",)
        assert named["full-stack-engineer"] == ("Full Stack Development",)  # "… development"

    def test_an_engineer_is_named_after_the_discipline(self) -> None:
        named = default_taxonomy().family_named_skills
        assert named["electrical-engineer"] == ("Electrical Engineering",)
        assert named["data-engineer"] == ("Data Engineering",)
        # "Sales Engineer" is not "sales development": the field reading is for software jobs.
        assert "Sales Development" not in named["sales-engineer"]

    def test_a_practitioners_title_names_the_practice(self) -> None:
        tax = default_taxonomy()
        practice = tax.family_practice_skills
        assert practice["data-scientist"] == ("Data Science",)
        assert practice["project-manager"] == ("Project Management",)
        assert practice["accountant"] == ("Accounting",)
        assert "python-developer" not in practice  # Python is already what it is named after
        # A discipline is what the title stands for without naming it; a named tool is not.
        assert tax.family_field_skills["software-engineer"] == ("Software Engineering",)
        assert tax.family_field_skills["data-scientist"] == ("Data Science",)
        assert "python-developer" not in tax.family_field_skills
        assert "Salesforce CRM" not in tax.family_field_skills["salesforce-developer"]

    def test_families_named_after_no_skill(self) -> None:
        named = default_taxonomy().family_named_skills
        assert named["account-manager"] == ()
        assert named["lawyer"] == ()


@pytest.mark.parametrize(
    ("text", "alias", "sense"),
    [
        ("Build AR effects in Unreal Engine with 3D animation", "AR", "AR/VR Development"),
        ("Reconcile AR and AP in the general ledger", "AR", "Accounts Receivable"),
        ("Blockchain infrastructure for EVM chains in Solidity", "EVM", "Ethereum"),
        ("EVM reporting in Primavera P6", "EVM", "Earned Value Management"),
        ("Spark jobs on EMR and S3", "EMR", "Amazon EMR"),
        ("Lead IR with the SOC and digital forensics", "IR", "Incident Response"),
        ("Own IR for the company", "IR", "Investor Relations"),  # no context: the owner's
        ("Services on AWS: Lambda, ECS, S3, SQS, IAM", "IAM", "AWS IAM"),
        ("IAM with Okta and SailPoint", "IAM", "Identity and Access Management"),
        ("AWS services: ECS, S3, API Gateway, DynamoDB", "API Gateway", "Amazon API Gateway"),
        ("Design an API Gateway with Kong", "API Gateway", "API Management"),
    ],
)
def test_a_shared_alias_means_the_sense_its_text_stands_nearest_to(
    text: str, alias: str, sense: str
) -> None:
    found = {m.text: m.value for m in default_taxonomy().find_skills(text)}
    assert found[alias] == sense, found


def test_shared_aliases_survive_an_extension() -> None:
    tax = default_taxonomy().extend(skills=[{"name": "Ethereum", "aliases": ["Ether"]}])
    found = {m.text: m.value for m in tax.find_skills("EVM chains in Solidity")}
    assert found["EVM"] == "Ethereum"


def test_a_shared_alias_means_one_thing_across_a_whole_profile_or_posting() -> None:
    """A title or a bullet read alone has no context; the document it belongs to has."""
    from datetime import date

    from talentscout.engine.icp import build_icp
    from talentscout.engine.parse import parse_profile

    icp = build_icp("AR Developer", "Build AR effects in Unreal Engine. AR and C# required.")
    assert "AR/VR Development" in icp.must_have
    assert "Accounts Receivable" not in (*icp.must_have, *icp.nice_to_have)
    profile = parse_profile(
        {
            "skills": [{"keywords": ["Unity", "C#", "Unreal Engine"]}],
            "work": [
                {
                    "name": "Acme Games",
                    "position": "Developer",
                    "startDate": "2020-01",
                    "highlights": ["Shipped AR features for retail clients"],
                },
            ],
        },  # fmt: skip
        as_of=date(2024, 1, 1),
    )
    assert "Accounts Receivable" not in profile.skill_set
    assert profile.roles[0].skills == ("AR/VR Development",)


def test_a_shared_alias_follows_its_own_text_before_the_rest_of_the_profile() -> None:
    from datetime import date

    from talentscout.engine.parse import parse_profile

    work = [
        {"name": "Pixel", "position": "Developer", "startDate": "2022-01",
         "highlights": ["Built AR apps in Unreal Engine"]},
        {"name": "Ledger", "position": "Billing Clerk", "startDate": "2019-01",
         "endDate": "2021-12", "highlights": ["Managed AR, collections and the general ledger"]},
    ]  # fmt: skip
    profile = parse_profile({"work": work}, as_of=date(2024, 1, 1))
    developer, clerk = profile.roles
    assert "AR/VR Development" in developer.skills
    assert "Accounts Receivable" in clerk.skills


def test_taxonomy_tables_do_not_depend_on_the_document_read_first() -> None:
    from datetime import date

    from talentscout.engine.icp import build_icp
    from talentscout.engine.parse import parse_profile
    from talentscout.engine.taxonomy import Taxonomy

    first = Taxonomy.load()  # its tables are first built while a developer posting is read
    posting = "Review every PR on GitHub; Git and code review daily."
    build_icp("Backend Engineer", posting, taxonomy=first)
    parse_profile({"resumeText": posting}, as_of=date(2024, 1, 1), taxonomy=first)
    second = Taxonomy.load()
    assert second.family_named_skills["pr-specialist"] == ("Public Relations",)
    assert first.family_named_skills == second.family_named_skills
    assert first.family_practice_skills == second.family_practice_skills


def test_reading_a_document_ends_with_its_block_even_on_an_error() -> None:
    tax = default_taxonomy()
    with pytest.raises(RuntimeError, match="boom"), tax.reading(lambda: [("Unreal Engine", True)]):
        raise RuntimeError("boom")
    found = {m.text: m.value for m in tax.find_skills("We use AR.")}
    assert found["AR"] == "Accounts Receivable"  # no document left behind: the owner's sense


def test_a_query_naming_a_shared_alias_reads_it_in_the_jobs_sense() -> None:
    from talentscout.engine.icp import build_icp
    from talentscout.engine.refine import refine_icp

    icp = build_icp("XR Engineer", "Requirements: Unreal Engine and 3D modeling.")
    refined = refine_icp(icp, "must have AR")
    assert "AR/VR Development" in refined.must_have
    assert "Accounts Receivable" not in refined.must_have


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        # one generic skill of a field in the line does not outvote the whole profile
        (
            "Automated AR aging reports with SQL and Excel",
            "Accounts Receivable",
            "AR/VR Development",
        ),
        ("Built SQL reports on EMR data", "Electronic Health Records", "Amazon EMR"),
    ],
)
def test_a_line_s_field_alone_does_not_outvote_the_profile(
    text: str, wanted: str, unwanted: str
) -> None:
    from datetime import date

    from talentscout.engine.parse import parse_profile

    skills = {"Accounts Receivable": ["General Ledger", "Accounts Payable", "GAAP"]}.get(
        wanted, ["Epic", "HL7", "HIPAA"]
    )
    profile = parse_profile(
        {
            "skills": [{"keywords": skills}],
            "work": [
                {"name": "X", "position": "Analyst", "startDate": "2020-01", "highlights": [text]}
            ],
        },  # fmt: skip
        as_of=date(2024, 1, 1),
    )
    assert wanted in profile.skill_set
    assert unwanted not in profile.skill_set


class TestEuropeanAccounting:
    """What a German accountant posting names: HGB, DATEV, Lexware, local standards, VAT."""

    @pytest.mark.parametrize(
        ("alias", "skill"),
        [
            ("HGB", "HGB"),
            ("German GAAP", "HGB"),
            ("Handelsgesetzbuch", "HGB"),
            ("DATEV", "DATEV"),
            ("Datev", "DATEV"),
            ("Lexware", "Lexware"),
            ("lexoffice", "Lexware"),
            ("FRS 102", "UK GAAP"),
            ("local GAAP", "Local GAAP"),
            ("Umsatzsteuer", "VAT"),
            ("Jahresabschluss", "Financial Statements"),
            ("Bilanzbuchhalter IHK", "Bilanzbuchhalter"),
            ("SAP FI", "SAP FICO"),
            ("US GAAP", "US GAAP"),
            ("IFRS", "IFRS"),
            ("month-end close", "Month-End Close"),
        ],
    )
    def test_names(self, alias: str, skill: str) -> None:
        tax = default_taxonomy()
        assert tax.canonical_skill(alias) == skill
        assert tax.category(skill) in {"finance", "software"}

    def test_a_national_standard_is_not_us_gaap(self) -> None:
        found = default_taxonomy().find_skills("Accounts under UK GAAP and local GAAP")
        assert [m.value for m in found] == ["UK GAAP", "Local GAAP"]

    def test_hgb_is_matched_in_capitals_only(self) -> None:
        # "Hgb 12 g/dL" in a clinical posting is haemoglobin
        assert default_taxonomy().find_skills("Monitor Hgb levels and hgb trends") == []

    def test_hgb_is_related_to_ifrs(self) -> None:
        assert "IFRS" in default_taxonomy().related_skills("German GAAP")
