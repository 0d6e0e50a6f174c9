"""The PostgreSQL hub from the command line, so a clinic's IT can script it:
``dyade hub init|enrol|revoke|devices --dsn DSN`` (an administrator's connection
string), and ``dyade sync`` (a laptop, with the connection string ``enrol`` printed).
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


def register(sub: argparse._SubParsersAction) -> None:
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
