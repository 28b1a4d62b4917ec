"""Deterministic document texts for training the document-type router.

Five kinds (``rap_sheet``, ``court_disposition``, ``arrest_narrative``, ``support_letter``,
``other``), each from several layouts of its own: FBI-style identity history summaries and
state criminal-history transcripts; judgments, minute orders, docket sheets and dismissal
orders; police arrest reports, probable-cause statements and immigration encounter
narratives; letters from family, employers, clergy and community groups; and unrelated
papers (bills, leases, medical notes, transcripts, pay stubs, forms). Written for this
repository without looking at ``fixtures/`` so that fixture accuracy measures generalization.

No text here names a race, religion, sexual orientation, national origin or political view;
pronouns and other words in ``extractors/taxonomy/protected_terms.txt`` are dropped by the
router's featurizer before vectorizing.

Standard library only; ``generate(seed)`` returns ``(kind, text, group)`` triples where
``group`` names the layout, so cross-validation can hold whole layouts out.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable

DOCS_PER_LAYOUT = 30

GIVEN = ["Alex", "Jordan", "Sam", "Taylor", "Casey", "Morgan", "Jamie", "Robin", "Chris", "Dana",
         "Lee", "Pat", "Avery", "Riley", "Quinn", "Drew", "Jesse", "Cameron", "Kendall", "Reese"]
FAMILY = ["Rivera", "Nguyen", "Smith", "Okafor", "Kowalski", "Haddad", "Lopez", "Park", "Brown", "Moreau",
          "Silva", "Jensen", "Tran", "Walker", "Costa", "Ibrahim", "Reyes", "Novak", "Cruz", "Fischer"]
CITIES = [("Fresno", "CA"), ("Houston", "TX"), ("Tampa", "FL"), ("Phoenix", "AZ"), ("Chicago", "IL"),
          ("Raleigh", "NC"), ("Yakima", "WA"), ("Atlanta", "GA"), ("Newark", "NJ"), ("Denver", "CO"),
          ("Omaha", "NE"), ("Reno", "NV"), ("Salem", "OR"), ("Albany", "NY"), ("Tucson", "AZ")]
COUNTIES = ["Fresno", "Harris", "Hillsborough", "Maricopa", "Cook", "Wake", "Yakima", "Fulton", "Essex",
            "Denver", "Douglas", "Washoe", "Marion", "Albany", "Pima"]
CHARGES = [
    ("POSS CONTROLLED SUBSTANCE", "HS 11350"), ("DUI ALCOHOL", "VC 23152(a)"), ("PETTY THEFT", "PC 484"),
    ("BURGLARY 2ND DEGREE", "PC 459"), ("ASSAULT W/DEADLY WEAPON", "PC 245(a)(1)"),
    ("DRIVING W/SUSPENDED LICENSE", "VC 14601.1"), ("CORPORAL INJ SPOUSE", "PC 273.5"),
    ("THEFT OF PROPERTY", "TX PC 31.03"), ("ASSAULT CAUSES BODILY INJURY", "TX PC 22.01"),
    ("POSSESSION OF MARIJUANA", "TX HSC 481.121"), ("RESISTING ARREST", "PC 148"),
    ("ILLEGAL REENTRY", "8 USC 1326"), ("IMPROPER ENTRY BY ALIEN", "8 USC 1325"),
    ("BATTERY", "Fla. Stat. 784.03"), ("TRESPASS", "Fla. Stat. 810.09"), ("ROBBERY", "PC 211"),
    ("DELIVERY OF COCAINE", "Fla. Stat. 893.13"), ("DISORDERLY CONDUCT", "ORS 166.025"),
    ("FORGERY", "PC 470"), ("VANDALISM", "PC 594"), ("RECKLESS DRIVING", "VC 23103"),
    ("FAIL TO APPEAR", "PC 1320"), ("CARRYING CONCEALED WEAPON", "PC 25400"),
    ("IDENTITY THEFT", "PC 530.5"), ("OPEN CONTAINER", "VC 23222"), ("CRIMINAL MISCHIEF", "NY PL 145.00"),
]
DISPOSITIONS = ["CONVICTED", "DISMISSED", "PLED GUILTY", "NOLLE PROSEQUI", "ACQUITTED", "DEFERRED ADJUDICATION",
                "PENDING", "GUILTY - MISDEMEANOR", "CONV: 30 DAYS JAIL, 3 YRS PROBATION", "NO DISPOSITION REPORTED"]
SENTENCES = ["90 days county jail, suspended", "36 months formal probation", "time served", "fine $500 and costs",
             "2 years state prison", "180 days jail, 3 years probation", "16 months", "community service 40 hours"]


def _rng(*parts: object) -> random.Random:
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _name(r: random.Random) -> str:
    return f"{r.choice(GIVEN)} {r.choice(FAMILY)}"


def _date(r: random.Random, style: int | None = None) -> str:
    y, m, d = r.randrange(1998, 2024), r.randrange(1, 13), r.randrange(1, 29)
    style = r.randrange(4) if style is None else style
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    return [f"{m:02d}/{d:02d}/{y}", f"{y}{m:02d}{d:02d}", f"{months[m - 1]} {d}, {y}", f"{y}-{m:02d}-{d:02d}"][style]


def _charge(r: random.Random) -> tuple[str, str]:
    return r.choice(CHARGES)


def _noise(text: str, r: random.Random) -> str:
    """Occasional scan artifacts: dropped or doubled letters, as OCR'd or re-typed copies show."""
    if r.random() > 0.3:
        return text
    chars = list(text)
    for _ in range(max(1, len(chars) // 400)):
        i = r.randrange(len(chars))
        if chars[i].isalpha():
            chars[i] = r.choice(["", chars[i] * 2, chars[i].swapcase()])
    return "".join(chars)


# ------------------------------------------------------------------------ rap sheets

def rap_fbi(r: random.Random) -> str:
    lines = ["FBI IDENTITY HISTORY SUMMARY" if r.random() < 0.6 else "IDENTIFICATION RECORD",
             f"FBI NUMBER {r.randrange(10**8, 10**9)}{r.choice('ABCDEFG')}{r.randrange(1, 9)}",
             f"NAME {_name(r).upper()}", f"DATE OF BIRTH {_date(r, 0)}",
             "THE INFORMATION IN THIS RECORD IS BASED ON FINGERPRINT SUBMISSIONS.",
             "AN ENTRY WITHOUT A FINAL DISPOSITION SHOULD BE VERIFIED WITH THE CONTRIBUTING AGENCY.", ""]
    for n in range(r.randrange(2, 7)):
        city, state = r.choice(CITIES)
        charge, statute = _charge(r)
        lines += [f"{n + 1}-ARREST/DETENTION/CITATION", f"  ARREST DATE {_date(r, 1)}",
                  f"  ARRESTING AGENCY {state}{r.randrange(1000000, 9999999)} {city.upper()} POLICE DEPARTMENT",
                  f"  SUBJECT'S NAME {_name(r).upper()}", f"  CHARGE 1 {charge}",
                  f"  STATUTE {statute}", f"  COURT DISPOSITION {r.choice(DISPOSITIONS)}", ""]
    lines.append("END OF RECORD")
    return "\n".join(lines)


def rap_state(r: random.Random) -> str:
    city, state = r.choice(CITIES)
    header = r.choice(["CRIMINAL HISTORY TRANSCRIPT", "STATE CRIMINAL HISTORY RECORD",
                       "COMPUTERIZED CRIMINAL HISTORY", "CONVICTION AND ARREST RECORD", "RAP SHEET"])
    lines = [f"{state} DEPARTMENT OF PUBLIC SAFETY - {header}", f"STATE ID NO: {state}{r.randrange(10**6, 10**7)}",
             f"SUBJECT: {_name(r).upper()}   DOB: {_date(r, 0)}", "",
             "CYCLE  DATE        AGENCY              OFFENSE                         DISPOSITION"]
    for n in range(r.randrange(3, 9)):
        charge, statute = _charge(r)
        lines.append(f"{n + 1:03d}    {_date(r, 0)}  {r.choice(COUNTIES).upper()} CO SO    "
                     f"{charge} {statute}    {r.choice(DISPOSITIONS)}")
        if r.random() < 0.4:
            lines.append(f"       SENTENCE: {r.choice(SENTENCES).upper()}")
    lines += ["", "RECORD BASED ON FINGERPRINT IDENTIFICATION. USE OF THIS RECORD IS GOVERNED BY STATE LAW.",
              f"PAGE 1 OF {r.randrange(1, 4)}"]
    return "\n".join(lines)


def rap_summary(r: random.Random) -> str:
    lines = ["Criminal History Summary", f"Record subject: {_name(r)}", f"Date of request: {_date(r, 2)}",
             "Arrests and dispositions reported by contributing agencies:"]
    for _ in range(r.randrange(2, 6)):
        charge, statute = _charge(r)
        city, state = r.choice(CITIES)
        lines.append(f"- {_date(r, 3)} arrested by {city} PD ({state}); charge: {charge.title()} ({statute}); "
                     f"disposition: {r.choice(DISPOSITIONS).lower()}")
    lines.append("Entries are listed by arrest cycle. Dispositions not reported may still exist in court records.")
    return "\n".join(lines)


# -------------------------------------------------------------- court dispositions

def court_judgment(r: random.Random) -> str:
    county = r.choice(COUNTIES)
    charge, statute = _charge(r)
    name = _name(r).upper()
    return "\n".join([
        r.choice(["IN THE SUPERIOR COURT OF THE STATE", "IN THE CIRCUIT COURT OF THE JUDICIAL CIRCUIT",
                  "IN THE DISTRICT COURT", "IN THE COUNTY CRIMINAL COURT AT LAW"])
        + f" IN AND FOR {county.upper()} COUNTY",
        f"THE STATE v. {name}", f"Case No. {r.randrange(10, 24)}CR{r.randrange(10000, 99999)}",
        "JUDGMENT AND SENTENCE" if r.random() < 0.5 else "JUDGMENT OF CONVICTION",
        f"The defendant appeared in open court with counsel on {_date(r, 2)}.",
        f"The defendant entered a plea of {r.choice(['guilty', 'nolo contendere', 'not guilty'])} to Count 1, "
        f"{charge.title()}, in violation of {statute}.",
        f"The court finds the defendant {r.choice(['guilty', 'guilty as charged'])} and adjudges the defendant "
        "convicted of said offense.",
        f"IT IS ORDERED that the defendant is sentenced to {r.choice(SENTENCES)}.",
        r.choice(["Remaining counts dismissed on motion of the State.", "Credit for time served granted.",
                  "Restitution reserved.", "Defendant advised of right to appeal."]),
        f"DONE AND ORDERED in chambers this {_date(r, 2)}.", "JUDGE OF THE COURT",
        "A TRUE COPY ATTEST: CLERK OF COURT" if r.random() < 0.5 else "CERTIFIED COPY",
    ])


def court_minutes(r: random.Random) -> str:
    charge, statute = _charge(r)
    return "\n".join([
        "MINUTE ORDER", f"Department {r.randrange(1, 90)}   Date: {_date(r, 0)}",
        f"People vs. {_name(r)}   Docket {r.choice('FM')}{r.randrange(100000, 999999)}",
        f"Judicial officer: Hon. {_name(r)}   Clerk: {_name(r)}   Reporter: none",
        "Nature of proceedings: " + r.choice(["ARRAIGNMENT AND PLEA", "SENTENCING", "CHANGE OF PLEA",
                                              "PROBATION VIOLATION HEARING", "DISPOSITION"]),
        f"Defendant present in custody. Counsel present. Count 01: {statute} {charge}.",
        r.choice(["Defendant withdraws plea of not guilty and pleads guilty.",
                  "Court accepts plea and finds factual basis.", "Matter dismissed in the interest of justice.",
                  "Imposition of sentence suspended."]),
        f"Probation granted for {r.randrange(1, 6)} years on the following terms and conditions:",
        "Obey all laws. Report to probation officer. Pay fines and fees as ordered.",
        f"Next court date: {_date(r, 0)} for progress report.",
    ])


def court_docket(r: random.Random) -> str:
    lines = [f"CRIMINAL DOCKET FOR CASE #: {r.randrange(1, 9)}:{r.randrange(10, 24)}-cr-{r.randrange(100, 999)}",
             f"Defendant: {_name(r)}", "Date Filed  #  Docket Text"]
    for n in range(r.randrange(4, 10)):
        lines.append(f"{_date(r, 0)}  {n + 1}  " + r.choice([
            "INDICTMENT as to defendant count(s) 1.", "Initial appearance held. Detention hearing set.",
            "PLEA AGREEMENT as to defendant.", "Minute entry: change of plea hearing; guilty plea accepted.",
            "JUDGMENT as to defendant: imprisonment, supervised release, special assessment $100.",
            "ORDER of dismissal of remaining counts.", "Sentencing held.", "NOTICE of attorney appearance.",
        ]))
    lines.append("Disposition: " + r.choice(["Judgment entered", "Case closed", "Dismissed", "Sentenced"]))
    return "\n".join(lines)


def court_dismissal(r: random.Random) -> str:
    charge, statute = _charge(r)
    return "\n".join([
        r.choice(["ORDER OF DISMISSAL", "NOLLE PROSEQUI", "ORDER GRANTING EXPUNCTION",
                  "ORDER VACATING CONVICTION", "ORDER ON MOTION TO SET ASIDE PLEA"]),
        f"State v. {_name(r)}, No. {r.randrange(10**5, 10**6)}",
        f"This cause came before the Court on {_date(r, 2)} upon the motion of the "
        f"{r.choice(['prosecuting attorney', 'defendant', 'State'])}.",
        f"The charge of {charge.lower()} ({statute}) is hereby "
        f"{r.choice(['dismissed with prejudice', 'dismissed', 'vacated', 'set aside'])}.",
        "Any bond posted is exonerated. The clerk shall update the record accordingly.",
        "SO ORDERED.", f"Presiding Judge, {r.choice(COUNTIES)} County",
    ])


# -------------------------------------------------------- arrest and immigration narratives

def arrest_report(r: random.Random) -> str:
    city, state = r.choice(CITIES)
    charge, statute = _charge(r)
    officer = _name(r)
    return "\n".join([
        f"{city.upper()} POLICE DEPARTMENT", r.choice(["ARREST REPORT", "INCIDENT REPORT - NARRATIVE",
                                                        "OFFENSE REPORT SUPPLEMENT"]),
        f"Report number {r.randrange(10, 24)}-{r.randrange(10000, 99999)}", "NARRATIVE:",
        f"On {_date(r, 0)} at approximately {r.randrange(0, 24):02d}{r.choice(['00', '15', '30', '45'])} hours, "
        f"I, Officer {officer}, was dispatched to {r.randrange(100, 9999)} {r.choice(['Main', 'Oak', 'Elm', 'Pine'])} "
        f"Street regarding a {r.choice(['disturbance', 'theft in progress', 'suspicious vehicle', 'welfare check'])}.",
        f"Upon arrival I contacted the suspect, later identified as {_name(r)}. "
        + r.choice(["The suspect appeared nervous and gave conflicting statements.",
                    "A records check showed an active warrant.",
                    "The victim stated the suspect struck her with a closed fist.",
                    "I observed the odor of an alcoholic beverage and slurred speech."]),
        f"Based on the above I developed probable cause to arrest the suspect for {charge.lower()} ({statute}).",
        "The suspect was advised of Miranda rights and " + r.choice(["declined to speak.", "agreed to talk.",
                                                                    "requested an attorney."]),
        f"The suspect was transported to {r.choice(COUNTIES)} County Jail and booked without incident.",
        f"Reporting officer: {officer}, badge {r.randrange(100, 9999)}.",
    ])


def immigration_narrative(r: random.Random) -> str:
    return "\n".join([
        r.choice(["RECORD OF DEPORTABLE/INADMISSIBLE ALIEN", "FIELD ENCOUNTER NARRATIVE",
                  "RECORD OF ENCOUNTER - NARRATIVE CONTINUATION"]),
        f"Event No: {r.randrange(10**9, 10**10)}   Date/time of apprehension: {_date(r, 0)}",
        "NARRATIVE:",
        f"On {_date(r, 2)}, agents {r.choice(['assigned to the station', 'of the enforcement team', 'on patrol'])} "
        f"encountered the subject near {r.choice(CITIES)[0]}. "
        + r.choice(["The subject was apprehended approximately two miles from the port of entry.",
                    "The subject was encountered during a targeted operation at a residence.",
                    "The subject was transferred from local custody pursuant to a detainer."]),
        "Immigration history: " + r.choice([
            "The subject admitted entering the United States without inspection.",
            "Records show a prior removal and no subsequent lawful admission.",
            "The subject claimed to have entered with a visitor visa and overstayed.",
            "No record of lawful entry was located in agency systems."]),
        "Criminal history: " + r.choice(["record checks revealed prior arrests, see attached.",
                                         "none located.", "the subject has a pending local charge."]),
        "The subject was " + r.choice(["processed for removal proceedings.", "issued a notice to appear.",
                                       "placed in custody pending a hearing."]),
        "Subject was advised of rights in a language understood and did not claim fear of return.",
        f"Agent: {_name(r)}",
    ])


def probable_cause(r: random.Random) -> str:
    charge, statute = _charge(r)
    return "\n".join([
        r.choice(["AFFIDAVIT OF PROBABLE CAUSE", "STATEMENT OF PROBABLE CAUSE", "DECLARATION IN SUPPORT OF ARREST"]),
        f"I, {_name(r)}, being duly sworn, state that I am a peace officer employed by the "
        f"{r.choice(COUNTIES)} County Sheriff's Office.",
        f"On {_date(r, 2)}, deputies responded to a call reporting "
        + r.choice(["a fight.", "a stolen vehicle.", "shots fired.", "a shoplifter."]),
        f"Witnesses stated that the defendant, {_name(r)}, " + r.choice([
            "fled on foot when deputies arrived.", "was seen leaving the store with unpaid merchandise.",
            "threatened the caller with a knife.", "was driving the reported vehicle."]),
        f"The defendant was detained and arrested for {charge.lower()}, {statute}.",
        "I declare under penalty of perjury that the foregoing is true and correct.",
    ])


# --------------------------------------------------------------------- support letters

def letter_family(r: random.Random) -> str:
    person = _name(r)
    relation = r.choice(["husband", "wife", "son", "daughter", "father", "mother", "brother", "partner"])
    return "\n".join([
        _date(r, 2), r.choice(["To Whom It May Concern,", "Dear Judge,", "Dear Officer,",
                               "Dear Immigration Officer,", "Dear Sir or Madam,"]),
        f"My name is {_name(r)} and I am writing this letter on behalf of my {relation}, {person}.",
        f"We have been together for {r.randrange(3, 25)} years and we have {r.randrange(1, 5)} children who "
        "depend on us every day.",
        f"{person.split()[0]} " + r.choice([
            "works hard to provide for our family and never misses a day of work.",
            "takes our kids to school each morning and helps them with homework.",
            "has changed since the mistakes of the past and attends counseling every week.",
            "cares for my elderly mother, who has diabetes and cannot drive."]),
        "Without this support our family would lose our home. I respectfully ask you to consider "
        "these circumstances.",
        r.choice(["Thank you for your time.", "Thank you for reading my letter.", "Thank you again."]),
        r.choice(["Sincerely,", "Respectfully,", "With gratitude,"]), _name(r),
    ])


def letter_employer(r: random.Random) -> str:
    person = _name(r)
    trade = r.choice(["Construction", "Farms", "Landscaping", "Auto Repair", "Bakery", "Roofing"])
    company = f"{r.choice(FAMILY)} {trade}"
    return "\n".join([
        f"{company.upper()}", f"{r.randrange(100, 9999)} Industrial Way, {r.choice(CITIES)[0]}", _date(r, 2),
        "RE: Letter of support" if r.random() < 0.5 else "To Whom It May Concern:",
        f"I am the owner of {company}. {person} has worked for us since {r.randrange(2000, 2022)} as a "
        f"{r.choice(['foreman', 'mechanic', 'crew leader', 'driver', 'baker'])}.",
        f"{person.split()[0]} is reliable, honest and respected by co-workers. "
        + r.choice(["We would rehire him without hesitation.", "Our business depends on her skills.",
                    "He trains our new employees.", "She has never been late in eight years."]),
        "Please do not hesitate to contact me if you need more information about this employee.",
        "Sincerely,", _name(r), "Owner",
    ])


def letter_community(r: random.Random) -> str:
    person = _name(r)
    org = r.choice(["Community Food Bank", "Youth Soccer League", "Neighborhood Association",
                    "Recovery Program", "Volunteer Fire Company", "Adult Literacy Project"])
    return "\n".join([
        f"{org}", _date(r, 2), "Dear Sir or Madam:",
        f"I write in support of {person}, whom I have known for {r.randrange(2, 20)} years through the {org}.",
        f"{person.split()[0]} volunteers {r.randrange(2, 15)} hours each month and "
        + r.choice(["coaches children on weekends.", "helps distribute food to families in need.",
                    "has completed the recovery program and now mentors new members.",
                    "organized the neighborhood clean-up."]),
        "I believe this person is a valued member of our community and deserves a chance to remain with family.",
        r.choice(["Respectfully submitted,", "Yours truly,", "Sincerely,"]), _name(r),
        r.choice(["Director", "Program Manager", "Coordinator", "Volunteer Supervisor"]),
    ])


# ------------------------------------------------------------------------------ other

def other_bill(r: random.Random) -> str:
    return "\n".join([
        r.choice(["CITY UTILITIES", "ELECTRIC COMPANY", "WATER AND SEWER DEPARTMENT", "GAS SERVICE"]),
        f"Account number {r.randrange(10**7, 10**8)}   Statement date {_date(r, 0)}",
        f"Service address: {r.randrange(100, 9999)} {r.choice(['Maple', 'Cedar', 'Lake'])} Ave",
        f"Previous balance ${r.randrange(20, 300)}.{r.randrange(10, 99)}   Payment received - thank you",
        f"Current charges ${r.randrange(20, 300)}.{r.randrange(10, 99)}   Due date {_date(r, 0)}",
        "Usage history (kWh): " + " ".join(str(r.randrange(200, 900)) for _ in range(6)),
        "To avoid a late fee please pay by the due date.",
    ])


def other_lease(r: random.Random) -> str:
    return "\n".join([
        "RESIDENTIAL LEASE AGREEMENT",
        f"This lease is made on {_date(r, 2)} between {_name(r)} (Landlord) and {_name(r)} (Tenant).",
        f"Premises: {r.randrange(100, 9999)} {r.choice(['Birch', 'Sunset', 'Park'])} Road, Unit {r.randrange(1, 40)}.",
        f"Term: {r.randrange(6, 25)} months. Rent: ${r.randrange(700, 2500)} per month due on the first day.",
        "Security deposit, utilities, maintenance, pets and smoking are governed by the attached addendum.",
        "Tenant shall keep the premises clean and shall not sublet without written consent.",
        "Signatures of landlord and tenant follow.",
    ])


def other_medical(r: random.Random) -> str:
    return "\n".join([
        r.choice(["DISCHARGE SUMMARY", "CLINIC VISIT NOTE", "LABORATORY RESULTS", "IMMUNIZATION RECORD"]),
        f"Patient: {_name(r)}   MRN {r.randrange(10**6, 10**7)}   Visit {_date(r, 0)}",
        "Chief complaint: " + r.choice(["cough and fever", "follow-up of hypertension", "knee pain", "annual exam"]),
        f"Vitals: BP {r.randrange(100, 160)}/{r.randrange(60, 100)}, pulse {r.randrange(55, 110)}, "
        f"temp {r.randrange(97, 102)}.{r.randrange(0, 9)} F",
        "Assessment and plan: " + r.choice(["continue current medication", "order x-ray", "return in 3 months",
                                            "start antibiotics for 10 days"]),
        f"Electronically signed by {_name(r)}, MD",
    ])


def other_school(r: random.Random) -> str:
    lines = [r.choice(["OFFICIAL TRANSCRIPT", "REPORT CARD", "CERTIFICATE OF COMPLETION"]),
             f"Student: {_name(r)}   Student ID {r.randrange(10**5, 10**6)}",
             f"School year {r.randrange(2005, 2023)}-{r.randrange(2006, 2024)}"]
    for subject in r.sample(["Algebra", "English", "Biology", "History", "Welding", "Spanish", "Art", "Physics"], 5):
        lines.append(f"{subject:12s} {r.choice(['A', 'B+', 'B', 'C', 'A-'])}   credits {r.choice(['0.5', '1.0'])}")
    lines.append(f"Cumulative GPA {r.randrange(2, 4)}.{r.randrange(0, 99):02d}")
    return "\n".join(lines)


def other_paystub(r: random.Random) -> str:
    return "\n".join([
        f"{r.choice(FAMILY).upper()} {r.choice(['PACKING', 'LOGISTICS', 'DAIRY', 'SERVICES'])} INC"
        " - EARNINGS STATEMENT",
        f"Employee {_name(r)}   Pay period {_date(r, 0)} to {_date(r, 0)}",
        f"Regular hours {r.randrange(60, 90)}.00  rate {r.randrange(14, 30)}.{r.randrange(0, 99):02d}",
        f"Gross pay {r.randrange(900, 3000)}.{r.randrange(0, 99):02d}   Federal withholding "
        f"{r.randrange(50, 300)}.{r.randrange(0, 99):02d}",
        f"Social Security {r.randrange(50, 200)}.00  Medicare {r.randrange(10, 60)}.00",
        f"Net pay {r.randrange(700, 2500)}.{r.randrange(0, 99):02d}   YTD gross {r.randrange(10000, 60000)}",
    ])


def other_form(r: random.Random) -> str:
    return "\n".join([
        r.choice(["APPLICATION FOR FEE WAIVER", "CHANGE OF ADDRESS FORM", "VEHICLE REGISTRATION RENEWAL",
                  "NOTICE OF APPOINTMENT", "RECEIPT NOTICE"]),
        f"Form {r.choice('ABCDEFG')}-{r.randrange(10, 999)}   Rev. {_date(r, 0)}",
        "Part 1. Information about you: family name, given name, mailing address, telephone.",
        "Part 2. " + r.choice(["Reason for request", "Previous address", "Vehicle information", "Appointment details"]),
        f"Your appointment is scheduled on {_date(r, 2)} at {r.randrange(8, 17)}:00. Bring this notice and photo ID.",
        "Please keep this notice for your records. Processing times vary.",
    ])


def other_news(r: random.Random) -> str:
    city = r.choice(CITIES)[0]
    return "\n".join([
        f"{city} council approves {r.choice(['new park', 'road repairs', 'library hours', 'budget'])}",
        f"By {_name(r)} | {_date(r, 2)}",
        f"The {city} city council voted {r.randrange(4, 9)}-{r.randrange(0, 3)} on Tuesday to approve the plan, "
        "which supporters say will benefit residents across the district.",
        "Construction is expected to begin next spring, officials said, pending final engineering review.",
        "Residents can comment at the next public meeting.",
    ])


# ------------------------------------------------------------- more layouts per kind

AGENCIES = ["U.S. Attorney's Office", "Department of Justice", "Sheriff's Office", "Police Department",
            "Enforcement and Removal Operations", "Homeland Security Investigations", "Border Patrol Sector"]


def rap_background(r: random.Random) -> str:
    lines = ["CRIMINAL BACKGROUND CHECK RESULTS", f"Search subject: {_name(r)}   Search date: {_date(r, 0)}",
             f"Jurisdictions searched: statewide repository, {r.choice(COUNTIES)} County", "Records found:"]
    for n in range(r.randrange(1, 5)):
        charge, statute = _charge(r)
        lines += [f"Record {n + 1}", f"  Offense: {charge}", f"  Statute: {statute}",
                  f"  Offense date: {_date(r, 0)}   Arrest date: {_date(r, 0)}",
                  f"  Level: {r.choice(['FELONY', 'MISDEMEANOR', 'UNKNOWN'])}   Disposition: {r.choice(DISPOSITIONS)}"]
    lines.append("This report contains arrest and court information supplied by public record sources.")
    return "\n".join(lines)


def court_federal_judgment(r: random.Random) -> str:
    charge, statute = _charge(r)
    return "\n".join([
        "UNITED STATES DISTRICT COURT", f"District of {r.choice(['Arizona', 'Nevada', 'Colorado', 'Oregon'])}",
        f"UNITED STATES OF AMERICA v. {_name(r)}", "JUDGMENT IN A CRIMINAL CASE",
        f"Case Number: {r.randrange(1, 9)}:{r.randrange(10, 24)}CR{r.randrange(100, 999)}   USM Number: "
        f"{r.randrange(10000, 99999)}-{r.randrange(100, 999)}",
        "THE DEFENDANT: pleaded guilty to count(s) 1 of the information.",
        f"Title & Section: {statute}   Nature of Offense: {charge.title()}   Count: 1",
        f"The defendant is hereby committed to the custody of the Bureau of Prisons for a total term of "
        f"{r.randrange(1, 60)} months.",
        f"Upon release from imprisonment, the defendant shall be on supervised release for {r.randrange(1, 4)} years.",
        "CRIMINAL MONETARY PENALTIES: Assessment $100.00",
        f"Date of Imposition of Judgment {_date(r, 0)}", "Signature of Judge",
    ])


def court_certificate(r: random.Random) -> str:
    charge, statute = _charge(r)
    return "\n".join([
        r.choice(["CERTIFICATE OF DISPOSITION", "CERTIFIED DISPOSITION RECORD", "RECORD OF CONVICTION"]),
        f"I hereby certify that it appears from an examination of the records on file in this office that on "
        f"{_date(r, 2)} the above-named defendant was arrested and charged with {charge.lower()} ({statute}).",
        f"On {_date(r, 2)} the defendant " + r.choice([
            "pleaded guilty to the charge and was sentenced to", "was convicted after trial and sentenced to",
            "appeared and the charge was dismissed.", "was acquitted by a jury."]) + f" {r.choice(SENTENCES)}.",
        f"Docket number {r.randrange(10**6, 10**7)}. This certificate is issued under the seal of the court.",
        f"Dated {_date(r, 2)}. Chief Clerk.",
    ])


def court_appellate(r: random.Random) -> str:
    charge, statute = _charge(r)
    court = r.choice(["UNITED STATES COURT OF APPEALS FOR THE NINTH CIRCUIT", "COURT OF APPEALS OF THE STATE",
                      "BOARD OF IMMIGRATION APPEALS", "UNITED STATES COURT OF APPEALS FOR THE FIFTH CIRCUIT"])
    return "\n".join([
        court, f"{_name(r)}, Petitioner, v. Attorney General, Respondent." if "APPEALS" in court and
        r.random() < 0.5 else f"In re: {_name(r)}, Respondent",
        r.choice(["On Petition for Review of an Order of the Board of Immigration Appeals",
                  "Appeal from the Superior Court", "ON APPEAL FROM A DECISION OF THE IMMIGRATION JUDGE"]),
        f"Argued and submitted {_date(r, 2)}. Filed {_date(r, 2)}.",
        "OPINION" if r.random() < 0.5 else "DECISION",
        f"The petitioner was convicted in state court of {charge.lower()} under {statute} and sentenced to "
        f"{r.choice(SENTENCES)}. The question presented is whether that conviction is "
        + r.choice(["an aggravated felony", "a crime involving moral turpitude", "a controlled substance offense"])
        + " under the categorical approach.",
        "We compare the elements of the statute of conviction with the generic federal definition. "
        "Because the statute is overbroad and indivisible, the conviction does not categorically match.",
        r.choice(["PETITION GRANTED; REMANDED.", "PETITION DENIED.", "ORDER: The appeal is dismissed.",
                  "AFFIRMED.", "The record is remanded for further proceedings consistent with this opinion."]),
    ])


def court_plea(r: random.Random) -> str:
    charge, statute = _charge(r)
    return "\n".join([
        r.choice(["PLEA AGREEMENT", "FELONY PLEA FORM", "WAIVER OF RIGHTS AND PLEA OF GUILTY"]),
        f"State of {r.choice(CITIES)[1]} v. {_name(r)}, Case No. {r.randrange(10**5, 10**6)}",
        f"The defendant agrees to plead guilty to {charge.lower()}, in violation of {statute}.",
        "In exchange the prosecution agrees to dismiss all remaining counts and to recommend "
        f"{r.choice(SENTENCES)}.",
        "The defendant understands that a conviction may have immigration consequences including deportation.",
        "The defendant waives the right to a jury trial, to confront witnesses and to remain silent.",
        f"Accepted by the court on {_date(r, 2)}. Judgment entered accordingly.",
    ])


def arrest_press_release(r: random.Random) -> str:
    city, state = r.choice(CITIES)
    charge, statute = _charge(r)
    agency = r.choice(AGENCIES)
    return "\n".join([
        r.choice(["NEWS RELEASE", "FOR IMMEDIATE RELEASE", "Press Release"]), f"{city}, {state} - {_date(r, 2)}",
        f"{agency} officers arrested {_name(r)}, {r.randrange(19, 60)}, on {_date(r, 2)} "
        + r.choice(["during a targeted enforcement operation.", "after a traffic stop.",
                    "following an investigation into drug distribution.", "at a residence in the city."]),
        "According to court documents, the defendant "
        + r.choice(["was previously removed", "had prior convictions", "was wanted on a warrant"])
        + f" and is charged with {charge.lower()} ({statute}).",
        r.choice(["The defendant was taken into custody and will remain detained pending proceedings.",
                  "The defendant pleaded guilty and faces up to 20 years in prison at sentencing.",
                  "A federal judge sentenced the defendant to prison followed by supervised release.",
                  "Officers lodged an immigration detainer with the county jail."]),
        "A criminal complaint is merely an allegation; every defendant is presumed innocent until proven guilty.",
        f"The case was investigated by {r.choice(AGENCIES)} and is being prosecuted by the {r.choice(AGENCIES)}.",
    ])


def arrest_supplement(r: random.Random) -> str:
    charge, statute = _charge(r)
    return "\n".join([
        "SUPPLEMENTAL NARRATIVE", f"Case {r.randrange(10**6, 10**7)}   Officer {_name(r)}",
        f"On {_date(r, 2)} I assisted with the arrest of {_name(r)} on a warrant for {charge.lower()}.",
        "The suspect was located hiding in a closet and was taken into custody after a brief struggle.",
        "A search incident to arrest revealed " + r.choice(["a small bag of a white powdery substance.",
                                                            "a folding knife.", "nothing of evidentiary value.",
                                                            "several credit cards in other names."]),
        f"The suspect was booked for {statute}. Property was logged into evidence.",
        "No further information. Case cleared by arrest.",
    ])


def letter_declaration(r: random.Random) -> str:
    person = _name(r)
    role = r.choice(["neighbor", "friend", "teacher", "counselor", "former coworker", "landlord", "coach"])
    return "\n".join([
        r.choice(["DECLARATION OF SUPPORT", "Character Reference", "LETTER OF RECOMMENDATION",
                  "Declaration in Support of " + person]),
        f"I, {_name(r)}, declare as follows. I have known {person} for {r.randrange(2, 30)} years as a {role}.",
        f"{person.split()[0]} " + r.choice([
            "is kind, dependable and always willing to help others in our neighborhood.",
            "attends every parent-teacher conference and volunteers in the classroom.",
            "has completed treatment and has been sober for three years.",
            "served in the military and still helps other veterans find work."]),
        "Removing this person would cause great hardship to the children, who rely on this parent every day.",
        "I am available to answer any questions. My phone number is listed below.",
        "I declare under penalty of perjury that the foregoing is true and correct to the best of my knowledge.",
        f"Signed on {_date(r, 2)}.", _name(r),
    ])


def letter_child(r: random.Random) -> str:
    parent = r.choice(["dad", "mom", "father", "mother", "parent"])
    return "\n".join([
        r.choice(["Dear Judge,", "To the Immigration Judge,", "Dear Officer,", "Hello,"]),
        f"My name is {r.choice(GIVEN)} and I am {r.randrange(8, 19)} years old. I am writing about my {parent}.",
        f"My {parent} " + r.choice(["takes me to soccer practice and helps me with math.",
                                    "works two jobs so we can have food and a place to live.",
                                    "is the person I talk to when I am sad.",
                                    "taught me how to ride a bike and cook dinner."]),
        f"Please let my {parent} stay with us. We need our family together.",
        r.choice(["Love,", "Thank you,", "Sincerely,"]), r.choice(GIVEN),
    ])


def other_email(r: random.Random) -> str:
    return "\n".join([
        f"From: {_name(r)}", f"To: {_name(r)}", f"Sent: {_date(r, 2)}",
        "Subject: " + r.choice(["meeting notes", "invoice attached", "schedule change", "re: your order"]),
        r.choice(["Hi,", "Hello team,", "Good morning,"]),
        r.choice(["Attached are the notes from today's meeting. Please review before Friday.",
                  "Your order has shipped and should arrive within five business days.",
                  "The office will be closed on Monday for the holiday.",
                  "Please find the invoice for last month's services attached."]),
        "Best regards,", _name(r),
    ])


def other_receipt(r: random.Random) -> str:
    lines = [r.choice(["SALES RECEIPT", "INVOICE", "ORDER CONFIRMATION"]),
             f"{r.choice(FAMILY)} Hardware   Store #{r.randrange(100, 999)}", f"Date {_date(r, 0)}"]
    for item in r.sample(["paint", "hammer", "nails", "lumber", "gloves", "light bulbs", "tape", "drill bits"], 4):
        lines.append(f"{item:14s} {r.randrange(1, 5)} x {r.randrange(1, 40)}.{r.randrange(0, 99):02d}")
    lines += [f"Subtotal {r.randrange(20, 200)}.{r.randrange(0, 99):02d}  Tax {r.randrange(1, 15)}.00",
              "Thank you for shopping with us. Returns accepted within 30 days with receipt."]
    return "\n".join(lines)


def other_bank(r: random.Random) -> str:
    lines = ["ACCOUNT STATEMENT", f"Account holder {_name(r)}   Account ending {r.randrange(1000, 9999)}",
             f"Statement period {_date(r, 0)} - {_date(r, 0)}", "Date  Description  Amount  Balance"]
    for _ in range(r.randrange(4, 9)):
        lines.append(f"{_date(r, 0)}  {r.choice(['DEPOSIT', 'GROCERY', 'FUEL', 'RENT', 'PAYROLL', 'ATM'])}  "
                     f"{r.randrange(5, 2000)}.{r.randrange(0, 99):02d}  {r.randrange(100, 9000)}.00")
    lines.append("Please examine your statement promptly and report any discrepancies.")
    return "\n".join(lines)


def other_memo(r: random.Random) -> str:
    return "\n".join([
        "MEMORANDUM", f"TO: {_name(r)}", f"FROM: {_name(r)}", f"DATE: {_date(r, 2)}",
        "RE: " + r.choice(["Office relocation", "Training schedule", "Budget request", "Parking permits"]),
        r.choice(["The office will move to the third floor next month. Please pack your desk by Friday.",
                  "Annual safety training is required for all staff and will be held in the main conference room.",
                  "Requests for next year's equipment budget are due to the finance office.",
                  "New parking permits are available at the front desk."]),
        "Contact me with any questions.",
    ])


LAYOUTS: dict[str, list[Callable[[random.Random], str]]] = {
    "rap_sheet": [rap_fbi, rap_state, rap_summary, rap_background],
    "court_disposition": [court_judgment, court_minutes, court_docket, court_dismissal, court_federal_judgment,
                          court_certificate, court_appellate, court_plea],
    "arrest_narrative": [arrest_report, immigration_narrative, probable_cause, arrest_press_release,
                         arrest_supplement],
    "support_letter": [letter_family, letter_employer, letter_community, letter_declaration, letter_child],
    "other": [other_bill, other_lease, other_medical, other_school, other_paystub, other_form, other_news,
              other_email, other_receipt, other_bank, other_memo],
}


def _case(text: str, r: random.Random) -> str:
    roll = r.random()
    if roll < 0.15:
        return text.upper()
    if roll < 0.25:
        return text.lower()
    return text


def generate(seed: int = 0, per_layout: int = DOCS_PER_LAYOUT) -> list[tuple[str, str, str]]:
    """``(kind, text, layout)`` for ``per_layout`` documents of every layout of every kind."""
    rows = []
    for kind, layouts in LAYOUTS.items():
        for layout in layouts:
            for i in range(per_layout):
                r = _rng(seed, kind, layout.__name__, i)
                rows.append((kind, _noise(_case(layout(r), r), r), layout.__name__))
    return rows
