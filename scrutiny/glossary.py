"""Acronyms explained from the panel's own glossary.

Packs print a glossary of terms ("Director of Children's Services (DCS)", "CAFCASS: Children
and Family Court Advisory and Support Service ...") but councillors read "CIN", "CLA" and "ADM"
on every page. `acronyms_from` finds the acronyms a glossary defines — a term that is itself an
acronym, or "Words Like These (WLT)" inside a term or a definition, kept only when the words'
initials spell it — and `explain_text` / `explain_html` wrap their first use in a passage in an
<abbr> that shows its expansion on hover and on keyboard focus (static/css/app.css).

The map is cached per panel at the panel's figures generation (indicators/cache.py), which
publishing a pack bumps.
"""

from __future__ import annotations

import re

from django.core.cache import cache
from django.utils.html import escape

from indicators.cache import generation
from meetings.models import Committee, GlossaryTerm, Pack

ACRONYM = r"[A-Z][A-Za-z&]*[A-Z]s?"  # CIN, CLA, C&F, CAFCASS, EHCPs, LSCBs; not "Mr"
IN_BRACKETS = re.compile(rf"((?:[\w’'&-]+[ ]+){{1,10}})\(({ACRONYM})(?:\s+or\s+({ACRONYM}))?\)")
SMALL_WORDS = {"of", "and", "the", "in", "for", "to", "on", "a", "with", "at", "or", "by"}
TIMEOUT = 24 * 3600


def _spells(words: list[str], letters: str) -> bool:
    if not letters:
        return all(w.lower() in SMALL_WORDS for w in words)
    if not words:
        return False
    head, rest = words[0], words[1:]
    if head[:1].upper() == letters[0] and _spells(rest, letters[1:]):
        return True
    # a small word may or may not give its letter ("Child in Need" CIN, "Children Looked After" CLA)
    return head.lower() in SMALL_WORDS and _spells(rest, letters)


def acronyms_from(terms) -> dict[str, str]:
    """{acronym: explanation} from (term, definition) pairs."""
    found: dict[str, str] = {}
    whole_terms = []
    for term, definition in terms:
        term = (term or "").strip()
        definition = " ".join((definition or "").split())
        if re.fullmatch(ACRONYM, term):
            whole_terms.append((term, definition))
        for text in (term, definition):
            for words, first, alternative in IN_BRACKETS.findall(text):
                expansion = expand(words.split(), first)
                if expansion:
                    found.setdefault(first, expansion)
                    if alternative:  # "Looked After Child (LAC or CLA)": the other form
                        found.setdefault(alternative, expansion)
    for term, definition in whole_terms:  # "CAFCASS" with no "(CAFCASS)" to expand it
        found.setdefault(term, first_sentence(definition))
    for acronym in list(found):  # "CiN" in the glossary, "CIN" in the tables
        found.setdefault(acronym.upper(), found[acronym])
    return found


def expand(words: list[str], acronym: str) -> str:
    letters = acronym.rstrip("s").replace("&", "").upper()
    for start in range(len(words) - 1, -1, -1):
        tail = words[start:]
        if tail[0].lower() in SMALL_WORDS or not tail[0][:1].isalpha():
            continue
        if _spells(tail, letters):
            return " ".join(tail)
    return ""


def first_sentence(text: str, limit: int = 160) -> str:
    sentence = re.split(r"(?<=[.;])\s", text, maxsplit=1)[0]
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rsplit(" ", 1)[0] + "…"


def panel_acronyms(committee) -> dict[str, str]:
    """The panel's acronyms, cached until its published figures change."""

    committee_id = committee if isinstance(committee, int) else getattr(committee, "pk", None)
    if committee_id is None and committee:
        committee_id = (
            Committee.objects.filter(slug=str(committee)).values_list("pk", flat=True).first()
        )
    if committee_id is None:
        return {}
    key = f"glossary:acronyms:{committee_id}:{generation(committee_id)}"
    found = cache.get(key)
    if found is None:
        rows = GlossaryTerm.objects.filter(
            committee_id=committee_id, pack__status=Pack.Status.PUBLISHED
        ).values_list("term", "definition")
        found = acronyms_from(rows)
        cache.set(key, found, TIMEOUT)
    return found


def abbr(acronym: str, explanation: str, focusable: bool) -> str:
    tab = ' tabindex="0"' if focusable else ""
    return f'<abbr class="term" title="{escape(explanation)}"{tab}>{escape(acronym)}</abbr>'


def pattern_for(acronyms) -> re.Pattern | None:
    if not acronyms:
        return None
    keys = sorted((escape(a) for a in acronyms), key=len, reverse=True)
    return re.compile(r"(?<![\w&;])(" + "|".join(re.escape(k) for k in keys) + r")(?![\w&])")


def explain_escaped(text: str, acronyms: dict, pattern, seen: set, focusable: bool) -> str:
    """Wrap the first use of each acronym in already-escaped text."""
    by_escaped = {escape(a): a for a in acronyms}

    def wrap(match):
        shown = match.group(1)
        acronym = by_escaped[shown]
        if acronym in seen:
            return shown
        seen.add(acronym)
        return abbr(acronym, f"{acronym}: {acronyms[acronym]}", focusable)

    return pattern.sub(wrap, text)


def explain_text(text, committee, acronyms=None) -> str:
    """Plain text in, safe HTML out."""
    acronyms = panel_acronyms(committee) if acronyms is None else acronyms
    escaped = escape(text)
    pattern = pattern_for(acronyms)
    if pattern is None:
        return escaped
    return explain_escaped(escaped, acronyms, pattern, set(), focusable=True)


TAG = re.compile(r"(<[^>]*>)")
NO_TERMS_INSIDE = {"abbr", "script", "style", "textarea", "option", "select", "title", "svg"}
INTERACTIVE = {"a", "button", "summary", "label"}


def explain_html(html, committee, focusable: bool = True, acronyms=None) -> str:
    """Safe HTML in, safe HTML out: only text between tags is touched. Inside a link the <abbr>
    takes no focus of its own (the link's focus shows it: no nested interactive controls)."""
    acronyms = panel_acronyms(committee) if acronyms is None else acronyms
    pattern = pattern_for(acronyms)
    html = str(html)
    if pattern is None:
        return html
    out, skip, interactive, seen = [], 0, 0 if focusable else 1, set()
    for part in TAG.split(html):
        if part.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", part)
            name = name.group(1).lower() if name else ""
            closing = part.startswith("</")
            if name in NO_TERMS_INSIDE:
                skip += -1 if closing else 1
            elif name in INTERACTIVE:
                interactive += -1 if closing else 1
            out.append(part)
        elif part and skip <= 0:
            out.append(explain_escaped(part, acronyms, pattern, seen, focusable=interactive <= 0))
        else:
            out.append(part)
    return "".join(out)
