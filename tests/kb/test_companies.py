"""The kb's companies: every spelling of one company, in any script, is that company; legal forms do not part two
spellings; a name the kb does not know is no company; the table's own errors name the file and line."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from liftwatch.errors import KnowledgeBaseError
from liftwatch.kb.companies import companies, company

# the package exports the function ``companies``, which hides the module of that name as an attribute
companies_mod = importlib.import_module("liftwatch.kb.companies")


@pytest.mark.parametrize(
    ("name", "company_id"),
    [
        ("Oboronlogistika", "oboronlogistika"),
        ("Оборонлогистика", "oboronlogistika"),
        ("أوبورون لوجيستيكا", "oboronlogistika"),
        ("ООО «Оборонлогистика»", "oboronlogistika"),  # legal form and quotes
        ("SK-YUG LLC", "sk-yug"),
        ("СК Юг", "sk-yug"),
        ("Qeshm Fars Air", "fars-air-qeshm"),  # the other word order reporting uses
        ("فارس إير قشم", "fars-air-qeshm"),
        ("شركة سيلك واي", "silk-way"),  # the Arabic company noun
        ("Silk Way Airlines", "silk-way"),
        ("the Islamic Republic of Iran Shipping Lines", "irisl"),
        ("Aviacon Zitotrans", "aviacon-zitotrans"),  # an airline of callsigns.csv
        ("Африкия", "afriqiyah-airways"),  # callsigns.csv's other names
    ],
)
def test_each_spelling_is_its_company(name: str, company_id: str) -> None:
    found = company(name)
    assert found is not None and found.id == company_id


@pytest.mark.parametrize("name", ["Russia", "Silk Road", "Oboron", "", "   ", "LLC"])
def test_a_name_the_kb_does_not_know_is_no_company(name: str) -> None:
    assert company(name) is None


def test_state_companies_say_whose_they_are() -> None:
    by_id = {c.id: c for c in companies()}
    assert by_id["oboronlogistika"].state == "Russia"
    assert by_id["irisl"].state == "Iran"
    assert by_id["silk-way"].state is None  # a private airline is no state's
    assert {c.kind for c in companies()} <= {"airline", "shipping", "agency"}


def test_every_row_has_a_source() -> None:
    assert all(c.source for c in companies())


def _with_table(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, body: str) -> None:
    (tmp_path / "companies.csv").write_text("id,name,kind,country,state,aliases,source\n" + body, encoding="utf-8")
    (tmp_path / "callsigns.csv").write_text(
        "pattern,meaning,country,classification,operator,confidence,names,source\n", encoding="utf-8"
    )
    monkeypatch.setattr("liftwatch.kb._data.data_path", lambda name: tmp_path / name)
    monkeypatch.setattr(companies_mod, "data_path", lambda name: tmp_path / name)
    companies.cache_clear()
    companies_mod._by_key.cache_clear()


def test_a_bad_kind_names_the_line_and_the_kinds(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _with_table(monkeypatch, tmp_path, "x,X,ferry,,,,src\n")
    try:
        with pytest.raises(KnowledgeBaseError, match=r"companies\.csv:2: kind 'ferry'.*airline, shipping, agency"):
            companies()
    finally:
        companies.cache_clear()
        companies_mod._by_key.cache_clear()


def test_one_spelling_for_two_companies_is_an_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _with_table(monkeypatch, tmp_path, "a,Alpha Lines,shipping,,,Delta,src\nd,Delta,shipping,,,,src\n")
    try:
        with pytest.raises(KnowledgeBaseError, match="names both a and d"):
            company("Alpha Lines")
    finally:
        companies.cache_clear()
        companies_mod._by_key.cache_clear()
