"""The agreement of two hand annotations: the corpus's field rules applied to two annotations, and the second to sixth
annotations' folders kept well formed (every file names a corpus excerpt, every key and place key valid)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from liftwatch.claims.agreement import agreement, field_agrees, main
from tests.annotation import CLAIM_KEYS, PLACE_FIELDS, load, place_error

DATA = Path(__file__).resolve().parents[1] / "data"


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _write(path: Path, claims: list[dict[str, Any]], text: str | None = None) -> None:
    lines = []
    if text is not None:
        lines += ['lang = "en"', 'url = "https://example.org/a"', 'published = "2024-03-10"', f"text = {_toml(text)}"]
    for c in claims:
        lines.append("[[claim]]")
        lines += [f"{k} = {_toml(v)}" for k, v in c.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


FIRST = {
    "actor": "Russia",
    "assets": ["Il-76"],
    "origin": ["hmeimim"],
    "destination": ["al-khadim"],
    "window": ["2024-03-01", "2024-03-03"],
    "count_min": 2,
    "count_max": 2,
}


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    _write(first / "en-1-a.toml", [FIRST], "Two Il-76s flew from Hmeimim to al-Khadim.")
    _write(first / "en-2-b.toml", [{"actor": "Turkey", "destination": ["libya"]}], "Turkey sent ships to Libya.")
    return first, second


def test_an_annotation_agrees_with_itself(corpus: tuple[Path, Path]) -> None:
    first, second = corpus
    _write(second / "en-1-a.toml", [FIRST])
    t = agreement(first, second).tally()
    assert (t.right, t.gold, t.predicted) == (6, 6, 6)  # the excerpt with no second annotation is left out


def test_each_field_disagrees_on_its_own(corpus: tuple[Path, Path]) -> None:
    first, second = corpus
    other = {k: v for k, v in FIRST.items() if k != "count_max"}
    _write(second / "en-1-a.toml", [{**other, "window": ["2024-03-01", "2024-03-06"]}])
    rep = agreement(first, second)
    assert rep.tally(fld="window").right == 0
    assert rep.tally(fld="count").right == 0  # "at least 2" is not "2"
    assert rep.tally(fld="origin").right == 1
    assert rep.tally().right == 4
    assert any("window" in m for m in rep.misses)


def test_rules_restated_for_two_annotations() -> None:
    assert field_agrees({"origin": ["HLLM"]}, {"origin": ["mitiga"]}, "origin")  # ICAO code = the kb's site id
    assert field_agrees({"origin": ["city:Tripoli"]}, {"origin": ["city:tripoli"]}, "origin")
    assert not field_agrees({"origin": ["libya"]}, {"origin": ["country:LY"]}, "origin")  # the README picks one
    assert field_agrees({"window": ["2024-03-02", "2024-03-05"]}, {"window": ["2024-03-01", ""]}, "window")
    assert not field_agrees({"window": ["2024-03-01", ""]}, {"window": ["2024-03-01", "2024-03-05"]}, "window")
    assert field_agrees({"assets": ["Il 76"]}, {"assets": ["il-76"]}, "assets")
    assert not field_agrees({"assets": ["Il-76", "aircraft"]}, {"assets": ["Il-76"]}, "assets")
    assert field_agrees({"owner": "SC South LLC"}, {"owner": "SC South"}, "owner")
    assert not field_agrees({"actor": "Russia"}, {}, "actor")  # only one filled it
    with pytest.raises(ValueError, match="fields: actor"):
        field_agrees({"x": 1}, {"x": 1}, "x")


def test_a_movement_only_one_annotation_has_counts_against_it(corpus: tuple[Path, Path]) -> None:
    first, second = corpus
    extra = {"actor": "Russia", "origin": ["tartus"], "destination": ["city:benghazi"]}
    _write(second / "en-1-a.toml", [FIRST, extra])
    t = agreement(first, second).tally()
    assert (t.right, t.gold, t.predicted) == (6, 6, 9)


def test_a_misnamed_second_file_is_an_error(corpus: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    first, second = corpus
    _write(second / "en-1-typo.toml", [FIRST])
    with pytest.raises(ValueError, match=r"en-1-typo\.toml"):
        agreement(first, second)
    assert main([str(first), str(second)]) == 2
    assert "en-1-typo.toml" in capsys.readouterr().err


def test_cli_prints_the_figures(corpus: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    first, second = corpus
    _write(second / "en-1-a.toml", [{**FIRST, "actor": "Syria"}])
    assert main([str(first), str(second), "--misses"]) == 0
    out = capsys.readouterr().out
    assert "recall 83.3% of the first's 6" in out
    assert "en-1-a.toml: actor: first Russia second Syria" in out
    assert main([str(first), str(first.parent / "nowhere")]) == 2


# The later independent annotations of corpus excerpts, each a folder of claim tables named as the excerpts; a
# misnamed file or a misspelt place key would otherwise only show as a silent disagreement when measured.
LATER = [
    DATA / "articles_second",
    DATA / "articles_third",
    DATA / "articles_fourth",
    DATA / "articles_fifth",
    DATA / "articles_sixth",
]
LATER_FILES = [p for folder in LATER if folder.is_dir() for p in sorted(folder.glob("*.toml"))]


def test_the_later_annotations_are_in_this_checkout() -> None:
    for folder in LATER:
        assert len(list(folder.glob("*.toml"))) == 32, f"{folder.name}: 32 excerpts, 8 per language"


@pytest.mark.parametrize("path", LATER_FILES, ids=[f"{p.parent.name}/{p.name}" for p in LATER_FILES])
def test_later_annotation_is_well_formed(path: Path) -> None:
    assert (DATA / "articles" / path.name).is_file(), f"{path.name}: no corpus excerpt of that name"
    doc = load(path)
    assert set(doc) <= {"claim"}, "a later annotation holds claims only (the text is the corpus file's)"
    assert doc.get("claim"), "every excerpt chosen claims at least one movement"
    for claim in doc["claim"]:
        assert set(claim) <= CLAIM_KEYS, f"unexpected claim keys {set(claim) - CLAIM_KEYS}"
        errors = [e for f in PLACE_FIELDS for k in claim.get(f, []) if (e := place_error(k))]
        assert not errors, errors
        if "actor" in claim:
            assert claim["actor"] not in claim.get("sources", []), "a source is never the actor"


def test_the_later_annotations_annotate_other_excerpts() -> None:
    """Each later annotation is measured against the first on excerpts of its own: one excerpt in two of them
    would count one annotator's reading twice."""
    folders = [{p.name for p in folder.glob("*.toml")} for folder in LATER]
    for i, names in enumerate(folders):
        for other in folders[i + 1 :]:
            assert not names & other, sorted(names & other)
        assert sorted(n[:2] for n in names) == sorted(["ar", "en", "fr", "ru"] * 8), "8 excerpts per language"


def test_a_company_written_in_another_script_agrees() -> None:
    first = {"actor": "Silk Way", "owner": "Oboronlogistika"}
    second = {"actor": "سيلك واي", "owner": "أوبورون لوجيستيكا"}
    assert field_agrees(second, first, "actor")
    assert field_agrees(second, first, "owner")
    assert not field_agrees({"owner": "SK-Yug"}, first, "owner")  # two companies, whatever the spelling
