"""The waiting-room kiosk: a locked, full-screen window that shows one patient's
questionnaire and nothing else.

Screens: welcome (language first) -> visit code -> questions -> review ->
thank-you -> welcome. An idle reset, or the end, leaves nothing of the person
on screen; their answers are already in the database. Leaving the kiosk needs
a physician's (or an administrator's) sign-in.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dyade.paths import resources_dir
from dyade.ui.i18n import Translations
from dyade.ui.kiosk.chrome import TEXT_SIZES, CountdownBanner, KioskHeader
from dyade.ui.kiosk.guard import EscapeGuard, FocusKeeper, IdleWatch
from dyade.ui.kiosk.holding import Holder
from dyade.ui.kiosk.opening import OPEN_DELAY_MS, AfterFirstPaint, ClinicOpener, KioskClinic
from dyade.ui.kiosk.pages import CodePage, WelcomePage
from dyade.ui.retranslate import Retranslating
from dyade.ui.touch import swipe

# The forms, storage and questionnaire widgets load once the clinic is opened, after
# the welcome screen is painted (see opening.py); here they are named for types only.
if TYPE_CHECKING:
    from dyade.fill import FillSession, FormLookup, KindError
    from dyade.storage.users import User
    from dyade.ui.kiosk.thanks import ThanksPage
    from dyade.ui.questionnaire import QuestionnaireView
    from dyade.ui.questionnaire.speech import Reader

log = logging.getLogger(__name__)
EXIT_ROLES = ("physician", "admin")
WARN_SECONDS = 20
CONTENT_WIDTH = 1100  # the questionnaire's widest: rows a person can follow


def kiosk_style_sheet(base_pt: int) -> str:
    """``resources/styles/kiosk.qss`` with its sizes filled in for ``base_pt``."""
    text = (resources_dir() / "styles" / "kiosk.qss").read_text(encoding="utf-8")
    sizes = {
        "@base@": base_pt,
        "@large@": base_pt + 4,
        "@title@": round(base_pt * 1.5),
        "@small@": max(14, base_pt - 3),
        "@header@": min(18, max(14, base_pt - 3)),
        "@icon@": round(base_pt * 1.4),
    }
    for token, value in sizes.items():
        text = text.replace(token, str(value))
    return text


class KioskWindow(Retranslating, QWidget):
    """One locked window for patients; ``left(user)`` once staff signed out of it.

    ``completed(Completed)`` once a patient sent a questionnaire: what sending it
    changed (:class:`dyade.completion.Completed`; the visit is analysed already when
    the physician's side was in), for the screens that show the dyad.
    """

    left = Signal(object)
    completed = Signal(object)

    def __init__(
        self,
        db: object | None,
        library: FormLookup | None,
        *,
        clinic_name: str = "",
        idle_seconds: float = 120,
        language: str = "fr",
        translations: Translations | None = None,
        thanks_seconds: float = 15,
        lock: bool = True,
        opener: ClinicOpener | None = None,
        reader: Reader | None = None,
    ) -> None:
        """``db`` and ``library`` of an open clinic; or None for both and an ``opener``,
        called just after the welcome screen is first painted (or sooner if needed)."""
        on_top = Qt.WindowType.WindowStaysOnTopHint if lock else Qt.WindowType.Widget
        # the flag given now: set later (lock), it re-creates a window full of widgets
        super().__init__(None, Qt.WindowType.Window | on_top)
        self.setObjectName("kiosk")
        self.db, self.library, self.clinic_name = None, None, ""
        self._opener = opener
        self._reader = reader  # read aloud; the system's voices unless a test hands its own
        self.default_language = language
        self.translations = translations or Translations()
        # one language per process: the staff's, given back when they leave the kiosk
        self._staff_language = self.translations.language
        self.session: FillSession | None = None
        self._tension: str | None = None  # the kind the thank-you prompts were chosen for
        self.questionnaire: QuestionnaireView | None = None
        self.code_page: CodePage | None = None  # built with the clinic
        self.unlocked = False
        self.guard = EscapeGuard(self)
        self.keeper = FocusKeeper(self)
        self.holder = Holder(self)  # every screen covered, keyboard and mouse held
        self.keeper.restored.connect(self.holder.hold)
        self.idle = IdleWatch(idle_seconds, WARN_SECONDS, self)
        self.idle.tick.connect(self._on_idle_tick)
        self.idle.expired.connect(self.reset)
        self.idle.active_again.connect(self._on_active_again)
        self.idle_seconds, self.thanks_seconds = idle_seconds, thanks_seconds
        self.auto_advance = False  # the clinic's setting: a single choice goes on by itself
        self.apply_text_size(TEXT_SIZES[0])
        self._build()
        self._set_language(language)
        if lock:
            self.lock()
        self.painted = False
        if db is not None:
            self.attach(KioskClinic(db, library, clinic_name, language, idle_seconds))
        self._first_paint = AfterFirstPaint(self, self._after_first_paint, delay_ms=0)
        self.show_welcome()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = KioskHeader(self.clinic_name, self)
        self.header.language_chosen.connect(self.switch_language)
        self.header.text_size_changed.connect(self.apply_text_size)
        self.header.staff_requested.connect(self.ask_staff_exit)
        layout.addWidget(self.header)
        self.pages = QStackedWidget(self)
        self.pages.setObjectName("kioskPages")
        self.welcome = WelcomePage(self.clinic_name, self.pages)
        self.welcome.language_chosen.connect(self._on_language_first)
        self._thanks: ThanksPage | None = None  # built when first needed (see thanks)
        self.question_holder = QWidget(self.pages)
        self.question_layout = QHBoxLayout(self.question_holder)
        self.question_layout.setContentsMargins(32, 8, 32, 10)
        self.question_layout.addStretch(1)  # the questionnaire goes between these two,
        self.question_layout.addStretch(1)  # which share what is wider than CONTENT_WIDTH
        for page in (self.welcome, self.question_holder):
            self.pages.addWidget(page)
        layout.addWidget(self.pages, 1)
        self.countdown = CountdownBanner(self)  # floats, centred, over everything

    def _after_first_paint(self) -> None:
        """Just after the welcome screen is first painted: the pages take their swipe
        gesture (the process's first grab costs about 12 ms of CPU), then, a moment
        later, the clinic opens if it is not open yet."""
        self.painted = True
        for page in (self.welcome, self._thanks, self.code_page):
            if page is not None:
                swipe(page.scroll)
        if self._opener is not None:
            QTimer.singleShot(OPEN_DELAY_MS, self, self.ensure_clinic)

    @property
    def thanks(self) -> ThanksPage:
        """The thank-you screen, built when first needed: its widgets and their styling
        cost the welcome screen 6 ms of CPU, before a first patient has even begun."""
        if self._thanks is None:
            from dyade.ui.kiosk.thanks import ThanksPage

            self._thanks = ThanksPage(self.pages)
            self._thanks.finished.connect(self.reset)
            self.pages.addWidget(self._thanks)
            if self.painted:
                swipe(self._thanks.scroll)
        return self._thanks

    # ---- the clinic ---------------------------------------------------------------

    def attach(self, clinic: KioskClinic) -> None:
        """The clinic is open: its name on screen, its settings, the visit code screen."""
        self.db, self.library = clinic.db, clinic.library
        self.clinic_name, self.idle_seconds = clinic.name, clinic.idle_seconds
        self.auto_advance = clinic.auto_advance
        self.header.set_clinic_name(clinic.name)
        self.welcome.set_clinic_name(clinic.name)
        if clinic.language != self.default_language:
            self.default_language = clinic.language
            if self.pages.currentWidget() is self.welcome and self.session is None:
                self._set_language(clinic.language)
                self.welcome.buttons[clinic.language].setFocus()
        self.code_page = CodePage(self.pages)
        self.code_page.code_entered.connect(self._on_code_entered)
        self.pages.addWidget(self.code_page)
        if self.painted:  # else it swipes from the first paint, with the other pages
            swipe(self.code_page.scroll)

    def ensure_clinic(self) -> bool:
        """Open the clinic now if it is not open yet; False if it could not be."""
        if self.db is None and self._opener is not None:
            opener, self._opener = self._opener, None
            clinic = opener()
            if clinic is not None:
                self.attach(clinic)
        return self.db is not None

    def give_way(self) -> None:
        """The clinic could not be opened: nothing of a patient is on screen, so the
        kiosk closes for the unlock page (shown by whoever opened it)."""
        self.unlocked = True
        self.close()

    # ---- locking ----------------------------------------------------------------

    def lock(self) -> None:
        """Full screen, on top, escape keys swallowed, idle input watched."""
        app = QApplication.instance()
        app.installEventFilter(self.guard)
        app.installEventFilter(self.idle)
        if isinstance(app, QGuiApplication):
            app.commitDataRequest.connect(self._refuse_session_end)
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)

    def show_locked(self) -> None:
        """Full screen and active; brought back so whenever it strays (see FocusKeeper)."""
        self.showFullScreen()
        self.activateWindow()
        self.holder.hold()
        self.keeper.arm()

    def _refuse_session_end(self, manager) -> None:
        """The system asks to log out: say no while a patient may be using the kiosk."""
        if not self.unlocked and manager.allowsInteraction():
            manager.cancel()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.countdown.isVisible():
            self.countdown.place()

    def changeEvent(self, event: QEvent) -> None:
        self.keeper.window_changed(event)
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.unlocked:
            event.ignore()
            return
        self._release()
        super().closeEvent(event)

    def _release(self) -> None:
        self.keeper.disarm()
        self.holder.release()
        app = QApplication.instance()
        app.removeEventFilter(self.guard)
        app.removeEventFilter(self.idle)
        self.idle.stop()

    def ask_staff_exit(self) -> bool:
        """A physician signs in to leave; True when the kiosk closed."""
        from dyade.ui.login_dialog import LoginDialog

        if not self.ensure_clinic():
            return False
        dialog = LoginDialog(
            self.db,
            self,
            roles=EXIT_ROLES,
            purpose=self.tr("A physician signs in here to leave the questionnaire screen."),
        )
        self._dialog = dialog
        accepted = self._run_held(dialog)
        self._dialog = None
        if accepted and dialog.user is not None:
            self.unlock(dialog.user)
            return True
        return False

    def _run_held(self, dialog: QDialog) -> bool:
        """The staff dialog takes over the keyboard and mouse while it is open."""
        held = self.holder.held
        self.holder.pause()
        dialog_holder = Holder(dialog, screens=False)
        if held:
            QTimer.singleShot(0, dialog_holder.hold)  # once its loop runs and it is shown
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog_holder.pause()
            if held and not self.unlocked:
                self.holder.hold()

    def unlock(self, user: User) -> None:
        log.info("kiosk left by %s", user.login)
        self._drop_session()
        self._set_language(self._staff_language)
        self.unlocked = True
        self.close()
        self.left.emit(user)

    # ---- opening a questionnaire -------------------------------------------------

    def open_visit_code(self, code: str) -> bool:
        """Open the patient questionnaire of this visit; False (message shown) if refused."""
        from dyade.fill import FillSession

        return self._open(lambda: FillSession.open_visit_code(self.db, self.library, code))

    def open_response(self, response_uuid: str) -> bool:
        """ "Hand to patient": open this patient response, starting with the language."""
        from dyade.fill import FillSession

        return self._open(lambda: FillSession.open_response(self.db, self.library, response_uuid))

    def _open(self, fill_opener) -> bool:
        from dyade.fill import KindError

        if not self.ensure_clinic():
            return False
        try:
            session = fill_opener()
        except KindError as exc:
            self.show_code_page(exc)
            return False
        if session.respondent != "patient":
            log.warning("the kiosk refused a %s questionnaire", session.respondent)
            self.show_code_page()
            return False
        self._drop_session()
        self.session = session
        self.show_welcome(keep_session=True)
        self.welcome.buttons[session.language].setFocus()
        return True

    def _on_code_entered(self, code: str) -> None:
        from dyade.fill import FillSession, KindError

        try:
            session = FillSession.open_visit_code(self.db, self.library, code)
        except KindError as exc:
            self.code_page.refusal = exc
            self.code_page.show_error(exc.kind_message(self.translations.language))
            return
        self.session = session
        self.session.set_language(self.translations.language)
        self._start_questionnaire()

    def _on_language_first(self, lang: str) -> None:
        if not self.ensure_clinic():
            return
        self.switch_language(lang)
        if self.session is not None:
            self._start_questionnaire()
        else:
            self.show_code_page()

    def _start_questionnaire(self) -> None:
        from dyade.ui.questionnaire import QuestionnaireView

        self.questionnaire = QuestionnaireView(
            self.session, self.question_holder, reader=self.reader()
        )
        self.questionnaire.submitted.connect(self._on_submitted)
        # a readable width on a wide screen (not 1870 px rows at 1920x1080), centred
        self.questionnaire.setMaximumWidth(CONTENT_WIDTH)
        self.questionnaire.auto_advance = self.auto_advance
        self.question_layout.insertWidget(1, self.questionnaire, 100)  # between the margins
        self.pages.setCurrentWidget(self.question_holder)
        self.header.show_languages(True)
        self.idle.seconds = self.idle_seconds
        self.idle.start()
        self.questionnaire.show_screen(self.questionnaire.index)  # now shown: focus, at the top

    # ---- screens ------------------------------------------------------------------

    def show_welcome(self, *, keep_session: bool = False) -> None:
        if not keep_session:
            self._drop_session()
        self.pages.setCurrentWidget(self.welcome)
        self.header.show_languages(False)
        self.countdown.hide()
        if self.session is None:
            self.idle.stop()
        self.welcome.buttons[self.translations.language].setFocus()

    def show_code_page(self, refusal: KindError | None = None) -> None:
        self.pages.setCurrentWidget(self.code_page)
        self.header.show_languages(True)
        self.idle.seconds = self.idle_seconds
        self.idle.start()
        if refusal is not None:
            self.code_page.refusal = refusal
            self.code_page.show_error(refusal.kind_message(self.translations.language))
        else:
            self.code_page.field.setFocus()

    def _on_submitted(self) -> None:
        from dyade.fill import patient_prompts

        lang, completed = self.session.language, self.session.completed
        tension = completed.tension if completed is not None else None  # clinic's thresholds
        self._tension = tension
        self.thanks.set_prompts(patient_prompts(lang, tension=tension) if tension else [])
        self._drop_session()
        self.pages.setCurrentWidget(self.thanks)
        self.idle.seconds = self.thanks_seconds
        self.idle.start()
        self.thanks.done.setFocus()
        if completed is not None:
            self.completed.emit(completed)

    def reset(self) -> None:
        """Back to welcome; nothing of the previous person stays on screen."""
        if getattr(self, "_dialog", None) is not None:
            self._dialog.reject()
        self._drop_session()
        if self.code_page is not None:
            self.code_page.clear()
        if self._thanks is not None:
            self._thanks.set_prompts([])
        self.header.reset_size()
        self._set_language(self.default_language)
        self.show_welcome()

    def reader(self) -> Reader:
        """Read aloud, made when a first questionnaire opens (never before the welcome)."""
        if self._reader is None:
            from dyade.ui.questionnaire.speech import Reader

            self._reader = Reader(parent=self)
        return self._reader

    def _drop_session(self) -> None:
        if self._reader is not None:
            self._reader.stop()
        if self.questionnaire is not None:
            self.questionnaire.commit_pending()
            self.question_layout.removeWidget(self.questionnaire)
            self.questionnaire.hide()
            self.questionnaire.deleteLater()
            self.questionnaire = None
        self.session = None

    # ---- language, text size, idle -------------------------------------------------

    def switch_language(self, lang: str) -> None:
        """Any screen: change the language; answers given so far stay as they are."""
        self._set_language(lang)
        if self.questionnaire is not None:
            self.questionnaire.set_language(lang)
        elif self.session is not None:
            self.session.set_language(lang)
        if self._thanks is not None and self._thanks.prompts:
            from dyade.fill import patient_prompts

            self.thanks.set_prompts(patient_prompts(lang, tension=self._tension))
        page = self.code_page
        if page is not None and page.refusal is not None and page.error.isVisible():
            page.show_error(page.refusal.kind_message(lang))

    def _set_language(self, lang: str) -> None:
        self.translations.set_language(lang)
        self.header.set_language(lang)

    def apply_text_size(self, base_pt: int) -> None:
        self.setStyleSheet(kiosk_style_sheet(base_pt))

    def _on_idle_tick(self, remaining: int) -> None:
        on_thanks = self._thanks is not None and self.pages.currentWidget() is self._thanks
        if on_thanks:  # no "are you still there?" here
            self.thanks.show_remaining(remaining)
        else:
            self.countdown.show_remaining(remaining)

    def _on_active_again(self) -> None:
        self.countdown.hide()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Questionnaire"))
        self.setAccessibleName(self.tr("Questionnaire screen"))
