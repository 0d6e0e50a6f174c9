"""sqlite-utils imports numpy (and pandas) when they are installed, for column types
Dyade never uses: ~0.1 s more for every start of the app and the command line. numpy is
a dependency of the batch analysis only (:mod:`dyade.analysis.columnar_run`), so while
sqlite-utils' module runs, those two imports fail as if they were not installed."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

_OPTIONAL = ("numpy", "pandas")
_IMPORTER = "sqlite_utils.db"


class SqliteUtilsWithoutNumpy:
    """A meta path finder that refuses numpy and pandas to sqlite-utils' module only."""

    @staticmethod
    def find_spec(
        name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name in _OPTIONAL:
            importer = sys.modules.get(_IMPORTER)
            spec = getattr(importer, "__spec__", None)
            if getattr(spec, "_initializing", False):
                raise ImportError(f"{name} is not for {_IMPORTER} in Dyade", name=name)
        return None


def install() -> None:
    if not any(isinstance(f, SqliteUtilsWithoutNumpy) for f in sys.meta_path):
        sys.meta_path.insert(0, SqliteUtilsWithoutNumpy())
