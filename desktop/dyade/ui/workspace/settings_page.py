"""The clinic's settings (physicians and administrators): one page, one Save button.

Language, idle times, backups, the forms of full and brief visits, the clinic's
own forms folder (with the files that could not be loaded and why), the report
page size and the analysis thresholds with their defaults and a reset.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dyade.errors import DyadeError
from dyade.storage.settings import get_setting, set_setting
from dyade.ui.errors import describe, show_error
from dyade.ui.retranslate import Retranslating
from dyade.ui.workspace import settings_values as values
from dyade.ui.workspace.formats import reader_locale
from dyade.ui.workspace.psychometrics_box import PsychometricsBox
from dyade.ui.workspace.settings_texts import (
    FIELD_DECIMALS,
    default_text,
    threshold_explanation,
    threshold_label,
)
from dyade.ui.workspace.sync_settings import SyncBox
from dyade.ui.workspace.words import current_language


def _spin(parent: QWidget, low: int, high: int) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(low, high)
    return box


def _folder_row(parent: QWidget) -> tuple[QLineEdit, QPushButton, QHBoxLayout]:
    field, button, row = QLineEdit(parent), QPushButton(parent), QHBoxLayout()
    row.addWidget(field, 1)
    row.addWidget(button)
    button.clicked.connect(
        lambda: (lambda d: d and field.setText(d))(
            QFileDialog.getExistingDirectory(parent, "", field.text())
        )
    )
    return field, button, row


class SettingsPage(Retranslating, QWidget):
    def __init__(self, workspace) -> None:
        super().__init__(workspace)
        self.workspace, self.session = workspace, workspace.session
        outer = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        self.column = QVBoxLayout(body)
        scroll.setWidget(body)
        self.groups: dict[str, QGroupBox] = {}
        self.labels: dict[str, QLabel] = {}
        self._general(body)
        self._backups(body)
        self._forms(body)
        self._thresholds(body)
        self.sync_box = SyncBox(self.session, body)
        self.column.addWidget(self.sync_box)
        self.psychometrics = PsychometricsBox(self.session, body, self._adopted)
        self.column.addWidget(self.psychometrics)
        self.column.addStretch(1)
        self.save_button = QPushButton(self)
        self.save_button.setProperty("role", "primary")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel(self)
        self.status.setProperty("role", "muted")
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.status, 1)
        outer.addWidget(self.title)
        outer.addWidget(scroll, 1)
        outer.addLayout(row)
        self.load()
        self.retranslate()

    # -- building -------------------------------------------------------------------

    def _group(self, key: str, parent: QWidget) -> QFormLayout:
        box = QGroupBox(parent)
        self.groups[key] = box
        self.column.addWidget(box)
        return QFormLayout(box)

    def _row(self, form: QFormLayout, key: str, field: Any) -> None:
        self.labels[key] = QLabel(form.parentWidget())
        form.addRow(self.labels[key], field)

    def _general(self, body: QWidget) -> None:
        form = self._group("general", body)
        self.language = QComboBox(body)
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.page_size = QComboBox(body)
        self.page_size.addItem("A4", "a4")
        self.page_size.addItem("Letter", "letter")
        self.idle_minutes = _spin(body, 1, 240)
        self.kiosk_seconds = _spin(body, 30, 3600)
        self.kiosk_advance = QCheckBox(body)
        for key, field in (("language", self.language), ("page_size", self.page_size),
                           ("idle", self.idle_minutes), ("kiosk", self.kiosk_seconds),
                           ("kiosk_advance", self.kiosk_advance)):  # fmt: skip
            self._row(form, key, field)

    def _backups(self, body: QWidget) -> None:
        form = self._group("backups", body)
        self.backup_folder, self.backup_browse, row = _folder_row(body)
        self.backups_kept = _spin(body, 1, 365)
        self._row(form, "backup_folder", row)
        self._row(form, "backups_kept", self.backups_kept)

    def _forms(self, body: QWidget) -> None:
        form = self._group("forms", body)
        self.full_forms, self.brief_forms = QComboBox(body), QComboBox(body)
        self.forms_folder, self.forms_browse, row = _folder_row(body)
        self.form_errors = QLabel(body)
        self.form_errors.setWordWrap(True)
        self._row(form, "full_forms", self.full_forms)
        self._row(form, "brief_forms", self.brief_forms)
        self._row(form, "forms_folder", row)
        form.addRow(self.form_errors)

    def _thresholds(self, body: QWidget) -> None:
        """The analysis thresholds, under a collapsed "Advanced" section: few need them."""
        self.advanced_button = QPushButton(body)
        self.advanced_button.setCheckable(True)
        self.advanced_button.setObjectName("advancedToggle")
        self.column.addWidget(self.advanced_button, 0, Qt.AlignmentFlag.AlignLeft)
        form = self._group("thresholds", body)
        self.groups["thresholds"].setVisible(False)
        self.advanced_button.toggled.connect(self._show_advanced)
        self.explanations: dict[str, QLabel] = {}
        self.thresholds_intro = QLabel(body)
        self.thresholds_intro.setWordWrap(True)
        form.addRow(self.thresholds_intro)
        self.threshold_boxes: dict[str, QSpinBox | QDoubleSpinBox] = {}
        for name, default in values.threshold_fields().items():
            if isinstance(default, int):
                box = _spin(body, 0, 50)
            else:
                box = QDoubleSpinBox(body)
                box.setRange(0.0, 10.0)
                box.setDecimals(FIELD_DECIMALS)
                box.setSingleStep(0.05)
            self.threshold_boxes[name] = box
            self._row(form, f"t_{name}", box)
            self.labels[f"t_{name}"].setBuddy(box)
            self.labels[f"t_{name}"].setWordWrap(True)
            explanation = QLabel(body)
            explanation.setWordWrap(True)
            explanation.setProperty("role", "muted")
            self.explanations[name] = explanation
            form.addRow(explanation)
        self.reset_button = QPushButton(body)
        self.reset_button.clicked.connect(self.reset_thresholds)
        form.addRow(self.reset_button)

    # -- values ---------------------------------------------------------------------

    def load(self) -> None:
        """Show the clinic's current values."""
        db = self.session.db
        self.language.setCurrentIndex(0 if get_setting(db, "language") == "fr" else 1)
        self.page_size.setCurrentIndex(0 if get_setting(db, "report_page_size") != "letter" else 1)
        self.idle_minutes.setValue(get_setting(db, "idle_lock_minutes"))
        self.kiosk_seconds.setValue(get_setting(db, "kiosk_idle_seconds"))
        self.kiosk_advance.setChecked(get_setting(db, "kiosk_auto_advance"))
        self.backup_folder.setText(get_setting(db, "backup_folder"))
        self.backups_kept.setValue(get_setting(db, "daily_backups_kept"))
        self.forms_folder.setText(get_setting(db, "clinic_forms_folder"))
        self._load_forms()
        overrides = get_setting(db, "thresholds")
        for name, default in values.threshold_fields().items():
            self.threshold_boxes[name].setValue(overrides.get(name, default))

    def _load_forms(self) -> None:
        library = self.session.library
        self.pairs = values.visit_form_choices(library.forms)
        current = get_setting(self.session.db, "visit_forms")
        for kind, combo in (("full", self.full_forms), ("brief", self.brief_forms)):
            combo.clear()
            for pair in self.pairs:
                title = library.get(pair[0]).title.get(current_language())
                combo.addItem(f"{title} ({pair[0]}, v{pair[1]})", pair)
            chosen = current.get(kind, {}).get("patient", [None])[0]
            index = next((i for i, p in enumerate(self.pairs) if p[0] == chosen), -1)
            combo.setCurrentIndex(index)

    def _show_advanced(self, shown: bool) -> None:
        self.groups["thresholds"].setVisible(shown)
        self._name_advanced()

    def _name_advanced(self) -> None:
        shown = self.advanced_button.isChecked()
        arrow = "▾" if shown else "▸"
        self.advanced_button.setText(f"{arrow} " + self.tr("Advanced: analysis thresholds"))
        self.advanced_button.setToolTip(
            self.tr("Hide the thresholds") if shown else self.tr("Show the thresholds")
        )

    def reset_thresholds(self) -> None:
        for name, default in values.threshold_fields().items():
            self.threshold_boxes[name].setValue(default)

    def _adopted(self) -> None:
        """The clinic adopted its own thresholds: show them and analyse again with them."""
        self.load()
        self.apply({"thresholds"})

    def save(self) -> bool:
        """Check, then store every value; say what was saved or what is wrong."""
        try:
            changed = self._store()
        except DyadeError as exc:
            show_error(self, describe(exc))
            return False
        self.apply(changed)
        self.status.setText(self.tr("Settings saved."))
        return True

    def _store(self) -> set[str]:
        db, before = self.session.db, self._snapshot()
        backup = values.check_folder(self.backup_folder.text(), self.tr("Backup folder"))
        forms = values.check_folder(self.forms_folder.text(), self.tr("Clinic's forms folder"))
        thresholds = values.threshold_overrides(
            {name: box.value() for name, box in self.threshold_boxes.items()}
        )
        new = {
            "language": self.language.currentData(),
            "report_page_size": self.page_size.currentData(),
            "idle_lock_minutes": self.idle_minutes.value(),
            "kiosk_idle_seconds": self.kiosk_seconds.value(),
            "kiosk_auto_advance": self.kiosk_advance.isChecked(),
            "backup_folder": backup,
            "daily_backups_kept": self.backups_kept.value(),
            "clinic_forms_folder": forms,
            "thresholds": thresholds,
        }
        if self.full_forms.currentData() and self.brief_forms.currentData():
            new["visit_forms"] = values.visit_forms_value(
                self.full_forms.currentData(), self.brief_forms.currentData()
            )
        with self.session.db_lock, db.atomic():
            for key, value in new.items():
                set_setting(db, key, value)
        values.remember_language(new["language"])
        return {key for key, value in new.items() if before.get(key) != value}

    def _snapshot(self) -> dict[str, Any]:
        keys = ("language", "idle_lock_minutes", "clinic_forms_folder", "thresholds")
        return {key: get_setting(self.session.db, key) for key in keys}

    def apply(self, changed: set[str]) -> None:
        """Put what changed to work now: the idle lock, the forms, the analysis."""
        idle = getattr(self.workspace.window(), "idle", None)
        if "idle_lock_minutes" in changed and idle is not None:
            idle.set_minutes(self.idle_minutes.value())
        if "clinic_forms_folder" in changed:
            self.session.reload_library()
            self._load_forms()
        if "thresholds" in changed:
            from dyade.ui.workspace.background import reanalyse_all

            self.session.reload_library()
            reanalyse_all(self.workspace)
        self.retranslate()

    # -- words ----------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Settings"))
        for key, text in {
            "general": self.tr("Language, reports and idle times"),
            "backups": self.tr("Backups"),
            "forms": self.tr("Questionnaires used"),
            "thresholds": self.tr("Analysis thresholds"),
        }.items():
            self.groups[key].setTitle(text)
        for key, text in {
            "language": self.tr("Clinic's language (first screen, new accounts):"),
            "page_size": self.tr("PDF page size:"),
            "idle": self.tr("Lock the workspace after (minutes without use):"),
            "kiosk": self.tr("Kiosk back to its welcome screen after (seconds):"),
            "kiosk_advance": self.tr("Kiosk: a single-choice answer goes on by itself:"),
            "backup_folder": self.tr("Backup folder:"),
            "backups_kept": self.tr("Daily backups kept:"),
            "full_forms": self.tr("Full visit (the complete questionnaires):"),
            "brief_forms": self.tr("Brief visit (a few questions, for follow-ups):"),
            "forms_folder": self.tr("Clinic's own forms folder:"),
        }.items():
            self.labels[key].setText(text)
        self.backup_folder.setPlaceholderText(
            self.tr("Empty: a “backups” folder next to the database ({path})").format(
                path=self.session.path.parent
            )
        )
        self.forms_folder.setPlaceholderText(self.tr("Empty: Dyade's own forms folder"))
        self.backup_browse.setText(self.tr("Choose…"))
        self.forms_browse.setText(self.tr("Choose…"))
        self._retranslate_thresholds()
        self._show_form_errors()
        self.save_button.setText(self.tr("Save the settings"))

    def _retranslate_thresholds(self) -> None:
        self.thresholds_intro.setText(
            self.tr(
                "The numbers behind each flag (docs/ANALYSIS.md explains them). Change them "
                "only with good reason; saving analyses every dyad again."
            )
        )
        self._name_advanced()
        for name, default in values.threshold_fields().items():
            self.labels[f"t_{name}"].setText(threshold_label(name))
            self.explanations[name].setText(threshold_explanation(name))
            self.explanations[name].setVisible(bool(self.explanations[name].text()))
            tip = self.tr("Default: {value}").format(value=default_text(default))
            self.threshold_boxes[name].setLocale(reader_locale())  # 0,67 in French
            self.threshold_boxes[name].setToolTip(tip)
            self.threshold_boxes[name].setSuffix(
                "" if self.threshold_boxes[name].value() == default else "  ✎"
            )
        self.reset_button.setText(self.tr("Reset the thresholds to their defaults"))

    def _show_form_errors(self) -> None:
        errors = self.session.library.forms.errors
        if not errors:
            self.form_errors.setText(self.tr("Every form file was loaded."))
            return
        lines = [self.tr("These form files could not be loaded:")]
        lines += [f"• {error.text(current_language())}" for error in errors]
        self.form_errors.setText("\n".join(lines))
