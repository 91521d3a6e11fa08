"""Reading requirements from job text: sections, phrasing, years and negatives."""

from __future__ import annotations

import pytest

from talentscout.engine.phrasing import cue, header_mode, line_segments, unglue
from talentscout.engine.requirements import read_negatives, read_requirements
from talentscout.engine.taxonomy import Taxonomy, default_taxonomy


def split_segments(text: str) -> list[str]:
    return [segment for line in line_segments(text) for segment in line]


def test_sections_set_defaults(taxonomy: Taxonomy) -> None:
    text = "Requirements:\n- Python\n- Django\nNice to have:\n- Kafka\nResponsibilities:\n- Docker"
    req = read_requirements("Engineer", text, taxonomy)
    assert req.must == ["Python", "Django"]
    assert req.nice == ["Kafka"]
    assert req.mentioned == ["Docker"]


def test_sentence_marker_overrides_section(taxonomy: Taxonomy) -> None:
    text = "Requirements:\n- Python\n- Kafka is a plus"
    req = read_requirements("Engineer", text, taxonomy)
    assert req.must == ["Python"]
    assert req.nice == ["Kafka"]


def test_years(taxonomy: Taxonomy) -> None:
    req = read_requirements("Engineer", "7+ years of experience. 3 years of Kafka.", taxonomy)
    assert req.min_years == 7.0
    assert "Kafka" in req.must


def test_years_in_nice_sentence_do_not_count(taxonomy: Taxonomy) -> None:
    req = read_requirements("Engineer", "10 years of Rust experience is a plus.", taxonomy)
    assert req.min_years is None


def test_phd(taxonomy: Taxonomy) -> None:
    assert read_requirements("Researcher", "A PhD in Physics is required.", taxonomy).phd


def test_negatives(taxonomy: Taxonomy) -> None:
    terms, levels = read_negatives("No agencies. Not junior. Exclude consultants.", taxonomy)
    assert terms == ["agency", "consultant"]
    assert levels == ["junior"]


def test_a_negative_names_what_is_turned_away(taxonomy: Taxonomy) -> None:
    """ "No agency recruiters" turns away agencies; a recruiter's own posting never turns away
    recruiters (every candidate it wants would be excluded)."""
    assert read_negatives("No agency recruiters, please.", taxonomy)[0] == ["agency"]
    assert read_negatives("No third-party recruiters.", taxonomy)[0] == ["recruiter"]
    own = read_requirements("Technical Recruiter", "No recruiters or agencies.", taxonomy)
    assert own.negatives == ["agency"]


def test_split_segments() -> None:
    assert split_segments("One. Two\n• Three • Four") == ["One.", "Two", "Three", "Four"]


def test_or_groups(taxonomy: Taxonomy) -> None:
    req = read_requirements(
        "Engineer (Go / Rust)",
        "Requirements:\n- Python or Java\n- Docker, Kubernetes\n- One of: Kafka, RabbitMQ",
        taxonomy,
    )
    assert req.alternatives["Go"] == ["Rust"]
    assert req.alternatives["Python"] == ["Java"]
    assert req.alternatives["Kafka"] == ["RabbitMQ"]
    assert "Docker" not in req.alternatives  # a plain list is all required


def test_slash_between_a_platform_and_a_tool_built_on_it_asks_both() -> None:
    taxonomy = default_taxonomy()  # which skill is built on which: the shipped "includes"
    both = read_requirements("Senior Software Engineer (Python / Django)", "", taxonomy)
    assert both.must == ["Python", "Django"]
    assert not both.alternatives
    either = read_requirements("Engineer (JavaScript/TypeScript)", "", taxonomy)
    assert either.alternatives["JavaScript"] == ["TypeScript"]  # two languages: a choice
    mixed = read_requirements("Developer (Python/Django/Flask)", "", taxonomy)
    assert mixed.alternatives == {"Django": ["Flask"], "Flask": ["Django"]}
    assert "Python" in mixed.must


def test_text_copied_from_web_pages(taxonomy: Taxonomy) -> None:
    """Lost spaces after full stops and headers glued to their first line, as in postings
    copied from job boards: the company blurb must not leak into the requirements."""
    text = (
        "About us: we build Cyber Security products.\n"
        "Culture is something you need to live.If you like it, join our Kubernetes team.\n"
        "Key Requirements:To be considered you must have a security clearance and 5+ years "
        "of experience.\n"
        "Key Skills:      Experience with Java, Spring Boot and Jenkins\n"
        "Nice to have: Kafka"
    )
    req = read_requirements("Software Engineer", text, taxonomy)
    assert req.must == ["Java", "Spring Boot", "Jenkins"]
    assert req.nice == ["Kafka"]
    assert "Kubernetes" in req.mentioned
    assert req.min_years == 5.0
    assert split_segments("It just exists.If this sounds good") == [
        "It just exists.",
        "If this sounds good",
    ]
    assert split_segments("Skills: Python") == ["Skills: Python"]
    assert split_segments("Boost.Asio and Node.js in the U.S.Army") == [
        "Boost.Asio and Node.js in the U.S.Army"
    ]
    assert split_segments("Note: this is no header") == ["Note: this is no header"]
    assert split_segments("SQL (e.g., PostgreSQL).Experience with Kafka is a plus.") == [
        "SQL (e.g., PostgreSQL).",
        "Experience with Kafka is a plus.",
    ]


def test_clearance_is_not_typescript() -> None:
    text = "You must hold a TS/SCI clearance."
    req = read_requirements("Engineer", text, default_taxonomy())
    assert "TypeScript" not in req.must


def test_words_run_together_are_split_unless_they_are_a_known_name() -> None:
    text = (
        "Must have: experience in a containerized environmentJava, "
        "SpringBootExperience with JavaScript"
    )
    req = read_requirements("Engineer", text, default_taxonomy())
    assert {"Java", "Spring Boot", "JavaScript"} <= set(req.must)
    tax = default_taxonomy()
    assert unglue("PostgreSQL, TypeScript, a containerized environmentJava", tax) == (
        "PostgreSQL, TypeScript, a containerized environment Java"
    )
    vault = read_requirements("DevOps Engineer", "Requirements:\n- HashiCorp Vault", tax)
    assert "HashiCorp Vault" in vault.must


def test_an_inline_label_sets_the_mode_of_its_line_only(taxonomy: Taxonomy) -> None:
    text = "Requirements:\n- 5+ years of Python\n- Bonus: experience with Django\n- Docker\n- Kafka"
    req = read_requirements("Engineer", text, taxonomy)
    assert req.must == ["Python", "Docker", "Kafka"]
    assert req.nice == ["Django"]


def test_fields_of_study_are_not_skill_requirements() -> None:
    req = read_requirements(
        "Senior Software Engineer",
        "Requirements:\n"
        "- A bachelor's degree in Computer Science, Mathematics, Operations Research, or other "
        "related discipline.\n"
        "- Master of Science in Computer Science or Information Security with 2 years of "
        "experience.\n"
        "- Strong Python and Operations Research background.",
        default_taxonomy(),
    )
    assert "Python" in req.must
    assert "Cybersecurity" not in req.must + req.nice + req.mentioned
    # named again outside the degree sentence, as a skill: that one counts
    assert "Operations Research" in req.must


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("A minimum of ten years of experience as a software engineer is required.", 10.0),
        ("Two years of experience with Java required.", 2.0),
        ("5+ years of Python experience required.", 5.0),
        ("Three to five years of experience required.", 3.0),  # a range: its lower bound
        ("3-5 years of experience required.", 3.0),
        ("Two-plus years of experience required.", 2.0),
        ("Twenty-five years of experience required.", None),  # not "five"; over 20: ignored
    ],
)
def test_years_written_as_words(taxonomy: Taxonomy, text: str, years: float | None) -> None:
    assert read_requirements("Engineer", text, taxonomy).min_years == years


@pytest.mark.parametrize(
    ("text", "skills"),
    [
        ("Bachelor's degree and 5 years of experience in Python, Django and Kafka.",
         {"Python", "Django", "Kafka"}),
        ("BS in Computer Science or equivalent experience in Java and Kafka.", {"Java", "Kafka"}),
        ("Certified Scrum Master in Jira and Kubernetes.", {"Jira", "Kubernetes"}),
        ("Strong MS SQL Server skills in AWS and Azure.", {"AWS", "Azure"}),
        ("Master data management in SAP and Informatica.", {"SAP"}),
    ],
)  # fmt: skip
def test_degree_words_do_not_hide_skills(text: str, skills: set[str]) -> None:
    req = read_requirements("Engineer", "Requirements:\n" + text, default_taxonomy())
    assert skills <= set(req.must)


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("A degree in a related field.7+ years of experience required.", 7.0),  # lost space
        ("1.5 years of experience required.", None),  # a decimal, not "5 years"
    ],
)
def test_years_beside_a_full_stop(taxonomy: Taxonomy, text: str, years: float | None) -> None:
    assert read_requirements("Engineer", text, taxonomy).min_years == years


@pytest.mark.parametrize(
    "text",
    [
        "Bachelor's degree or higher in Statistics.",
        "Bachelor's degree (or equivalent) in Statistics.",
        "Bachelor's degree, preferably in Statistics.",
        "M.Sc./B.Sc./MSc. in Statistics.",
        "Master of Science (M.S.) in Statistics.",
    ],
)
def test_more_ways_to_name_a_field_of_study(text: str) -> None:
    req = read_requirements("Data Scientist", "Requirements:\n" + text, default_taxonomy())
    assert "Statistics" not in req.must


def test_addresses_and_pay_boilerplate_name_no_skill(taxonomy: Taxonomy) -> None:
    text = (
        "Requirements:\n- Python\n"
        "- Apply at https://jobs.example.com/careers/java-kafka or talent.acquisition@example.com\n"
        "Our total rewards package includes equity and recruiting bonuses.\n"
        "If you need any accommodations, please inform your recruiting contact."
    )
    req = read_requirements("Engineer", text, taxonomy)
    assert req.must == ["Python"]
    assert req.nice == req.mentioned == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Supported by renowned investors and industry experts, our company builds Kafka tools.",
        "We are revolutionising hardware design with strong Kafka pipelines.",
        "Our mission is to bring deep Kafka expertise to every bank.",
    ],
)
def test_sentences_about_the_company_ask_for_nothing(taxonomy: Taxonomy, sentence: str) -> None:
    req = read_requirements("Engineer", f"Requirements:\n- Python\n{sentence}", taxonomy)
    assert req.must == ["Python"]
    assert req.mentioned == ["Kafka"]


@pytest.mark.parametrize(
    "sentence",
    [
        "We also have deep integrations with Kafka and Snowflake.",
        "Our team has years of experience building Kafka systems at Uber.",
    ],
)
def test_the_company_or_its_people_as_subject_ask_for_nothing(
    taxonomy: Taxonomy, sentence: str
) -> None:
    req = read_requirements("Engineer", f"{sentence}\nRequirements:\n- Python", taxonomy)
    assert req.must == ["Python"]
    assert req.min_years is None
    wants = read_requirements("Engineer", "We expect strong Kafka skills.", taxonomy)
    assert wants.must == ["Kafka"]


def test_words_of_degree_do_not_require_what_a_section_only_prefers() -> None:
    """Under "Preferred Qualifications", "strong Scala" is a strong wish and "2 years" still
    says the level; "Kafka is required" there still requires it."""
    text = (
        "Requirements:\n- Python\nPreferred Qualifications:\n- Strong Scala skills\n"
        "- 2 years of relevant experience\n- Kafka is required"
    )
    req = read_requirements("Engineer", text, default_taxonomy())
    assert req.must == ["Python", "Kafka"]
    assert req.nice == ["Scala"]
    assert req.min_years == 2


def test_experts_are_people_not_a_requirement(taxonomy: Taxonomy) -> None:
    """ "Experts" are the company's people; "expert in" and "expertise" ask."""
    blurb = "Dice is the leading career destination for tech experts using Kafka."
    req = read_requirements("Engineer", blurb, taxonomy)
    assert req.must == []
    assert req.asking == []
    asks = read_requirements("Engineer", "You are an expert in Kafka.", taxonomy)
    assert asks.must == ["Kafka"]


def test_we_are_looking_for_still_asks(taxonomy: Taxonomy) -> None:
    req = read_requirements("Engineer", "We are looking for strong Kafka experience.", taxonomy)
    assert req.must == ["Kafka"]


def test_an_address_takes_only_itself(taxonomy: Taxonomy) -> None:
    req = read_requirements(
        "Engineer", "Requirements: hr@acme.com;skills:Python and Kafka", taxonomy
    )
    assert req.must == ["Python", "Kafka"]
    assert read_requirements("Engineer", "a@" * 3000, taxonomy).must == []  # no backtracking


@pytest.mark.parametrize(
    "sentence",
    [
        "We are currently looking for a developer with strong Kafka skills.",
        "We are hoping to find someone with strong Kafka experience.",
        "Our client is seeking an engineer with strong Kafka.",
        "The company requires strong Kafka.",
        "Experience presenting to investors; strong Kafka required.",
    ],
)
def test_a_company_sentence_that_asks_still_asks(taxonomy: Taxonomy, sentence: str) -> None:
    assert read_requirements("Engineer", sentence, taxonomy).must == ["Kafka"]


def test_a_company_sentence_sets_no_years(taxonomy: Taxonomy) -> None:
    text = "We are a team with 12 years of experience in fintech.\nRequirements:\n- Python"
    assert read_requirements("Engineer", text, taxonomy).min_years is None


def test_work_that_sounds_like_boilerplate_is_kept() -> None:
    tax = default_taxonomy()
    hotel = "5+ years running hotel accommodation and front office operations"
    assert read_requirements("Hotel Manager", hotel, tax).min_years == 5
    rewards = "3+ years designing total rewards programs"
    assert read_requirements("Compensation Analyst", rewards, tax).must == [
        "Compensation and Benefits"
    ]


@pytest.mark.parametrize(
    ("text", "must", "nice"),
    [
        ("Must have Python and Django; Kafka is a plus.", ["Python", "Django"], ["Kafka"]),
        ("Kafka is a plus; strong Python", ["Python"], ["Kafka"]),
        ("Strong Python; Go; Rust", ["Python", "Go", "Rust"], []),  # one cue, a list
        ("Requirements:\n- Python; Go is a plus", ["Python"], ["Go"]),  # a labelled section
        ("Requirements: Python; Rust is a plus", ["Python"], ["Rust"]),  # a labelled line
        ("Python; Django; Kafka required.", ["Python", "Django", "Kafka"], []),  # cue at the end
        ("Python, Go; Kafka preferred.", [], ["Python", "Go", "Kafka"]),
        ("Experience with Kafka (Python; Go) required.", ["Kafka", "Python", "Go"], []),
        ("Python &amp; Django required.", ["Python", "Django"], []),  # an HTML entity
        ("Python required, Kafka a plus", ["Python"], ["Kafka"]),  # commas: asks and prefers
        ("Strong Python, Go and Kafka", ["Python", "Go", "Kafka"], []),  # commas: one list
        ("Experience with Python, Go or Kafka is a plus", [], ["Python", "Go", "Kafka"]),
    ],
)
def test_each_clause_of_a_sentence_keeps_its_own_cue(
    taxonomy: Taxonomy, text: str, must: list[str], nice: list[str]
) -> None:
    req = read_requirements("Engineer", text, taxonomy)
    assert (req.must, req.nice) == (must, nice)


def test_years_and_degrees_follow_their_clause(taxonomy: Taxonomy) -> None:
    text = "Must have 5+ years of Python; Kafka is a plus."
    assert read_requirements("Engineer", text, taxonomy).min_years == 5
    assert read_requirements("Engineer", "PhD required; Kafka is a plus.", taxonomy).phd
    text = "Must have Python; we are a profitable company for 15 years."
    assert read_requirements("Engineer", text, taxonomy).min_years is None


@pytest.mark.parametrize(
    ("text", "asked", "colleagues"),
    [
        ("Requirements:\nPython.\nPartner with product management and sales to ship features.",
         {"Python"}, {"Product Management"}),
        ("Requirements:\nKotlin experience.\nWork closely with marketing on launches using SQL.",
         {"Kotlin", "SQL"}, {"Marketing"}),
        ("Required: work with Kafka and Python.", {"Kafka", "Python"}, set()),
        ("Required: experience interfacing with SAP and Salesforce APIs.",
         {"SAP", "Salesforce CRM"}, set()),
        ("Requirements:\nGo.\nLead work with cross-functional teams including product "
         "management.", set(), {"Product Management"}),
        ("Requirements:\nExperience on agile teams such as Scrum or Kanban teams.",
         {"Scrum"}, set()),
    ],
)  # fmt: skip
def test_functions_named_as_colleagues_are_not_requirements(
    text: str, asked: set[str], colleagues: set[str]
) -> None:
    req = read_requirements("Software Engineer", text, default_taxonomy())
    found = {*req.must, *req.nice, *req.mentioned}
    assert asked <= set(req.must)
    assert not colleagues & found


def test_years_asked_of_a_skill(taxonomy: Taxonomy) -> None:
    req = read_requirements(
        "Backend Engineer",
        "Requirements:\n5+ years of Python experience\n3+ years with Kafka\n"
        "2+ years of Kubernetes would be a plus",
        taxonomy,
    )
    assert req.min_years == 5.0
    assert req.skill_years == {"Python": 5.0, "Kafka": 3.0}  # a nice-to-have asks no years


@pytest.mark.parametrize(
    ("text", "skill_years"),
    [
        ("5+ years of software development, including 2+ years with Python",
         {"Software Engineering": 5.0, "Python": 2.0}),
        ("8+ years of professional experience, including Python, Go and AWS", {}),
        ("5+ years of Java experience, Kafka is a plus", {"Java": 5.0}),
        ("5+ years of Python experience, strong Django and PostgreSQL", {"Python": 5.0}),
        ("5+ years of Python and Django", {"Python": 5.0, "Django": 5.0}),
    ],
)  # fmt: skip
def test_a_years_figure_is_about_the_skills_right_after_it(
    text: str, skill_years: dict[str, float]
) -> None:
    req = read_requirements("Backend Engineer", "Requirements:\n" + text, default_taxonomy())
    assert req.skill_years == skill_years


def test_conduct_rules_ask_for_nothing() -> None:
    text = (
        "Requirements:\nPython.\nStrictly adhere to all company policies regarding information "
        "security.\nSafeguard all company information, including intellectual property."
    )
    req = read_requirements("Software Engineer", text, default_taxonomy())
    assert req.must == ["Python"]
    assert not {"Cybersecurity", "Intellectual Property"} & {*req.nice, *req.mentioned}


def test_security_duties_that_mention_policies_keep_their_skills() -> None:
    text = (
        "Requirements:\nExperience protecting confidential information under HIPAA and SOC 2.\n"
        "Write and enforce company policies for ISO 27001 compliance."
    )
    req = read_requirements("Security Analyst", text, default_taxonomy())
    assert {"SOC 2", "ISO 27001"} <= set(req.must)


def test_soft_skills_count_only_where_the_text_asks_for_them() -> None:
    """A company's values ("respect, integrity and accountability") and its remote policy ask
    nothing of the candidate; "strong communication skills" asks, as a nice-to-have (soft
    skills are never must-haves: they are hard to evidence)."""
    text = (
        "Each day we build on our values of respect, integrity, and accountability.\n"
        "Location is flexible and remote work is possible.\n"
        "Requirements:\n- Strong Python\n- Strong communication skills"
    )
    req = read_requirements("Engineer", text, default_taxonomy())
    assert req.must == ["Python"]
    assert req.nice == ["Communication"]
    assert req.mentioned == ["Accountability", "Remote Collaboration"]


CLEARANCE = "Security Clearance"
K8S_AWS = ["Kubernetes", "AWS"]
AWS_SA = "AWS Certified Solutions Architect"


@pytest.mark.parametrize(
    ("text", "must", "mentioned"),
    [
        ("Requirements: active TS/SCI with polygraph; strong Python.", [CLEARANCE, "Python"], []),
        ("Must be eligible to obtain a security clearance. Strong Java.", ["Java"], [CLEARANCE]),
        ("This position may require a Secret clearance or eligibility for one.", [], [CLEARANCE]),
        ("Ability to obtain AWS certification within six months is required.", [], ["AWS"]),
        ("Requirements: must obtain data with Python and SQL.", ["Python", "SQL"], []),
        ("Requires an active TS/SCI clearance or the ability to obtain one.", [], [CLEARANCE]),
        ("Requirements: Secret clearance eligible; strong Java.", ["Java"], [CLEARANCE]),
        ("Requirements: PMP certification or willingness to obtain it.", [], ["PMP"]),
        ("Must obtain AWS Certified Solutions Architect in 6 months.", [], [AWS_SA]),
        # Being eligible to work, or obtaining something else, is no credential to be earned.
        ("Must be eligible to work in the US and hold a Secret clearance.", [CLEARANCE], []),
        ("Must obtain requirements from users, AWS certification required.", ["AWS"], []),
        ("Eligible candidates have 5 years of Kubernetes and an AWS certification.", K8S_AWS, []),
    ],
)  # fmt: skip
def test_a_credential_still_to_be_obtained_is_not_asked_for(
    text: str, must: list[str], mentioned: list[str]
) -> None:
    """A clearance the job requires is a must-have in any field; one the hire may obtain later
    ("eligible to obtain", "or eligibility for one") is not, and neither is a certification to
    be earned. Only credentials: "obtain data with SQL" still asks for SQL."""
    req = read_requirements("Software Engineer", text, default_taxonomy())
    assert req.must == must
    assert req.mentioned == mentioned


@pytest.mark.parametrize(
    ("sentence", "examples"),
    [
        (
            "Required: 5+ years of AWS with services, not limited to: Lambda, ECS, S3, SQS.",
            ["Amazon ECS", "Amazon SQS", "Amazon S3"],
        ),
        ("Required: deep expertise in AWS, including Lambda and S3.", ["Amazon S3"]),
        (
            "Required: hands-on AWS development, especially EC2, Lambda, SQS and DynamoDB.",
            ["Amazon EC2", "Amazon DynamoDB", "Amazon SQS"],
        ),
        (
            "Required: proficiency in AWS (Redshift, S3, etc.)",
            ["Amazon Redshift", "Amazon S3"],
        ),
        (
            "Required: AWS development using EC2, SQS, SNS, RDS and DynamoDB.",
            ["Amazon EC2", "Amazon SQS", "Amazon SNS", "Amazon RDS", "Amazon DynamoDB"],
        ),
    ],
)
def test_examples_of_a_named_must_have_are_nice_to_haves(
    sentence: str, examples: list[str]
) -> None:
    """A list illustrating a must-have asks for that one skill, which any example shows; the
    examples stay welcome but do not each count as one more requirement."""
    req = read_requirements("Engineer", sentence, default_taxonomy())
    assert req.must == ["AWS"]
    assert sorted(req.nice) == sorted(examples)


def test_a_narrower_skill_asked_for_itself_stays_a_must_have() -> None:
    tax = default_taxonomy()
    assert read_requirements("Engineer", "Required: Python and Django.", tax).must == [
        "Python",
        "Django",
    ]
    # a list named without saying it illustrates asks for each
    assert read_requirements("Engineer", "Must have AWS, S3, DynamoDB and SQS.", tax).must == [
        "AWS",
        "Amazon S3",
        "Amazon DynamoDB",
        "Amazon SQS",
    ]
    assert read_requirements("Engineer", "Java (Spring Boot, Hibernate) required", tax).must == [
        "Java",
        "Spring Boot",
        "Hibernate",
    ]
    # an example in one sentence, asked for itself in the next
    text = "Required: AWS, including EC2 and S3.\nMust have: 3+ years of Amazon S3."
    req = read_requirements("Engineer", text, tax)
    assert req.must == ["AWS", "Amazon S3"]
    assert req.nice == ["Amazon EC2"]


def test_alternative_examples_stay_one_requirement() -> None:
    """ "JavaScript frameworks (e.g. React, Vue, Angular)" asks for one of them: a requirement
    of its own, met by any member."""
    text = "Required: modern JavaScript frameworks (e.g., React, Vue, Angular), HTML and CSS."
    req = read_requirements("Web Engineer", text, default_taxonomy())
    assert {"React", "Vue.js", "Angular"} <= set(req.must)
    assert set(req.alternatives["React"]) == {"Vue.js", "Angular"}


def test_pay_and_benefits_ask_for_nothing() -> None:
    """A section on what the employer offers names no requirement: its "bonus" is pay, its
    "extensive" the equity, and a skill there is a perk."""
    text = (
        "Requirements\n• Strong Python and Django.\nCompensation\n• Annual Bonus\n"
        "• Extensive Series A Equity\n• Free Coursera and AWS training budget\n"
        "Benefits: Udemy courses, Peloton"
    )
    req = read_requirements("Engineer", text, default_taxonomy())
    assert req.must == ["Python", "Django"]
    assert "AWS" not in req.nice + req.mentioned
    assert req.asking == ["Strong Python and Django."]


def test_a_requirement_ends_an_offer_section_whose_next_header_went_unread() -> None:
    text = (
        "Why join us?\nGreat team, hybrid work.\n"
        "Qualifications      Extensive experience with Kubernetes and Golang."
    )
    req = read_requirements("Engineer", text, default_taxonomy())
    assert req.must == ["Kubernetes", "Go"]


def test_a_bracket_may_only_welcome_its_skills() -> None:
    text = "Requirements:\nEnglish fluency (Mandarin is also a bonus), strong Linux and C++."
    req = read_requirements("Engineer", text, default_taxonomy())
    assert req.must == ["Linux", "C++"]
    assert "Mandarin Chinese" in req.nice
    # …and does not speak for the rest of its sentence
    text = "Requirements\nData structures and algorithms, English (Mandarin is also a bonus)"
    req = read_requirements("Engineer", text, default_taxonomy())
    assert req.must == ["Data Structures and Algorithms"]


def test_a_header_running_on_into_its_section_sets_the_section() -> None:
    """LinkedIn copies put a section's items on its header's line ("Qualifications      …"),
    or glue them to it; the header still decides what the items ask."""
    text = (
        "About the role\nQualifications      Experience with Python.\n"
        "Preferred Qualifications      Experience with Kafka.\n"
        "Benefits      Annual bonus and AWS credits.\nWhat You’ll DoBuild services in Go lang."
    )
    segments = split_segments(text)
    assert segments[1:3] == ["Qualifications", "Experience with Python."]
    assert "What You’ll Do" in segments
    req = read_requirements("Engineer", text, default_taxonomy())
    assert (req.must, req.nice, req.mentioned) == (["Python"], ["Kafka"], ["Go"])
    # a sentence that starts like a header is no header; nor is a product named like one
    assert split_segments("We are looking for a strong engineer with Django skills.") == [
        "We are looking for a strong engineer with Django skills."
    ]
    assert split_segments("PayPal integration") == ["PayPal integration"]
    # a header of two words on its own line stays one header
    assert split_segments("Preferred Qualifications:\n- Kafka") == [
        "Preferred Qualifications",
        "- Kafka",
    ]
    # wherever the header stands in the line
    line = "Hybrid, 3 days onsite*Qualifications      Experience with Pandas (e.g. NumPy)"
    assert split_segments(line) == [
        "Hybrid, 3 days onsite*",
        "Qualifications",
        "Experience with Pandas (e.g. NumPy)",
    ]


def test_linkedin_middle_dot_bullets_and_headers_of_two_words_glued_to_a_sentence() -> None:
    """LinkedIn copies bullet with "·" and glue each header to the sentence before it: the
    words before "Qualifications" belong to the header, so a preferred section stays one."""
    text = (
        "Essential Functions:· Conduct code reviews.· Take part in sprint planning."
        "Basic Qualifications:· 2+ years programming in Python or Java."
        "Preferred Qualifications:· Experience with Kafka.· Knowledge of TCP/IP."
        "Suggested Skills:· Linux"
    )
    segments = split_segments(text)
    assert "Basic Qualifications" in segments
    assert "Preferred Qualifications" in segments
    assert "Suggested Skills" in segments
    assert "Experience with Kafka." in segments
    req = read_requirements("Engineer", text, default_taxonomy())
    assert req.must == ["Python", "Java"]
    assert req.nice == ["Kafka", "TCP/IP", "Linux"]
    assert "Code Review" not in req.must


def test_a_section_about_the_company_named_by_its_name_asks_nothing() -> None:
    text = (
        "Nice to have:\n- Kafka\nAbout Skyrocket Ventures\n"
        "Skyrocket Ventures is a recruiting firm running on Salesforce."
    )
    req = read_requirements("Engineer", text, default_taxonomy())
    assert req.nice == ["Kafka"]
    assert "Salesforce CRM" in req.mentioned
    assert header_mode("About You") == "must"  # a section on the candidate: what it asks


def test_bullets_glued_together_are_read_one_by_one() -> None:
    text = (
        "Requirements\n14 years of experience is requiredExperience with Enterprise Java"
        "Experience with databases such as Mongo or MySQLKnowledge of Kafka is a plus"
    )
    assert split_segments(text)[1:] == [
        "14 years of experience is required",
        "Experience with Enterprise Java",
        "Experience with databases such as Mongo or MySQL",
        "Knowledge of Kafka is a plus",
    ]
    req = read_requirements("Engineer", text, default_taxonomy())
    assert req.must == ["Java", "Database Management", "MongoDB", "MySQL"]
    assert req.alternatives["MongoDB"] == ["MySQL"]
    assert req.nice == ["Kafka"]


@pytest.mark.parametrize(
    ("text", "must", "nice"),
    [
        # a bracket with no skill of its own speaks for its line
        (
            "Experience:\n- Java: 3 years (Preferred)\n- Python: 2 years (Required)",
            ["Python"],
            ["Java"],
        ),
        ("Requirements\n- Kubernetes experience (a plus)\n- Go lang", ["Go"], ["Kubernetes"]),
        # a label ends a section on pay and benefits, and its own line's label too
        (
            "Why join us?\nCompetitive salary.\nYou will need:\n- Spark\n- Airflow",
            ["Spark", "Airflow"],
            [],
        ),
        ("Benefits:\n- 401k\nJob Requirements:\n- Python\n- Tableau", ["Python", "Tableau"], []),
        (
            "Salary: $150k + equity. Requirements: Python, PostgreSQL. Nice to have: Kafka.",
            ["Python", "PostgreSQL"],
            ["Kafka"],
        ),
        ("Perks & Benefits\n- Kubernetes training budget\nWhat's in it for you?\n- AWS", [], []),
        # product names are no glued items
        ("Certified ScrumMaster (CSM) required", ["Certified ScrumMaster"], []),
        ("Required: CATIA V5 and 3DExperience platform", ["CATIA", "ENOVIA"], []),
        # a header word before spaces in prose is no header; after an acronym it is one
        ("We offer competitive pay    and great colleagues.\nRequired: Python", ["Python"], []),
        ("Our stack runs on AWS      Qualifications      Terraform", ["Terraform"], []),
    ],
)
def test_labels_brackets_and_names_read_as_a_recruiter_reads_them(
    text: str, must: list[str], nice: list[str]
) -> None:
    req = read_requirements("Engineer", text, default_taxonomy())
    assert (req.must, req.nice) == (must, nice)


def test_a_bracket_after_a_kind_lists_alternatives() -> None:
    text = "Required: hands-on experience with ML frameworks (TensorFlow, PyTorch, scikit-learn)."
    req = read_requirements("Engineer", text, default_taxonomy())
    assert set(req.alternatives["TensorFlow"]) == {"PyTorch", "scikit-learn"}
    # a bracket after a skill names what is used with it: each is asked for
    req = read_requirements(
        "Engineer", "Java (Spring Boot, Hibernate) required", default_taxonomy()
    )
    assert "Spring Boot" not in req.alternatives


def test_a_list_that_trails_off_gives_examples_any_of_which_will_do() -> None:
    """ "Python, C, C++, Java, R, and Scala, etc." asks for one of them, not for Scala too; a
    list that does not trail off asks for each ("Python, Django and Kafka")."""
    text = "Required: strong programming skills in Python, C, C++, Java, R, and Scala, etc."
    req = read_requirements("Engineer", text, default_taxonomy())
    assert set(req.alternatives["Scala"]) == {"Python", "C", "C++", "Java", "R"}
    req = read_requirements("Engineer", "Required: Python, Django and Kafka.", default_taxonomy())
    assert "Kafka" not in req.alternatives


def test_requirements_as_a_noun_of_the_work_ask_nothing() -> None:
    """ "…which are all core requirements" requires; gathering requirements is a duty."""
    assert cue("C#, .NET and JSON, which are all core requirements") == "must"
    assert cue("Gather and refine requirements with business colleagues") == ""


class TestACueSpeaksForItsOwnSentence:
    """ "Kafka is a plus." makes Kafka a nice-to-have, not the years figure after it."""

    def test_years_after_a_nice_sentence_still_count(self, taxonomy: Taxonomy) -> None:
        text = "Must have Python and Django. Kafka is a plus. 5+ years."
        req = read_requirements("Engineer", text, taxonomy)
        assert req.must == ["Python", "Django"]
        assert req.nice == ["Kafka"]
        assert req.min_years == 5.0

    @pytest.mark.parametrize(
        "text",
        [
            "5+ years.",
            "Must have Python. 5+ years.",
            "Experience: min. 5 years",
            "At least 5 years",
        ],
    )
    def test_a_years_figure_alone_is_the_experience_asked(
        self, taxonomy: Taxonomy, text: str
    ) -> None:
        assert read_requirements("Engineer", text, taxonomy).min_years == 5.0

    @pytest.mark.parametrize(
        "text",
        ["Founded 10 years ago.", "We have been in business for 20 years.", "A 2 years contract."],
    )
    def test_other_years_figures_ask_nothing(self, taxonomy: Taxonomy, text: str) -> None:
        assert read_requirements("Engineer", text, taxonomy).min_years is None

    def test_a_nice_sentence_keeps_its_own_years_nice(self, taxonomy: Taxonomy) -> None:
        text = "Must have Python. 3+ years of Kafka is a plus."
        req = read_requirements("Engineer", text, taxonomy)
        assert req.nice == ["Kafka"]
        assert req.min_years is None

    def test_an_abbreviation_before_a_figure_ends_no_sentence(self) -> None:
        assert split_segments("Python required, min. 5 years. Approx. 3 years of Go") == [
            "Python required, min. 5 years.",
            "Approx. 3 years of Go",
        ]
