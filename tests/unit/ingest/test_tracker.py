import pytest

from meetings.ingest.tracker import add_row, columns_of, finish, parse_tracker, status_of


@pytest.mark.parametrize(
    ("printed", "status"),
    [
        ("Complete", "complete"),
        ("Partially\ncomplete", "partially_complete"),
        ("In train", "in_progress"),
        ("Ongoing", "in_progress"),
        ("Not complete", "not_complete"),
        ("Not complete – within timescale.", "not_due"),
        ("Rejected by Cabinet", "rejected"),
        ("See comments", "unknown"),
    ],
)
def test_statuses(printed, status):
    assert status_of(printed) == status


def test_columns_found_by_meaning():
    assert columns_of(["Date of meeting", "Item", "Recommendation", "Response", "Progress"]) == {
        0: "date",
        1: "title",
        2: "action_proposed",
        3: "action_taken",
        4: "status",
    }


def test_sub_recommendations_and_rows_over_page_breaks():
    rows, warnings = [], []
    add_row(
        rows,
        {
            "date": "27/0\n1/22",
            "title": "Quality\nAssurance\nBrief",
            "action_proposed": "1) That the Scrutiny Manager liaises with the Head of QA to co-\nordinate sessions",
            "action_taken": "A meeting has",
            "status": "In train",
        },
        90,
        warnings,
    )
    add_row(
        rows,
        {
            "date": "",
            "title": "",
            "action_proposed": "and meet teams.",
            "action_taken": "taken place.",
            "status": "",
        },
        91,
        warnings,
    )
    add_row(
        rows,
        {
            "date": "",
            "title": "",
            "action_proposed": "2) That the service self-assessment is considered.",
            "action_taken": "On agenda.",
            "status": "Complete",
        },
        91,
        warnings,
    )
    out = [finish(r) for r in rows]
    assert warnings == []
    assert len(out) == 2
    assert (
        out[0]["date"] == "2022-01-27"
        and out[0]["title"] == "Quality Assurance Brief"
        and out[0]["number"] == 1
    )
    assert (
        out[0]["action_proposed"]
        == "That the Scrutiny Manager liaises with the Head of QA to co-ordinate sessions and meet teams."
    )
    assert out[0]["action_taken"] == "A meeting has taken place."
    assert (out[1]["date"], out[1]["title"], out[1]["number"], out[1]["status"]) == (
        "2022-01-27",
        "Quality Assurance Brief",
        2,
        "complete",
    )


def test_corpus_trackers(corpus, expected_extraction):
    for date, (pdf, pages) in corpus.items():
        rows, warnings = parse_tracker(pages, pdf)
        want = expected_extraction(date)["tracker"]
        assert warnings == []
        keys = (
            "date",
            "title",
            "number",
            "action_proposed",
            "action_taken",
            "status",
            "status_text",
        )
        assert [tuple(r[k] for k in keys) for r in rows] == [
            tuple(w[k] for k in keys) for w in want
        ]
