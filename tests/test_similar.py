"""similar: a Joseon tragic romance is most like another Joseon tragic romance."""

from __future__ import annotations

import pytest

from cry_picker.errors import UsageProblem
from cry_picker.similar import similar
from cry_picker.titles import resolve

from .conftest import said


def like(catalogue, title, **kwargs):
    return similar(catalogue, resolve(catalogue, title).position, **kwargs)


def test_a_joseon_tragic_romance_is_most_like_another(ten):
    assert like(ten, "Queen for 7 Days")[0].drama.title == "The Red Sleeve"
    assert like(ten, "The Red Sleeve")[0].drama.title == "Queen for 7 Days"


def test_reasons_list_the_overlap(ten):
    best = like(ten, "Queen for 7 Days")[0]
    assert said(best, points=True) == [
        "both: tragic romance, separation (+35)",
        "both Joseon (+25)",
        "tears: 4 and 4 (+15)",
    ]
    assert best.score == 75


def test_shared_cast_is_named(ten):
    found = {m.drama.title: m for m in like(ten, "Hi Bye, Mama", limit=9)}
    assert "Go Bo-gyeol is in both (+10)" in said(found["Queen for 7 Days"], points=True)
    radiant = {m.drama.title: m for m in like(ten, "Radiant", limit=9)}
    assert "Nam Joo-hyuk is in both (+10)" in said(radiant["Scarlet Heart: Goryeo"], points=True)


def test_nearby_periods_count_for_something(ten):
    found = {m.drama.title: m for m in like(ten, "Death Song", limit=9)}
    assert "set 13 years apart (+24)" in said(found["Mr. Sunshine"], points=True)


def test_a_drama_is_never_in_its_own_list(ten):
    for position, drama in enumerate(ten):
        titles = [m.drama.title for m in similar(ten, position, limit=20)]
        assert drama.title not in titles
        assert len(titles) == len(ten) - 1


def test_order_is_by_score_then_tears_then_title(ten):
    found = like(ten, "Radiant", limit=20)
    keys = [(-m.score, -m.drama.tears, m.drama.title.casefold()) for m in found]
    assert keys == sorted(keys)
    assert all(0 <= m.score <= 100 for m in found)


def test_exclusions_still_fill_the_limit(ten):
    first_two = {m.position for m in like(ten, "Radiant", limit=2)}
    found = like(ten, "Radiant", limit=3, exclude=first_two)
    assert len(found) == 3
    assert not first_two & {m.position for m in found}


def test_limit_must_be_positive(ten):
    with pytest.raises(UsageProblem):
        like(ten, "Radiant", limit=0)
