"""Learning acronyms from what a pack prints: its glossary, its names, an officer's join."""

from __future__ import annotations

import re
import unicodedata

from .vocabulary import ACRONYMS

ACRONYM_IN_BRACKETS = re.compile(r"\(([^()]{1,40})\)")


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
