"""A mixin for widgets that re-translate themselves when the language changes."""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslating:
    """Calls ``retranslate()`` on Qt's ``LanguageChange`` event.

    Widgets set every visible string in ``retranslate()`` and call it once at
    the end of ``__init__``; switching language then needs no restart.
    """

    def retranslate(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]
