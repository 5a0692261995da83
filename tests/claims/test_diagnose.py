"""The diagnosis of lost gold fields puts each in the class that explains it, and counts every gold field."""

from __future__ import annotations

from pathlib import Path

import pytest

from liftwatch.claims.diagnose import MISSED, diagnose, main
from tests.claims.conftest import real_kb_gazetteer


def _write(folder: Path, name: str, text: str, claims: str) -> None:
    (folder / name).write_text(
        f'lang = "en"\nurl = "https://example.org/{name}"\npublished = "2024-12-20"\n'
        f"text = '''{text}'''\n{claims}",
        encoding="utf-8",
    )


def test_lost_fields_are_classed_by_cause(tmp_path: Path) -> None:
    real_kb_gazetteer()
    # one movement extracted, a second the gold holds and the text tells only as "the other" (not extracted)
    _write(
        tmp_path,
        "a.toml",
        "Two Il-76 jets flew from Hmeimim to Al-Khadim on 18 December.",
        '[[claim]]\norigin = ["hmeimim"]\ndestination = ["al-khadim"]\n'
        '[[claim]]\norigin = ["al-khadim"]\ndestination = ["benina"]\nwindow = ["2024-12-19", "2024-12-19"]\n',
    )
    # the gold's origin is where the extractor put the destination
    _write(
        tmp_path,
        "b.toml",
        "An An-124 landed at Hmeimim on 18 December.",
        '[[claim]]\norigin = ["hmeimim"]\n',
    )
    lost, total = diagnose(tmp_path)
    assert total == 6
    assert lost[MISSED] == 3  # the second claim's three fields
    assert lost["place in another role"] == 1
    assert sum(lost.values()) == 4


def test_only_and_exclude_pick_a_part_by_file_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    real_kb_gazetteer()
    _write(tmp_path, "en-a1-x.toml", "An An-124 landed at Hmeimim on 18 December.", '[[claim]]\norigin = ["hmeimim"]\n')
    _write(
        tmp_path, "en-s1-y.toml", "An Il-76 landed at Hmeimim.", '[[claim]]\ndestination = ["hmeimim"]\nactor = "X"\n'
    )
    assert diagnose(tmp_path)[1] == 3
    assert diagnose(tmp_path, only=["??-s[0-9]-*"])[1] == 2
    assert diagnose(tmp_path, exclude=["??-s[0-9]-*"])[1] == 1
    assert diagnose(tmp_path, only="b*")[1] == 0  # one glob given as a string is that glob
    assert main([str(tmp_path), "--exclude", "*-a1-*", "--exclude", "*-s1-*"]) == 0
    assert "0 of 0 gold fields" in capsys.readouterr().out


def test_lang_picks_the_excerpts_in_that_language_for_the_table_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real_kb_gazetteer()
    _write(tmp_path, "en-a1-x.toml", "An An-124 landed at Hmeimim on 18 December.", '[[claim]]\norigin = ["hmeimim"]\n')
    assert diagnose(tmp_path, lang="en")[1] == 1
    assert diagnose(tmp_path, lang="fr")[1] == 0
    assert main([str(tmp_path), "--lang", "ru"]) == 0
    assert "0 of 0 gold fields" in capsys.readouterr().out


def test_cli_prints_the_table_and_refuses_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    real_kb_gazetteer()
    _write(tmp_path, "a.toml", "An An-124 landed at Hmeimim on 18 December.", '[[claim]]\norigin = ["hmeimim"]\n')
    assert main([str(tmp_path)]) == 0
    assert "place in another role" in capsys.readouterr().out
    assert main([str(tmp_path / "nope")]) == 2
