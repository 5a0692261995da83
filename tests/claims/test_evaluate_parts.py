"""The evaluator scores a part of a corpus picked by file-name globs, so a round can measure the part it fits
rules on and the part it holds back from one folder, without copying files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from liftwatch.claims.evaluate import evaluate, load_corpus, main, selected
from tests.claims.conftest import real_kb_gazetteer


def _write(folder: Path, name: str, lang: str, text: str, claims: str) -> None:
    (folder / name).write_text(
        f'lang = "{lang}"\nurl = "https://example.org/{name}"\npublished = "2024-12-20"\n'
        f"text = '''{text}'''\n{claims}",
        encoding="utf-8",
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    _write(
        tmp_path,
        "en-a1-x.toml",
        "en",
        "An An-124 landed at Hmeimim on 18 December.",
        '[[claim]]\norigin = ["hmeimim"]\n',
    )
    _write(tmp_path, "en-r1-y.toml", "en", "An Il-76 landed at Hmeimim.", '[[claim]]\ndestination = ["hmeimim"]\n')
    _write(tmp_path, "fr-s2-z.toml", "fr", "Un Il-76 a atterri à Hmeimim.", '[[claim]]\ndestination = ["hmeimim"]\n')
    return tmp_path


def test_selected_matches_any_only_glob_and_no_exclude_glob() -> None:
    assert selected("en-s1-x.toml")
    assert selected("en-s1-x.toml", only=["??-r[0-9]-*", "??-s[0-9]-*"])
    assert not selected("en-q1-x.toml", only=["??-r[0-9]-*", "??-s[0-9]-*"])
    assert not selected("en-s1-x.toml", exclude=["??-s[0-9]-*"])
    # a name with "-r" later on is not a *-r* file when the glob anchors the set letter
    assert selected("ru-k3-russia-x.toml", exclude=["??-r[0-9]-*"])
    assert not selected("en-s1-x.toml", only=["en-*"], exclude=["*-s1-*"])
    assert selected("en-s1-x.toml", only="en-s1-x.toml")  # a string is one glob


def test_load_corpus_and_evaluate_read_only_the_part(corpus: Path) -> None:
    real_kb_gazetteer()
    assert [a.path.name for a in load_corpus(corpus, exclude=["??-[rs][0-9]-*"])] == ["en-a1-x.toml"]
    held = evaluate(corpus, only=["??-r[0-9]-*", "??-s[0-9]-*"])
    assert dict(held.articles) == {"en": 1, "fr": 1}
    assert held.tally().gold == 2
    fit = evaluate(corpus, exclude=["??-r[0-9]-*", "??-s[0-9]-*"])
    assert dict(fit.articles) == {"en": 1} and fit.tally().gold == 1
    whole = evaluate(corpus)
    assert whole.tally().gold == fit.tally().gold + held.tally().gold
    assert whole.tally().right == fit.tally().right + held.tally().right


def test_cli_takes_repeated_globs(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    real_kb_gazetteer()
    assert main([str(corpus), "--json", "--only", "??-r[0-9]-*", "--only", "??-s[0-9]-*", "--exclude", "fr-*"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["articles"] == {"en": 1}
    assert out["overall"]["en"]["gold"] == 1


def test_a_source_as_actor_is_the_source_by_name_not_a_namesake() -> None:
    from liftwatch.claims.evaluate import _is_source

    assert _is_source("Israel", "l'armée israélienne")  # the actor's name inside the source's
    assert _is_source("Ministry of Defence", "Ministry of Defence")
    assert _is_source("Russian Ministry of Defence", "Ministry of Defence")  # a source of several words inside
    assert not _is_source("Saudi Arabia", "Arabia")  # the channel, a one-word namesake inside a state's name


def test_spurious_lists_unpaired_claims_and_fields_the_gold_does_not_have(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two movements told, one annotated: the other comes back UNPAIRED with its sentence; a paired claim's
    field the gold leaves empty comes back WRONG, a right field does not."""
    real_kb_gazetteer()
    _write(
        tmp_path,
        "en-a1-two.toml",
        "en",
        "An An-124 landed at Hmeimim on 18 December. An Il-76 flew from Chkalovsky to Khartoum on 19 December.",
        '[[claim]]\ndestination = ["hmeimim"]\n',
    )
    rep = evaluate(tmp_path)
    unpaired = [s for s in rep.spurious if " UNPAIRED " in s]
    assert len(unpaired) == 1 and "Il-76" in unpaired[0] and unpaired[0].startswith("en-a1-two.toml: ")
    wrong = [s for s in rep.spurious if " WRONG " in s]
    assert wrong and not any("WRONG destination" in s for s in wrong)  # the right field is not listed
    assert main([str(tmp_path), "--spurious"]) == 0
    assert "UNPAIRED" in capsys.readouterr().out


def test_an_actor_the_gold_gives_another_claim_is_a_wrong_actor_not_a_source() -> None:
    from liftwatch.claims.evaluate import sources_taken_for_actor

    navy = {"actor": "Russia", "sources": ["des sources iraniennes"]}
    ship = {"actor": "Iran", "sources": ["des sources iraniennes"]}
    # the text's own actor, handed to the wrong claim: the actor field counts it, the source check does not
    assert sources_taken_for_actor("Iran", navy, [ship, navy]) == []
    # the same actor with no claim of the excerpt making it one is the source read as the mover
    assert sources_taken_for_actor("Iran", navy, [navy]) == ["des sources iraniennes"]
    assert sources_taken_for_actor("Russia", navy, [navy]) == []  # right actor
    assert sources_taken_for_actor("Turkey", navy, [navy]) == []  # wrong, but no source's
