"""People on a front sheet: members, appointed members and contacts, from lines that may have been
flattened into one ("Councillor A Bunday Councillor Denness …").

- Members split on the word "Councillor"; a role in brackets ("(Chair)", "(Vice-Chair)") is read
  off the name.
- Appointed members are "Name, Capacity" pairs. One to a line, a line without a comma carries on
  the capacity above it. Flattened, each comma-separated piece is "<capacity> <next name>": it is
  cut after the last word capacities end with ("Governor", "Church", "England" …), and the split
  is reported as doubtful where no such word was found.
- Contacts are a role ("Democratic Support Officer") and a name, either way round, then a phone
  and an e-mail, on lines or flattened: each contact ends with its e-mail.
"""

from __future__ import annotations

import re

from meetings.ingest.text import clean

COUNCILLOR = re.compile(r"\b(?:Councillors?|Cllrs?\.?)\s+")
ROLE_IN_BRACKETS = re.compile(
    r"\s*\(\s*(Chair(?:man|person)?|Vice[- ]Chair(?:man|person)?|Deputy Chair(?:man|person)?)\s*\)",
    re.IGNORECASE,
)
CAPACITY_ENDS = re.compile(
    r"\b(?:Governor|Church|England|Wales|Diocese|Representative|Member|Officer|Council|Forum|Board|"
    r"Trust|Authority|Service|Sector|Parent|Community|Person|Youth|Association|Portsmouth|"
    r"Winchester|Co-optee)\b"
)
VACANCY = re.compile(r"^\s*Vacanc(?:y|ies)\s*[-–:,]?\s*", re.IGNORECASE)
ROLE_END = re.compile(  # the last word of a contact's role
    r"Officer|Manager|Clerk|Adviser|Advisor|Lead|Co-?ordinator|Secretary|Administrator|"
    r"Assistant|Director|Services|Support"
)
ROLE_START = re.compile(  # words that open a role printed after the name
    r"Senior|Principal|Democratic|Scrutiny|Committee|Head|Assistant|Deputy|Lead|Service|"
    r"Team|Governance|Member|Members|Business|Policy|Chief|Support|Panel|Council|Corporate|"
    r"Electoral|Legal|Programme|Project|Performance|Strategic|Executive|Director|Clerk|"
    r"Officer|Manager"
)
PHONE = re.compile(
    r"(?:Tel(?:ephone)?|Phone)\s*[:.]?\s*(\+?[\d(][\d ()]{5,}\d)|\b(0\d{2,4} ?\d{3,4} ?\d{3,4})\b"
)
EMAIL = re.compile(r"(?:E-?mail\s*[:.]?\s*)?([\w.\-+]+@[\w\-]+(?:\.[\w\-]+)+)", re.IGNORECASE)


def split_members(text: str) -> list[dict]:
    """'Councillor Guthrie (Chair) Councillor A Bunday …' -> [{name, role}]."""
    members = []
    if not COUNCILLOR.search(text):
        return []
    for part in COUNCILLOR.split(text)[1:]:
        part = part.strip(" ,;.")
        if not part:
            continue
        role = None
        found = ROLE_IN_BRACKETS.search(part)
        if found:
            word = found.group(1).lower()
            role = "Vice-Chair" if word.startswith(("vice", "deputy")) else "Chair"
            part = ROLE_IN_BRACKETS.sub("", part).strip(" ,;.")
        members.append({"name": f"Councillor {part}", "role": role})
    return members


def split_appointed(lines: list[str]) -> tuple[list[dict], bool]:
    """'Name, Capacity' pairs -> ([{name, capacity} or vacancy], doubtful split?)."""
    lines = [line.strip() for line in lines if line.strip()]
    if all(line.count(",") <= 1 for line in lines) and not any(
        VACANCY.search(line[1:]) for line in lines
    ):
        return one_a_line(lines), False
    return flattened(" ".join(lines))


def one_a_line(lines: list[str]) -> list[dict]:
    out: list[dict] = []
    for line in lines:
        if VACANCY.match(line):
            out.append(
                {"name": None, "capacity": VACANCY.sub("", line).strip() or None, "vacancy": True}
            )
        elif "," in line or not out:
            name, _, capacity = line.partition(",")
            out.append({"name": name.strip(), "capacity": capacity.strip() or None})
        else:  # a capacity wrapped onto the next line
            out[-1]["capacity"] = " ".join(filter(None, [out[-1]["capacity"], line]))
    return out


def flattened(text: str) -> tuple[list[dict], bool]:
    out, doubtful = [], False
    pieces = [p.strip() for p in re.split(r",\s*", text)]
    name = pieces[0] if pieces else ""
    if VACANCY.match(name):  # the list opens with a vacancy: "Vacancy - X Governor Rob Sanders"
        pieces.insert(1, name)
        name = None
    for piece in pieces[1:]:
        # A piece is "<capacity of the previous person> <next name>", possibly with a vacancy inside.
        for segment in re.split(r"(?=\bVacanc(?:y|ies)\b)", piece):
            segment = segment.strip()
            if not segment:
                continue
            if VACANCY.match(segment):
                capacity, name_after = split_capacity_name(VACANCY.sub("", segment).strip())
                out.append({"name": None, "capacity": capacity, "vacancy": True})
            else:
                capacity, name_after = split_capacity_name(segment)
                if name:
                    out.append({"name": name, "capacity": capacity})
            doubtful |= name_after is not None and not CAPACITY_ENDS.search(segment)
            name = name_after
    if name:
        out.append({"name": name, "capacity": None})
        doubtful = True
    return out, doubtful


def split_capacity_name(segment: str) -> tuple[str, str | None]:
    """'Roman Catholic Church Francis Otieno' -> ('Roman Catholic Church', 'Francis Otieno')."""
    ends = list(CAPACITY_ENDS.finditer(segment))
    if ends:
        cut = ends[-1].end()
        rest = segment[cut:].strip()
        if not rest or re.fullmatch(r"of [A-Z][\w ]+", rest):  # "Church of England" ends it
            return segment.strip(), None
        return segment[:cut].strip(), rest
    words = segment.split()
    if len(words) <= 2:
        return segment, None
    return " ".join(words[:-2]), " ".join(words[-2:])


def split_contacts(text: str) -> list[dict]:
    """'Democratic Support Officer Emily Goodwin Tel: 023 … Email: …' -> [{role, name, phone,
    email}]. Each contact ends with its e-mail (or, without e-mails, its phone); within one the
    role may come before the name or after it. A contact needs a name and a phone or e-mail."""
    text = clean(text)
    ends = [m.end() for m in EMAIL.finditer(text)] or [m.end() for m in PHONE.finditer(text)]
    contacts, start = [], 0
    for end in ends:
        contact = read_contact(text[start:end])
        if contact:
            contacts.append(contact)
        start = end
    return contacts


def read_contact(segment: str) -> dict | None:
    phone, email = PHONE.search(segment), EMAIL.search(segment)
    rest = segment
    for found in (email, phone):
        if found:
            rest = rest.replace(found.group(0), " ")
    words = [w for w in re.sub(r"\b(?:Tel(?:ephone)?|Phone|E-?mail)\b\s*[:.]?", " ", rest).split()]
    words = [w.strip(",;:") for w in words if w.strip(",;:-–")]
    ends = [i for i, w in enumerate(words) if ROLE_END.fullmatch(w)]
    if not ends:
        return None
    if ends[-1] < len(words) - 1:  # "Democratic Support Officer Emily Goodwin"
        role, name = words[: ends[-1] + 1], words[ends[-1] + 1 :]
    else:  # "Judy Cordell Senior Democratic Support Officer"
        cut = next(
            (i for i, w in enumerate(words) if ROLE_START.fullmatch(w)), min(2, len(words) - 1)
        )
        name, role = words[:cut], words[cut:]
    if not 1 <= len(name) <= 4 or not all(w[:1].isupper() for w in name):
        return None
    return {
        "role": " ".join(role),
        "name": " ".join(name),
        "phone": re.sub(r"\s+", " ", phone.group(1) or phone.group(2)).strip() if phone else None,
        "email": email.group(1).rstrip(".") if email else None,
    }
