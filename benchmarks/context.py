"""What every figure shares in one run: sizes, the work folder, the passphrase."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.process import child_env

BENCH_PASSPHRASE = "dyade-bench-not-a-secret"


@dataclass(frozen=True)
class Sizes:
    """How big each measured thing is; ``QUICK`` keeps a smoke test short."""

    runs: int  # measured repetitions of a timed process or call
    patients: int
    visits: int
    analysis_responses: int
    pdf_batch: int
    clicks: int


FULL = Sizes(
    runs=7, patients=20_000, visits=200_000, analysis_responses=100_000, pdf_batch=500, clicks=200
)
QUICK = Sizes(runs=1, patients=40, visits=200, analysis_responses=400, pdf_batch=4, clicks=12)


@dataclass
class Context:
    sizes: Sizes
    workdir: Path
    passphrase: str = BENCH_PASSPHRASE
    quick: bool = False
    cache: dict[str, Any] = field(default_factory=dict)

    @property
    def runs(self) -> int:
        return self.sizes.runs

    @property
    def home(self) -> Path:
        """DYADE_HOME of every child: logs and settings stay in the work folder."""
        path = self.workdir / "home"
        path.mkdir(parents=True, exist_ok=True)
        return path

    def env(self, **extra: str) -> dict[str, str]:
        return child_env(DYADE_HOME=str(self.home), DYADE_PASSPHRASE=self.passphrase, **extra)

    def empty_clinic(self) -> Path | None:
        """An encrypted clinic with the schema and nothing else (None without storage)."""
        path = self.workdir / "empty.db"
        if "empty_clinic" not in self.cache:
            self.cache["empty_clinic"] = _make_empty(path, self.passphrase)
        return self.cache["empty_clinic"]


def _make_empty(path: Path, passphrase: str) -> Path | None:
    try:
        from dyade.storage import open_database
    except ImportError:
        return None
    if not path.exists():
        open_database(path, passphrase, create=True).close()
    return path


def passphrase_from_env() -> str:
    return os.environ.get("DYADE_PASSPHRASE") or BENCH_PASSPHRASE
