"""Arabic places after "في" told as a stop: a landing or port call "before" leaving for another place
(``claims/ar_arrivals.py``), each on sentences written for it.
"""

from __future__ import annotations

import pytest

from tests.claims.conftest import place_ids, shape_extract


@pytest.mark.parametrize(
    "text",
    [
        "حطت طائرة نقل عسكرية روسية في مطار بنينا قبل إقلاعها إلى قاعدة حميميم.",
        "هبطت الطائرة لساعتين في مطار بنينا قبل أن تتوجه إلى قاعدة حميميم.",
        "وكانت طائرة الشحن قد هبطت في مطار بنينا قبل مغادرتها إلى قاعدة حميميم.",
    ],
)
def test_a_place_landed_at_before_leaving_for_another_is_a_stop(text: str) -> None:
    ex = shape_extract(text)
    claims = [c for c in ex.claims if "hmeimim" in place_ids(c.destination)]
    assert claims and all("benina" in place_ids(c.via) for c in claims), ex.claims
    assert not any("benina" in place_ids(c.destination) for c in ex.claims), ex.claims


def test_a_port_called_at_before_sailing_for_another_is_a_stop() -> None:
    ex = shape_extract("رست السفينة الحربية في ميناء طرطوس قبل أن تبحر إلى ميناء بورتسودان.")
    claims = [c for c in ex.claims if "tartus-port" in place_ids(c.via)]
    assert claims, ex.claims
    assert not any("tartus-port" in place_ids(c.destination) for c in ex.claims), ex.claims


def test_a_place_unloaded_at_before_the_return_stays_a_goal() -> None:
    # "before returning to": the way back starts there, it is no stop on the way out
    ex = shape_extract("هبطت طائرتا شحن في مطار بنينا قبل العودة إلى قاعدة حميميم.")
    assert not any("benina" in place_ids(c.via) for c in ex.claims), ex.claims
