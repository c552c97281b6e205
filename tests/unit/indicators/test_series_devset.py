"""Series matching scored on the generated dev set: same measures joined or offered, none wrong."""

from indicators.matching import Verdict, match
from tests.fixtures.series_devset import pairs


def test_devset_same_measures_are_joined_or_offered_and_none_is_wrongly_joined():
    same, different = pairs()
    found = [p for p in same if match(*p[0], *p[1]).verdict != Verdict.DIFFERENT]
    wrong = [p for p in different if match(*p[0], *p[1]).verdict == Verdict.SAME]
    missed = [p for p in same if p not in found]
    recall = len(found) / len(same)
    print(
        f"\nseries dev set: {len(found)}/{len(same)} same-measure pairs joined or offered "
        f"({recall:.2f}), {len(wrong)} wrong joins of {len(different)} different pairs"
    )
    assert wrong == []
    assert recall >= 0.9, missed
