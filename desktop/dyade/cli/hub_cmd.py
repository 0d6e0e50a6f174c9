"""The PostgreSQL hub from the command line, so a clinic's IT can script it:
``dyade hub init|enrol|revoke|devices --dsn DSN`` (an administrator's connection
string), and ``dyade sync`` (a laptop, with the connection string ``enrol`` printed).
``dyade sync`` exits 3 when the hub cannot be reached: nothing is lost, run it again.
"""

from __future__ import annotations

import argparse
import json
import os


def _dsn(args: argparse.Namespace) -> str:
    dsn = args.dsn or os.environ.get("DYADE_HUB_ADMIN_DSN")
    if not dsn:
        from dyade.errors import DyadeError

        raise DyadeError("give the hub administrator's connection string: --dsn DSN")
    return dsn


def _init(args: argparse.Namespace) -> int:
    from dyade.sync.hub import init_hub

    applied = init_hub(_dsn(args))
    print(
        f"hub schema brought to version {applied[-1]}" if applied else "hub schema already current"
    )
    return 0


def _enrol(args: argparse.Namespace) -> int:
    from dyade.sync.hub import enrol

    conninfo = enrol(_dsn(args), args.device, clinic=args.clinic)
    if args.json:
        print(json.dumps({"device": args.device, "hub": conninfo}))
    else:
        print(conninfo)
    return 0


def _revoke(args: argparse.Namespace) -> int:
    from dyade.sync.hub import revoke

    revoke(_dsn(args), args.device)
    print(f"device {args.device} revoked: it can no longer sign in to the hub")
    return 0


def _devices(args: argparse.Namespace) -> int:
    from dyade.sync.hub import devices

    for row in devices(_dsn(args)):
        state = f"revoked {row['revoked']:%Y-%m-%d %H:%M}" if row["revoked"] else "active"
        print(f"{row['device']}\t{row['clinic'] or 'no clinic yet'}\t{state}")
    return 0


def _sync(args: argparse.Namespace) -> int:
    from dyade.cli.common import db_path, passphrase
    from dyade.errors import DyadeError
    from dyade.storage import open_database
    from dyade.sync import hub
    from dyade.sync.engine import sync

    path = db_path(args)
    conninfo = args.hub or os.environ.get("DYADE_HUB")
    new = not path.exists()
    if new:
        if not conninfo:
            raise DyadeError(
                f"no database at {path}: give the hub's connection string (--hub CONN) to "
                "join the clinic as a new laptop"
            )
        hub.connect(conninfo).close()  # reachable and accepted before anything is created
    key = passphrase(args, new=new)
    db = open_database(path, key, create=new)
    try:
        report = sync(db, conninfo, passphrase=key)
    except BaseException:
        db.close()
        if new:  # a laptop that could not join leaves nothing behind
            for leftover in (path, *(path.with_name(path.name + s) for s in _SIDE_FILES)):
                leftover.unlink(missing_ok=True)
        raise
    db.close()
    _print_report(report)
    return 0


_SIDE_FILES = ("-wal", "-shm", ".lock")


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{table} {n}" for table, n in counts.items()) or "nothing"


def _print_report(report) -> None:
    merged = report.merged
    print(
        f"synced as device {report.device}: sent {report.pushed} changes "
        f"({report.pushed_records} records), received {report.pulled} changes"
    )
    if report.rechecked:
        print(
            f"  read again once after an update of Dyade: {report.rechecked} changes received "
            "before it, which an older version could skip"
        )
    if report.pulled or report.rechecked:
        print(f"  added: {_counts(merged.added)}; updated: {_counts(merged.updated)}")
    if report.conflicts:
        print(f"conflicts kept aside ({len(report.conflicts)}), nothing overwritten:")
        for table, key, reason in report.conflicts:
            print(f"  {table} {key}: {reason}")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "sync",
        help="send this laptop's changes to the clinic's hub and receive the others' "
        "(the first time: link to the hub, or join the clinic as a new laptop)",
    )
    p.add_argument(
        "--hub",
        metavar="CONN",
        help="the connection string `dyade hub enrol` printed "
        "(else $DYADE_HUB; needed only the first time)",
    )
    p.set_defaults(handler=_sync)
    group = sub.add_parser(
        "hub", help="set up the clinic's PostgreSQL hub, enrol and revoke devices"
    ).add_subparsers(dest="hub_command", metavar="ACTION", required=True)
    dsn_help = "administrator's connection string (else $DYADE_HUB_ADMIN_DSN)"
    p = group.add_parser("init", help="create or update the hub's schema and roles (idempotent)")
    p.add_argument("--dsn", help=dsn_help)
    p.set_defaults(handler=_init)
    p = group.add_parser("enrol", help="create a device's role and print its connection string")
    p.add_argument("--dsn", help=dsn_help)
    p.add_argument("--device", required=True, help="the device's name, e.g. kiosk-1")
    p.add_argument("--clinic", help="the clinic id (default: the hub's only clinic)")
    p.add_argument("--json", action="store_true", help='print {"device": ..., "hub": ...}')
    p.set_defaults(handler=_enrol)
    p = group.add_parser("revoke", help="refuse a device from now on (a lost or stolen laptop)")
    p.add_argument("--dsn", help=dsn_help)
    p.add_argument("--device", required=True)
    p.set_defaults(handler=_revoke)
    p = group.add_parser("devices", help="list the hub's devices")
    p.add_argument("--dsn", help=dsn_help)
    p.set_defaults(handler=_devices)
