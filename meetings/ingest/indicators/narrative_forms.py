"""The ways councils write a value in a sentence, as patterns with named slots.

Every pattern names a later (current) figure `b` and, where the sentence gives one, an earlier
figure `a`, each with its month when printed (`b_month`, `b_year`, `b_yy`) or said in words
(`a_rel`: "last month"). A slot without a month is the reporting month (b) or is left out (a),
except "from 553 to 545 in February" (narrative.py decides). `name` is the indicator when the
pattern finds it (after the number: "There are 41 children in residential care"); otherwise the
noun phrase before the statement's verb is (narrative.subject_before). `rate` is a second
figure of the same subject ("reduced to 412 with a rate of 91").
"""

from __future__ import annotations

import re

from meetings.ingest.indicators.periods import MONTH

MONTH_NAMES = MONTH.replace("(", "(?:", 1)  # the same alternatives, without capturing
# "May had 1,402 contacts": a month opening a sentence is capitalised ("may" is a verb).
TITLE_MONTH = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
)
NOT_A_LEVEL = (
    r"(?!\s*(?:percentage points?|pp\b|points?\b|per cent(?:age)? points?|times\b|fold\b))"
)
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
PER_10K = r"(?P<{tag}_per>\s*per\s+10,?000(?:\s+(?:children|under[- ]18s|population|of\s+the\s+population))?|\s*per\s+10k)?"


def value(tag: str) -> str:
    """A printed number (and % sign) that is a level, not a change, and not part of a date."""
    return (
        rf"(?<![\d,.£$/])(?!(?:19|20)\d\d\b(?!\s*%))(?P<{tag}>{NUMBER})(?!\d|,\d|/\d|(?:st|nd|rd|th)\b)"
        rf"(?:\s*(?P<{tag}_pct>%|per\s*cent\b(?!age)))?{NOT_A_LEVEL}"
    )


def when(tag: str) -> str:
    """A month, with its year when the sentence gives one ("in December 2022"), and not one
    placed in another year by words we do not resolve ("in January last year")."""
    return (
        rf"(?P<{tag}_month>{MONTH_NAMES})(?:\s+(?P<{tag}_year>20\d\d)|\s*[‘'’](?P<{tag}_yy>\d\d))?\b"
        rf"(?!\s*[‘'’]?\d\d\b|\s+(?:of\s+)?(?:last|the\s+(?:previous|last|prior|same)|previous|prior)\b)"
    )


def at_month(tag: str) -> str:
    """ "in May", "in May 2024", "last month": when a figure was."""
    return (
        rf"(?:\s+(?:in|for|during|at\s+the\s+end\s+of)\s+{when(tag)}"
        rf"|\s+(?P<{tag}_rel>last\s+month|the\s+previous\s+month|the\s+month\s+before|the\s+prior\s+month))?"
    )


# A level figure is followed by the end of its clause or a word that starts the next one, not by
# a noun: "is 45 working days" is a standard, "has 12 social workers" a count of something else.
LEVEL_END = (
    r"(?=\s*(?:$|[.,;:)(–—]|\s-\s|(?:in|per|down|up|from|with|against|and|compared|which|above|below|"
    r"than|for|this|so|but|as|at|over|since|meaning|when|while|whilst|although|however|"
    r"or|where|making|putting|slightly|still|now|our|the|a|an|remaining|despite|following|"
    r"representing|equivalent|exceeding|meeting|missing|against|close|just|well|in\s+line)\b))"
)
# The verb (and adverbs) that sets a subject's level.
LEVEL_VERB = (
    r"(?:(?:has|have|had)\s+(?:now\s+|also\s+|further\s+|again\s+)?(?:been\s+)?)?"
    r"(?:increased|decreased|rose|risen|fell|fallen|reduced|dropped|declined|grew|grown|climbed|"
    r"improved|deteriorated|went\s+(?:up|down)|gone\s+(?:up|down)|remains?|remained|stands?|stood|"
    r"sits?|sat|is|was|are|were|reached|totalled|totaled|hit|peaked|dipped|recovered|ended|"
    r"settled|moved|jumped|slipped|numbered|amounted\s+to|increasing|decreasing|rising|falling|reducing|continues\s+to\s+be|"
    r"continued\s+to\s+be|came\s+down|came\s+in)"
    r"(?:\s+(?:now|currently|slightly|significantly|steady|steadily|stable|broadly|again|further|"
    r"sharply|marginally|just|still|static|unchanged|consistent(?:ly)?|high|low|similar|this\s+month|"
    r"good|strong|positive|healthy|excellent|poor|weak|well))*"
)
LEVEL_PREP = (
    r"(?:\s+(?:at|around|about|approximately|roughly|to|of|on|nearly|almost|"
    r"by\s+\d+(?:\.\d+)?\s*(?:%|percentage\s+points?|points?|pp)?\s+to|"
    r"\d+(?:\.\d+)?\s*(?:%|percentage\s+points?|pp)\s+to|"  # "increased 12% to 1,402"
    r"just\s+(?:over|under|below|above)|over|under|below|above|a\s+(?:total|figure|level)\s+of))*"
)
EARLIER = (
    rf"(?:,?\s*\(?(?:(?:which\s+is\s+|this\s+is\s+|a\s+(?:rise|fall|drop|reduction|increase)\s+)?"
    rf"(?:down|up)\s+from|from|compared\s+(?:to|with)|having\s+been)\s+{value('a')}{at_month('a')})?"
)
WITH_RATE = (
    rf"(?:(?:,?\s*(?:(?:with|and|giving)\s+)?(?:an?\s+|the\s+)?(?:current\s+)?rate\s+of\s+"
    rf"|\s*\((?=[\d.,]+\s*per\s+10))"  # "412 (91 per 10,000)"
    rf"{value('rate')}{PER_10K.format(tag='rate')}\)?)?"
)

# Each statement names an earlier value (a) and a later one (b); the later may come first.
FROM_TO = [
    re.compile(
        rf"\bfrom\s+{value('a')}\s+in\s+{when('a')}\s+to\s+{value('b')}\s+in\s+{when('b')}\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?:to\s+)?{value('b')}\s+in\s+{when('b')},?\s+(?:from|compared\s+(?:to|with)|up\s+from|down\s+from)\s+{value('a')}\s+in\s+{when('a')}\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\(?\b{value('a')}\s+in\s+{when('a')}\s+and\s+{value('b')}\s+in\s+{when('b')}\b\)?",
        re.IGNORECASE,
    ),
    re.compile(rf"\bfrom\s+{value('a')}\s+to\s+{value('b')}\s+in\s+{when('b')}\b", re.IGNORECASE),
]
# "the care leaver supervision timeliness figure of 86% which has improved … from 45% in January":
# the later value is the reporting month's.
FIGURE_SINCE = re.compile(
    rf"\bthe\s+(?P<name>[\w\s&'’\-+/()]+?)\s+figure\s+of\s+{value('b')}\s+which\s+has\s+\w+(?:\s+\w+)?\s+from\s+{value('a')}\s+in\s+{when('a')}\b",
    re.IGNORECASE,
)
NOUN_PHRASE = (
    r"(?P<name>[A-Za-z][\w\-'’/&+]*(?:\s+(?!(?:in\s+(?:"
    + MONTH_NAMES
    + r")\b))[\w\-'’/&+]+){0,9}?)"
)
AFTER_NOUN = r"(?=\s*(?:$|[,.;:()–—]|\s-\s|(?:compared|against|which|this|than|(?:up|down)\s+from|from\s+\d|were|was|had|have|has|received|made|recorded|is|are|and|but|while|whilst|at\s+the\s+end)\b))"
SUBJECT_AFTER = [
    # "There are 41 children in residential care, down from 47 in March 2023"
    re.compile(
        rf"\bthere\s+(?:are|were|is|was|have\s+been|has\s+been)\s+(?:now\s+|currently\s+|a\s+total\s+of\s+)?"
        rf"{value('b')}\s+{NOUN_PHRASE}{at_month('b')}{AFTER_NOUN}{EARLIER}",
        re.IGNORECASE,
    ),
    # "June had 1,402 contacts", "In May 2024, 34 children became subject to a plan"
    re.compile(
        rf"(?:^|(?<=[.;:]\s)|\bin\s+|\b(?:at\s+)?the\s+end\s+of\s+)(?P<b_month>{TITLE_MONTH})(?:\s+(?P<b_year>20\d\d))?,?\s+"
        rf"(?:had|saw|recorded|brought|showed|there\s+(?:were|was))?\s*"
        rf"{value('b')}\s+{NOUN_PHRASE}{AFTER_NOUN}{EARLIER}",
        re.IGNORECASE,
    ),
]
# "312 families were supported by Early Help in January, compared with 298 in December",
# "As of 31 January 2025, 255 children were subject to a child protection plan"
NUMBER_FIRST = re.compile(
    rf"(?:^|(?:^(?i:in|as\s+(?:of|at)|at\s+the\s+end\s+of|on)\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?"
    rf"(?P<b_month>{TITLE_MONTH})(?:\s+(?P<b_year>20\d\d))?,\s*))"
    rf"{value('b')}\s+(?P<noun>[a-z][\w\-'’]*(?:\s+[a-z][\w\-'’]*){{0,3}}?)\s+"
    rf"(?:were|was|are|is|have\s+been|had\s+been)\s+(?P<rest>(?!(?:in|on|at|for)\b)[a-z][\w\s\-'’&/]*?)"
    rf"(?:\s+in\s+(?P<b2_month>{TITLE_MONTH})(?:\s+(?P<b2_year>20\d\d))?)?"
    rf"(?=\s*(?:$|[.;,(]))(?i:{EARLIER}{WITH_RATE})",
)
# "The rate of assessments, 512, has fallen by 8% since May"
APPOSITION = re.compile(
    rf"(?P<name>\b(?:the\s+)?(?:rate|number|percentage|proportion|total)\s+of\s+[\w\s\-'’/&+]+?)"
    rf"(?:,\s*|\s+\(){value('b')}{PER_10K.format(tag='b')}(?:,|\))\s+(?:has|have|is|was|had|which)\b",
    re.IGNORECASE,
)
# "… reduced to 412 with a rate of 91", "remains around 12%, down from 15% in January",
# "increased to 9%, above our target", "stands at 23% in May"
LEVEL = re.compile(
    rf"(?P<verb>\b{LEVEL_VERB}){LEVEL_PREP}\s+{value('b')}{PER_10K.format(tag='b')}{at_month('b')}"
    rf"{LEVEL_END}{EARLIER}{WITH_RATE}",
    re.IGNORECASE,
)
# "reduced to 41% in May (April: 56%)"
LEVEL_BRACKET = re.compile(
    rf"(?P<verb>\b{LEVEL_VERB}){LEVEL_PREP}\s+{value('b')}{PER_10K.format(tag='b')}{at_month('b')}"
    rf"\s*\((?P<a_month>{MONTH_NAMES})\b(?:\s+(?P<a_year>20\d\d))?\s*:?\s*{value('a')}\)",
    re.IGNORECASE,
)
# "There has been a reduction in the number of children in care to 401"
CHANGE_IN = re.compile(
    rf"\bthere\s+(?:has|have)\s+been\s+an?\s+(?:\w+\s+)?(?P<verb>increase|decrease|reduction|rise|fall|drop)"
    rf"\s+in\s+(?P<name>[\w\s\-'’/&+]+?)\s+to\s+{value('b')}{PER_10K.format(tag='b')}{at_month('b')}"
    rf"{LEVEL_END}{EARLIER}",
    re.IGNORECASE,
)
# "a current rate of 588", "has a figure of 91 per 10,000"
RATE_OF = re.compile(
    rf"\b(?:has|have|had|with|at|shows?|showing|is|was)?\s*(?:an?|the|our)\s+(?:current\s+|latest\s+|present\s+|overall\s+)?"
    rf"(?P<kind>rate|figure|level|total)\s+of\s+{value('b')}{PER_10K.format(tag='b')}{at_month('b')}{LEVEL_END}",
    re.IGNORECASE,
)

# "Re-referrals: 21% (April 23%)", "Contacts: 1,402, up from 1,288 in April": a slide's label
COLON = [
    re.compile(
        rf"^(?P<name>[A-Z][^:;.]{{2,80}}?)\s*:\s*{value('b')}{PER_10K.format(tag='b')}{at_month('b')}"
        rf"\s*\((?:(?P<a_month>{MONTH_NAMES})\b|(?P<a_rel>last\s+month|previous\s+month))\s*:?\s*"
        rf"{value('a')}\)"
        rf"(?=\s*(?:$|[.;]))",
        re.IGNORECASE,
    ),
    re.compile(
        rf"^(?P<name>[A-Z][^:;.]{{2,80}}?)\s*:\s*{value('b')}{PER_10K.format(tag='b')}{at_month('b')}"
        rf"{EARLIER}(?=\s*(?:$|[.;]|\((?!\s*\d)))",  # "(SN 90%, England 88%)" follows
        re.IGNORECASE,
    ),
]

# "Re-referrals have reduced from 24% last month to 21%": months said in words, or not at all
FROM_TO_LOOSE = re.compile(
    rf"\bfrom\s+{value('a')}{at_month('a')}\s+to\s+{value('b')}{PER_10K.format(tag='b')}{at_month('b')}"
    rf"{LEVEL_END}",
    re.IGNORECASE,
)

# In the order they are tried: a span read by one is not read again by a later one.
PATTERNS = [
    ("since", FIGURE_SINCE),
    *[("from_to", p) for p in FROM_TO],
    ("apposition", APPOSITION),
    ("number_first", NUMBER_FIRST),
    *[("colon", p) for p in COLON],
    *[("subject_after", p) for p in SUBJECT_AFTER],
    ("level", LEVEL_BRACKET),
    ("named", CHANGE_IN),
    ("level", LEVEL),
    ("loose", FROM_TO_LOOSE),
    ("rate_of", RATE_OF),
]
