"""A throwaway PostgreSQL cluster, for the sync tests and the sync benchmark.

The distribution's PostgreSQL (``/usr/lib/postgresql/<version>/bin``) is started
in a temporary folder, listening on a Unix socket only (``listen_addresses=''``),
and stopped at the end of the session. Run as root, ``initdb`` and ``pg_ctl``
run as the ``postgres`` user (PostgreSQL refuses to run as root). The cluster's
superuser signs in without a password over the socket (``peer``-like ``trust``
for that one role); every other role uses scram-sha-256, as devices do for real.

``tests/pg_support.py`` makes it a pytest fixture (``pg``, ``hub_dsn``).
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "postgres"


def pg_bin(name: str) -> str:
    """The newest installed PostgreSQL's tool ``name`` (15 or later)."""
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=_major)
    if found and _major(found[-1]) >= 15:
        return found[-1]
    on_path = shutil.which(name)
    if on_path:
        return on_path
    raise RuntimeError(f"PostgreSQL 15 or later is needed for the sync tests ({name} not found)")


def _major(path: str) -> int:
    part = Path(path).parent.parent.name
    return int(part) if part.isdigit() else 0


def _as_postgres(argv: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *argv] if os.geteuid() == 0 else argv


@dataclass
class Cluster:
    """One running cluster: its folder, its socket folder, its port."""

    folder: Path
    port: int = 5432
    host: str = ""  # the socket folder unless a TCP address is given

    def __post_init__(self) -> None:
        self.host = self.host or str(self.folder)
        self._count = 0

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def dsn(self, dbname: str = "postgres", **extra: str) -> str:
        parts = {"host": self.host, "port": str(self.port), "dbname": dbname, "user": SUPERUSER}
        parts.update(extra)
        return " ".join(f"{key}={value}" for key, value in parts.items())

    def create_database(self, prefix: str = "hub") -> str:
        """A new empty database; returns its superuser DSN."""
        import psycopg

        self._count += 1
        name = f"{prefix}_{os.getpid()}_{self._count}"
        with psycopg.connect(self.dsn(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.dsn(name)

    def start(self, *settings: str) -> None:
        options = " ".join(f"-c {s}" for s in settings)
        subprocess.run(
            _as_postgres(
                [
                    pg_bin("pg_ctl"),
                    "-D",
                    str(self.data),
                    "-w",
                    "-s",
                    "-l",
                    str(self.folder / "server.log"),
                    "-o",
                    f"-p {self.port} -k {self.folder} {options}",
                    "start",
                ]
            ),
            check=True,
        )

    def stop(self, mode: str = "fast") -> None:
        subprocess.run(
            _as_postgres([pg_bin("pg_ctl"), "-D", str(self.data), "-w", "-s", "-m", mode, "stop"]),
            check=False,
        )

    def log_text(self) -> str:
        try:
            return (self.folder / "server.log").read_text(errors="replace")
        except OSError:
            return ""


def make_cluster(hba: str | None = None) -> Cluster:
    """initdb into a new temporary folder the ``postgres`` user can use."""
    folder = Path(tempfile.mkdtemp(prefix="dyade-pg-"))
    folder.chmod(0o777)
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    subprocess.run(
        _as_postgres(
            [
                pg_bin("initdb"),
                "-D",
                str(folder / "data"),
                "-U",
                SUPERUSER,
                "--auth=trust",  # pg_hba.conf is rewritten below
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    rules = hba or (
        f"local all {SUPERUSER} trust\nlocal all all scram-sha-256\n"
        "host all all 127.0.0.1/32 reject\n"
    )
    _write_as_postgres(folder / "data" / "pg_hba.conf", rules)
    cluster = Cluster(folder, port=_free_port())
    return cluster


def _write_as_postgres(path: Path, text: str) -> None:
    path.write_text(text)
    if os.geteuid() == 0:
        shutil.chown(path, "postgres", "postgres")


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def remove_cluster(cluster: Cluster) -> None:
    cluster.stop("immediate")
    shutil.rmtree(cluster.folder, ignore_errors=True)
