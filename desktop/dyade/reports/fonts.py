"""The embedded Unicode font: DejaVu Sans, shipped in ``resources/fonts/``.

Registering a TrueType font makes reportlab embed (a subset of) it in every PDF,
so accents, « », œ and no-break spaces print the same on every machine.
"""

from __future__ import annotations

from functools import cache

from dyade.errors import DyadeError
from dyade.paths import resources_dir

REGULAR = "DyadeSans"
BOLD = "DyadeSans-Bold"
ITALIC = "DyadeSans-Oblique"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
}


@cache
def register_fonts() -> str:
    """Register the family once per process; return the regular face's name."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    folder = resources_dir() / "fonts"
    for name, filename in _FILES.items():
        path = folder / filename
        try:
            pdfmetrics.registerFont(TTFont(name, str(path)))
        except (OSError, TTFError) as exc:
            raise DyadeError(f"{path}: cannot load the report font ({exc})") from None
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR
