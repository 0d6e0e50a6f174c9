"""Read one of Dyade's bilingual wording files (``resources/text/*.yaml``).

The analysis and the PDF reports keep their sentences in data files, French
and English side by side; both read them through this one cached loader, so a
missing or broken file gives the same clear message everywhere.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from dyade.errors import DyadeError


@cache
def load_wording(path: Path, what: str) -> dict[str, Any]:
    """The mapping in ``path`` (read once per process); ``what`` names it in errors."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DyadeError(f"{path}: cannot read the {what} ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        raise DyadeError(f"{path}: the {what} is not valid YAML ({exc})") from None
    if not isinstance(data, dict):
        raise DyadeError(f"{path}: the {what} must be a mapping")
    return data
