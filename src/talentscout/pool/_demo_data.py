"""Word lists behind the demo talent pool (``talentscout.pool.demo``).

Pure data, kept apart from the generator so the lists can grow without touching logic. Lists are
whitespace- or ``|``-separated strings because that keeps hundreds of words readable (a formatter
would put every tuple item on its own line). In name lists ``_`` stands for a space.

Everything here is invented or generic: company and school names are fictional on purpose, phone
numbers use the reserved 555-01xx range and e-mail addresses use the reserved example.com domain,
so no demo profile can be mistaken for (or contact) a real person or business.
"""

from __future__ import annotations

# Culture -> (native languages, female first names, male first names, family names).
CULTURES: dict[str, tuple[str, str, str, str]] = {
    "anglo": (
        "English",
        "Olivia Emma Charlotte Amelia Sophia Grace Chloe Hannah Madison Abigail Emily Sarah Megan"
        " Rachel Lauren Jessica Aaliyah Imani Keisha Brianna Siobhan Caitlin",
        "James Liam Noah Ethan Benjamin Henry Jack Samuel Daniel Michael Ryan Connor Matthew"
        " Andrew Tyler Jamal Malik DeShawn Marcus Darnell Liam Declan",
        "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Moore Thompson"
        " White Harris Clark Lewis Walker Hall Young King Wright Scott Green Baker Adams Campbell"
        " Murphy O'Brien Kelly Walsh Washington Jackson Robinson Brooks Coleman Reid",
    ),
    "hispanic": (
        "Spanish",
        "María Sofía Valentina Camila Lucía Isabella Daniela Gabriela Paula Carmen Ana Fernanda"
        " Ximena Elena",
        "José Juan Carlos Luis Miguel Alejandro Diego Javier Andrés Santiago Mateo Pablo Sergio"
        " Raúl",
        "García Rodríguez Martínez Hernández López González Pérez Sánchez Ramírez Torres Flores"
        " Rivera Gómez Díaz Morales Ortiz Castillo Jiménez Ruiz Vargas Navarro Romero",
    ),
    "lusophone": (
        "Portuguese",
        "Ana Beatriz Mariana Juliana Larissa Camila Fernanda Letícia Inês Leonor Carolina Rafaela",
        "João Pedro Lucas Gabriel Rafael Thiago Felipe Gustavo Tiago Rodrigo Bruno Matheus",
        "Silva Santos Oliveira Souza Pereira Costa Ferreira Almeida Carvalho Ribeiro Gomes Martins"
        " Rocha Barbosa Nogueira Cardoso Teixeira",
    ),
    "german": (
        "German",
        "Anna Lena Laura Julia Lea Hannah Sophie Katharina Johanna Clara Marie Greta",
        "Lukas Felix Jonas Leon Maximilian Paul Niklas Tobias Jan Moritz Florian Sebastian",
        "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter"
        " Wolf Schröder Neumann Braun Zimmermann Krüger",
    ),
    "french": (
        "French",
        "Camille Léa Manon Chloé Inès Juliette Louise Margaux Élodie Claire Pauline Amandine",
        "Lucas Hugo Louis Gabriel Arthur Théo Antoine Julien Nicolas Mathieu Guillaume Maxime",
        "Martin Bernard Dubois Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre"
        " Michel Garnier Fontaine Rousseau Girard",
    ),
    "dutch": (
        "Dutch",
        "Emma Sanne Lotte Fleur Anouk Sophie Eva Iris Femke Noor",
        "Daan Sem Bram Lars Thijs Ruben Jesse Stijn Joost Pieter",
        "de_Jong Jansen de_Vries van_den_Berg van_Dijk Bakker Visser Smit Meijer de_Boer Mulder"
        " Bos Vos Hendriks",
    ),
    "nordic": (
        "Swedish",
        "Astrid Freja Ingrid Maja Elsa Saga Linnea Sigrid Karin Ida",
        "Erik Lars Anders Johan Oskar Nils Mikkel Henrik Magnus Axel",
        "Andersson Johansson Karlsson Nilsson Eriksson Larsson Lindqvist Berg Lindberg Hansen"
        " Nielsen Jensen Olsen Lund",
    ),
    "polish": (
        "Polish",
        "Zuzanna Julia Maja Aleksandra Natalia Katarzyna Agnieszka Magdalena Joanna Karolina",
        "Jakub Kacper Szymon Mateusz Piotr Tomasz Krzysztof Paweł Łukasz Michał",
        "Nowak Wójcik Mazur Krawczyk Kaczmarek Zając Król Wieczorek Wróbel Pawlak Michalak Sikora"
        " Baran Duda Szewczyk",
    ),
    "italian": (
        "Italian",
        "Giulia Francesca Chiara Sara Martina Alessia Federica Valentina Elisa Silvia",
        "Marco Luca Alessandro Matteo Lorenzo Andrea Davide Francesco Giovanni Stefano",
        "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti"
        " De_Luca Costa",
    ),
    "ukrainian": (
        "Ukrainian",
        "Anastasiia Olha Daria Kateryna Yuliia Iryna Oksana Sofiia Viktoriia",
        "Andrii Oleksandr Dmytro Maksym Serhii Taras Bohdan Yurii Volodymyr",
        "Petrenko Kovalenko Shevchenko Bondarenko Tkachenko Kravchenko Melnyk Boiko Kovalchuk"
        " Oliinyk Lysenko Savchenko",
    ),
    "turkish": (
        "Turkish",
        "Elif Zeynep Ayşe Defne Ecem Merve Selin Derya",
        "Mehmet Emre Burak Can Mert Kerem Onur Serkan",
        "Yılmaz Kaya Demir Şahin Çelik Yıldız Aydın Öztürk Arslan Doğan",
    ),
    "indian": (
        "Hindi Tamil Telugu Marathi Kannada Bengali Malayalam",
        "Priya Ananya Aditi Kavya Diya Sneha Pooja Neha Meera Lakshmi Divya Shreya Ishita Anjali",
        "Arjun Rahul Rohan Vikram Aditya Karthik Sanjay Amit Vivek Nikhil Siddharth Rajesh Suresh"
        " Arun",
        "Sharma Patel Gupta Singh Kumar Reddy Iyer Nair Rao Desai Joshi Mehta Kulkarni Menon"
        " Chatterjee Banerjee Pillai Agarwal Verma Bhat",
    ),
    "pakistani": (
        "Urdu Punjabi",
        "Ayesha Hira Sana Mahnoor Zara Fatima Amna Maryam",
        "Ahmed Bilal Hamza Usman Faisal Imran Saad Zain",
        "Khan Malik Qureshi Siddiqui Chaudhry Hussain Raza Butt Sheikh Mirza",
    ),
    "chinese": (
        "Mandarin Cantonese",
        "Mei Jing Xinyi Yuxin Hui Ying Xiaoling Lan Qian Ruoxi Yan Shu_Fen",
        "Wei Jun Hao Lei Jie Tao Ming Zhiwei Yifan Haoran Bo Qiang",
        "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Zhu Lin Guo He Tan Lim Ng Ong",
    ),
    "japanese": (
        "Japanese",
        "Yui Sakura Hana Aoi Yuna Mei Haruka Misaki Nanami Ayaka",
        "Haruto Sota Yuto Ren Takumi Kenji Hiroshi Daiki Shota Kaito",
        "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida"
        " Yamada Sasaki Matsumoto Inoue",
    ),
    "korean": (
        "Korean",
        "Ji-woo Seo-yeon Min-ji Ha-eun Soo-ah Ye-jin Eun-ji Da-eun",
        "Min-jun Seo-jun Ji-ho Hyun-woo Do-yun Jae-won Sung-min Tae-yang",
        "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Shin",
    ),
    "vietnamese": (
        "Vietnamese",
        "Linh Trang Lan Huong Mai Thao Ngoc Anh",
        "Minh Duc Huy Quang Tuan Khoa Long Nam",
        "Nguyen Tran Le Pham Hoang Phan Vu Dang Bui Do",
    ),
    "filipino": (
        "Filipino",
        "Maria Kristine Angelica Jasmine Patricia Camille Joy Bea",
        "Mark John Paolo Carlo Miguel Jerome Rafael Ramon",
        "Santos Reyes Cruz Bautista Ocampo Garcia Mendoza Villanueva Dela_Cruz Aquino",
    ),
    "nigerian": (
        "Yoruba Igbo Hausa",
        "Chiamaka Ngozi Adaeze Funmilayo Folake Amara Zainab Aisha Temitope Kemi Ifeoma",
        "Tunde Babajide Olumide Chukwuemeka Ibrahim Musa Obinna Segun Ikenna Femi Kelechi Yusuf",
        "Okafor Adeyemi Okonkwo Balogun Eze Nwosu Adebayo Ogunleye Okoro Bello Abubakar Olawale"
        " Ibekwe Afolabi",
    ),
    "kenyan": (
        "Swahili",
        "Faith Mercy Wanjiru Akinyi Njeri Wambui Achieng Nyambura",
        "Brian Kevin Dennis Collins Kamau Kipchoge Omondi Baraka",
        "Mwangi Otieno Ochieng Wanjiku Kiplagat Njoroge Mutua Kariuki Odhiambo Chebet Wafula",
    ),
    "southafrican": (
        "Zulu Xhosa Afrikaans Sotho",
        "Thandiwe Lerato Nomvula Zanele Palesa Naledi Busisiwe Anele Anneke Marike",
        "Sipho Thabo Mandla Lwazi Bongani Kagiso Themba Pieter Johan Ruan",
        "Nkosi Dlamini Ndlovu Khumalo Mokoena Mahlangu Botha van_der_Merwe Naidoo Molefe Zulu",
    ),
    "arabic": (
        "Arabic",
        "Fatima Layla Mariam Noor Yasmin Huda Salma Rania Dina Leila Amira",
        "Omar Ahmed Khalid Youssef Karim Tariq Hassan Ali Mohammed Sami Rami Nabil",
        "Haddad Khalil Nasser Saleh Hamdan Aziz Farouk Mansour Rahman Abdullah El-Amin Darwish",
    ),
    "israeli": (
        "Hebrew",
        "Noa Tamar Shira Maya Yael Michal Adi Rotem Talia",
        "Itai Noam Yonatan Ariel Omer Eitan Amit Guy Oren",
        "Cohen Levi Mizrahi Peretz Biton Friedman Azoulay Katz Shapiro Goldberg Ben-David Rosen",
    ),
}

# City | region | country code | country | relative weight | local cultures (space-separated).
CITIES = """
San Francisco | California | US | United States | 5 | anglo hispanic chinese indian korean
New York | New York | US | United States | 6 | anglo hispanic chinese indian israeli nigerian
Austin | Texas | US | United States | 3 | anglo hispanic indian
Seattle | Washington | US | United States | 4 | anglo chinese indian vietnamese korean japanese
Boston | Massachusetts | US | United States | 3 | anglo italian chinese indian
Chicago | Illinois | US | United States | 3 | anglo polish hispanic
Denver | Colorado | US | United States | 2 | anglo hispanic
Atlanta | Georgia | US | United States | 2 | anglo nigerian
Toronto | Ontario | CA | Canada | 4 | anglo chinese indian pakistani filipino italian
Vancouver | British Columbia | CA | Canada | 2 | anglo chinese korean filipino
London | England | GB | United Kingdom | 5 | anglo indian pakistani nigerian polish arabic italian
Manchester | England | GB | United Kingdom | 2 | anglo pakistani
Dublin | Leinster | IE | Ireland | 2 | anglo polish lusophone
Berlin | Berlin | DE | Germany | 4 | german turkish polish ukrainian
Munich | Bavaria | DE | Germany | 2 | german italian
Amsterdam | North Holland | NL | Netherlands | 3 | dutch turkish
Paris | Île-de-France | FR | France | 3 | french arabic
Madrid | Community of Madrid | ES | Spain | 2 | hispanic
Barcelona | Catalonia | ES | Spain | 2 | hispanic
Lisbon | Lisbon | PT | Portugal | 2 | lusophone
Stockholm | Stockholm County | SE | Sweden | 2 | nordic arabic
Copenhagen | Capital Region | DK | Denmark | 1 | nordic
Warsaw | Masovia | PL | Poland | 2 | polish ukrainian
Kyiv | Kyiv City | UA | Ukraine | 1 | ukrainian
Zurich | Zurich | CH | Switzerland | 1 | german italian french
Milan | Lombardy | IT | Italy | 1 | italian
Istanbul | Istanbul | TR | Turkey | 1 | turkish
Bangalore | Karnataka | IN | India | 5 | indian
Pune | Maharashtra | IN | India | 3 | indian
Hyderabad | Telangana | IN | India | 3 | indian
Chennai | Tamil Nadu | IN | India | 2 | indian
Singapore | Singapore | SG | Singapore | 3 | chinese indian filipino
Sydney | New South Wales | AU | Australia | 3 | anglo chinese indian vietnamese korean
Melbourne | Victoria | AU | Australia | 2 | anglo italian chinese
Tokyo | Tokyo | JP | Japan | 2 | japanese
Seoul | Seoul | KR | South Korea | 1 | korean
Ho Chi Minh City | Ho Chi Minh City | VN | Vietnam | 1 | vietnamese
Manila | Metro Manila | PH | Philippines | 1 | filipino
São Paulo | São Paulo | BR | Brazil | 3 | lusophone japanese italian
Mexico City | CDMX | MX | Mexico | 2 | hispanic
Buenos Aires | Buenos Aires | AR | Argentina | 1 | hispanic italian
Bogotá | Bogotá D.C. | CO | Colombia | 1 | hispanic
Lagos | Lagos State | NG | Nigeria | 2 | nigerian
Nairobi | Nairobi County | KE | Kenya | 2 | kenyan
Cape Town | Western Cape | ZA | South Africa | 1 | southafrican
Johannesburg | Gauteng | ZA | South Africa | 1 | southafrican
Tel Aviv | Tel Aviv District | IL | Israel | 2 | israeli
Dubai | Dubai | AE | United Arab Emirates | 2 | arabic indian pakistani filipino anglo
Cairo | Cairo Governorate | EG | Egypt | 1 | arabic
"""

# Fictional company names: a made-up first word plus an industry word.
COMPANY_PREFIXES = """
Northwind Bluefin Copperleaf Ironbark Silverline Brightwater Kestrel Juniper Larkspur Meridian
Harborline Stonebridge Tidewater Foxglove Redcliff Amberfield Cedarpoint Driftwood Evergrove
Falconridge Glenmore Hollowbrook Lanternfish Mossgate Nimbus Oakhurst Pinecrest Quillfeather
Riverbend Saltmarsh Thornbury Umberlight Vantagepoint Willowmere Yellowpine Zephyrine Acorn_Hill
Bramblewood Coralbay Duskfield Elmstead Fernleaf Goldcrest Heronsgate Ivorytower Jadeport
Kingfisher_Bay Lakemont Marigold Northstar_Ridge Orchard_Lane Pebblebrook Quarry_Hill Ravenstone
Sunmeadow Tallgrass Upland Vireo Waypoint
"""

COMPANY_SUFFIXES: dict[str, str] = {
    "tech": "Analytics | Labs | Software | Systems | Cloud | Data | Digital | AI | Networks | Apps",
    "finance": "Capital | Financial | Payments | Bank | Insurance | Lending | Wealth",
    "health": "Health | Medical Center | Clinic | Hospital | Care Partners | Health System",
    "pharma": "Pharmacy | Therapeutics | Biosciences | Pharma",
    "logistics": "Logistics | Freight | Supply Co. | Shipping | Distribution",
    "retail": "Retail | Outfitters | Market | Goods | Home & Living",
    "manufacturing": "Manufacturing | Industries | Robotics | Motors | Precision Parts",
    "construction": "Construction | Engineering Group | Infrastructure | Builders",
    "energy": "Energy | Power | Renewables | Utilities",
    "education": "Academy | High School | School District | Learning Trust",
    "media": "Media | Studio | Creative | Publishing",
    "consulting": "Consulting | Partners | Advisory | Solutions Group",
    "legal": "Legal LLP | Law Group",
}

SCHOOLS = """
Westbrook University | Kingsford Institute of Technology | Lakemont State University
| Halden Technical University | Rivermoor College | Ashcombe University | Northgate Polytechnic
| Brightwater University | St. Alder's College | Eastfield University of Applied Sciences
| Meridian Institute of Science | Coralbay University | Thornbury College
| Pinecrest State University | Glenmore University | Harborview College
| Oakhurst Institute of Technology | Silverlake University
| Redcliff University | Elmstead University | Fernleaf University
| Stonebridge University | Highmoor University
"""


# Highlight templates per track, one per line. {s1} {s2} {s3} are skills the person listed from
# their family's first, second and third skill group (so a template can rely on {s1} being, say,
# a language and {s2} a datastore); every other placeholder is a metric drawn by the generator.
TRACK_HIGHLIGHTS: dict[str, str] = {
    "software": """
Shipped {n} production features in {s1} and {s2}, cutting p95 latency by {pct}%.
Migrated a legacy module to {s1}, reducing incident volume by {pct}% over two quarters.
Raised automated test coverage by {pct2} points across {n} {s1} codebases.
Mentored {team} engineers through code reviews and pairing sessions on {s1} and {s3}.
Rebuilt CI pipelines around {s3}, cutting build times from {mins} to {mins2} minutes.
Delivered features built on {s1} and {s2} for {users} monthly active users.
""",
    "leadership": """
Led a team of {team} engineers delivering {s1} and {s2} services.
Introduced {s3} practices that doubled deployment frequency within {months} months.
Hired {q} senior engineers and kept regretted attrition at zero for two years.
Owned a {money} budget and a roadmap of {n} initiatives across {q} teams.
Set up on-call, incident reviews and career ladders for an organisation of {hires} people.
""",
    "data": """
Built {s1} pipelines processing {rows} rows per day with {s2}.
Reduced warehouse costs by {pct}% by re-partitioning tables and tuning {s2} workloads.
Delivered {n} dashboards and models adopted by {team} business teams.
Improved data freshness from {hours} hours to under {mins2} minutes using {s3}.
Added data quality checks that caught {cases} bad records before they reached reports.
""",
    "infra": """
Automated infrastructure for {n} services with {s1} and {s2}, cutting provisioning time by {pct}%.
Improved platform availability to 99.9{nines}% by adding {s3} monitoring and SLO alerting.
Reduced cloud spend by {money} a year through rightsizing and autoscaling on {s1}.
Led incident response and blameless postmortems, reducing MTTR by {pct}%.
Moved {n} teams to self-service deployments on {s1}.
""",
    "quality": """
Automated {cases} regression test cases with {s1} and {s2}.
Cut manual regression effort by {pct}% with a new {s1} automation framework.
Reduced escaped defects by {pct}% by introducing risk-based test planning.
Integrated {s3} runs into CI, giving developers feedback in under {mins2} minutes.
Cut flaky test rate from {pct2}% to under 1% by fixing waits and test data in {s1}.
Load-tested {n} APIs with {s3}, finding bottlenecks before a {x}x traffic launch.
""",
    "security": """
Ran threat modelling for {n} product teams and remediated {cases} findings.
Rolled out {s1} across {n} services, reducing critical vulnerabilities by {pct}%.
Led the response to {q} security incidents and added {k} detections in {s2}.
Cut mean time to patch critical CVEs from {ttf} to {days2} days.
Moved {n} services to short-lived credentials, removing {k} long-lived secrets.
Trained {hires} engineers in secure coding, cutting new findings by {pct}%.
""",
    "product": """
Launched {n} features that lifted activation by {pct2}%.
Owned the roadmap for a {team}-person squad and aligned stakeholders on quarterly OKRs.
Ran {k} discovery interviews and analysed A/B tests in {s1} to validate priorities.
Grew feature adoption to {users} monthly users within {months} months of launch.
Cut time-to-value for new customers by {pct}% with a redesigned onboarding flow.
Turned {k} pieces of customer feedback into a themed backlog reviewed monthly in {s1}.
""",
    "design": """
Redesigned the onboarding flow in {s1}, improving task completion by {pct}%.
Built a library of {k} components in {s1} adopted by {team} teams.
Ran {n} usability studies and turned the findings into a prioritised backlog.
Shipped accessible (WCAG 2.1 AA) designs, working closely with engineers on {s2}.
Cut support tickets about billing by {pct}% with a clearer settings flow.
Prototyped {n} concepts in {s1} and tested them with {k} users in {months} months.
""",
    "creative": """
Produced {k} campaign assets in {s1} for print, web and social.
Led a brand refresh rolled out across {n} product lines in {months} months.
Cut production turnaround by {pct2}% with templated {s1} workflows.
Created {s2} pieces for launches that reached {users} viewers.
Delivered {k} assets for a product launch in {months} weeks on a {money} budget.
Built {s1} templates that let marketing ship {n} campaigns without design help.
""",
    "sales": """
Closed {money} in new ARR, reaching {quota}% of annual quota.
Built {money} of qualified pipeline using {s1} and targeted outbound sequences.
Ranked in the top {top}% of the sales team for {q} consecutive quarters.
Shortened the average sales cycle by {pct2}% by tightening discovery with {s2}.
Expanded {n} existing accounts, adding {money} in upsell revenue.
Won {n} competitive deals against incumbents with ROI cases built in {s1}.
""",
    "marketing": """
Grew pipeline from {s1} by {pct}% in {months} months.
Ran campaigns managed in {s2} with a {money} annual budget, lowering CAC by {pct2}%.
Increased MQL-to-SQL conversion by {pct2}% with better nurture content and lead scoring.
Built reporting in {s3} that tied {money} of pipeline to marketing.
Launched {n} nurture programs in {s2} that influenced {money} of pipeline.
Cut cost per lead by {pct2}% by reallocating budget across {s1} experiments.
""",
    "finance": """
Closed the books in {days} days, down from {days2}, after moving reporting into {s1}.
Built a forecast model in {s1} covering {money} of revenue with under {var}% variance.
Automated reconciliations in {s1}, saving {hours} hours per month.
Supported the annual external audit with zero material findings.
Led {s2} for {n} entities across {sites} countries.
Cut days sales outstanding from {ttf} to {ttf2} days with tighter collections.
Prepared monthly management accounts for {n} cost centres in {s1}.
""",
    "people": """
Hired {hires} people across engineering, sales and operations with {accept}% offer acceptance.
Cut time-to-hire from {ttf} to {ttf2} days by rebuilding the process in {s1}.
Rolled out {s1} for {emps} employees across {sites} offices.
Redesigned {s2} processes, lifting engagement scores by {pct2}%.
Cut first-year attrition by {pct2}% with structured onboarding in {s1}.
Ran {k} structured interviews a year and trained {n} hiring managers.
""",
    "ops": """
Cut operating costs by {pct2}% by redesigning processes with {s1}.
Managed a team of {team} and a {money} operating budget.
Improved on-time delivery from {otd}% to {otd2}%.
Built {s2} dashboards to track KPIs across {sites} sites.
Reduced order errors by {pct}% with checklists and {s2} exception reports.
Cut average handling time by {pct2}% across {sites} sites with {s1}.
""",
    "support": """
Managed {accts} accounts worth {money} in ARR with {ret}% gross retention.
Reduced churn by {pct2}% through QBRs and health scoring in {s1}.
Raised CSAT to {csat}% while handling {cases} conversations a quarter in {s1}.
Drove {money} in expansion revenue by running {s2} plays with product.
Cut time-to-first-value for {accts} new accounts by {pct2}%.
Turned {n} customer escalations into product fixes shipped within a quarter.
""",
    "health": """
Cared for patients on a {beds}-bed unit with zero reportable medication errors.
Reduced documentation time by {pct2}% by building {s2} templates.
Precepted {n} new graduates and students on {s1} and {s3}.
Led a quality improvement project that lowered readmissions by {pct2}%.
Cut patient falls on the unit by {pct}% with hourly rounding and {s3} refreshers.
Handled {students} patient encounters a month with consistently high satisfaction scores.
""",
    "physeng": """
Designed {n} assemblies in {s1}, reducing part cost by {pct2}%.
Led {s2} work that extended service life by {pct2}%.
Managed projects worth {money} from concept to commissioning.
Produced drawings and specifications compliant with {s3}.
Cut prototype lead time from {ttf} to {ttf2} days with in-house {s1} models.
Ran {n} design reviews and closed {k} action items before release.
""",
    "consulting": """
Gathered requirements from {n} stakeholders and turned them into {k} user stories in {s2}.
Led the {s1} workstream for {emps} users across {sites} countries.
Mapped end-to-end processes and identified {money} in annual savings.
Ran UAT with {team} business users, resolving {k} defects before go-live.
Cut month-end processing time by {pct}% after the {s1} go-live.
Trained {hires} key users and wrote {k} pages of process documentation.
""",
    "writing": """
Wrote and maintained {k} pages of documentation in {s1}.
Reduced support tickets by {pct2}% with task-based guides and API references.
Built a docs-as-code pipeline with {s2} and {s1}.
Ran a style guide adopted by {n} teams and {team} technical writers.
Cut time to first successful API call by {pct}% with a rewritten quick-start.
Localized docs into {q} languages with a {s2} workflow.
""",
    "legal": """
Negotiated {k} commercial agreements including SaaS, DPAs and partnerships.
Led the {s1} programme across {sites} jurisdictions.
Reduced contract turnaround by {pct}% with playbooks and {s2}.
Advised leadership on {s1} risk for {n} product launches.
Cut outside-counsel spend by {money} a year by bringing {n} matters in-house.
Reviewed {k} contracts a quarter using {s2} templates and clause libraries.
""",
    "education": """
Taught {s1} to {students} students a year, raising pass rates by {pct2}%.
Introduced {s2} in the classroom, lifting assignment completion by {pct2}%.
Mentored {q} trainee teachers and led {s3} workshops for colleagues.
Ran after-school clubs for {team} student groups and a yearly science fair.
Raised average test scores by {pct2}% in {s1} through weekly formative assessment.
Organised {n} parent evenings and {q} trips a year with high attendance.
""",
}

# One of these closes a person's summary, per track.
TRACK_CLOSINGS: dict[str, str] = {
    "software": "Cares about clean, well-tested code and pragmatic architecture."
    " | Enjoys mentoring and turning vague problems into reliable systems."
    " | Comfortable owning features end to end, from design doc to on-call.",
    "leadership": "Builds calm, high-trust teams that ship predictably."
    " | Balances delivery, people growth and technical quality.",
    "data": "Likes turning messy data into decisions people trust."
    " | Focused on reliable pipelines, clear metrics and reproducible analysis.",
    "infra": "Believes in automation, observability and boring, reliable releases."
    " | Happiest making other engineers faster and safer.",
    "quality": "Advocates for quality built in, not tested in."
    " | Enjoys making releases calm and predictable.",
    "security": "Pragmatic about risk and good at making security easy for developers.",
    "product": "Combines customer discovery with data to decide what to build next."
    " | Known for crisp specs and aligned teams.",
    "design": "Designs simple, accessible experiences grounded in research.",
    "creative": "Brings strong typography, brand sense and craft to every project.",
    "sales": "Consistently over quota with a consultative, value-based approach."
    " | Builds trust with technical and executive buyers alike.",
    "marketing": "Data-driven marketer who ships experiments every week.",
    "finance": "Detail-oriented, with a strong command of controls and reporting.",
    "people": "Builds fair, fast hiring and people processes that scale.",
    "ops": "Brings structure, clear KPIs and continuous improvement to operations.",
    "support": "Turns customers into long-term advocates.",
    "health": "Compassionate clinician with a focus on patient safety and teamwork.",
    "physeng": "Balances cost, safety and manufacturability in every design.",
    "consulting": "Bridges business stakeholders and delivery teams.",
    "writing": "Writes docs that developers actually read.",
    "legal": "Business-minded counsel who gives clear, practical advice.",
    "education": "Passionate about inclusive, engaging teaching.",
}

# Role families. "@key track weight [option=value ...]" starts a family, "field: value" lines
# follow and a line starting with "|" continues the previous value. Options: mgmt (chance of the
# management track), min (minimum years of experience), floor (lowest level of the current role,
# for families that are management by definition), solo=1 (use only the family's own
# highlights). ``titles`` has seven levels: intern, junior, mid, senior, lead/staff, manager,
# director. ``edu`` entries are "StudyType: Area". Skill groups are ordered (see above).
FAMILIES = """
@backend-engineer software 6
domain: backend services and APIs
titles: Backend Engineering Intern | Junior Backend Engineer | Backend Engineer
  | Senior Backend Engineer | Staff Backend Engineer | Engineering Manager, Backend
  | Director of Engineering
skills Languages: Python | Go | Java | Kotlin | TypeScript | Ruby | Rust | Node.js
skills Data & Messaging: PostgreSQL | MySQL | Redis | Kafka | RabbitMQ | Elasticsearch | DynamoDB
skills Platform: AWS | GCP | Docker | Kubernetes | Terraform | gRPC | GraphQL
edu: Bachelor: Computer Science | Bachelor: Software Engineering | Master: Computer Science
  | Bachelor: Mathematics
certs: AWS Certified Developer – Associate (Amazon Web Services)
  | Certified Kubernetes Application Developer (CNCF)
industries: tech finance logistics retail media
hl: Designed a {s1} service on {s2} handling {rps} requests per second at peak.
hl: Split a monolith into {n} {s1} services with contract tests and zero-downtime deploys.

@frontend-engineer software 5
domain: web front-ends and design systems
titles: Frontend Engineering Intern | Junior Frontend Developer | Frontend Engineer
  | Senior Frontend Engineer | Staff Frontend Engineer | Frontend Engineering Manager
  | Director of Engineering
skills Frameworks: React | TypeScript | Next.js | Vue.js | Angular | Svelte | Redux
skills Web Platform: HTML5 | CSS3 | Tailwind CSS | Web Accessibility | Webpack | Vite
skills Testing: Jest | Cypress | Playwright | Storybook | Lighthouse CI
edu: Bachelor: Computer Science | Bachelor: Information Systems | Bootcamp: Web Development
  | Bachelor: Interaction Design
industries: tech retail media finance
hl: Improved Core Web Vitals (LCP down {pct}%) by code-splitting the {s1} app.
hl: Built {k} reusable {s1} components documented in Storybook.

@fullstack-engineer software 5
domain: full-stack web product development
titles: Software Engineering Intern | Junior Full Stack Developer | Full Stack Engineer
  | Senior Full Stack Engineer | Lead Full Stack Engineer | Engineering Manager
  | Head of Engineering
skills Frontend: React | TypeScript | Next.js | Vue.js | Angular
skills Backend: Node.js | Python | Django | Ruby on Rails | Express | Java | PHP | Laravel
skills Data & Cloud: PostgreSQL | MongoDB | Redis | AWS | Docker | GraphQL | Firebase
edu: Bachelor: Computer Science | Bootcamp: Full Stack Web Development
  | Bachelor: Information Technology | Master: Software Engineering
industries: tech retail media finance education
hl: Built the customer portal end to end with {s1} and {s2} for {cases} business customers.

@mobile-engineer software 3
domain: native and cross-platform mobile apps
titles: Mobile Engineering Intern | Junior Mobile Developer | Mobile Engineer
  | Senior Mobile Engineer | Lead Mobile Engineer | Mobile Engineering Manager
  | Director of Mobile Engineering
skills Platforms: Swift | SwiftUI | Kotlin | Jetpack Compose | React Native | Flutter
skills Backend & Data: Firebase | GraphQL | REST APIs | Core Data | Room | SQLite
skills Tooling: Xcode | Android Studio | Fastlane | Bitrise | Crashlytics
edu: Bachelor: Computer Science | Bachelor: Software Engineering | Master: Computer Science
industries: tech retail finance media health
hl: Raised crash-free sessions to 99.{nines}% and the store rating to 4.{nines}.
hl: Shipped a {s1} rewrite of checkout that lifted mobile conversion by {pct2}%.

@java-developer software 3
domain: enterprise Java applications
titles: Java Developer Intern | Junior Java Developer | Java Developer | Senior Java Developer
  | Lead Java Developer | Software Development Manager | Director of Software Development
skills Java: Java | Spring Boot | Spring Cloud | Hibernate | Quarkus | Kotlin
skills Integration: Kafka | Oracle | PostgreSQL | IBM MQ | REST APIs | SOAP
skills Runtime: Docker | Kubernetes | OpenShift | Jenkins | Maven | Gradle
edu: Bachelor: Computer Science | Bachelor: Computer Engineering | Master: Computer Applications
certs: Oracle Certified Professional, Java SE 17 Developer (Oracle)
industries: finance tech logistics consulting
hl: Upgraded {n} services from Java 8 to Java 21, cutting memory use by {pct2}%.

@dotnet-developer software 3
domain: .NET applications and services
titles: .NET Developer Intern | Junior .NET Developer | .NET Developer | Senior .NET Developer
  | Lead .NET Developer | Software Development Manager | Director of Software Development
skills .NET: C# | ASP.NET Core | .NET 8 | Entity Framework | Blazor | WPF
skills Data: SQL Server | Azure SQL | Cosmos DB | Redis | T-SQL
skills Azure: Azure DevOps | Azure Functions | Azure Service Bus | Docker | xUnit
edu: Bachelor: Computer Science | Bachelor: Information Technology | Diploma: Software Development
certs: Microsoft Certified: Azure Developer Associate (Microsoft)
industries: finance health manufacturing consulting tech
hl: Ported a .NET Framework 4.8 monolith to .NET 8, halving hosting costs.

@embedded-engineer software 1.5
domain: embedded firmware and hardware-software integration
titles: Embedded Systems Intern | Junior Embedded Engineer | Embedded Software Engineer
  | Senior Embedded Software Engineer | Lead Embedded Engineer | Firmware Engineering Manager
  | Director of Embedded Systems
skills Languages: C | C++ | Embedded C | Rust | Python
skills Platforms: FreeRTOS | Zephyr | Embedded Linux | ARM Cortex-M | STM32 | Yocto
skills Tooling: JTAG | GCC | CMake | Jenkins | Oscilloscopes
skills Interfaces: I2C | SPI | CAN Bus | UART | Bluetooth Low Energy
edu: Bachelor: Electrical Engineering | Bachelor: Computer Engineering | Master: Embedded Systems
industries: manufacturing energy health tech
hl: Cut firmware power draw by {pct}%, extending battery life to {months} months.

@engineering-manager leadership 2 mgmt=1 min=6 floor=5
domain: engineering management and delivery
titles: Software Engineering Intern | Software Engineer | Software Engineer II
  | Senior Software Engineer | Tech Lead | Engineering Manager | Director of Engineering
skills Languages: Python | Java | TypeScript | Go | Kotlin | C#
skills Platform: AWS | Microservices | Kubernetes | PostgreSQL | Kafka
skills Delivery: Scrum | Kanban | OKRs | Continuous Delivery | Incident Management
skills Leadership: People Management | Hiring | Coaching | Roadmapping | Budgeting
edu: Bachelor: Computer Science | Master: Computer Science | MBA: Business Administration
industries: tech finance retail media logistics
hl: Grew the team from {q} to {team} engineers while keeping regretted attrition at zero.

@data-engineer data 4
domain: data pipelines and analytics platforms
titles: Data Engineering Intern | Junior Data Engineer | Data Engineer | Senior Data Engineer
  | Staff Data Engineer | Data Engineering Manager | Director of Data Engineering
skills Processing: Python | SQL | Apache Spark | dbt | Apache Airflow | Kafka | Flink
skills Warehouses: Snowflake | BigQuery | Redshift | Databricks | Delta Lake | PostgreSQL
skills Tooling: Airbyte | Fivetran | Great Expectations | Terraform | Docker | dbt Cloud
edu: Bachelor: Computer Science | Bachelor: Information Systems | Master: Data Science
  | Bachelor: Statistics
certs: Google Professional Data Engineer (Google Cloud)
  | Databricks Certified Data Engineer Associate (Databricks)
industries: tech finance retail logistics health
hl: Migrated {n} legacy ETL jobs to {s1} on {s2}, cutting runtime by {pct}%.

@data-scientist data 3
domain: statistical modelling and experimentation
titles: Data Science Intern | Junior Data Scientist | Data Scientist | Senior Data Scientist
  | Lead Data Scientist | Data Science Manager | Director of Data Science
skills Languages & Libraries: Python | R | scikit-learn | XGBoost | statsmodels | PyMC
skills Data: SQL | Pandas | Spark | BigQuery | Snowflake
skills Communication: Tableau | Looker | Jupyter | Streamlit
skills Methods: Statistics | Causal Inference | Time Series | A/B Testing | Bayesian Modelling
edu: Master: Statistics | PhD: Applied Mathematics | Master: Data Science | Bachelor: Economics
  | PhD: Physics
industries: tech finance retail health media
hl: Built a churn model in {s1} that let the retention team save {money} a year.
hl: Designed the experimentation framework used for {k} A/B tests a year.

@ml-engineer data 3
domain: production machine learning systems
titles: Machine Learning Intern | Junior Machine Learning Engineer | Machine Learning Engineer
  | Senior Machine Learning Engineer | Staff Machine Learning Engineer | ML Engineering Manager
  | Director of Machine Learning
skills Frameworks: PyTorch | TensorFlow | scikit-learn | Hugging Face Transformers | JAX
skills MLOps: MLflow | Kubeflow | Ray | Vertex AI | SageMaker | Triton Inference Server
skills Data: Python | SQL | Spark | Kafka | Vector Databases | Airflow
skills Techniques: LLMs | RAG | Recommendation Systems | Computer Vision | NLP
edu: Master: Computer Science | PhD: Machine Learning | Bachelor: Computer Science
  | Master: Artificial Intelligence
industries: tech finance retail health
hl: Deployed a {s1} ranking model that increased click-through by {pct2}%.
hl: Cut inference cost by {pct}% with batching, quantisation and {s2}.

@data-analyst data 3 solo=1
domain: business intelligence and reporting
titles: Data Analyst Intern | Junior Data Analyst | Data Analyst | Senior Data Analyst
  | Lead Data Analyst | Analytics Manager | Director of Analytics
skills Analysis: SQL | Excel | Python | R | Google Sheets
skills Data: BigQuery | Snowflake | dbt | PostgreSQL | Redshift
skills BI: Tableau | Power BI | Looker | Metabase | Google Analytics
edu: Bachelor: Economics | Bachelor: Statistics | Bachelor: Business Analytics
  | Master: Business Analytics
certs: Microsoft Certified: Power BI Data Analyst Associate (Microsoft)
industries: retail finance tech health logistics
hl: Built a {s3} executive dashboard that replaced {n} manual weekly reports.
hl: Wrote {s1} analyses on {users} customers that reshaped pricing, worth {money} a year.
hl: Modelled {s2} tables so {team} teams share one definition of revenue.
hl: Cut time to answer ad-hoc questions by {pct}% with self-serve {s3} reports.
hl: Automated weekly KPI reporting in {s1}, saving {hours} hours a month.
hl: Ran {n} A/B test readouts with clear recommendations for product and marketing.

@etl-developer data 2
domain: ETL development and data integration
titles: ETL Intern | Junior ETL Developer | ETL Developer | Senior ETL Developer
  | Lead ETL Developer | Data Integration Manager | Director of Data Integration
skills ETL: Informatica PowerCenter | SSIS | Talend | Azure Data Factory | IBM DataStage
skills Databases: Oracle | SQL Server | Teradata | PL/SQL | SQL
skills Scheduling: Control-M | Autosys | Shell Scripting | Unix
skills Modelling: Data Warehousing | Star Schema | Data Quality
edu: Bachelor: Computer Science | Bachelor: Information Technology | Master: Computer Applications
industries: finance health retail consulting
hl: Re-engineered nightly {s1} loads, shrinking the batch window by {pct}%.

@big-data-engineer data 2
domain: Hadoop and big data platforms
titles: Big Data Intern | Junior Big Data Engineer | Big Data Engineer | Senior Big Data Engineer
  | Lead Big Data Engineer | Big Data Engineering Manager | Director of Data Platforms
skills Hadoop: Hadoop | HDFS | Hive | HBase | Spark | Sqoop | Oozie
skills Storage & Streaming: Kafka | Spark Streaming | Flink | NiFi | Cassandra
skills Languages: Scala | Java | Python | SQL
edu: Bachelor: Computer Science | Master: Computer Science | Bachelor: Computer Engineering
certs: Cloudera Certified Data Engineer (Cloudera)
industries: finance tech logistics
hl: Scaled the {s1} cluster to {n} PB and moved streaming jobs to {s2}.

@devops-engineer infra 3
domain: CI/CD, cloud infrastructure and automation
titles: DevOps Intern | Junior DevOps Engineer | DevOps Engineer | Senior DevOps Engineer
  | Lead DevOps Engineer | DevOps Manager | Director of Platform Engineering
skills Cloud: AWS | Azure | GCP | Kubernetes | OpenShift
skills Delivery: Terraform | Ansible | Helm | Argo CD | GitHub Actions | Jenkins | GitLab CI
skills Observability: Prometheus | Grafana | Datadog | ELK Stack | New Relic
skills Scripting: Linux | Bash | Python | Go
edu: Bachelor: Computer Science | Bachelor: Information Technology | Diploma: Network Engineering
certs: AWS Certified Solutions Architect – Associate (Amazon Web Services)
  | Certified Kubernetes Administrator (CNCF) | HashiCorp Certified: Terraform Associate (HashiCorp)
industries: tech finance retail logistics
hl: Cut deployment lead time from days to {mins2} minutes with {s2} pipelines.

@site-reliability-engineer infra 2
domain: site reliability, observability and incident response
titles: SRE Intern | Junior Site Reliability Engineer | Site Reliability Engineer
  | Senior Site Reliability Engineer | Staff Site Reliability Engineer | SRE Manager
  | Director of Site Reliability Engineering
skills Platform: Kubernetes | AWS | GCP | Linux | Envoy | Istio
skills Languages: Go | Python | Bash | Terraform
skills Observability: Prometheus | Grafana | Datadog | OpenTelemetry | PagerDuty
edu: Bachelor: Computer Science | Bachelor: Computer Engineering | Master: Computer Science
certs: Certified Kubernetes Administrator (CNCF)
industries: tech finance media
hl: Defined SLOs for {n} critical services and halved pager load with {s3} alert tuning.

@cloud-architect infra 1.5 min=6
domain: cloud architecture and migrations
titles: Cloud Intern | Junior Cloud Engineer | Cloud Engineer | Senior Cloud Engineer
  | Cloud Solutions Architect | Cloud Architecture Manager | Director of Cloud Architecture
skills Cloud: AWS | Azure | GCP | Serverless | Landing Zones
skills Infrastructure: Terraform | Kubernetes | Networking | IAM | CloudFormation
skills Observability: CloudWatch | Azure Monitor | Datadog | Prometheus
skills Practices: Cost Optimization | Disaster Recovery | Migration Planning | Security Architecture
edu: Bachelor: Computer Science | Bachelor: Information Technology | Master: Information Systems
certs: AWS Certified Solutions Architect – Professional (Amazon Web Services)
  | Microsoft Certified: Azure Solutions Architect Expert (Microsoft)
  | Google Professional Cloud Architect (Google Cloud)
industries: consulting tech finance
hl: Led the migration of {n} data-centre workloads to {s1}, saving {money} a year.

@qa-automation-engineer quality 3
domain: test automation and release quality
titles: QA Intern | Junior QA Engineer | QA Automation Engineer | Senior QA Automation Engineer
  | QA Lead | QA Manager | Director of Quality Engineering
skills Automation: Selenium | Cypress | Playwright | Appium | Pytest | TestNG | Cucumber
skills Languages: Java | Python | JavaScript | TypeScript
skills Tooling: Postman | JMeter | k6 | TestRail | Jenkins | GitHub Actions
skills Practices: API Testing | Test Planning | Performance Testing | BDD
edu: Bachelor: Computer Science | Bachelor: Information Technology | Diploma: Software Testing
certs: ISTQB Certified Tester Foundation Level (ISTQB)
industries: tech finance retail health
hl: Built a {s1} suite of {k} end-to-end tests running in parallel in CI.

@security-engineer security 2
domain: application and cloud security
titles: Security Intern | Junior Security Analyst | Security Engineer | Senior Security Engineer
  | Staff Security Engineer | Security Engineering Manager | Director of Security
skills AppSec: SAST | DAST | Burp Suite | Secure Code Review | Dependency Scanning | OWASP ZAP
skills Detection: Splunk | CrowdStrike | Microsoft Sentinel | AWS GuardDuty | Elastic SIEM
skills Cloud & Identity: AWS Security | IAM | Kubernetes Security | Okta | Zero Trust
skills Compliance: SOC 2 | ISO 27001 | Threat Modeling | Incident Response
edu: Bachelor: Computer Science | Bachelor: Cybersecurity | Master: Information Security
certs: CISSP (ISC2) | OSCP (OffSec) | CompTIA Security+ (CompTIA)
industries: tech finance health
hl: Drove the company through its first SOC 2 Type II audit with no major findings.

@product-manager product 3
domain: B2B and consumer product management
titles: Product Management Intern | Associate Product Manager | Product Manager
  | Senior Product Manager | Group Product Manager | Director of Product | VP of Product
skills Analytics: Amplitude | Mixpanel | SQL | Looker | Pendo
skills Product: Roadmapping | User Research | PRDs | Prioritization | Go-to-Market
skills Delivery: Jira | Agile | Figma | Stakeholder Management
edu: Bachelor: Computer Science | MBA: Business Administration | Bachelor: Economics
  | Bachelor: Industrial Engineering
certs: Certified Scrum Product Owner (Scrum Alliance)
industries: tech finance retail health media
hl: Led pricing and packaging changes that grew ARPU by {pct2}%.

@project-manager ops 2
domain: delivery of cross-functional projects
titles: Project Coordinator Intern | Project Coordinator | Project Manager
  | Senior Project Manager | Program Manager | PMO Manager | Director of Program Management
skills Methods: Agile | Scrum | PRINCE2 | Risk Management | Change Management
skills Tools: Jira | MS Project | Smartsheet | Asana | Confluence
skills Leadership: Stakeholder Management | Vendor Management | Budgeting
edu: Bachelor: Business Administration | Bachelor: Engineering Management
  | Master: Project Management
certs: PMP (Project Management Institute) | Certified ScrumMaster (Scrum Alliance)
  | PRINCE2 Practitioner (PeopleCert)
industries: consulting tech construction finance health
hl: Delivered a {money} programme of {n} projects on time and {pct2}% under budget.

@product-designer design 3
domain: product and UX design
titles: UX Design Intern | Junior Product Designer | Product Designer | Senior Product Designer
  | Lead Product Designer | Design Manager | Director of Design
skills Tools: Figma | Sketch | Framer | ProtoPie | Adobe XD
skills Practice: Interaction Design | Design Systems | Prototyping | Wireframing | Accessibility
skills Research: User Interviews | Usability Testing | Journey Mapping | Card Sorting | Surveys
edu: Bachelor: Interaction Design | Bachelor: Graphic Design
  | Master: Human-Computer Interaction | Bachelor: Psychology
industries: tech finance retail health media
hl: Led research with {n} customers that reshaped the product roadmap.

@web-designer design 1.5
domain: marketing websites and visual web design
titles: Web Design Intern | Junior Web Designer | Web Designer | Senior Web Designer
  | Lead Web Designer | Creative Manager | Creative Director
skills Design: Figma | Adobe Photoshop | Adobe Illustrator | Adobe XD
skills Web: HTML5 | CSS3 | WordPress | Webflow | JavaScript | Shopify
skills Practice: Responsive Design | Typography | Landing Pages | Google Analytics
edu: Bachelor: Graphic Design | Diploma: Web Design | Bachelor: Digital Media
industries: media retail tech education
hl: Rebuilt the marketing site in {s2}, lifting landing-page conversion by {pct2}%.

@graphic-designer creative 1
domain: brand and visual design
titles: Design Intern | Junior Graphic Designer | Graphic Designer | Senior Graphic Designer
  | Lead Designer | Art Director | Creative Director
skills Tools: Adobe Illustrator | Adobe Photoshop | Adobe InDesign | Figma | After Effects
skills Formats: Motion Graphics | Print | Packaging | Social Media | Editorial Layout
skills Practice: Branding | Typography | Illustration | Art Direction
edu: Bachelor: Graphic Design | Bachelor: Fine Arts | Diploma: Visual Communication
industries: media retail education
hl: Designed packaging for {n} product launches, printed in runs of {users} units.

@technical-writer writing 1
domain: developer documentation and technical content
titles: Documentation Intern | Junior Technical Writer | Technical Writer
  | Senior Technical Writer | Lead Technical Writer | Documentation Manager
  | Director of Documentation
skills Formats: Markdown | reStructuredText | DITA | AsciiDoc | OpenAPI
skills Tooling: Docusaurus | Sphinx | MkDocs | Git | Vale | Confluence
skills Domains: REST APIs | SDKs | Developer Experience | Localization
edu: Bachelor: English | Bachelor: Journalism | Bachelor: Computer Science
  | Master: Technical Communication
industries: tech finance health
hl: Rewrote the API quick-start guide, cutting time to first call by {pct}%.

@business-analyst consulting 2
domain: business analysis and requirements
titles: Business Analyst Intern | Junior Business Analyst | Business Analyst
  | Senior Business Analyst | Lead Business Analyst | Business Analysis Manager
  | Director of Business Analysis
skills Analysis: Requirements Gathering | Process Mapping | BPMN | Gap Analysis | Data Analysis
skills Tools: Jira | Confluence | Visio | SQL | Excel | Power BI
skills Delivery: Agile | UAT | Stakeholder Management | Change Management
edu: Bachelor: Business Administration | Bachelor: Information Systems | Bachelor: Economics
certs: CBAP (IIBA)
industries: finance consulting health retail
hl: Documented {k} requirements for a core system upgrade with full traceability in {s2}.

@sap-consultant consulting 1.5 min=2
domain: SAP ERP implementations
titles: SAP Intern | Junior SAP Consultant | SAP Consultant | Senior SAP Consultant
  | Lead SAP Consultant | SAP Practice Manager | Director of SAP Services
skills SAP: SAP S/4HANA | SAP FI/CO | SAP MM | SAP SD | SAP ABAP | SAP Fiori
skills Tools: SAP Solution Manager | Jira | HP ALM | Excel
skills Integration: SAP PI/PO | IDocs | BAPIs | SAP BTP
skills Delivery: SAP Activate | Data Migration | Go-Live Support | Blueprinting
edu: Bachelor: Information Systems | Bachelor: Commerce | Master: Business Administration
certs: SAP Certified Application Associate – SAP S/4HANA Finance (SAP)
industries: consulting manufacturing logistics
hl: Delivered a greenfield {s1} rollout for {n} company codes on time.

@salesforce-developer consulting 1
domain: Salesforce CRM development and administration
titles: Salesforce Intern | Junior Salesforce Administrator | Salesforce Developer
  | Senior Salesforce Developer | Salesforce Technical Lead | CRM Manager | Director of CRM
skills Salesforce: Apex | Lightning Web Components | SOQL | Flows | Sales Cloud | Service Cloud
skills Tools: Jira | Git | Copado | VS Code | Data Loader
skills Integration: REST APIs | MuleSoft | Heroku | Platform Events
edu: Bachelor: Information Systems | Bachelor: Computer Science | Bachelor: Business Administration
certs: Salesforce Certified Platform Developer I (Salesforce)
  | Salesforce Certified Administrator (Salesforce)
industries: tech consulting finance
hl: Automated lead routing with {s1}, saving the sales team {hours} hours a week.

@account-executive sales 2.5
domain: B2B SaaS sales
titles: Sales Intern | Associate Account Executive | Account Executive | Senior Account Executive
  | Enterprise Account Executive | Regional Sales Manager | Director of Sales
skills Tools: Salesforce | HubSpot | Gong | Outreach | LinkedIn Sales Navigator
skills Methods: MEDDIC | Consultative Selling | Value Selling | Negotiation | Forecasting
skills Markets: SaaS | Enterprise Accounts | Mid-Market | Channel Partners
edu: Bachelor: Business Administration | Bachelor: Communications | Bachelor: Marketing
industries: tech finance health
hl: Landed {n} new logos including a {money} multi-year enterprise deal.

@sales-development-rep sales 2 solo=1
domain: outbound prospecting and lead qualification
titles: Sales Intern | Sales Development Representative | Sales Development Representative
  | Senior Sales Development Representative | SDR Team Lead | SDR Manager
  | Director of Sales Development
skills Tools: Outreach | Salesloft | HubSpot | Salesforce | ZoomInfo | Apollo.io
skills Prospecting: Cold Calling | Cold Email | BANT | Social Selling | Objection Handling
skills Skills: Discovery Calls | Lead Qualification | CRM Hygiene
edu: Bachelor: Communications | Bachelor: Business Administration | Bachelor: Psychology
industries: tech finance media
hl: Booked {k} qualified meetings a year, {pct2}% above target.
hl: Sourced {money} of pipeline from cold outbound in {s1}.
hl: Raised reply rates on {s2} sequences by {pct2}% with tighter personas.
hl: Ranked in the top {top}% of the SDR team for {q} consecutive quarters.
hl: Kept CRM hygiene in {s1} at 100% for every logged call and email.

@sales-manager sales 1.5 mgmt=1 min=5 floor=5
domain: sales leadership and team performance
titles: Sales Intern | Sales Development Representative | Account Executive
  | Senior Account Executive | Sales Team Lead | Sales Manager | Director of Sales
skills Tools: Salesforce | Clari | Gong | HubSpot
skills Methods: Sales Coaching | Territory Planning | Forecasting | MEDDICC | Negotiation
skills Leadership: Hiring | Quota Setting | Enterprise Sales | Channel Sales
edu: Bachelor: Business Administration | MBA: Business Administration | Bachelor: Marketing
industries: tech finance manufacturing health
hl: Led a team of {team} reps to {quota}% of the annual number.

@customer-success-manager support 2
domain: customer success and account management
titles: Customer Success Intern | Customer Success Associate | Customer Success Manager
  | Senior Customer Success Manager | Lead Customer Success Manager
  | Customer Success Team Manager | Director of Customer Success
skills Tools: Gainsight | Salesforce | Zendesk | HubSpot | Intercom | ChurnZero
skills Success: Onboarding | Renewals | Upselling | Adoption | Health Scoring
skills Skills: Account Management | Product Training | Escalation Management
edu: Bachelor: Business Administration | Bachelor: Communications | Bachelor: Psychology
industries: tech finance health education
hl: Built the onboarding playbook that cut time-to-value from {ttf} to {ttf2} days.

@customer-support-specialist support 1.5 solo=1
domain: customer support and service operations
titles: Support Intern | Customer Support Representative | Customer Support Specialist
  | Senior Support Specialist | Support Team Lead | Customer Support Manager
  | Director of Customer Support
skills Tools: Zendesk | Freshdesk | Intercom | Jira Service Management | Salesforce Service Cloud
skills Support: Ticket Triage | Troubleshooting | Live Chat | Knowledge Base | SLAs
skills Skills: De-escalation | Macros | Quality Assurance
edu: Associate: Business | Bachelor: Communications | Diploma: Customer Service
industries: tech retail finance logistics
hl: Wrote {k} knowledge-base articles that deflected {pct2}% of inbound tickets.
hl: Resolved {cases} tickets a quarter in {s1} at a {csat}% CSAT.
hl: Kept first-response times under {mins2} minutes on {s2} and email.
hl: Built {s1} macros and triage rules that cut handling time by {pct2}%.

@growth-marketer marketing 1.5
domain: growth and performance marketing
titles: Marketing Intern | Marketing Associate | Growth Marketing Manager
  | Senior Growth Marketing Manager | Head of Growth | Growth Marketing Director
  | VP of Marketing
skills Channels: Paid Search | Paid Social | Lifecycle Email | Referral Programs | App Store Ads
skills Tools: HubSpot | Braze | Marketo | Google Ads | Meta Ads Manager | Segment
skills Analytics: Google Analytics 4 | Amplitude | SQL | Looker Studio
edu: Bachelor: Marketing | Bachelor: Economics | Bachelor: Business Administration
certs: Google Ads Search Certification (Google)
industries: tech retail finance media
hl: Scaled {s1} spend {x}x while holding CAC flat.

@content-marketer marketing 1.5
domain: content marketing and brand storytelling
titles: Content Intern | Content Marketing Associate | Content Marketing Manager
  | Senior Content Marketing Manager | Head of Content | Content Director | VP of Marketing
skills Channels: SEO | Newsletters | LinkedIn | Webinars | Podcasts
skills Tools: WordPress | HubSpot | Canva | Semrush | Contentful
skills Analytics: Google Analytics 4 | Looker Studio | HubSpot Reporting
skills Content: Copywriting | Editorial Planning | Case Studies | Thought Leadership
edu: Bachelor: Journalism | Bachelor: English | Bachelor: Marketing | Bachelor: Communications
industries: tech media finance education
hl: Grew the newsletter to {users} subscribers with a {pct}% open rate.

@seo-specialist marketing 1 solo=1
domain: search engine optimisation
titles: SEO Intern | Junior SEO Specialist | SEO Specialist | Senior SEO Specialist | SEO Lead
  | SEO Manager | Director of SEO
skills SEO: Technical SEO | Keyword Research | On-Page SEO | Link Building | Schema Markup
skills Tools: Ahrefs | Semrush | Screaming Frog | Google Search Console | Google Analytics 4
skills Web: HTML | JavaScript SEO | Core Web Vitals | WordPress
edu: Bachelor: Marketing | Bachelor: Communications | Bachelor: Information Technology
industries: media retail tech
hl: Fixed {cases} crawl errors found with {s2}, growing indexed pages by {pct}%.
hl: Grew organic traffic by {pct}% in {months} months through {s1}.
hl: Lifted {k} priority keywords to page one with content briefs and {s1}.
hl: Improved Core Web Vitals on {n} page templates, cutting bounce rate by {pct2}%.

@accountant finance 2
domain: accounting, reporting and audit
titles: Accounting Intern | Junior Accountant | Staff Accountant | Senior Accountant
  | Accounting Supervisor | Accounting Manager | Financial Controller
skills Systems: NetSuite | QuickBooks | SAP | Xero | Excel
skills Accounting: Month-End Close | Reconciliations | Accounts Payable | Accounts Receivable
  | Revenue Recognition
skills Compliance: GAAP | IFRS | Audit | Tax Compliance | SOX
edu: Bachelor: Accounting | Bachelor: Finance | Master: Accounting
certs: CPA (AICPA) | ACCA (ACCA) | Chartered Accountant (ICAI)
industries: finance manufacturing retail consulting health
hl: Implemented {s1} and standardised {k} recurring journal entries.

@fpa-analyst finance 1.5
domain: financial planning and analysis
titles: Finance Intern | Junior Financial Analyst | FP&A Analyst | Senior FP&A Analyst
  | FP&A Lead | FP&A Manager | Director of FP&A
skills Tools: Excel | Anaplan | Adaptive Planning | Power BI | SQL
skills FP&A: Budgeting | Forecasting | Variance Analysis | Financial Modeling | Unit Economics
skills Business: Board Reporting | Scenario Planning | SaaS Metrics
edu: Bachelor: Finance | Bachelor: Economics | MBA: Finance
certs: CFA Level II (CFA Institute) | FMVA (Corporate Finance Institute)
industries: tech finance retail manufacturing
hl: Built the three-statement model used for the Series C raise.

@hr-business-partner people 1.5
domain: HR business partnering and people operations
titles: HR Intern | HR Assistant | HR Generalist | Senior HR Generalist | HR Business Partner
  | HR Manager | Director of People
skills Systems: Workday | BambooHR | HiBob | Personio | Lattice
skills HR: Performance Management | Compensation | Onboarding | Employee Relations | Policy
skills Compliance: Employment Law | HR Analytics | DEI Programs
edu: Bachelor: Human Resources | Bachelor: Psychology | Master: Human Resource Management
certs: SHRM-CP (SHRM) | CIPD Level 5 (CIPD) | PHR (HRCI)
industries: tech retail finance manufacturing health
hl: Resolved {n} employee-relations cases without a single tribunal claim.

@recruiter people 2
domain: technical and non-technical recruiting
titles: Recruiting Intern | Recruiting Coordinator | Recruiter | Senior Technical Recruiter
  | Lead Recruiter | Talent Acquisition Manager | Director of Talent Acquisition
skills Tools: Greenhouse | Lever | Workday Recruiting | LinkedIn Recruiter | Gem | Ashby
skills Recruiting: Sourcing | Boolean Search | Full-Cycle Recruiting | Employer Branding
skills Skills: Stakeholder Management | Offer Negotiation | Structured Interviews
edu: Bachelor: Psychology | Bachelor: Human Resources | Bachelor: Communications
industries: tech consulting finance retail
hl: Sourced and closed {hires} engineers in a year using {s2} and {s1}.

@operations-manager ops 1.5 mgmt=0.7 min=3
domain: business and warehouse operations
titles: Operations Intern | Operations Coordinator | Operations Analyst
  | Senior Operations Analyst | Operations Lead | Operations Manager | Director of Operations
skills Operations: Lean Six Sigma | Process Improvement | Capacity Planning | KPI Management
skills Tools: Excel | SAP | Tableau | Smartsheet | Oracle NetSuite
skills Leadership: Team Leadership | Vendor Management | Budgeting | Health & Safety
edu: Bachelor: Business Administration | Bachelor: Industrial Engineering
  | MBA: Operations Management
certs: Lean Six Sigma Green Belt (ASQ)
industries: logistics retail manufacturing health
hl: Opened {q} new sites on schedule and reached target throughput within {months} months.

@supply-chain-analyst ops 1.5
domain: supply chain planning and procurement
titles: Supply Chain Intern | Supply Chain Coordinator | Supply Chain Analyst
  | Senior Supply Chain Analyst | Supply Chain Lead | Supply Chain Manager
  | Director of Supply Chain
skills Planning: Demand Planning | S&OP | Inventory Optimization | MRP | Forecasting
skills Systems: SAP | Oracle SCM | Kinaxis | Excel | Power BI
skills Logistics: Supplier Management | Warehouse Management | Incoterms | Procurement
edu: Bachelor: Supply Chain Management | Bachelor: Industrial Engineering | Master: Logistics
certs: APICS CSCP (ASCM)
industries: logistics manufacturing retail pharma
hl: Reduced safety stock by {pct2}% without hurting fill rate, freeing {money} of cash.

@procurement-specialist ops 1
domain: procurement and strategic sourcing
titles: Procurement Intern | Procurement Assistant | Procurement Specialist | Senior Buyer
  | Procurement Lead | Procurement Manager | Head of Procurement
skills Sourcing: Strategic Sourcing | RFPs | Contract Negotiation | Supplier Evaluation
skills Systems: SAP Ariba | Coupa | Excel | Power BI
skills Practice: Spend Analysis | Category Management | Risk Management
edu: Bachelor: Business Administration | Bachelor: Supply Chain Management
  | Bachelor: Economics
certs: CIPS Level 4 (CIPS)
industries: manufacturing construction retail health
hl: Renegotiated {n} supplier contracts, saving {money} a year.

@registered-nurse health 2
domain: acute patient care
titles: Student Nurse | Graduate Nurse | Registered Nurse | Senior Registered Nurse
  | Charge Nurse | Nurse Manager | Director of Nursing
skills Clinical: Patient Assessment | Medication Administration | IV Therapy | Wound Care
  | Triage | Telemetry
skills Systems: Epic | Cerner | Pyxis | Meditech
skills Certifications: BLS | ACLS | PALS | Infection Control
edu: Bachelor: Nursing | Associate: Nursing | Master: Nursing
certs: NCLEX-RN (NCSBN) | ACLS (American Heart Association) | CCRN (AACN)
industries: health
hl: Served as charge nurse for a {beds}-bed medical-surgical unit on rotating shifts.

@physician-assistant health 1 min=1
domain: primary and urgent care medicine
titles: Physician Assistant Student | Physician Assistant | Physician Assistant
  | Senior Physician Assistant | Lead Physician Assistant | Supervising Physician Assistant
  | Director of Advanced Practice Providers
skills Clinical: Patient Assessment | Diagnosis | Suturing | Prescribing
  | Chronic Disease Management
skills Systems: Epic | athenahealth | eClinicalWorks | Telehealth
skills Specialties: Emergency Medicine | Family Medicine | Orthopedics | Urgent Care
edu: Master: Physician Assistant Studies
certs: NCCPA PA-C (NCCPA) | BLS (American Heart Association)
industries: health
hl: Saw an average of {students} patients a week in {s3} with high satisfaction scores.

@pharmacist health 1 min=1
domain: clinical and retail pharmacy
titles: Pharmacy Intern | Staff Pharmacist | Pharmacist | Clinical Pharmacist
  | Senior Clinical Pharmacist | Pharmacy Manager | Director of Pharmacy
skills Pharmacy: Medication Therapy Management | Dispensing | Immunizations | Compounding
skills Systems: Epic Willow | Pyxis | PioneerRx | Inventory Control
skills Clinical: Antimicrobial Stewardship | Patient Counseling | Formulary Management
edu: PharmD: Pharmacy
certs: Board Certified Pharmacotherapy Specialist (BPS)
industries: pharma health retail
hl: Led an antimicrobial stewardship review that cut broad-spectrum use by {pct2}%.

@mechanical-engineer physeng 1.5
domain: mechanical design and product development
titles: Mechanical Engineering Intern | Junior Mechanical Engineer | Mechanical Engineer
  | Senior Mechanical Engineer | Lead Mechanical Engineer | Mechanical Engineering Manager
  | Director of Engineering
skills CAD: SolidWorks | AutoCAD | CATIA | Creo | Siemens NX
skills Analysis: FEA | ANSYS | CFD | MATLAB | Thermal Analysis | Tolerance Analysis
skills Standards: GD&T | ASME Y14.5 | ISO 9001 | DFMEA
skills Production: DFM | Injection Molding | Sheet Metal | Prototyping
edu: Bachelor: Mechanical Engineering | Master: Mechanical Engineering
certs: Professional Engineer (PE) (NCEES) | Certified SolidWorks Professional (Dassault Systèmes)
industries: manufacturing energy construction
hl: Reduced enclosure weight by {pct2}% through topology optimisation in {s2}.

@civil-engineer physeng 1.5
domain: civil and structural engineering
titles: Civil Engineering Intern | Graduate Civil Engineer | Civil Engineer
  | Senior Civil Engineer | Principal Civil Engineer | Civil Engineering Manager
  | Director of Infrastructure
skills Software: AutoCAD Civil 3D | Revit | SAP2000 | ETABS | MicroStation | ArcGIS
skills Design: Structural Analysis | Geotechnical Design | Stormwater Design | Cost Estimation
skills Standards: Eurocodes | ACI 318 | AASHTO | BIM Level 2
skills Delivery: Site Supervision | Contract Administration | Health & Safety
edu: Bachelor: Civil Engineering | Master: Structural Engineering
certs: Professional Engineer (PE) (NCEES) | Chartered Engineer (ICE)
industries: construction energy consulting
hl: Designed drainage for a {money} highway upgrade using {s1}.

@electrical-engineer physeng 1.5
domain: electrical power and control systems
titles: Electrical Engineering Intern | Junior Electrical Engineer | Electrical Engineer
  | Senior Electrical Engineer | Lead Electrical Engineer | Electrical Engineering Manager
  | Director of Electrical Engineering
skills Tools: ETAP | Altium Designer | EPLAN | MATLAB | Simulink | PSpice
skills Practice: Power Distribution | PLC Programming | Load Flow Analysis | SCADA
skills Standards: NEC | IEC 61439 | NFPA 70E | IEEE 1584
edu: Bachelor: Electrical Engineering | Master: Power Systems
certs: Professional Engineer (PE) (NCEES)
industries: energy manufacturing construction
hl: Commissioned {n} substations with zero lost-time incidents.

@legal-counsel legal 1 min=2
domain: commercial, privacy and employment law
titles: Legal Intern | Junior Associate | Legal Counsel | Senior Legal Counsel | Lead Counsel
  | Associate General Counsel | General Counsel
skills Law: Commercial Contracts | Data Protection | GDPR | Employment Law
  | Intellectual Property
skills Tools: Ironclad | DocuSign CLM | Westlaw | LexisNexis
skills Practice: Negotiation | Litigation Management | Regulatory Compliance
  | Corporate Governance
edu: JD: Law | Master: Law (LLM) | Bachelor: Law (LLB)
certs: CIPP/E (IAPP)
industries: legal tech finance health
hl: Drafted the company's standard terms, used in {k} deals a year.

@teacher education 1.5
domain: secondary school teaching
titles: Student Teacher | Newly Qualified Teacher | Teacher | Senior Teacher
  | Head of Department | Assistant Principal | Principal
skills Subjects: Mathematics | Physics | Chemistry | Biology | English Literature
  | Computer Science | History
skills Tools: Google Classroom | Microsoft Teams | Smartboard | Khan Academy
skills Teaching: Lesson Planning | Differentiated Instruction | Classroom Management
  | Assessment
edu: Bachelor: Education | Master: Education | Bachelor: Mathematics | Bachelor: English
certs: State Teaching License (Department of Education) | PGCE (Westbrook University)
industries: education
hl: Redesigned the Year 10 {s1} scheme of work, lifting exam results by {pct2}%.
"""

# Metric placeholders for highlight templates: "name low high [unit]". A uniform integer is drawn
# from [low, high]; unit "," adds thousands separators, "K"/"M" scale the value as thousands or
# millions (1200K -> 1.2M, 1500M -> 1.5B), and "$K" does the same for money.
METRICS = """
pct 12 65
pct2 5 35
n 3 25
q 2 6
x 2 8
team 4 14
k 20 300
cases 150 2500 ,
emps 120 4000 ,
hires 20 180
money 120 9500 $K
users 20 4900 K
rows 5 4900 M
rps 2 80 K
mins 18 55
mins2 3 12
hours 6 60
days 3 6
days2 8 14
ttf 38 62
ttf2 18 34
nines 5 9
quota 104 165
top 5 20
accts 15 120
ret 88 98
csat 90 99
otd 78 89
otd2 92 99
accept 82 96
var 1 4
months 3 12
sites 2 14
beds 12 48
students 60 180
"""

# Months a degree takes, by study type; anything else takes two years.
DEGREE_MONTHS = {"Bachelor": 48, "Master": 24, "PhD": 54, "MBA": 24, "JD": 36, "PharmD": 48}
DEGREE_MONTHS.update(Bootcamp=4, Associate=24, Diploma=24)
FALLBACK_BACHELORS = ("Economics", "Biology", "History", "Political Science")

SKILL_LEVELS = (
    "Beginner",
    "Intermediate",
    "Intermediate",
    "Advanced",
    "Expert",
    "Expert",
    "Expert",
)
# Highlights opening with these verbs claim ownership a junior would not have.
SENIOR_VERBS = {"Led", "Managed", "Owned", "Hired", "Mentored", "Precepted", "Grew", "Drove"}
SENIOR_VERBS |= {"Negotiated", "Advised", "Opened", "Delivered", "Set", "Scaled", "Ran", "Closed"}
SENIOR_VERBS |= {"Served", "Coached", "Defined"}

# Modest, skill-neutral highlights that suit any early-career role.
JUNIOR_LINES = (
    "Contributed to {q} cross-functional projects involving {s1} and {s2}.",
    "Documented {n} procedures and how-tos now used to onboard new joiners.",
    "Recognised in performance reviews for strong work with {s1} and {s3}.",
    "Supported senior colleagues on {s1} and {s2} work across {q} teams.",
)

# Highlights for managers and directors of any family.
MANAGER_LINES = (
    "Managed a team of {team} and a {money} budget, reporting to the executive team.",
    "Hired {q} senior people and kept regretted attrition near zero.",
    "Set quarterly goals for {q} teams and ran the weekly operating review.",
    "Coached {q} people into lead and manager roles.",
)

ROLE_SUMMARIES = (
    "Responsible for {domain} in a team of {team}.",
    "Part of a {team}-person team owning {domain}, mainly with {s1} and {s2}.",
    "Focus on {domain} using {s1}, {s2} and {s3}.",
)
SKILL_SENTENCES = (
    "Hands-on with {}, {} and {}.",
    "Strong background in {}, {} and {}.",
    "Works daily with {}, {} and {}.",
)
ENGLISH_FLUENCY = ("Full professional proficiency", "Professional working proficiency", "Fluent")
SECOND_LANGUAGES = ("Spanish", "French", "German", "Mandarin", "Portuguese", "Japanese")

# Plain-text resume layouts, one entry per layout in every tuple below.
MONTH_NAMES = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
TEXT_HEADS = (
    "{name}\n{label}\n{where} | {contact}",
    "{upper}\n{contact}\n{where}",
    "{name} - {title}\nLocation: {where}\nContact: {contact}",
)
TEXT_CONTACT_JOINERS = (" | ", " / ", "\nContact: ")
TEXT_HEADINGS = (
    ("SUMMARY", "EXPERIENCE", "EDUCATION", "SKILLS"),
    ("Profile", "Work history", "Education", "Skills"),
    ("About me", "Experience", "Education", "Skills & tools"),
)
TEXT_JOBS = (
    "{position} — {company}\n{start} – {end}",
    "{start} to {end}   {position}, {company}",
    "{position} at {company} ({start} - {end})",
)
TEXT_DATES = ("{mon} {year}", "{mm}/{year}", "{year}-{mm}")
TEXT_PRESENT = ("Present", "present", "now")
TEXT_BULLETS = ("  • ", "  * ", "  - ")
