"""A dyad's trajectory over visits, both sides, with rupture–repair episodes marked.

Drawn with QPainter: one line per side for the chosen subscale (bond by
default), brief-form visits as hollow points, each episode as a shaded band
from the visit before the drop to the recovery (repaired, green, with a check
mark) or to the last visit (unresolved, orange, with an open circle), and
the gap between the two sides below as the convergence.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from dyade.analysis import DyadHistory
from dyade.ui.workspace.score_chart import INK, PATIENT, PHYSICIAN

REPAIRED = QColor(30, 107, 52, 50)
UNRESOLVED = QColor(161, 75, 0, 55)
LO, HI = 1.0, 5.0


class HistoryChart(QWidget):
    """``set_history(history, subscale, texts)``; ``episodes_drawn`` lists what was marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history: DyadHistory | None = None
        self.subscale = "bond"
        self.labels: dict[int, str] = {}
        self.texts = {
            "patient": "patient",
            "physician": "physician",
            "repaired": "repaired",
            "unresolved": "unresolved",
        }
        self.episodes_drawn: list[tuple[str, int, int]] = []
        self.setMinimumHeight(340)

    def sizeHint(self) -> QSize:
        return QSize(760, 380)

    def set_history(
        self, history: DyadHistory, subscale: str, texts: dict[str, str], labels: dict[int, str]
    ) -> None:
        self.history, self.subscale, self.texts, self.labels = history, subscale, texts, labels
        self.episodes_drawn = [
            (e.status, e.before_visit, e.recovered_visit or e.visit)
            for e in history.episodes
            if subscale in (e.subscales or (e.subscale,))
        ]
        self.update()

    def _frame(self) -> QRectF:
        return QRectF(60, 36, max(100, self.width() - 130), max(100, self.height() - 90))

    def _x(self, visit: int, frame: QRectF) -> float:
        visits = self.history.visits
        if len(visits) < 2:
            return frame.center().x()
        return frame.left() + (visits.index(visit)) / (len(visits) - 1) * frame.width()

    def _y(self, value: float, frame: QRectF) -> float:
        return frame.bottom() - (value - LO) / (HI - LO) * frame.height()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#FFFFFF"))
        if self.history is None or not self.history.visits:
            return
        frame = self._frame()
        self._grid(painter, frame)
        self._episodes(painter, frame)
        for side, colour in (("patient", PATIENT), ("physician", PHYSICIAN)):
            self._line(painter, frame, side, colour)
        self._legend(painter)

    def _grid(self, painter: QPainter, frame: QRectF) -> None:
        painter.setPen(QPen(QColor("#DDE3E8"), 1))
        for point in range(int(LO), int(HI) + 1):
            y = self._y(point, frame)
            painter.drawLine(QPointF(frame.left(), y), QPointF(frame.right(), y))
            painter.setPen(INK)
            painter.drawText(QRectF(0, y - 9, 36, 18), Qt.AlignmentFlag.AlignRight, str(point))
            painter.setPen(QPen(QColor("#DDE3E8"), 1))
        painter.setPen(INK)
        for visit in self.history.visits:
            x = self._x(visit, frame)
            text = self.labels.get(visit, str(visit))
            painter.drawText(
                QRectF(x - 50, frame.bottom() + 6, 100, 36),
                Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap,
                text,
            )

    def _episodes(self, painter: QPainter, frame: QRectF) -> None:
        seen = set()
        for status, start, end in self.episodes_drawn:
            if (status, start, end) in seen:
                continue
            seen.add((status, start, end))
            x0, x1 = self._x(start, frame), self._x(end, frame)
            band = QRectF(x0, frame.top(), max(8.0, x1 - x0), frame.height())
            painter.fillRect(band, REPAIRED if status == "repaired" else UNRESOLVED)
            mark = (
                "✓ " + self.texts["repaired"]
                if status == "repaired"
                else "○ " + self.texts["unresolved"]
            )
            painter.setPen(INK)
            painter.drawText(QRectF(x0 + 12, frame.top() + 14, 220, 20), mark)

    def _line(self, painter: QPainter, frame: QRectF, side: str, colour: QColor) -> None:
        points = self.history.series.get(side, {}).get(self.subscale, [])
        path, started = QPainterPath(), False
        painter.setPen(
            QPen(colour, 3, Qt.PenStyle.SolidLine if side == "patient" else Qt.PenStyle.DashLine)
        )
        for point in points:
            if point.value is None:
                started = False
                continue
            at = QPointF(self._x(point.visit, frame), self._y(point.value, frame))
            if started:
                path.lineTo(at)
            else:
                path.moveTo(at)
                started = True
        painter.drawPath(path)
        for point in points:
            if point.value is None:
                continue
            at = QPointF(self._x(point.visit, frame), self._y(point.value, frame))
            painter.setBrush(QColor("#FFFFFF") if point.use == "brief" else colour)
            painter.setPen(QPen(colour, 2))
            painter.drawEllipse(at, 5, 5)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _legend(self, painter: QPainter) -> None:
        x = 44.0
        for side, colour, style in (
            ("patient", PATIENT, Qt.PenStyle.SolidLine),
            ("physician", PHYSICIAN, Qt.PenStyle.DashLine),
        ):
            painter.setPen(QPen(colour, 3, style))
            painter.drawLine(QPointF(x, 14), QPointF(x + 28, 14))
            painter.setPen(INK)
            painter.drawText(QPointF(x + 34, 19), self.texts[side])
            x += 60 + painter.fontMetrics().horizontalAdvance(self.texts[side])
