"""Claims the text does not make: the mechanisms that wrote movements, places, carriers and windows an
analyst would read as evidence though the sentence tells none of them (the round after set 20)."""

from __future__ import annotations

from datetime import date

from liftwatch.claims.extract import extract
from liftwatch.claims.tallies import mask_tallies
from tests.claims.conftest import real_kb_gazetteer


def test_a_running_total_is_blanked_to_the_end_of_its_sentence() -> None:
    text = (
        "The frigate crossed the Bosphorus on Friday, bringing the number of Russian warships in the "
        "Mediterranean to 10: the cruiser Moskva and the destroyer Smetlivy. It docked later."
    )
    out = mask_tallies(text)
    assert len(out) == len(text)  # offsets stay
    assert "crossed the Bosphorus on Friday," in out and "Moskva" not in out and "Smetlivy" not in out
    assert out.endswith(". It docked later.")
    for total in (
        "ليصل عدد القطع البحرية الروسية في البحر المتوسط إلى 10 قطع هي الطراد موسكفا.",
        "ce qui porte le nombre total de personnes évacuées à 2 991.",
        "portant à 12 le nombre de navires russes en Méditerranée.",
        "доведя число кораблей в Средиземном море до 10.",
    ):
        assert mask_tallies(total).strip() in ("", "."), total


def test_a_number_of_carriers_that_arrived_is_no_total() -> None:
    # "وصل عدد من الطائرات" (*a number of aircraft arrived*) is a movement, not a running total
    text = "وصل عدد من الطائرات الروسية إلى مطار حميميم."
    assert mask_tallies(text) == text
    assert mask_tallies("They brought a number of ships to Tartus.") == "They brought a number of ships to Tartus."
    # a total that is the sentence's own predicate counts movements: it stays
    for own in ("بلغ إجمالي عدد الرحلات خلال يناير 21 رحلة فقط.", "Cette opération porte à 47 le nombre d'évacués."):
        assert mask_tallies(own) == own


def test_the_ships_a_total_lists_are_no_movements_of_their_own() -> None:
    real_kb_gazetteer()
    text = (
        'وكان الطراد "فارياغ" عبر، يوم الجمعة الفائت، المجرى الملاحي لقناة السويس متجهاً إلى البحر المتوسط قادماً '
        'من البحر الأحمر ليصل عدد القطع البحرية الروسية في البحر المتوسط إلى 10 قطع هي بالإضافة إلى "فارياغ" كل من '
        'الطراد "بطرس الأكبر"، والبارجة "أدميرال بانتلييف" المضادة للغواصات، وسفينتي الخفر "سميتليفي"، و"نيوستراشيمي".'
    )
    claims = extract(text, date(2013, 11, 11), use_model=False).claims
    assert len(claims) == 1
    assert [p.id for p in claims[0].via] == ["suez-canal"]
    assert claims[0].min_count is None


def test_a_movement_told_only_as_a_plan_is_no_claim() -> None:
    from liftwatch.claims.plans import planned

    for plan in (
        "The plane is scheduled to fly back to Tehran today.",
        "It was due to leave Tripoli today.",
        "Another flight of a Russian Emergencies Ministry plane to Tripoli carrying a similar cargo is scheduled "
        "for July 7",
        "Moscow plans to deploy two more Il-76s to Bamako.",
        "L'avion doit décoller de Vnoukovo vendredi.",
        "Самолёт должен вылететь в Бамако в пятницу.",
        "ومن المقرر إقلاع الطائرة من حميميم يوم الجمعة.",
    ):
        assert planned(plan), plan
    for made in (
        "The plane, which landed at Hmeimim on Monday, is scheduled to fly back to Tehran today.",
        "The Il-76 flew from Moscow to Bamako on Friday.",
        "The ship is expected to arrive in Tartus on Friday.",  # a hedged goal, not a plan (rule 15)
        "The Novocherkassk was scheduled to arrive at Tartus within the first 10 days of January.",  # its goal
        "Flights to Hmeimim will continue, the ministry said; two landed on Monday.",
        "Russia will not say how many flights landed.",
        "Every night the planes would fly in from Latakia.",  # the past of a habit
        "По сложившейся практике сегодня будет осуществлена перевозка самолетом на аэродром Белгород.",
        "Moscow plans to send two more Il-76s to Bamako.",  # no word of motion the rules read: nothing planned
    ):
        assert not planned(made), made


def test_a_planned_flight_gives_no_claim_and_a_flown_one_does() -> None:
    real_kb_gazetteer()
    assert (
        extract("The Il-76 is scheduled to fly back to Tehran today.", date(2023, 6, 1), use_model=False).claims == []
    )
    assert extract("The Il-76 flew back to Tehran today.", date(2023, 6, 1), use_model=False).claims


def test_what_lies_between_two_parties_is_no_route() -> None:
    from liftwatch.claims.relation_between import relation_between

    assert relation_between("The delivery is part of a bilateral defense pact signed ")
    assert relation_between("Cette manœuvre reflète l'approfondissement des relations militaires ")
    assert not relation_between("During the war flights shuttled ")  # a word of motion: a route
    assert not relation_between("The Il-76 flew ")
    real_kb_gazetteer()
    text = (
        "An Egyptian military cargo ship arrived in Mogadishu yesterday. The delivery is part of a bilateral "
        "defense pact signed between Egypt and Somalia in August 2024."
    )
    claims = extract(text, date(2024, 9, 23), use_model=False).claims
    assert claims and all(not c.origin for c in claims)


def test_the_giver_of_aid_is_no_origin() -> None:
    real_kb_gazetteer()
    text = "وصلت طائرة ثالثة تحمل مساعدات إنسانية مقدمة من قطر الخيرية إلى مطار كابول الدولي."
    claims = extract(text, date(2021, 9, 6), use_model=False).claims
    assert claims and all(not c.origin for c in claims)


def test_a_sea_an_end_lies_on_is_no_via() -> None:
    from liftwatch.claims.places import default_gazetteer
    from liftwatch.claims.sea_ends import lies_on

    real_kb_gazetteer()
    gaz = default_gazetteer()
    tartus, novorossiysk = gaz.mentions("Tartus")[0].place, gaz.mentions("Novorossiysk")[0].place
    assert lies_on("mediterranean-sea", tartus) and lies_on("black-sea", novorossiysk)
    assert not lies_on("mediterranean-sea", novorossiysk)
    claims = extract(
        "The landing ship sailed from Novorossiysk through the Bosphorus and the Mediterranean to Tartus on Monday.",
        date(2024, 4, 8),
        use_model=False,
    ).claims
    vias = {p.id for c in claims for p in c.via}
    assert "mediterranean-sea" not in vias and "bosphorus" in vias


def test_one_picked_out_of_a_group_is_no_count() -> None:
    from liftwatch.claims.counts import find_counts

    for text in ("One of the cargo planes landed at Hmeimim.", "Один из них приземлился в Хмеймиме."):
        assert all(c.min != 1 for c in find_counts(text)), text
    assert [c.min for c in find_counts("Three aircraft landed at Hmeimim.")] == [3]
    real_kb_gazetteer()
    claims = extract("One of the cargo planes landed at Hmeimim on Monday.", date(2024, 1, 10), use_model=False).claims
    assert claims and all(c.min_count is None for c in claims)
