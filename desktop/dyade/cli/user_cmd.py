"""Staff accounts from the command line, for a clinic run without the app's screens.

``dyade user add|list|activate|deactivate|passwd|role``: the same storage
services as the staff page, so the same rules hold (a clinic always keeps an
active physician or administrator) and every change reaches the audit log,
marked as made from the command line. Passwords come from
``$DYADE_USER_PASSWORD``, else a prompt typed twice.
"""

from __future__ import annotations

import argparse
import os

from dyade.cli.common import ask
from dyade.cli.common import open_db as _open
from dyade.storage.errors import NotFound

ROLES = ("physician", "receptionist", "admin")


def _password(login: str) -> str:
    return os.environ.get("DYADE_USER_PASSWORD") or ask(f"password for {login}: ", twice=True)


def _account(db, login: str):
    from dyade.storage.users import find_user

    user = find_user(db, login)
    if user is None:
        raise NotFound(
            f"no staff account with login {login!r}; `dyade user list` shows them",
            fr=f"aucun compte du personnel avec l’identifiant {login!r}\u00a0; "
            "`dyade user list` les affiche",
        )
    return user


def _add(args: argparse.Namespace) -> int:
    from dyade.storage.users import create_user

    password = _password(args.login)
    with _open(args, create=True) as db:
        user = create_user(
            db, args.login, args.role, password, display_name=args.name, language=args.lang
        )
    print(f"{user.role} {user.login} added")
    return 0


def _list(args: argparse.Namespace) -> int:
    from dyade.storage.users import activity, list_users

    with _open(args) as db:
        users, seen = list_users(db), activity(db)
    print(f"{'login':<20} {'role':<13} {'state':<9} {'last sign-in':<24} name")
    for user in users:
        state = "active" if user.active else "inactive"
        last = seen[user.uuid].last_sign_in if user.uuid in seen else None
        print(f"{user.login:<20} {user.role:<13} {state:<9} {last or '-':<24} {user.display_name}")
    return 0


def _set_active(args: argparse.Namespace) -> int:
    from dyade.storage.users import set_active

    active = args.user_command == "activate"
    with _open(args) as db:
        user = set_active(db, _account(db, args.login).uuid, active)
    print(f"{user.login} is now {'active' if user.active else 'inactive'}")
    return 0


def _passwd(args: argparse.Namespace) -> int:
    from dyade.storage.users import set_password

    password = _password(args.login)
    with _open(args) as db:
        set_password(db, _account(db, args.login).uuid, password)
    print(f"password of {args.login} changed")
    return 0


def _role(args: argparse.Namespace) -> int:
    from dyade.storage.users import set_role

    with _open(args) as db:
        user = set_role(db, _account(db, args.login).uuid, args.role)
    print(f"{user.login} is now {user.role}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("user", help="staff accounts").add_subparsers(
        dest="user_command", metavar="ACTION", required=True
    )
    p = group.add_parser(
        "add", help="add a staff account (password: prompt or $DYADE_USER_PASSWORD)"
    )
    p.add_argument("--login", required=True)
    p.add_argument("--role", choices=ROLES, required=True)
    p.add_argument("--name", help="name shown in the app (default: the login)")
    p.add_argument("--lang", choices=("fr", "en"), default="fr")
    p.set_defaults(handler=_add)
    group.add_parser("list", help="every staff account, its role and state").set_defaults(
        handler=_list
    )
    for action, text in (
        ("deactivate", "stop an account from signing in (its records stay)"),
        ("activate", "let a deactivated account sign in again"),
    ):
        p = group.add_parser(action, help=text)
        p.add_argument("--login", required=True)
        p.set_defaults(handler=_set_active)
    p = group.add_parser(
        "passwd", help="set an account's password (prompt or $DYADE_USER_PASSWORD)"
    )
    p.add_argument("--login", required=True)
    p.set_defaults(handler=_passwd)
    p = group.add_parser("role", help="give an account another role")
    p.add_argument("--login", required=True)
    p.add_argument("--role", choices=ROLES, required=True)
    p.set_defaults(handler=_role)
