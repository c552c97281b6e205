"""The councillor's briefing and the glossary, built from packs stored through the real path."""

import datetime
import io

import pdfplumber
import pytest
from django.urls import reverse

from meetings.models import Pack, Recommendation
from meetings.services.briefing import BEHIND, BREACHED, WORSE, build_briefing
from tests.integration.meetings.papers import extraction, stored

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()
LAST, NEXT = TODAY - datetime.timedelta(days=60), TODAY + datetime.timedelta(days=7)
SEP, OCT = "2026-09", "2026-10"


def indicator(name, values, target=None, neighbours=None):
    return {
        "name": name,
        "ref": None,
        "unit": "percent",
        "section": "Purposeful Direct Contact",
        "values": [{"period": p, "value": v} for p, v in values],
        "target": target,
        "benchmarks": []
        if neighbours is None
        else [
            {"label": "SN", "kind": "statistical_neighbours", "period": None, "value": neighbours}
        ],
        "source": "table",
        "page": 40,
    }


@pytest.fixture
def panel():
    stored(
        extraction(
            LAST,
            indicators=[indicator("CLA visits within six weeks", [(SEP, 83)], target=97)],
            commentary=[{"section": "Old", "heading": "Analysis", "text": "Old news.", "page": 9}],
            glossary=[{"term": "CLA", "definition": "Children Looked After", "page": 30}],
        )
    )
    latest = stored(
        extraction(
            NEXT,
            dates=[NEXT, NEXT + datetime.timedelta(days=40)],
            agenda=[{"number": 9, "title": "CLA PERFORMANCE", "page": 3}],
            indicators=[
                indicator("CLA visits within six weeks", [(SEP, 83), (OCT, 71)], target=97),
                indicator("Percentage of re-referrals", [(SEP, 20), (OCT, 24)], target=23),
                indicator("Reviews held within timescale", [(SEP, 96), (OCT, 94)], neighbours=95),
                indicator("Supervision up to date", [(SEP, 70), (OCT, 80)], target=75),
            ],
            commentary=[
                {"section": "Purposeful Direct Contact", "heading": "Analysis",
                 "text": "CLA visiting fell because of staff absence.", "page": 41}
            ],
            glossary=[
                {"term": "CLA", "definition": "Child Looked After (in the care of the council)",
                 "page": 31}
            ],
        )
    )  # fmt: skip
    committee = latest.committee
    Recommendation.objects.create(
        committee=committee,
        title="Ofsted Focused Letter",
        text="That the service reports on visiting timeliness.",
        made_on=LAST,
        due_date=TODAY - datetime.timedelta(days=1),
        status=Recommendation.Progress.IN_PROGRESS,
    )
    Recommendation.objects.create(
        committee=committee,
        title="Later",
        text="Not due yet.",
        due_date=NEXT + datetime.timedelta(days=90),
    )
    Recommendation.objects.create(
        committee=committee,
        title="Done",
        text="Completed already.",
        due_date=TODAY - datetime.timedelta(days=9),
        status=Recommendation.Progress.COMPLETE,
    )
    return committee


def test_briefing_flags_what_got_worse_with_the_figures(panel):
    briefing = build_briefing(None, panel)
    assert briefing["meeting"].date == NEXT and briefing["is_ahead"]
    flagged = {f.indicator.name: f for f in briefing["flagged"]}
    assert set(flagged) == {
        "CLA visits within six weeks",
        "Percentage of re-referrals",
        "Reviews held within timescale",
    }
    assert flagged["CLA visits within six weeks"].reasons == [WORSE]
    assert flagged["Percentage of re-referrals"].reasons == [WORSE, BREACHED]
    assert flagged["Reviews held within timescale"].reasons == [WORSE, BEHIND]
    assert (
        flagged["CLA visits within six weeks"].before,
        flagged["CLA visits within six weeks"].now,
    ) == ("83%", "71%")
    assert briefing["questions"][0] == (
        "CLA visits within six weeks fell from 83% to 71% against a target of 97%: "
        "what is the recovery plan?"
    )
    assert any("behind statistical neighbours at 95%" in q for q in briefing["questions"])
    assert [r.title for r in briefing["recommendations"]] == ["Ofsted Focused Letter"]
    assert any(q.startswith("The panel asked on") for q in briefing["questions"])
    assert [c.text for c in briefing["commentary"]] == [
        "CLA visiting fell because of staff absence."
    ]
    assert [i.title for i in briefing["agenda"]] == ["CLA PERFORMANCE"]


def test_briefing_page_links_and_explains(client, panel):
    html = client.get(reverse("meetings:briefing", args=[panel.slug])).content.decode()
    assert "what is the recovery plan?" in html
    assert '<abbr class="term" title="CLA: Children Looked After" tabindex="0">CLA</abbr>' in html
    assert reverse("meetings:briefing_pdf", args=[panel.slug]) in html
    for page in (
        panel.get_absolute_url(),
        build_briefing(None, panel)["meeting"].get_absolute_url(),
    ):
        assert reverse("meetings:briefing", args=[panel.slug]) in client.get(page).content.decode()


def test_briefing_pdf_carries_the_same_briefing(client, panel):
    response = client.get(reverse("meetings:briefing_pdf", args=[panel.slug]))
    assert response["Content-Type"] == "application/pdf"
    with pdfplumber.open(io.BytesIO(response.content)) as pdf:
        text = " ".join((page.extract_text() or "") for page in pdf.pages).replace("\n", " ")
    assert "CLA visits within six weeks fell from 83% to 71% against a target of 97%" in text
    assert "Ofsted Focused Letter" in text and "CLA PERFORMANCE" in text


def test_briefing_with_nothing_published(client):
    from tests.factories import CommitteeFactory

    committee = CommitteeFactory()
    response = client.get(reverse("meetings:briefing", args=[committee.slug]))
    assert response.status_code == 200
    assert "No figures have been published" in response.content.decode()


def test_glossary_newest_definition_first_with_pack_and_page(client, panel):
    html = client.get(reverse("meetings:glossary", args=[panel.slug])).content.decode()
    newest, older = (
        html.index("Child Looked After (in the care"),
        html.index("Children Looked After"),
    )
    assert newest < older
    latest = Pack.objects.get(meeting__date=NEXT)
    assert reverse("meetings:pack_page", args=[latest.pk, 31]) in html
    assert f"pack for {NEXT:%-d %B %Y}" in html


def test_glossary_drafts_only_for_officers(client, panel, users):
    stored(
        extraction(
            TODAY - datetime.timedelta(days=3),
            glossary=[{"term": "MASH", "definition": "Multi-Agency Safeguarding Hub"}],
        ),
        publish=False,
    )
    url = reverse("meetings:glossary", args=[panel.slug])
    assert "MASH" not in client.get(url).content.decode()
    client.force_login(users["dso"])
    assert "MASH" in client.get(url).content.decode()


def test_acronyms_spelt_out_in_a_term_explain_too(panel):
    from meetings.selectors.glossary import glossary_page
    from scrutiny.glossary import panel_acronyms

    stored(
        extraction(
            TODAY - datetime.timedelta(days=2),
            glossary=[
                {"term": "Director of Children’s Services (DCS)", "definition": "Leads services."},
                {"term": "Director of Children's Services (DCS)", "definition": "Leads services."},
            ],
        )
    )
    assert panel_acronyms(panel)["DCS"].replace("’", "'") == "Director of Children's Services"
    entries = [e for e in glossary_page(None, panel)["entries"] if "DCS" in e.term]
    assert len(entries) == 1 and len(entries[0].definitions) == 1
