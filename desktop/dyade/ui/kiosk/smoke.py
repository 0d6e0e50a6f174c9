"""The kiosk's part of ``dyade self-check``: its style sheet, icons and a painted screen.

A bundle or a wheel that lost ``resources/styles/kiosk.qss`` or an icon would
show patients an unstyled or half-drawn kiosk; this finds out offscreen, in
well under a second, without a database.
"""

from __future__ import annotations

import re

from dyade.ui.smoke import offscreen_smoke

KIOSK_ICONS = (
    "arrow-left",
    "arrow-right",
    "check",
    "heart",
    "lock",
    "pencil",
    "send",
    "skip",
    "speaker",
    "text-larger",
    "text-smaller",
)
UNFILLED = re.compile(r"@\w+@")


def kiosk_smoke() -> str:
    """Fill the style sheet at every text size, draw each icon, paint the welcome screen."""
    offscreen_smoke()  # the application, offscreen unless one is running already
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from dyade.ui.icons import icon_pixmap
    from dyade.ui.kiosk.chrome import TEXT_SIZES, KioskHeader
    from dyade.ui.kiosk.pages import WelcomePage
    from dyade.ui.kiosk.window import kiosk_style_sheet

    for size in TEXT_SIZES:
        left = sorted(set(UNFILLED.findall(kiosk_style_sheet(size))))
        if left:
            raise RuntimeError(f"kiosk.qss: sizes left unfilled at {size} pt: {', '.join(left)}")
    broken = [name for name in KIOSK_ICONS if icon_pixmap(name, 32).toImage().isNull()]
    if broken:
        raise RuntimeError(f"kiosk icons missing or unreadable: {', '.join(broken)}")
    window = QWidget()
    window.setObjectName("kiosk")
    window.setStyleSheet(kiosk_style_sheet(TEXT_SIZES[-1]))
    layout = QVBoxLayout(window)
    layout.addWidget(KioskHeader("Self-check", window))
    layout.addWidget(WelcomePage("Self-check", window))
    window.resize(1280, 800)
    try:
        if window.grab().toImage().isNull():
            raise RuntimeError("the kiosk's welcome screen could not be painted")
    finally:
        window.deleteLater()
    return f"style sheet at {len(TEXT_SIZES)} text sizes, {len(KIOSK_ICONS)} icons, welcome painted"
