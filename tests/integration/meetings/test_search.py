"""Search across the papers: every kind found, filters, snippets, access per role, constant queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from indicators.models import Commentary
from meetings.models import GlossaryTerm, Minute, Pack, Recommendation, Resolution
from meetings.selectors.search import Filters, search
from scrutiny.access import Role
from tests.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    MembershipFactory,
    PackFactory,
    PersonFactory,
    ReportFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def papers(users):
    published = PackFactory(meeting__date=datetime.date(2023, 3, 30))
    panel = published.meeting.committee
    other = PackFactory(meeting__committee=CommitteeFactory(name="Health Scrutiny Panel"))
    draft = PackFactory(status=Pack.Status.NEEDS_REVIEW, meeting__committee=panel)
    AgendaItemFactory(pack=published, title="FOSTERING SUFFICIENCY", pdf_page=3)
    AgendaItemFactory(pack=published, title="FOSTERING PLACEMENTS (EXEMPT)", exempt=True)
    AgendaItemFactory(pack=draft, title="FOSTERING DRAFT ITEM")
    AgendaItemFactory(pack=other, title="FOSTERING IN HEALTH")
    ReportFactory(
        pack=published,
        subject="Children and learning performance",
        recommendations=["That the Panel challenge fostering recruitment."],
        pdf_page=12,
    )
    ReportFactory(pack=published, subject="Fostering contracts", confidential=True)
    minute = Minute.objects.create(
        pack=published,
        meeting=published.meeting,
        number=30,
        title="Ofsted focused visit",
        text="The panel discussed fostering & <b>adoption</b> capacity at length.",
        pdf_page=6,
    )
    Resolution.objects.create(minute=minute, text="That a fostering strategy be brought back.")
    Commentary.objects.create(
        committee=panel,
        pack=published,
        section="Robust Corporate Parenting",
        heading="Analysis",
        text="Fostering households fell in February.",
        reported_on=published.meeting.date,
        pdf_page=49,
    )
    GlossaryTerm.objects.create(
        pack=published, committee=panel, term="IFA", definition="Independent fostering agency"
    )
    Recommendation.objects.create(
        committee=panel,
        title="Fostering",
        text="Report on foster carer recruitment",
        pack=published,
    )
    MembershipFactory(committee=panel, person=PersonFactory(user=users["councillor"]))
    users["outsider"] = UserFactory(username="outsider", roles=[Role.COUNCILLOR.value])
    return {"panel": panel, "other": other.meeting.committee, "published": published}


def titles(user, **filters):
    return sorted(r.title for r in search(user, Filters(q="fostering", **filters)).results)


def test_every_kind_of_paper_is_found(papers):
    page = search(None, Filters(q="fostering"))
    assert {r.kind for r in page.results} == {
        "agenda",
        "report",
        "minute",
        "resolution",
        "commentary",
        "glossary",
        "recommendation",
    }
    assert page.total == len(page.results) == 8


@pytest.mark.parametrize(
    "who, sees_exempt, sees_draft",
    [("public", False, False), ("outsider", False, False), ("councillor", True, False),
     ("dso", True, True), ("manager", True, True)],
)  # fmt: skip
def test_exempt_and_draft_only_for_those_allowed(papers, users, who, sees_exempt, sees_draft):
    found = titles(users.get(who))
    assert ("FOSTERING PLACEMENTS (EXEMPT)" in found) is sees_exempt
    assert ("Fostering contracts" in found) is sees_exempt
    assert ("FOSTERING DRAFT ITEM" in found) is sees_draft


def test_the_page_as_each_role_sees_it(client, papers, users):
    url = reverse("meetings:search") + "?q=fostering"
    public = client.get(url).content.decode()
    assert "FOSTERING SUFFICIENCY" in public and "EXEMPT" not in public and "DRAFT" not in public
    client.force_login(users["councillor"])
    assert "FOSTERING PLACEMENTS (EXEMPT)" in client.get(url).content.decode()


def test_filters_by_panel_kind_and_date(papers):
    assert titles(None, panel=papers["other"]) == ["FOSTERING IN HEALTH"]
    assert titles(None, kinds=("agenda",)) == ["FOSTERING IN HEALTH", "FOSTERING SUFFICIENCY"]
    day = papers["published"].meeting.date
    dated = titles(None, date_from=day, date_to=day, kinds=("agenda", "minute"))
    assert dated == ["FOSTERING SUFFICIENCY", "Ofsted focused visit"]
    assert titles(None, date_to=day - datetime.timedelta(days=1), kinds=("minute",)) == []


def test_results_link_to_the_pack_page_with_escaped_marked_snippets(papers):
    results = {
        r.kind: r
        for r in search(None, Filters(q="fostering")).results
        if r.title != "FOSTERING IN HEALTH"
    }
    published = papers["published"]
    assert results["agenda"].url == reverse("meetings:pack_page", args=[published.pk, 3])
    assert results["minute"].url == reverse("meetings:pack_page", args=[published.pk, 6])
    assert results["resolution"].url == results["minute"].url
    assert results["commentary"].url == reverse("meetings:pack_page", args=[published.pk, 49])
    assert str(results["report"].snippet).startswith(
        "That the Panel challenge <mark>fostering</mark> recruitment"
    )  # the JSON list's sentences, not its brackets and quotes
    assert "<mark>" in str(results["commentary"].snippet)
    assert "<mark>" in str(results["glossary"].snippet)
    snippet = str(results["minute"].snippet)
    assert "<mark>fostering</mark>" in snippet and "&amp;" in snippet and "<b>" not in snippet


def test_stemming_and_ranking(papers):
    """'fostered' finds 'fostering' (English stemming); a title match outranks a body match."""
    results = search(None, Filters(q="fostered", kinds=("agenda", "minute")))
    assert [r.kind for r in results.results][:1] == ["agenda"]
    assert results.results[-1].title == "Ofsted focused visit"


def test_query_count_does_not_grow_with_the_papers(papers):
    """1 query ranks and counts the page, then 1 per kind of paper on the page."""

    def check():
        with CaptureQueriesContext(connection) as captured:
            page = search(None, Filters(q="fostering"))
        assert len(captured) == 1 + len({r.kind for r in page.results}) <= 8
        return page.total

    assert check() == 8
    for n in (10, 30):
        for i in range(n):
            pack = PackFactory(meeting__committee=papers["panel"])
            AgendaItemFactory(pack=pack, title=f"FOSTERING UPDATE {i}")
            Minute.objects.create(pack=pack, meeting=pack.meeting, number=i, title=f"Fostering {i}")
        assert check() > 20


def test_postgres_uses_the_gin_index(papers):
    from django.apps import apps
    from django.contrib.postgres.search import SearchQuery

    from meetings.selectors.search import StoredVector
    from meetings.services.search import DOCUMENTS

    for doc in DOCUMENTS:
        rows = (
            apps.get_model(doc.model)
            .objects.annotate(document=StoredVector())
            .filter(document=SearchQuery("fostering", config="english"))
        )
        with connection.cursor() as cursor:
            # Only bitmap scans left (a GIN index serves no other kind): on a tiny table the
            # planner may otherwise walk another index in order, whatever the GIN index could do.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_indexscan = off")
            sql, params = rows.order_by().query.sql_with_params()
            cursor.execute(f"EXPLAIN {sql}", params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        assert doc.index_name in plan, plan


def test_the_stored_vector_follows_every_write(papers):
    """Kept by the database: bulk updates and edits are searchable at once, deletes gone."""
    from meetings.models import AgendaItem

    assert titles(None, kinds=("agenda",)) == ["FOSTERING IN HEALTH", "FOSTERING SUFFICIENCY"]
    AgendaItem.objects.filter(title="FOSTERING IN HEALTH").update(title="ADOPTION IN HEALTH")
    assert titles(None, kinds=("agenda",)) == ["FOSTERING SUFFICIENCY"]
    item = AgendaItem.objects.get(title="FOSTERING SUFFICIENCY")
    item.description = "Kinship care and special guardianship"
    item.save()
    assert [r.title for r in search(None, Filters(q="guardianship")).results] == [item.title]
    item.delete()
    assert search(None, Filters(q="guardianship")).total == 0


def test_search_page_queries_do_not_grow_with_the_papers(client, papers, users):
    client.force_login(users["councillor"])
    url = reverse("meetings:search") + "?q=fostering&kind=agenda&kind=minute"

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    for n in range(25):
        pack = PackFactory(meeting__committee=papers["panel"])
        AgendaItemFactory(pack=pack, title=f"FOSTERING UPDATE {n}")
    first = queries()
    for n in range(25):
        pack = PackFactory(meeting__committee=papers["panel"])
        Minute.objects.create(pack=pack, meeting=pack.meeting, number=n, title=f"Fostering {n}")
    assert queries() == first
