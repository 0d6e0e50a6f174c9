"""A throwaway PostgreSQL cluster, for the sync tests and the sync benchmark.

The distribution's PostgreSQL (``/usr/lib/postgresql/<version>/bin``) is started
in a temporary folder, listening on a Unix socket only (``listen_addresses=''``),
and stopped at the end of the session. Run as root, ``initdb`` and ``pg_ctl``
run as the ``postgres`` user (PostgreSQL refuses to run as root). The cluster's
superuser signs in without a password over the socket (``peer``-like ``trust``
for that one role); every other role uses scram-sha-256, as devices do for real.

``tests/pg_support.py`` makes it a pytest fixture (``pg``, ``hub_dsn``).

A run killed before its clean-up (SIGKILL, a closed terminal) must not leave a
server behind: on Linux the server is started under ``setpriv --pdeathsig`` as
this process's child, so it shuts down the moment this process dies; everywhere,
each cluster's folder names its owner process (``owner``), and making a cluster
first stops and removes the clusters whose owner is gone.
"""

from __future__ import annotations

import glob
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SUPERUSER = "postgres"
PREFIX = "dyade-pg-"  # the clusters' folders in the temporary folder
OWNER = "owner"  # in a cluster's folder: "pid start-time" of the process that made it
READY_SECONDS = 60
TIE_TO_PARENT = sys.platform.startswith("linux") and shutil.which("setpriv") is not None


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
        self._server: Any = None  # the tied server's process, to reap it

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
        if TIE_TO_PARENT:
            self._start_tied(settings)
            return
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

    def _start_tied(self, settings: tuple[str, ...]) -> None:
        """The server as this process's child, sent SIGQUIT (immediate shutdown) by the
        kernel when this process dies, however it dies."""
        user = ["--reuid", "postgres", "--regid", "postgres", "--init-groups"]
        argv = ["setpriv", *(user if os.geteuid() == 0 else []), "--pdeathsig", "SIGQUIT"]
        argv += ["--", pg_bin("postgres"), "-D", str(self.data), "-p", str(self.port)]
        words = ("".join(shlex.split(s)) for s in settings)  # '' read as pg_ctl reads it
        argv += ["-k", str(self.folder), *(a for w in words for a in ("-c", w))]
        with open(self.folder / "server.log", "ab") as log:
            self._server = subprocess.Popen(
                argv, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        deadline = time.monotonic() + READY_SECONDS
        while not self._ready(self._server.pid):
            if self._server.poll() is not None or time.monotonic() > deadline:
                self._reap()
                raise RuntimeError(f"PostgreSQL did not start:\n{self.log_text()[-2000:]}")
            time.sleep(0.05)

    def _ready(self, pid: int) -> bool:
        """As ``pg_ctl -w`` tells: the pid file is this server's and says "ready"."""
        try:
            lines = (self.data / "postmaster.pid").read_text().splitlines()
        except OSError:
            return False
        return len(lines) >= 8 and lines[0].strip() == str(pid) and lines[7].strip() == "ready"

    def running(self) -> bool:
        status = subprocess.run(
            _as_postgres([pg_bin("pg_ctl"), "-D", str(self.data), "status"]),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        return status.returncode == 0

    def stop(self, mode: str = "fast") -> None:
        subprocess.run(
            _as_postgres([pg_bin("pg_ctl"), "-D", str(self.data), "-w", "-s", "-m", mode, "stop"]),
            check=False,
        )
        self._reap()

    def _reap(self) -> None:
        server, self._server = getattr(self, "_server", None), None
        if server is None:
            return
        try:
            server.wait(timeout=READY_SECONDS)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()

    def log_text(self) -> str:
        try:
            return (self.folder / "server.log").read_text(errors="replace")
        except OSError:
            return ""


def make_cluster(hba: str | None = None) -> Cluster:
    """initdb into a new temporary folder the ``postgres`` user can use, after removing
    the clusters that killed runs left behind."""
    remove_leftovers()
    folder = Path(tempfile.mkdtemp(prefix=PREFIX))
    _write_owner(folder)
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


def _process_token(pid: int) -> str | None:
    """``"pid start-time"`` of a live process (a reused pid has another start time),
    or None when no such process runs (a zombie is dead)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return f"{pid} "  # no /proc: the pid alone
    return None if fields[0] in "ZX" else f"{pid} {fields[19]}"


def _write_owner(folder: Path) -> None:
    """Whole or absent (renamed into place): a half-written owner is never misread."""
    partial = folder / f"{OWNER}.partial"
    partial.write_text(_process_token(os.getpid()) or "")
    partial.replace(folder / OWNER)


def remove_leftovers() -> list[Path]:
    """Stop and remove the clusters whose owner process is gone (a killed run's);
    those of runs still going are left alone. Returns the folders removed."""
    removed = []
    for owner in Path(tempfile.gettempdir()).glob(f"{PREFIX}*/{OWNER}"):
        try:
            token = owner.read_text().strip()
            pid = int(token.split()[0])
        except (OSError, ValueError, IndexError):
            continue
        if (_process_token(pid) or "").strip() == token:
            continue
        cluster = Cluster(owner.parent)
        if cluster.data.is_dir() and cluster.running():
            cluster.stop("immediate")
        shutil.rmtree(owner.parent, ignore_errors=True)
        removed.append(owner.parent)
    return removed
