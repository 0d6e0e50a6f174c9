"""Maintain the Qt translation sources: ``python -m dyade.ui.i18n_tool``.

- ``update``: extract every ``tr()`` string of ``dyade.ui`` into the ``.ts`` files
  (Qt's lupdate; existing translations are kept, vanished strings dropped).
- ``missing fr``: list the strings that still need a translation.
- ``fill fr FILE.json``: set translations from ``{"source": "translation"}``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6

from dyade.ui.i18n import LANGUAGES, ts_path

UI_DIR = Path(__file__).resolve().parent


def ui_sources() -> list[Path]:
    return sorted(p for p in UI_DIR.rglob("*.py") if p.name != "i18n_tool.py")


def run_lupdate(ts: Path) -> None:
    lupdate = Path(PySide6.__file__).parent / "lupdate"
    files = [str(p) for p in ui_sources()]
    subprocess.run(
        [str(lupdate), "-silent", "-no-obsolete", "-locations", "none", *files, "-ts", str(ts)],
        check=True,
    )


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    root = ET.parse(ts).getroot()
    missing = []
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") == "unfinished":
                missing.append((name, message.findtext("source", "")))
    return missing


def fill(ts: Path, mapping: dict[str, str]) -> int:
    """Write translations for matching sources; return how many were set."""
    tree = ET.parse(ts)
    count = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source", "")
        if source in mapping:
            translation = message.find("translation")
            translation.text = mapping[source]
            translation.attrib.pop("type", None)
            count += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dyade.ui.i18n_tool")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("update")
    missing = sub.add_parser("missing")
    missing.add_argument("lang", choices=LANGUAGES)
    filler = sub.add_parser("fill")
    filler.add_argument("lang", choices=LANGUAGES)
    filler.add_argument("mapping", type=Path)
    args = parser.parse_args(argv)
    if args.command == "update":
        for lang in LANGUAGES:
            run_lupdate(ts_path(lang))
        return 0
    if args.command == "missing":
        rows = unfinished(ts_path(args.lang))
        for context, source in rows:
            print(f"{context}\t{source}")
        return 1 if rows else 0
    mapping = json.loads(args.mapping.read_text(encoding="utf-8"))
    print(fill(ts_path(args.lang), mapping), "translations set")
    return 0


if __name__ == "__main__":
    sys.exit(main())
