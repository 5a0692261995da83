"""One switch for every C accelerator, and a missing one is the pure-Python path, never an error."""

from __future__ import annotations

import pytest

from liftwatch.io import native


@pytest.mark.parametrize("value", ["0", "false", "No", " off "])
def test_liftwatch_native_off_turns_every_accelerator_off(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("LIFTWATCH_NATIVE", value)
    assert native.turned_off()
    assert native.load("_trace_native") is None and native.load("_aircraft_native") is None


def test_a_module_that_was_not_built_is_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LIFTWATCH_NATIVE", raising=False)
    assert not native.turned_off()
    assert native.load("_no_such_accelerator") is None
