"""Arabic actors told by forms the reader missed on claims that were found: a state as the subject of a verb of
sending, in either order ("أرسلت مصر طائرتين", "تونس ترسل طائرة"), or by its authorities and their adjective
("أرسلت السلطات الجزائرية"), and the international coalition a carrier belongs to ("طائرة شحن تابعة للتحالف
الدولي").

Invented sentences, one behaviour each. The state that sends what the carriers carry is the actor (the
annotation's rule 7); a state after a preposition is a place.
"""

from __future__ import annotations

from liftwatch.claims import extract
from liftwatch.claims.ar_senders import arabic_senders


def _actors(text: str) -> list[str | None]:
    return [c.actor for c in extract(text).claims]


def _senders(text: str) -> list[str]:
    return [a.name for _, _, a in arabic_senders(text)]


def test_a_state_after_a_verb_of_sending_is_the_actor() -> None:
    assert _actors("أرسلت مصر يوم 3 مايو طائرتين عسكريتين إلى مطار نيامي.") == ["Egypt"]


def test_a_state_before_a_verb_of_sending_is_the_actor() -> None:
    assert _actors("باكستان ترسل طائرة محملة بالخيام إلى مطار كابول يوم 3 مايو.") == ["Pakistan"]


def test_a_state_s_authorities_with_its_adjective_send() -> None:
    assert _senders("أرسلت السلطات التونسية شحنة أدوية إلى ليبيا.") == ["Tunisia"]


def test_a_state_after_a_preposition_sends_nothing() -> None:
    assert _senders("وفي العراق أرسلت وزارة الصحة فريقا طبيا.") == []


def test_a_verb_of_publishing_names_no_sender() -> None:
    assert _senders("نشرت السلطات العمانية أسماء المسافرين.") == []


def test_a_carrier_of_the_international_coalition_is_the_coalition_s() -> None:
    assert _actors("هبطت طائرة شحن تابعة للتحالف الدولي في مطار أربيل يوم 3 مايو.") == ["التحالف الدولي"]


def test_the_coalition_named_bare_is_no_mover() -> None:
    assert _senders("قال التحالف الدولي إن الطائرة هبطت في أربيل.") == []
