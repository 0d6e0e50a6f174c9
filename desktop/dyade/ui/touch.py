"""Touch screens: a finger drags a page up and down, as on a phone.

A module of its own, needing Qt alone, so the kiosk's welcome screen can use it
before the questionnaire widgets load.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea, QScroller


def swipe(area: QAbstractScrollArea) -> QAbstractScrollArea:
    """Let a finger scroll ``area`` with kinetic swipes (``QScroller``); taps still click."""
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
    return area
