"""Is this printed indicator the same measure as that one? Pure Python, no Django.

Packs word one measure differently from year to year: "Percentage of C&F assessments completed
within 45 working days" (2022) is "… completed in 45 working days" (2023); "Number of CLA at the
end of the month" is "Number of children in care at month end". `describe()` turns a printed
name into what defines the measure — its concepts (acronyms expanded with the pack's glossary and
what the panel learned, wording variants folded), the numbers that define it (45 working days,
6 weeks, 12 months, aged 13+, 3 or more, per 10,000) and its unit — and `compare()` says:

- SAME: certain. Same unit, same concepts, the same defining numbers. Joined without asking.
- MAYBE: looks like the same measure; an officer decides (a suggestion).
- DIFFERENT: never offered — units cross, a defining number disagrees ("10 working days" is not
  "20 working days"), one is a sub-group of the other ("… who are UASC"), or the things counted
  differ (open cases are not active plans).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

# --- knowledge of children's services wording ---------------------------------------------

# Acronyms councils print, expanded as a glossary would. A pack's own glossary (and what the
# panel learned from earlier packs) comes first; these fill the gaps.
ACRONYMS: dict[str, str] = {
    "cla": "children looked after",
    "lac": "looked after children",
    "cic": "children in care",
    "cin": "child in need",
    "cpp": "child protection plan",
    "cp": "child protection",
    "c&f": "children and families",
    "cf": "children and families",
    "csc": "childrens social care",
    "ifa": "independent fostering agency",
    "ifas": "independent fostering agency",
    "uasc": "unaccompanied asylum seeking children",
    "s47": "section 47 enquiry",
    "s17": "section 17",
    "s20": "section 20",
    "s20s": "section 20",
    "sa": "single assessment",
    "eh": "early help",
    "ehcp": "education health and care plan",
    "ehcps": "education health and care plan",
    "ehc": "education health and care",
    "cwd": "children with disabilities",
    "mash": "multi agency safeguarding hub",
    "icpc": "initial child protection conference",
    "rcpc": "review child protection conference",
    "iro": "independent reviewing officer",
    "pep": "personal education plan",
    "peps": "personal education plan",
    "sgo": "special guardianship order",
    "sgos": "special guardianship order",
    "rhi": "return home interview",
    "cse": "child sexual exploitation",
    "neet": "not in education employment or training",
    "eet": "in education employment or training",
    "send": "special educational needs and disabilities",
    "fte": "first time entrants",
    "bla": "becoming looked after",
    "swr": "social worker",
    "sw": "social worker",
    "sws": "social worker",
    "ihas": "initial health assessment",
    "iha": "initial health assessment",
    "rha": "review health assessment",
}

# Wording variants, folded to one concept word (applied longest first, on words with spaces).
PHRASES: list[tuple[str, str]] = [
    # who the measure is about
    (r"unaccompanied asylum seeking (?:children|child|young people)s?", " zuasc "),
    (r"not in education,? employment,? or training", " zneet "),
    (r"in education,? employment,? or training", " zeet "),
    (r"(?:to |into |by )?(?:the )?(?:childrens |children )?social care", " "),
    (r"(?:children|child|young people|young person)s? (?:who are )?looked after", " zcla "),
    (r"looked after (?:children|child|young people|young person)s?", " zcla "),
    (r"(?:children|child|young people|young person)s? in (?:our )?care", " zcla "),
    (r"children we look after|children cared for", " zcla "),
    (r"(?:children|child)s? in need", " zcin "),
    (r"excluding|excludes|excl|except|other than|without", " not "),
    (r"looked after|in (?:our )?care|cared for", " zcla "),
    # "CP visits" are visits to children on a plan: one concept for plans and protection
    (r"child protection(?: plans?)?|cp plans?|protection plans?", " zcpp "),
    (r"(?:subject|subjects) (?:of|to) (?:an? )?zcpp", " zcpp "),
    (r"on (?:an? )?zcpp", " zcpp "),
    (r"children and families|children and family services?", " zcf "),
    (r"single assessments?", " assessment "),
    (r"independent fostering agenc(?:y|ies)(?: placements?)?", " zifa "),
    (r"section 47", " zs47 "),
    (r"section 20s?", " zs20 "),
    (r"early help", " zeh "),
    (r"care leavers?", " zleaver "),
    (r"children with (?:a )?disabilit(?:y|ies)|disabled children", " zcwd "),
    (r"multi agency safeguarding hub|front door", " zfrontdoor "),
    (r"re ?referr(?:als?|ed|ing)|repeat referrals?", " zrereferral "),
    (r"of (?:a|the) previous referral|of (?:a|the) previous one", " "),
    (r"education,? health and care plans?", " zehcp "),
    (r"(?:for )?(?:a )?second or (?:a )?subsequent(?: time)?|repeat|subsequent", " zrepeat "),
    (r"becoming looked after|became looked after|entering care|came into care", " zbla "),
    # when it is counted: a snapshot at the end of the period, or over the month
    (
        r"(?:as )?at (?:the )?(?:end of (?:the )?(?:month|period|quarter)|(?:month|period|quarter) end)",
        " ",
    ),
    (r"(?:as )?at (?:the )?end of each month|snapshot", " "),
    (r"(?:in|during|for|this) (?:the )?month", " "),
    # the window of a measure
    (r"(?:during|over|in|within) the (?:last |past |previous )?year", " 12 months "),
    (r"(?:in|within|over|during) (?:the )?(?:last|past|previous|rolling) ", " "),
    (r"\ba year\b|\bone year\b", " 12 months "),
    (r"\bfortnight\b", " 2 weeks "),
    # timeliness
    (r"(?:statutory )?timescales?|timeliness|timely|on time|in time|within time", " ztimely "),
    (r"up ?to ?date", " zuptodate "),
    # measures of the same thing
    (r"placements? moves?|moves|changes of placement|placement changes", " placement "),
    (r"placed|placements?|placement types?", " placement "),
    (r"visit(?:s|ed|ing)?|seen", " visit "),
    (r"supervision(?:s)?|supervised", " supervision "),
    (r"enquir(?:y|ies)", " enquiry "),
    (r"allocated", " allocated "),
    # the denominator of a rate is the child population
    (
        r"(?:of )?(?:the )?(?:0 ?(?:to )?17|under 18s?|aged under 18|0 18)(?: years?)?(?: population| pop)?",
        " ",
    ),
    (r"(?:child |children s? )?population", " "),
]

# Words that do not define a measure: the unit is carried by `unit`, the rest is grammar.
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "for",
        "to",
        "in",
        "into",
        "on",
        "at",
        "by",
        "with",
        "within",
        "who",
        "whom",
        "which",
        "that",
        "whose",
        "their",
        "there",
        "they",
        "has",
        "have",
        "had",
        "having",
        "be",
        "been",
        "being",
        "is",
        "are",
        "was",
        "were",
        "as",
        "and",
        "or",
        "than",
        "from",
        "per",
        "number",
        "numbers",
        "no",
        "total",
        "count",
        "percentage",
        "percentages",
        "percent",
        "proportion",
        "proportions",
        "rate",
        "rates",
        "ratio",
        "amount",
        "level",
        "levels",
        "figure",
        "figures",
        "%",
        "children",
        "child",
        "young",
        "people",
        "person",
        "persons",
        "kids",
        "held",
        "taken",
        "place",
        "made",
        "received",
        "recorded",
        "reported",
        "being",
        "during",
        "current",
        "currently",
        "all",
        "those",
        "where",
        "we",
        "our",
        "its",
        "it",
        "this",
        "overall",
        "snapshot",
        "month",
        "monthly",
        "subject",
        "last",
        "less",
        "least",
        "aged",
        "age",
        "year",
        "old",
        "olds",
        "more",
        "equal",
        "period",
        "end",
        "cumulative",
        "ytd",
        "year",
        "to",
        "date",
    ]
)

# A word that makes one measure a sub-group of the other: never joined, never offered.
SUBGROUPS = frozenset(
    [
        "zuasc",
        "zcwd",
        "zs20",
        "zs47",
        "zeh",
        "zleaver",
        "zifa",
        "zfrontdoor",
        "initial",
        "review",
        "repeat",
        "second",
        "subsequent",
        "not",
        "excluding",
        "exclude",
        "excluded",
        "without",
        "unallocated",
        "residential",
        "foster",
        "fostering",
        "kinship",
        "adoption",
        "adopted",
        "sgo",
        "agency",
        "missing",
        "exploitation",
        "zcse",
        "neet",
        "eet",
        "zeet",
        "zneet",
        "custody",
        "male",
        "female",
        "boys",
        "girls",
        "private",
        "secure",
        "remand",
        "out",
        "area",
        "distance",
        "emergency",
        "zrepeat",
    ]
)
# zfrontdoor is not a sub-group of contacts: "Number of contacts" and "Number of contacts to
# front door" are the same count. It is listed so that it separates *other* things (a referral to
# MASH vs a referral); `compare()` lets it through as a suggestion when it is the only difference.
SOFT_SUBGROUPS = frozenset({"zfrontdoor"})

# Words that tell little about what is measured: they weigh less in a suggestion's score.
LIGHT = frozenset(
    {
        "completed",
        "delivered",
        "undertaken",
        "issued",
        "started",
        "supported",
        "zcf",
        "type",
        "statutory",
        "dated",
        "new",
    }
)

# The thing counted. Two measures counting different things are different measures.
THINGS = frozenset(
    [
        "contact",
        "referral",
        "zrereferral",
        "assessment",
        "visit",
        "zcpp",
        "plan",
        "case",
        "conference",
        "enquiry",
        "review",
        "supervision",
        "placement",
        "adoption",
        "discussion",
        "interview",
        "order",
        "hearing",
        "proceeding",
        "exclusion",
        "attendance",
        "allocated",
        "worker",
        "caseload",
        "vacancy",
        "complaint",
        "episode",
        "strategy",
        "zbla",
    ]
)

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
}
TENS = ("twenty", "thirty", "forty", "fifty", "sixty")

_DAYS_PER = {"working": 7 / 5, "day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}

_TIME_UNITS = r"working days?|work days?|business days?|wd|calendar days?|days?|weeks?|wks?|months?|years?|yrs?"
DURATION = re.compile(
    rf"\b(?:(at least|more than|over|longer than|under|less than) )?(\d+(?:\.\d+)?) ?({_TIME_UNITS})\b"
    r"( ?(?:\+|or more|or longer|and over|plus))?"
)
AGE_OVER = re.compile(
    r"\b(?:aged? )?(\d{1,2}) ?(?:\+|plus|and over|or over|and above|or above|or older|and older)"
    r"(?: years?)?(?: olds?)?"
)
AGE_RANGE = re.compile(r"\baged? (\d{1,2}) (?:(?:to|and) )?(\d{1,2})\b")
AGE_YEAR_OLDS = re.compile(r"\b(\d{1,2}) (?:(?:to|and) )?(\d{1,2}) years? olds?\b")
AGE_PAIR = re.compile(r"\b(1[0-9]|2[0-5]) (1[0-9]|2[0-5])\b")
AGE_UNDER = re.compile(r"\b(?:aged? )?under (\d{1,2})s?\b")
AT_LEAST = re.compile(r"\b(\d+) ?(?:\+|or more|and more|plus|or over|and over)")
MORE_THAN = re.compile(r"\b(?:more than|over|greater than) (\d+)\b")
PER = re.compile(r"\bper ?(\d[\d,]*) ?(k\b)?")
YEARS = re.compile(r"\b(?:19|20)\d\d(?: ?[/-] ?\d{2,4})?\b")
BARE_NUMBER = re.compile(r"\b\d+(?:\.\d+)?\b")
ACRONYM_IN_BRACKETS = re.compile(r"\(([^()]{1,40})\)")
# "C&F" must survive punctuation: join it before anything else.
_AMPERSAND_ACRONYM = re.compile(r"\b([A-Za-z])\s*&\s*([A-Za-z])\b")


class Verdict(StrEnum):
    SAME = "same"
    MAYBE = "maybe"
    DIFFERENT = "different"


@dataclass(frozen=True)
class Measure:
    name: str
    unit: str
    concepts: frozenset[str]
    numbers: frozenset[tuple[str, float | str]] = field(default_factory=frozenset)

    @property
    def things(self) -> frozenset[str]:
        return self.concepts & THINGS

    def dimensions(self) -> dict[str, set]:
        found: dict[str, set] = {}
        for kind, value in self.numbers:
            found.setdefault(kind, set()).add(value)
        return found


@dataclass(frozen=True)
class Match:
    verdict: Verdict
    score: float
    reason: str
    hard: bool = False  # a defining difference (unit, number, sub-group, thing counted)


# --- describing one printed name ------------------------------------------------------------


def fold(text: str) -> str:
    """Lower case ASCII words and numbers, '&' acronyms joined ('C&F' → 'c&f'), '%' and '+' kept."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    text = _AMPERSAND_ACRONYM.sub(r"\1&\2", text)
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)  # 10,000
    text = text.lower().replace("'s", "s").replace("’s", "s")
    text = re.sub(r"[^a-z0-9&%+.]+", " ", text)
    text = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", text)
    return " ".join(text.split())


def words_for_numbers(text: str) -> str:
    def tens(match):
        return str(NUMBER_WORDS[match.group(1)] + NUMBER_WORDS[match.group(2)])

    text = re.sub(
        rf"\b({'|'.join(TENS)})[ -]?(one|two|three|four|five|six|seven|eight|nine)\b", tens, text
    )
    return re.sub(rf"\b({'|'.join(NUMBER_WORDS)})\b", lambda m: str(NUMBER_WORDS[m.group(1)]), text)


def expand_acronyms(text: str, acronyms: dict[str, str]) -> str:
    def replace(match):
        word = match.group(0)
        bare = word[:-1] if word.endswith("s") and word[:-1] in acronyms else word
        return f" {acronyms[bare]} " if bare in acronyms else word

    return re.sub(r"[a-z0-9&]+", replace, text)


def singular(word: str) -> str:
    if word.startswith("z") or len(word) <= 3 or word.endswith("ss"):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("us"):
        return word[:-1]
    return word


def numbers_in(text: str) -> tuple[set[tuple[str, float | str]], str]:
    """The numbers that define a measure, and the text with them taken out.

    Kinds: duration (in days: "45 working days" = 63), clock (working / calendar / weeks …, so
    that "20 working days" and "28 days" are not taken as certainly equal), longer (a threshold:
    "for 2 years or more"), age ("13+", "16-17", "<5"), at_least ("3 or more"), per (a rate's
    base) and n (any other number: "key stage 2").
    """
    found: set[tuple[str, float | str]] = set()
    text = YEARS.sub(" ", text)

    def per(match):
        base = int(match.group(1).replace(",", ""))
        found.add(("per", base * (1000 if match.group(2) else 1)))
        return " "

    text = PER.sub(per, text)

    def duration(match):
        before, value, unit, after = match.groups()
        clock = (
            "working"
            if unit.startswith(("working", "work", "business")) or unit == "wd"
            else "day"
            if unit.startswith(("day", "calendar"))
            else "week"
            if unit.startswith("w")
            else "month"
            if unit.startswith("month")
            else "year"
        )
        days = round(float(value) * _DAYS_PER[clock])
        if after or before in ("at least", "more than", "over", "longer than"):
            found.add(("longer", days))
        else:
            found.add(("duration", days))
            found.add(("clock", "month" if clock == "year" else clock))
            if clock in ("working", "day"):
                found.add(("days_printed", float(value)))  # "45 days" is often 45 working days
        return " "

    text = DURATION.sub(duration, text)

    def age(kind):
        def add(match):
            groups = [int(g) for g in match.groups()]
            if kind == "range" and not groups[0] < groups[1] <= 25:
                return match.group(0)
            found.add(
                ("age", f"{groups[0]}-{groups[1]}" if kind == "range" else f"{groups[0]}{kind}")
            )
            return " "

        return add

    text = AGE_RANGE.sub(age("range"), text)
    text = AGE_YEAR_OLDS.sub(age("range"), text)
    text = re.sub(
        r"\baged? (\d{1,2}) ?(?:\+|plus|and over|or over|and above|or older)", age("+"), text
    )
    text = AGE_PAIR.sub(age("range"), text)  # "(19-21)", folded to "19 21"
    text = AGE_UNDER.sub(lambda m: found.add(("age", f"<{m.group(1)}")) or " ", text)

    def at_least(match):
        found.add(("at_least", int(match.group(1))))
        return " "

    text = AT_LEAST.sub(at_least, text)
    text = MORE_THAN.sub(lambda m: found.add(("at_least", int(m.group(1)) + 1)) or " ", text)
    text = AGE_OVER.sub(age("+"), text)
    for number in BARE_NUMBER.findall(text):
        found.add(("n", float(number)))
    text = BARE_NUMBER.sub(" ", text)
    return found, text


def describe(name: str, unit: str = "", acronyms: dict[str, str] | None = None) -> Measure:
    """What defines the measure printed as `name`. `acronyms`: the pack's and panel's own."""
    known = {**ACRONYMS, **{k.lower(): v for k, v in (acronyms or {}).items()}}
    text = fold(name)
    text = expand_acronyms(text, {k: fold(v) for k, v in known.items()})
    text = " ".join(text.replace("%", " ").replace("&", " and ").split())
    text = words_for_numbers(text)
    text = re.sub(r"\bsection (\d+)", r"section \1", text)
    text = f" {text} "
    for pattern, replacement in PHRASES:
        text = re.sub(rf"(?<![a-z0-9])(?:{pattern})(?![a-z0-9])", replacement, text)
    numbers, text = numbers_in(text)
    words = {singular(w) for w in text.split() if w not in STOPWORDS and len(w) > 1}
    words -= STOPWORDS
    if any(kind == "duration" for kind, _ in numbers):
        words.discard("ztimely")  # "within 6 weeks" says what "within timescale" means
    if unit == "rate" and ("per", 10000) in numbers:
        unit = "rate_per_10k"  # "Rate of CLA per 10,000" read as a rate of unstated base
    return Measure(
        name=name, unit=unit or "", concepts=frozenset(words), numbers=frozenset(numbers)
    )


# --- comparing two ---------------------------------------------------------------------------


def weight(word: str) -> float:
    if word in SOFT_SUBGROUPS or word in LIGHT:
        return 0.5
    if word.startswith("z"):
        return 2.0
    if word in THINGS:
        return 1.5
    return 1.0


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    union = a | b
    if not union:
        return 0.0
    return sum(weight(w) for w in a & b) / sum(weight(w) for w in union)


# A number only one side states: a sub-group ("aged 13+", "3 or more", "for 2 years or more")
# is a different measure; a time limit or a window only one states may be the same one.
ONE_SIDED_SUBGROUP = {"age", "at_least", "longer"}


def number_conflict(a: Measure, b: Measure) -> tuple[str | None, bool, str | None]:
    """(why they disagree, whether both state the same numbers, a limit only one states)."""
    da, db = a.dimensions(), b.dimensions()
    loose, one_sided = False, None
    for kind in da.keys() & db.keys():
        if kind in ("clock", "days_printed"):
            continue
        if (
            kind == "duration"
            and da.get("days_printed", set()) & db.get("days_printed", set())
            and not any(close(x, y) for x in da[kind] for y in db[kind])
        ):
            loose = True  # "within 45 days" and "within 45 working days": an officer decides
            continue
        if kind in ("duration", "longer"):
            if not any(close(x, y) for x in da[kind] for y in db[kind]):
                return (
                    f"different time limits ({describe_numbers(da[kind])} vs "
                    f"{describe_numbers(db[kind])} days)",
                    False,
                    None,
                )
        elif not da[kind] & db[kind]:
            return (
                f"different {kind.replace('_', ' ')} ({describe_numbers(da[kind])} vs "
                f"{describe_numbers(db[kind])})",
                False,
                None,
            )
    for kind in (da.keys() ^ db.keys()) & ONE_SIDED_SUBGROUP:
        values = da.get(kind) or db.get(kind)
        other = db if kind in da else da
        if kind == "longer" and any(close(x, y) for x in values for y in other.get("duration", ())):
            # "for at least 12 months" and "in the last 12 months": the same year, worded twice
            loose = True
            continue
        one_sided = f"only one is limited to {kind.replace('_', ' ')} {describe_numbers(values)}"
        loose = True
    ignored = ("clock", "days_printed")
    agree = not loose and {k: v for k, v in da.items() if k not in ignored} == {
        k: v for k, v in db.items() if k not in ignored
    }
    if "clock" in da and "clock" in db and not da["clock"] & db["clock"]:
        agree = False  # 20 working days and 28 days: equal in length, not certainly the same rule
    return None, agree, one_sided


def close(x, y) -> bool:
    return abs(x - y) <= max(1, 0.05 * max(x, y))


def describe_numbers(values) -> str:
    return ", ".join(
        str(int(v) if isinstance(v, float) and v.is_integer() else v)
        for v in sorted(values, key=str)
    )


def hard_difference(reason: str) -> Match:
    return Match(Verdict.DIFFERENT, 0.0, reason, hard=True)


def compare(a: Measure, b: Measure, suggest_at: float = 0.45) -> Match:
    if a.unit != b.unit:
        return hard_difference(f"units differ ({a.unit or '?'} vs {b.unit or '?'})")
    conflict, numbers_agree, one_sided = number_conflict(a, b)
    if conflict:
        return hard_difference(conflict)
    only = a.concepts ^ b.concepts
    groups = (only & SUBGROUPS) - SOFT_SUBGROUPS
    if groups:
        return hard_difference("one is a sub-group: " + ", ".join(sorted(plain(groups))))
    if a.things and b.things and not a.things & b.things:
        return hard_difference(
            f"counts different things ({', '.join(plain(a.things))} vs {', '.join(plain(b.things))})",
        )
    score = similarity(a.concepts, b.concepts)
    if one_sided:
        # "Number of CLA" and "Number of CLA aged 13+": most likely a sub-group, maybe only a
        # shorter wording of one measure. Never joined; offered when the rest agrees.
        if score >= 0.7:
            return Match(Verdict.MAYBE, 0.5, one_sided)
        return Match(Verdict.DIFFERENT, round(score, 2), one_sided)
    worded_a, worded_b = unit_in_words(a.name), unit_in_words(b.name)
    if worded_a and worded_b and worded_a != worded_b:
        # "Number of … with 3+ moves" read as a percentage: the unit field and the words disagree
        return Match(Verdict.MAYBE, min(score, 0.6), f"one says {worded_a}, the other {worded_b}")
    if a.concepts == b.concepts and a.concepts and numbers_agree:
        return Match(Verdict.SAME, 1.0, "the same measure worded differently")
    if a.concepts == b.concepts and a.concepts:
        return Match(Verdict.MAYBE, 0.9, "same wording; only one states its time limit or age")
    if score >= suggest_at:
        return Match(Verdict.MAYBE, round(score, 2), "similar wording: " + differences(a, b))
    return Match(Verdict.DIFFERENT, round(score, 2), "wording too different")


UNIT_WORDS = [
    ("percentage", re.compile(r"^\W*(?:percentage|proportion|percent|%)\b|%", re.I)),
    ("rate", re.compile(r"^\W*rates?\b|\bper 1[0,]*000\b", re.I)),
    ("number", re.compile(r"^\W*(?:number|no\.?|total|count)\b", re.I)),
]


def unit_in_words(name: str) -> str | None:
    return next((unit for unit, words in UNIT_WORDS if words.search(name or "")), None)


READABLE = {
    "zcla": "children in care",
    "zcin": "children in need",
    "zcpp": "child protection",
    "zcf": "children and families",
    "zifa": "IFA",
    "zuasc": "UASC",
    "zs47": "section 47",
    "zs20": "section 20",
    "zeh": "early help",
    "zleaver": "care leavers",
    "zcwd": "disabled children",
    "zfrontdoor": "front door",
    "zrereferral": "re-referrals",
    "zbla": "becoming looked after",
    "ztimely": "in timescale",
    "zuptodate": "up to date",
    "zeet": "EET",
    "zneet": "NEET",
    "zehcp": "EHCP",
}


def plain(words) -> list[str]:
    return sorted(READABLE.get(w, w[1:] if w.startswith("z") else w) for w in words)


def differences(a: Measure, b: Measure) -> str:
    parts = []
    if a.concepts - b.concepts:
        parts.append("only the first says " + ", ".join(plain(a.concepts - b.concepts)))
    if b.concepts - a.concepts:
        parts.append("only the second says " + ", ".join(plain(b.concepts - a.concepts)))
    return "; ".join(parts) or "numbers stated by one only"


def match(
    name_a: str, unit_a: str, name_b: str, unit_b: str, acronyms: dict[str, str] | None = None
) -> Match:
    return compare(describe(name_a, unit_a, acronyms), describe(name_b, unit_b, acronyms))


# --- learning acronyms from what a pack prints -----------------------------------------------


def acronyms_in(text: str) -> dict[str, str]:
    """Acronyms a text defines: 'Looked After Child (LAC or CLA)', 'Section 20s (S20)',
    'CLA – Children Looked After', 'Initial Child Protection Conference (ICPC)'."""
    found: dict[str, str] = {}
    text = unicodedata.normalize("NFKC", text or "")
    for m in ACRONYM_IN_BRACKETS.finditer(text):
        before = re.findall(r"[A-Za-z0-9&']+", text[: m.start()])[-12:]
        spelled: list[tuple[str, str]] = []
        for candidate in re.split(r"\s+or\s+|\s*[,/]\s*", m.group(1)):
            candidate = candidate.strip().rstrip("*")
            if not looks_like_acronym(candidate):
                continue
            expansion = spelled_out(candidate, before)
            if expansion is None and spelled:
                # "(LAC or CLA)": the same letters in another order name the same thing
                same = [
                    e for a, e in spelled if sorted(letters_of(a)) == sorted(letters_of(candidate))
                ]
                expansion = same[0] if same else None
            if expansion:
                spelled.append((candidate, expansion))
                found[bare_acronym(candidate)] = expansion
    head = re.match(r"\s*([A-Z][A-Z0-9&]{1,7})\s*[-–:=]\s*(.{3,80})", text)
    if head and looks_like_acronym(head.group(1)):
        words = re.findall(r"[A-Za-z0-9&']+", head.group(2))
        expansion = spelled_out(head.group(1), words, from_start=True)
        if expansion:
            found[bare_acronym(head.group(1))] = expansion
    return found


def acronyms_between(name_a: str, name_b: str) -> dict[str, str]:
    """Two wordings an officer said are one measure: an acronym in one that the other spells
    out ('Number of CYPIC' / 'Number of children and young people in care')."""
    found: dict[str, str] = {}
    for one, other in ((name_a, name_b), (name_b, name_a)):
        words = re.findall(r"[A-Za-z0-9&']+", other)
        for token in re.findall(r"[A-Za-z0-9&]+", one):
            if not looks_like_acronym(token) or bare_acronym(token) in ACRONYMS:
                continue
            for end in range(len(words), 0, -1):
                expansion = spelled_out(token, words[:end])
                if expansion:
                    found[bare_acronym(token)] = expansion
                    break
    return found


def looks_like_acronym(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Za-z0-9&]{1,7}", word)) and (
        sum(c.isupper() for c in word) >= 2 or any(c.isdigit() for c in word)
    )


def bare_acronym(word: str) -> str:
    """'ICPCs' → 'icpc' (a plural s), 'SEND' stays 'send'."""
    if word.endswith("s") and word[:-1].isupper():
        word = word[:-1]
    return word.lower()


def letters_of(acronym: str) -> list[str]:
    """'S20' → ['s', '20'], 'C&F' → ['c', 'f'], 'IFAs' → ['i', 'f', 'a']."""
    if acronym.endswith("s") and acronym[:-1].isupper():
        acronym = acronym[:-1]
    return [u.lower() for u in re.findall(r"\d+|[A-Za-z]", acronym)]


def spelled_out(acronym: str, words: list[str], from_start: bool = False) -> str | None:
    """The words whose initials spell the acronym (small words inside may be skipped)."""
    units = letters_of(acronym)
    small = {"and", "of", "the", "for", "in", "to", "&", "on", "a", "or"}
    starts = [0] if from_start else range(len(words) - 1, -1, -1)
    for start in starts:
        i, used = 0, []
        for word in words[start:]:
            if i == len(units):
                break
            lw = word.lower()
            unit = units[i]
            if (unit.isdigit() and re.match(rf"{unit}(?!\d)", lw)) or (
                not unit.isdigit() and lw[0] == unit
            ):
                used.append(word)
                i += 1
            elif lw in small and used:
                used.append(word)
            else:
                break
        if i == len(units) and used and (from_start or start + len(used) == len(words)):
            return " ".join(used)
    return None


# --- priority areas -----------------------------------------------------------------------------


def section_key(section: str) -> str:
    """'Right Service at the Right Time' and 'Right Service, Right Time' are one priority area."""
    words = [singular(w) for w in fold(section).replace("&", " and ").split()]
    return " ".join(
        w for w in words if w not in {"at", "the", "and", "of", "for", "a", "an", "in", "to"}
    )
