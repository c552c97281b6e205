"""Finding glossary term headings without a contents list to name them.

A heading is a short Title Case phrase ("Pathway Plan", "Person Posing a Risk to Children
(PPRC)") after the end of the previous definition, either alone on its line or flattened into the
first line of its definition ("Pathway Plan The Pathway Plan sets out …"). In the flattened form
the split is where a sentence evidently begins:
- strong: a sentence opener ("The", "A", "Under", "Where" …), a bullet, a legal citation
  ("Section 99 of …"), or after an acronym heading ("CAFCASS Children and Family Court …");
- repeated: the definition starts by repeating the heading ("Permanence Plan Permanence for …",
  "Review Child Protection Conference Child Protection Review Conferences …").
A capitalised word followed by a verb ("Designated Teacher Schools should …") is deliberately not
enough: "Section 47 Enquiries are usually conducted …" starts a sentence the same way.
"""

from __future__ import annotations

import re

SMALL = {"of", "and", "to", "a", "an", "the", "at", "or", "for", "in", "on", "by", "with", "from"}
# Words a definition's first sentence typically starts with; most cannot start a heading.
NOT_A_HEADING_START = {"The", "A", "An", "This", "These", "It", "If", "When", "Where", "As", "Any"}
OPENERS = NOT_A_HEADING_START | {"All", "Under", "In", "Every", "From", "Each", "Following"}
SENTENCE_END = re.compile(r"[.:;!?)\]’'\"”]$|^\S+://\S+$")
BULLET = re.compile(r"^[•·▪]$")
CITATION = re.compile(r"^(?:Section|Sections|Part|Schedule|Regulation|Article)$")
MAX_WORDS = 10


def heading_word(token: str, first: bool) -> bool:
    if token.lower() in SMALL and not first:
        return True
    if token in ("-", "–", "&", "/"):
        return not first
    bare = token.strip("(),’'\"")
    if not bare:
        return False
    return bare[0].isupper() or (bare[0].isdigit() and not first)


def is_heading_phrase(tokens: list[str]) -> bool:
    if not tokens or len(tokens) > MAX_WORDS or tokens[0] in NOT_A_HEADING_START:
        return False
    if tokens[-1].lower() in SMALL or tokens[-1].endswith((",", "-", "–")):
        return False
    if any(t.endswith((".", ":", ";", "?", "/")) for t in tokens):
        return False
    if sum(t.isdigit() for t in tokens) > 1:  # "Section 20" names a term, "Early Help 9 7 0" not
        return False
    return all(heading_word(t, i == 0) for i, t in enumerate(tokens))


def heading_alone(line: str, next_line: str | None) -> bool:
    """'Pathway Plan' on a line of its own, the definition starting on the next."""
    tokens = line.split()
    if not is_heading_phrase(tokens) or len(line) > 90:
        return False
    follower = (next_line or "").lstrip()
    return bool(follower) and (follower[0].isupper() or follower[0] in "•·‘'\"“(")


def flattened_heading(line: str) -> str | None:
    """The heading at the start of 'Pathway Plan The Pathway Plan sets out …', or None."""
    tokens = line.split()
    found: dict[str, int] = {}
    for k in range(1, min(len(tokens) - 1, MAX_WORDS) + 1):
        prefix, rest = tokens[:k], tokens[k:]
        if not is_heading_phrase(prefix):
            if not heading_word(tokens[k - 1], k == 1):
                break  # the phrase has ended: a longer prefix cannot be a heading either
            continue
        kind = split_kind(prefix, rest)
        if kind and kind not in found:
            found[kind] = k
    k = found.get("strong") or found.get("repeated")
    return " ".join(tokens[:k]) if k else None


def split_kind(prefix: list[str], rest: list[str]) -> str | None:
    first = rest[0]
    if BULLET.match(first) or first in OPENERS:
        return "strong"
    if first.endswith(","):
        return None
    if (
        len(prefix) == 1
        and re.fullmatch(r"[A-Z][A-Z0-9&]{1,9}", prefix[0])
        and re.fullmatch(r"[A-Z][a-z]+", first)
    ):
        return "strong"  # an acronym heading: "CAFCASS Children and Family Court …"
    second = rest[1] if len(rest) > 1 else ""
    if CITATION.match(first) and second[:1].isdigit():
        return "strong"  # "Virtual School Head Section 99 of the Children and Families Act …"
    words = {bare(t) for t in prefix if t.lower() not in SMALL}
    acronyms = [bare(t) for t in prefix if re.fullmatch(r"\([A-Z][A-Za-z]{1,9}\)", t)]
    if first[0].isupper() and any(same_word(bare(first), w) for w in [bare(prefix[0]), *acronyms]):
        return "repeated"  # "Pathway Plan The Pathway…", "… Board (LSCB) LSCBs have …"
    if first[0].isupper() and second[:1].isupper() and {bare(first), bare(second)} <= words:
        return "repeated"
    return None


def same_word(a: str, b: str) -> bool:
    """'Assessments' repeats the heading 'Assessment'."""
    return a == b or (len(b) > 3 and a in (b + "s", b + "es"))


def bare(token: str) -> str:
    return token.strip("(),.’'\"“”:;").lower()


SENTENCE_BREAK = re.compile(r"(?<=[.;:)])[ ]+(?=[A-Z(])")


def find_headings(text: str) -> list[tuple[int, int, str]]:
    """[(start, end, heading)] in `text` (lines joined by "\n"): headings alone on a line or
    flattened into the first line of their definition, each after the end of a sentence."""
    out = []
    lines = text.split("\n")
    offset = 0
    for i, line in enumerate(lines):
        starts = []
        if not i or SENTENCE_END.search(lines[i - 1].rstrip()):
            starts.append(0)
        starts += [m.end() for m in SENTENCE_BREAK.finditer(line)]
        for start in starts:
            rest = line[start:]
            following = lines[i + 1] if i + 1 < len(lines) else None
            if start == 0 and heading_alone(rest, following):
                heading = rest.strip()
            else:
                heading = flattened_heading(rest)
            if heading:
                at = offset + start + (len(rest) - len(rest.lstrip()))
                out.append((at, at + len(heading), heading))
                break
        offset += len(line) + 1
    return out
