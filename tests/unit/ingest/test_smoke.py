from meetings.ingest.text import clean


def test_clean_collapses_spaces():
    assert clean("a\u00a0 b\ufffec") == "a b-c"
