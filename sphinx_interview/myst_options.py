"""MyST's own ways of writing a directive's options: a ``---`` block of YAML,
and values in YAML quotes. PyYAML is MyST's dependency, imported only here and
only when a MyST document needs it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def read_yaml_block(lines: Sequence[str]) -> tuple[int, dict[str, str] | None]:
    """The options of the ``---`` block that starts ``lines``, and how many lines
    it takes: ``(0, {})`` when the block is never closed (it is then text), and
    ``None`` for options that are not a YAML mapping."""
    end = next((i for i in range(1, len(lines)) if lines[i] == "---"), None)
    if end is None:
        return 0, {}
    import yaml

    try:
        data: Any = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError:
        data = None
    if not isinstance(data, dict):
        return end + 1, None
    values = {str(k): "" if v is None else str(v) for k, v in data.items()}
    return end + 1, values


def unquote(value: str) -> str:
    """A MyST option value written in YAML quotes (``"a: b"``), unquoted."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        import yaml

        try:
            loaded = yaml.safe_load(value)
        except yaml.YAMLError:
            return value
        if isinstance(loaded, str):
            return loaded
    return value
