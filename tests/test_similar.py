"""similar: a Joseon tragic romance is most like another Joseon tragic romance."""

from __future__ import annotations

import pytest

from cry_picker.errors import UsageProblem
from cry_picker.similar import similar
from cry_picker.titles import resolve

from .conftest import said


def like(catalogue, title, **kwargs):
    return similar(catalogue, resolve(catalogue, title).position, **kwargs)


def test_a_joseon_tragic_romance_is_most_like_another(bundled):
    assert like(bundled, "Queen for 7 Days")[0].drama.title == "The Red Sleeve"
    assert like(bundled, "The Red Sleeve")[0].drama.title == "Queen for 7 Days"


def test_reasons_list_the_overlap(bundled):
    best = like(bundled, "Queen for 7 Days")[0]
    assert said(best, points=True) == [
        "both: tragic romance, separation (+35)",
        "both Joseon (+25)",
        "tears: 4 and 4 (+15)",
    ]
    assert best.score == 75


def test_shared_cast_is_named(bundled):
    found = {m.drama.title: m for m in like(bundled, "Hi Bye, Mama", limit=9)}
    assert "Go Bo-gyeol is in both (+10)" in said(found["Queen for 7 Days"], points=True)
    radiant = {m.drama.title: m for m in like(bundled, "Radiant", limit=9)}
    assert "Nam Joo-hyuk is in both (+10)" in said(radiant["Scarlet Heart: Goryeo"], points=True)


def test_nearby_periods_count_for_something(bundled):
    found = {m.drama.title: m for m in like(bundled, "Death Song", limit=9)}
    assert "set 13 years apart (+24)" in said(found["Mr. Sunshine"], points=True)


def test_a_drama_is_never_in_its_own_list(bundled):
    for position, drama in enumerate(bundled):
        titles = [m.drama.title for m in similar(bundled, position, limit=20)]
        assert drama.title not in titles
        assert len(titles) == len(bundled) - 1


def test_order_is_by_score_then_tears_then_title(bundled):
    found = like(bundled, "Radiant", limit=20)
    keys = [(-m.score, -m.drama.tears, m.drama.title.casefold()) for m in found]
    assert keys == sorted(keys)
    assert all(0 <= m.score <= 100 for m in found)


def test_exclusions_still_fill_the_limit(bundled):
    first_two = {m.position for m in like(bundled, "Radiant", limit=2)}
    found = like(bundled, "Radiant", limit=3, exclude=first_two)
    assert len(found) == 3
    assert not first_two & {m.position for m in found}


def test_limit_must_be_positive(bundled):
    with pytest.raises(UsageProblem):
        like(bundled, "Radiant", limit=0)
