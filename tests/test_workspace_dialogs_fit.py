"""Every small dialog of the workspace is as tall as its content: no empty band below."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyade.ui.app import make_application
from dyade.ui.i18n import Translations
from dyade.ui.workspace.dialogs import (
    DyadDialog,
    PatientDialog,
    ShareDialog,
    VisitCodeDialog,
    VisitDateDialog,
)
from dyade.ui.workspace.exports import ExportDialog
from dyade.ui.workspace.window_fit import content_height


class Someone:
    uuid, display_name = "u-1", "Dr Claire Martin"


DIALOGS = {
    "patient": lambda: PatientDialog(),
    "dyad": lambda: DyadDialog([Someone()], "u-1"),
    "share": lambda: ShareDialog([Someone()], set(), "A-1042"),
    "visit code": lambda: VisitCodeDialog("K7PM2Q", "A-1042"),
    "visit date": lambda: VisitDateDialog("A-1042", "2026-03-02"),
    "export": lambda: ExportDialog("visit", Path("/tmp/dyade-A-1042.pdf")),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_the_dialog_is_as_tall_as_its_content(qtbot, name, lang):
    make_application()
    Translations().set_language(lang)
    try:
        dialog = DIALOGS[name]()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        needed = content_height(dialog, dialog.width())
        assert needed <= dialog.height() <= needed + 2, (dialog.height(), needed)
        hint = dialog.layout().totalMinimumSize()
        assert dialog.width() >= hint.width()  # and nothing is squeezed
    finally:
        Translations().set_language("en")
