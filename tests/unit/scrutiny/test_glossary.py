"""Acronyms found in a glossary as packs print it, and explained in text and HTML."""

from scrutiny.glossary import acronyms_from, explain_html, explain_text

GLOSSARY = [  # worded as the corpus packs print them
    ("Director of Children's Services (DCS)", "Every top tier local authority must appoint one."),
    ("Agency Decision Maker", "The Agency Decision Maker (ADM) is the person within a fostering…"),
    ("Health Assessment", "Every Looked After Child (LAC or CLA) must have a Health Assessment."),
    ("Child in Need and Child in Need Plan", "a Child in Need (CiN) is defined as…"),
    ("CAFCASS", "Children and Family Court Advisory and Support Service (CAFCASS) is the agency…"),
    ("UASC", "Unaccompanied asylum seeking children. They arrive alone."),
    ("Early Help", "Support as soon as a problem emerges (EH teams work with families)."),
    ("Corporate Parenting", "As the corporate parent (see the Children Act) the council…"),
]


def test_acronyms_from_terms_and_definitions():
    found = acronyms_from(GLOSSARY)
    assert found["DCS"] == "Director of Children's Services"
    assert found["ADM"] == "Agency Decision Maker"
    assert found["LAC"] == found["CLA"] == "Looked After Child"  # "(LAC or CLA)"
    assert found["CIN"] == found["CiN"] == "Child in Need"  # small words may or may not count
    assert found["CAFCASS"] == "Children and Family Court Advisory and Support Service"
    assert found["UASC"] == "Unaccompanied asylum seeking children."  # a term that is one
    # brackets whose initials do not spell the words before them are not acronyms
    assert "EH" not in found and "see" not in found


def test_first_use_in_text_is_explained_and_escaped():
    acronyms = {"CIN": "Child in Need", "C&F": "Children and Families"}
    html = explain_text("CIN & C&F: CIN <b>", None, acronyms=acronyms)
    assert html.count("<abbr") == 2
    assert '<abbr class="term" title="CIN: Child in Need" tabindex="0">CIN</abbr>' in html
    assert (
        '<abbr class="term" title="C&amp;F: Children and Families" tabindex="0">C&amp;F</abbr>'
        in html
    )
    assert html.endswith(": CIN &lt;b&gt;")  # later uses plain; the text stays escaped
    assert "CINEMA" in explain_text("CINEMA", None, acronyms=acronyms)  # whole words only
    assert "<abbr" not in explain_text("CINEMA", None, acronyms=acronyms)


def test_html_only_text_between_tags_and_no_focus_inside_links():
    acronyms = {"CLA": "Children Looked After"}
    html = explain_html(
        '<a href="/x" title="CLA">CLA visits</a> <abbr>CLA</abbr> <span data-x="CLA">CLA</span>',
        None,
        acronyms=acronyms,
    )
    assert html.startswith(
        '<a href="/x" title="CLA"><abbr class="term" title="CLA: Children Looked After">CLA</abbr> visits</a>'
    )
    assert "<abbr>CLA</abbr>" in html  # never inside an existing abbr
    assert html.endswith('<span data-x="CLA">CLA</span>')  # first use only; attributes untouched
