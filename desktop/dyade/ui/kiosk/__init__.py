"""The patient kiosk: a locked full-screen questionnaire for the waiting room.

``KioskWindow(db, library, clinic_name=..., idle_seconds=120)``; then
``show_locked()``. ``KioskWindow(None, None, opener=fn)`` paints its welcome
screen first and calls ``fn() -> KioskClinic`` just after (see ``opening.py``).
``open_visit_code(code)`` / ``open_response(uuid)`` open a given patient's
questionnaire ("hand to patient").
"""

from dyade.ui.kiosk.opening import KioskClinic
from dyade.ui.kiosk.window import KioskWindow, kiosk_style_sheet

__all__ = ["KioskClinic", "KioskWindow", "kiosk_style_sheet"]
