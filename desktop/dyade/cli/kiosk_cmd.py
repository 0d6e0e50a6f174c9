"""``dyade kiosk-passphrase store|forget``: the unattended kiosk's passphrase in the
system keyring rather than in a file or an environment variable."""

from __future__ import annotations

import argparse

from dyade.cli.common import db_path, passphrase


def _store(args: argparse.Namespace) -> int:
    from dyade import kiosk_passphrase
    from dyade.storage import open_database

    path, phrase = db_path(args), passphrase(args)
    open_database(path, phrase, check="none", migrate=False, lock=False).close()  # it opens
    kiosk_passphrase.store(path, phrase)
    print(f"the kiosk passphrase of {path} is kept in the system keyring")
    print("`dyade --kiosk` now starts without a passphrase file; remove the file if you had one")
    return 0


def _forget(args: argparse.Namespace) -> int:
    from dyade import kiosk_passphrase

    path = db_path(args)
    if kiosk_passphrase.forget(path):
        print(f"the kiosk passphrase of {path} is no longer kept in the system keyring")
    else:
        print(f"the system keyring kept no kiosk passphrase for {path}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser(
        "kiosk-passphrase",
        help="keep the passphrase of an unattended --kiosk start in the system keyring",
    ).add_subparsers(dest="kiosk_passphrase_command", metavar="ACTION", required=True)
    group.add_parser(
        "store", help="check the passphrase opens the database, then keep it in the keyring"
    ).set_defaults(handler=_store)
    group.add_parser("forget", help="remove it from the keyring").set_defaults(handler=_forget)
