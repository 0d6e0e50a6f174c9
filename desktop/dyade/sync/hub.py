"""The PostgreSQL hub: set it up, enrol and revoke devices, connect to it.

A clinic's IT runs ``init_hub``, ``enrol`` and ``revoke`` with an administrator's
connection string (a role that may create roles). Laptops connect with the
connection string ``enrol`` printed for them: their own role, able to append
their own changes and read their clinic's, nothing else (see ``hub_schema``).
"""

from __future__ import annotations

import re
import secrets
from typing import Any

from dyade.errors import DyadeError
from dyade.sync.hub_schema import HUB_SCHEMA, MIGRATIONS

DEVICE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,39}")
CONNECT_TIMEOUT = 10  # seconds: an unreachable hub is reported, not waited for
_REFUSED_HINTS = (
    "password authentication failed",
    "is not permitted to log in",
    "does not exist",
    "no pg_hba.conf entry",
    "permission denied",
    "certificate",
    "SSL",
)


class HubUnreachable(DyadeError):
    """The hub did not answer: nothing is lost, sync retries later."""

    exit_code = 3


class HubRefused(DyadeError):
    """The hub answered but refused this device (revoked, wrong credentials, not TLS)."""


def _psycopg() -> Any:
    import psycopg  # imported late: only sync needs it, and it costs a cold start

    return psycopg


def _hostless_or_socket(params: dict[str, Any]) -> bool:
    hosts = [h for h in str(params.get("host") or "").split(",") if h]
    return not params.get("hostaddr") and all(h.startswith("/") or h.startswith("@") for h in hosts)


def require_tls(conninfo: str) -> None:
    """Outside a Unix socket a device only talks to a hub whose certificate it checked."""
    params = _psycopg().conninfo.conninfo_to_dict(conninfo)
    if not _hostless_or_socket(params) and params.get("sslmode") != "verify-full":
        raise HubRefused(
            "the hub's connection string must use TLS with the server checked: add "
            "sslmode=verify-full (and sslrootcert=<the clinic's CA file>) to it",
            fr="la chaîne de connexion du hub doit utiliser TLS avec vérification du "
            "serveur\u00a0: ajoutez-y sslmode=verify-full (et "
            "sslrootcert=<le fichier CA de la clinique>)",
        )


def connect(conninfo: str, *, admin: bool = False) -> Any:
    """A connection to the hub, or HubUnreachable / HubRefused saying which and why.

    A device's connection is in autocommit: it writes only inside explicit
    transactions, so its reads hold no transaction open on the hub."""
    psycopg = _psycopg()
    if not admin:
        require_tls(conninfo)
    try:
        return psycopg.connect(conninfo, connect_timeout=CONNECT_TIMEOUT, autocommit=not admin)
    except psycopg.OperationalError as exc:
        reason = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        if any(hint in str(exc) for hint in _REFUSED_HINTS):
            raise HubRefused(
                f"the hub refused this device ({reason}); it may have been revoked: ask the "
                "clinic's administrator to enrol it again",
                fr=f"le hub a refusé cet appareil ({reason})\u00a0; il a peut-être été "
                "révoqué\u00a0: demandez à l’administrateur de la clinique de l’inscrire à nouveau",
            ) from None
        raise HubUnreachable(
            f"the hub cannot be reached ({reason}); nothing is lost, changes wait on this laptop",
            fr=f"le hub est injoignable ({reason})\u00a0; rien n’est perdu, les changements "
            "attendent sur cet ordinateur",
        ) from None
    except psycopg.Error as exc:  # a malformed connection string
        raise HubRefused(
            f"the hub's connection string is not valid ({exc})",
            fr=f"la chaîne de connexion du hub n’est pas valable ({exc})",
        ) from None


# --- administration ----------------------------------------------------------------


def init_hub(dsn: str) -> list[int]:
    """Create or update the hub's schema and roles; safe to run again. Returns versions applied."""
    with connect(dsn, admin=True) as conn:
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('dyade_hub'))")
        conn.execute(f"CREATE SCHEMA IF NOT EXISTS {HUB_SCHEMA}")
        conn.execute(f"CREATE TABLE IF NOT EXISTS {HUB_SCHEMA}.hub (id text PRIMARY KEY)")
        conn.execute(
            f"CREATE TABLE IF NOT EXISTS {HUB_SCHEMA}.migrations (version int PRIMARY KEY, "
            "name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"
        )
        row = conn.execute(f"SELECT id FROM {HUB_SCHEMA}.hub").fetchone()
        hub_id = row[0] if row else secrets.token_hex(4)
        if row is None:
            conn.execute(f"INSERT INTO {HUB_SCHEMA}.hub VALUES (%s)", [hub_id])
        group = _group(hub_id)
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [group]).fetchone()
        if not exists:
            conn.execute(f'CREATE ROLE "{group}" NOLOGIN')
        done = {v for (v,) in conn.execute(f"SELECT version FROM {HUB_SCHEMA}.migrations")}
        applied = []
        for version, name, statements in MIGRATIONS:
            if version in done:
                continue
            for statement in statements:
                conn.execute(statement.replace("{group}", f'"{group}"'))
            conn.execute(
                f"INSERT INTO {HUB_SCHEMA}.migrations (version, name) VALUES (%s, %s)",
                [version, name],
            )
            applied.append(version)
    return applied


def _group(hub_id: str) -> str:
    return f"dyade_{hub_id}_devices"


def _hub_id(conn: Any) -> str:
    try:
        row = conn.execute(f"SELECT id FROM {HUB_SCHEMA}.hub").fetchone()
    except _psycopg().errors.UndefinedTable:
        row = None
    if row is None:
        raise DyadeError("this database is not a Dyade hub yet: run `dyade hub init --dsn DSN`")
    return row[0]


def _check_name(device: str) -> str:
    if not DEVICE_NAME.fullmatch(device or ""):
        raise DyadeError(
            f"device name {device!r}: use 1 to 40 letters, digits, '.', '-' or '_', "
            "starting with a letter or a digit"
        )
    return device


def enrol(dsn: str, device: str, *, clinic: str | None = None) -> str:
    """Create ``device``'s role; return the connection string the device will use.

    The device is bound to ``clinic``, else to the hub's only clinic when it has
    exactly one, else left for its first laptop to bind (``claim_clinic``).
    """
    psycopg = _psycopg()
    _check_name(device)
    with connect(dsn, admin=True) as conn:
        hub_id = _hub_id(conn)
        role = f"dyade_{hub_id}_{device.lower()}"
        if conn.execute(
            f"SELECT 1 FROM {HUB_SCHEMA}.devices WHERE name = %s OR role = %s", [device, role]
        ).fetchone():
            raise DyadeError(
                f"a device named {device!r} is already enrolled on this hub (revoked names are "
                "not reused): choose another name"
            )
        bound = _clinic_for(conn, clinic)
        password = secrets.token_urlsafe(24)
        verifier = conn.pgconn.encrypt_password(password.encode(), role.encode(), b"scram-sha-256")
        ident = psycopg.sql.Identifier
        conn.execute(
            psycopg.sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                ident(role), psycopg.sql.Literal(verifier.decode()), ident(_group(hub_id))
            )
        )
        conn.execute(
            f"INSERT INTO {HUB_SCHEMA}.devices (name, role, clinic) VALUES (%s, %s, %s)",
            [device, role, bound],
        )
    params = psycopg.conninfo.conninfo_to_dict(dsn)
    for key in ("user", "password", "passfile", "service"):
        params.pop(key, None)
    return psycopg.conninfo.make_conninfo(**params, user=role, password=password)


def _clinic_for(conn: Any, clinic: str | None) -> str | None:
    known = [str(c) for (c,) in conn.execute(f"SELECT clinic FROM {HUB_SCHEMA}.clinics")]
    if clinic is None:
        return known[0] if len(known) == 1 else None
    if clinic not in known:
        raise DyadeError(f"no clinic {clinic} on this hub (known: {', '.join(known) or 'none'})")
    return clinic


def revoke(dsn: str, device: str) -> None:
    """Refuse ``device`` from now on: no sign-in, no rows, its open sessions ended."""
    psycopg = _psycopg()
    with connect(dsn, admin=True) as conn:
        row = conn.execute(
            f"SELECT role FROM {HUB_SCHEMA}.devices WHERE name = %s", [device]
        ).fetchone()
        if row is None:
            raise DyadeError(f"no device named {device!r} on this hub")
        role = row[0]
        conn.execute(
            f"UPDATE {HUB_SCHEMA}.devices SET revoked_at = coalesce(revoked_at, now()) "
            "WHERE name = %s",
            [device],
        )
        conn.execute(psycopg.sql.SQL("ALTER ROLE {} NOLOGIN").format(psycopg.sql.Identifier(role)))
    with connect(dsn, admin=True) as conn:
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", [role]
        )


def devices(dsn: str) -> list[dict[str, Any]]:
    """The hub's devices: name, clinic, enrolled, revoked (for the administrator's list)."""
    with connect(dsn, admin=True) as conn:
        _hub_id(conn)
        rows = conn.execute(
            f"SELECT name, clinic, enrolled_at, revoked_at FROM {HUB_SCHEMA}.devices ORDER BY name"
        ).fetchall()
    return [
        {"device": n, "clinic": str(c) if c else None, "enrolled": e, "revoked": r}
        for n, c, e, r in rows
    ]
