"""A return told with the delivery it ends ("landed back at X after delivering aid to Y": the outbound leg X to Y
and the return Y to X), a leg that left elsewhere after a delivery (Y no origin of it), and a return after a stay
("returned to X after six months in the Red Sea": the stay's place is the origin)."""

from __future__ import annotations

from datetime import date

from liftwatch.claims.extract import extract

PUB = date(2024, 3, 8)


def _legs(text: str) -> list[tuple[list[str | None], list[str | None]]]:
    return [([p.id for p in c.origin], [p.id for p in c.destination]) for c in extract(text, PUB).claims]


def test_landed_back_after_delivering_is_two_legs() -> None:
    legs = _legs("The air force Il-76 landed back at Chaklala on Monday after delivering tents and blankets to Syria.")
    assert sorted(legs) == sorted([(["syria"], ["OPRN"]), (["OPRN"], ["syria"])])


def test_returned_after_unloading_is_two_legs() -> None:
    legs = _legs("The C-130 returned to Chaklala after unloading medicines for the flooded villages of Syria.")
    assert sorted(legs) == sorted([(["syria"], ["OPRN"]), (["OPRN"], ["syria"])])


def test_the_outbound_leg_keeps_the_carriers() -> None:
    claims = extract(
        "A Pakistani Air Force C-130 landed back at Chaklala on 5 March after delivering relief goods to Syria.", PUB
    ).claims
    out = next(c for c in claims if [p.id for p in c.destination] == ["syria"])
    back = next(c for c in claims if [p.id for p in c.destination] == ["OPRN"])
    assert [a.label for a in out.assets] == [a.label for a in back.assets] == ["C-130"]
    assert out.actor == back.actor == "Pakistan"


def test_a_departure_told_before_the_delivery_keeps_its_own_origin() -> None:
    legs = _legs("Two transport aircraft left Fiji for China on Saturday after delivering relief supplies to Tonga.")
    assert legs == [(["country:FJ"], ["country:CN"])]


def test_a_flight_that_is_no_return_comes_from_the_delivery_and_adds_no_leg() -> None:
    assert _legs("The Il-76 flew to Chaklala after delivering relief goods to Syria.") == [(["syria"], ["OPRN"])]


def test_returned_after_months_in_a_sea_comes_from_that_sea() -> None:
    legs = _legs("The frigate HMS Example returned to Portsmouth on Friday after five months in the Red Sea.")
    assert legs == [(["red-sea"], ["portsmouth-naval-base"])]


def test_returned_after_a_deployment_in_a_sea_comes_from_that_sea() -> None:
    legs = _legs("The destroyer HMS Example returned to Portsmouth after a deployment in the Red Sea.")
    assert legs == [(["red-sea"], ["portsmouth-naval-base"])]
