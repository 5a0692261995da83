"""One switch turns every C accelerator off."""

from __future__ import annotations

import pytest

from liftwatch.io import native


@pytest.mark.parametrize("value", ["0", "false", "No", " off "])
def test_liftwatch_native_off_turns_the_accelerators_off(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("LIFTWATCH_NATIVE", value)
    assert native.turned_off()


@pytest.mark.parametrize("value", [None, "1", "yes"])
def test_otherwise_they_run_when_built(monkeypatch: pytest.MonkeyPatch, value: str | None) -> None:
    if value is None:
        monkeypatch.delenv("LIFTWATCH_NATIVE", raising=False)
    else:
        monkeypatch.setenv("LIFTWATCH_NATIVE", value)
    assert not native.turned_off()
