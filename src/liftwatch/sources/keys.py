"""Users' keys and accounts: read from the environment or a config file, never written anywhere.

``$AISSTREAM_API_KEY`` (etc.) wins; otherwise ``$LIFTWATCH_KEYS`` or ``~/.config/liftwatch/keys.toml``::

    [aisstream]
    api_key = "..."

A :class:`Secret` prints as ``***`` so that it cannot leak into a log line, an error message or a report.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from liftwatch.errors import LiftwatchError

ENV_KEYS_FILE = "LIFTWATCH_KEYS"


class Secret:
    """A key that does not show itself: ``str()``/``repr()`` give ``***``; ``reveal()`` gives the value."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    def __str__(self) -> str:
        return "***"


def keys_file() -> Path:
    env = os.environ.get(ENV_KEYS_FILE)
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CONFIG_HOME")
    return (Path(xdg) if xdg else Path.home() / ".config") / "liftwatch" / "keys.toml"


def secret(service: str, env: str, field: str = "api_key") -> Secret:
    """The key for ``service`` from ``$env`` or the keys file; a missing key says where to put it."""
    value = os.environ.get(env, "").strip()
    if not value:
        path = keys_file()
        if path.exists():
            try:
                doc = tomllib.loads(path.read_text("utf-8"))
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise LiftwatchError(f"{path}: cannot read the keys file ({exc.__class__.__name__})") from None
            section = doc.get(service)
            if isinstance(section, dict) and isinstance(section.get(field), str):
                value = section[field].strip()
    if not value:
        raise LiftwatchError(f'{service} needs a key: set ${env} or put [{service}] {field} = "..." in {keys_file()}')
    return Secret(value)
