"""What else a sentence says about its figures must agree with them, or neither is read.

"fell from 553 to 545": the direction word agrees. "increased from 20 to 18": it does not, and
the statement is refused with a warning. "fell by 8% from 553 to 509": 553 → 509 is 7.96%, which
prints as 8% ✓; "up 3 percentage points from 15% to 18%" ✓. "from 12% to 15" mixes a
percentage with a count. A change said against another month ("a 12 percentage point
improvement since June") is not a change between the two figures, so it is not compared.
"""

from __future__ import annotations

import re

UP = re.compile(
    r"\b(?:increas(?:ed|es|e|ing)|r(?:ose|isen|ise|ises|ising)|up(?!\s+to\b|\s+until\b)|gr(?:ew|own|owth)|"
    r"climb(?:ed|ing)|jump(?:ed|ing)|went\s+up|gone\s+up|higher\s+than\s+(?:in|last))\b",
    re.IGNORECASE,
)
DOWN = re.compile(
    r"\b(?:decreas(?:ed|es|e|ing)|f(?:ell|allen|all|alls|alling)\b(?!\s+short)|reduc(?:ed|es|tion|ing)|"
    r"down|dropp?(?:ed|s|ing)?|declin(?:ed|es|e|ing)|dipp?(?:ed|ing)?|slipp?(?:ed|ing)|"
    r"lower\s+than\s+(?:in|last))\b",
    re.IGNORECASE,
)
CHANGE_NUMBER = r"(\d+(?:\.\d+)?)\s*(%|per\s*cent\b|percentage\s+points?|pp\b|points?\b)?"
CHANGES = [
    re.compile(
        rf"\bby\s+(?:around\s+|about\s+|nearly\s+|almost\s+)?{CHANGE_NUMBER}", re.IGNORECASE
    ),
    re.compile(
        rf"\b{CHANGE_NUMBER}\s*(?:increase|decrease|rise|fall|reduction|drop|improvement|growth|decline)\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?:an?\s+)?(?:increase|decrease|rise|fall|reduction|drop|growth|decline)\s+of\s+{CHANGE_NUMBER}",
        re.IGNORECASE,
    ),
    re.compile(rf"\b(?:up|down)\s+{CHANGE_NUMBER}(?!\s*(?:in|to)\b)", re.IGNORECASE),
    re.compile(
        rf"\b(?:increased|decreased|rose|fell|reduced|dropped|declined|grew|climbed)\s+"
        rf"{CHANGE_NUMBER}(?=\s+to\b)",
        re.IGNORECASE,
    ),
]
# "… a 12 percentage point improvement since June 22": measured from another month.
AGAINST_ANOTHER = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:since|on\s+(?:last|the\s+same)|compared|over\s+the|year\s+on\s+year|"
    r"from\s+(?:last|the\s+same)|than\s+(?:last|the\s+same)|in\s+the\s+(?:last|past)|nationally|"
    r"in\s+(?:England|the\s+region))",
    re.IGNORECASE,
)


def direction_disagrees(text: str, earlier: float, later: float) -> str | None:
    """The direction word of `text` (the statement and its clause) if it contradicts the figures."""
    if earlier == later:
        words = UP.findall(text) + DOWN.findall(text)
        return f"'{words[0]}' but both figures are {later:g}" if words else None
    rising = later > earlier
    against = DOWN if rising else UP
    word = against.search(text)
    if word:
        return f"'{word.group(0)}' but the figures go from {earlier:g} to {later:g}"
    return None


def change_disagrees(
    before: str, after: str, earlier: float, later: float, percent: bool
) -> str | None:
    """A stated change ("by 8%", "a 12% increase", "down 3 percentage points") in the statement's
    clause that the two figures do not give."""
    for text, is_after in ((before, False), (after, True)):
        for pattern in CHANGES:
            for match in pattern.finditer(text):
                if AGAINST_ANOTHER.match(text[match.end() :]):
                    continue
                if not is_after and match.end() < len(text) - 80:
                    continue
                stated, sign = float(match.group(1)), (match.group(2) or "").lower()
                decimals = len(match.group(1).partition(".")[2])
                slack = 0.5 * 10**-decimals + 0.01
                absolute = abs(later - earlier)
                relative = absolute / abs(earlier) * 100 if earlier else None
                if "point" in sign or sign == "pp":
                    fits = abs(absolute - stated) <= slack
                elif sign:
                    # "fell by 3%" of a percentage may be three points or three per cent of it.
                    fits = (relative is not None and abs(relative - stated) <= slack) or (
                        percent and abs(absolute - stated) <= slack
                    )
                else:
                    fits = abs(absolute - stated) <= slack
                if not fits:
                    said = f"{match.group(1)}{'%' if sign in ('%', 'per cent') else ' ' + sign if sign else ''}"
                    worked = (
                        f"{relative:.1f}%" if relative is not None and sign else f"{absolute:g}"
                    )
                    return f"a change of {said.strip()} but {earlier:g} to {later:g} is {worked}"
    return None
