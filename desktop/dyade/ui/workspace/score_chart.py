"""Side-by-side subscale scores of one visit, drawn with QPainter (no QtCharts needed).

One row per subscale: the patient's bar and the physician's bar on the same
1–5 scale, and a hollow diamond for each one's estimate of the other. General
and specific components are drawn as two separate blocks.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from dyade.ui.workspace.formats import number_text

PATIENT = QColor("#0B5F5A")
PHYSICIAN = QColor("#A04A00")
GRID = QColor("#C5CFD6")
INK = QColor("#1B2631")
SCALE_MIN, SCALE_MAX = 1.0, 5.0
ROW = 22


@dataclass(frozen=True)
class ScoreRow:
    subscale: str
    label: str
    component: str
    patient: float | None
    physician: float | None
    patient_estimate_of_physician: float | None = None
    physician_estimate_of_patient: float | None = None


class ScoreChart(QWidget):
    """Paints :class:`ScoreRow` blocks; ``texts`` holds the translated legend words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.blocks: list[tuple[str, list[ScoreRow]]] = []
        self.texts = {"patient": "patient", "physician": "physician", "estimate": "estimate"}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_blocks(self, blocks: list[tuple[str, list[ScoreRow]]], texts: dict[str, str]) -> None:
        self.blocks, self.texts = blocks, texts
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:
        rows = sum(len(rows) for _, rows in self.blocks)
        return QSize(640, 40 + len(self.blocks) * 28 + rows * (2 * ROW + 10) + 30)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        label_w = min(260, int(self.width() * 0.32))
        left, right = label_w + 12, self.width() - 60
        y = self._legend(painter, 6)
        for title, rows in self.blocks:
            font = QFont(self.font())
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(INK)
            painter.drawText(QRectF(0, y, self.width(), 24), Qt.AlignmentFlag.AlignVCenter, title)
            painter.setFont(self.font())
            y += 28
            for row in rows:
                self._row(painter, row, y, label_w, left, right)
                y += 2 * ROW + 10
        self._axis(painter, y, left, right)

    def _x(self, value: float, left: float, right: float) -> float:
        return left + (value - SCALE_MIN) / (SCALE_MAX - SCALE_MIN) * (right - left)

    def _legend(self, painter: QPainter, y: float) -> float:
        x = 0.0
        for colour, key in ((PATIENT, "patient"), (PHYSICIAN, "physician")):
            painter.fillRect(QRectF(x, y + 6, 22, 12), colour)
            painter.setPen(INK)
            painter.drawText(QPointF(x + 28, y + 17), self.texts[key])
            x += 40 + painter.fontMetrics().horizontalAdvance(self.texts[key])
        self._diamond(painter, QPointF(x + 8, y + 12), INK)
        painter.drawText(QPointF(x + 22, y + 17), self.texts["estimate"])
        return y + 32

    def _row(self, painter: QPainter, row: ScoreRow, y: float, label_w: int, left, right) -> None:
        painter.setPen(INK)
        rect = QRectF(0, y, label_w, 2 * ROW)
        flags = Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(rect, flags, row.label)
        for offset, value, estimate, colour in (
            (0, row.patient, row.physician_estimate_of_patient, PATIENT),
            (ROW, row.physician, row.patient_estimate_of_physician, PHYSICIAN),
        ):
            top = y + offset + 3
            painter.fillRect(QRectF(left, top, right - left, ROW - 6), QColor("#EEF2F4"))
            if value is not None:
                width = self._x(value, left, right) - left
                painter.fillRect(QRectF(left, top, max(2.0, width), ROW - 6), colour)
                painter.setPen(INK)
                painter.drawText(QPointF(right + 8, top + ROW - 10), number_text(value))
            if estimate is not None:
                self._diamond(
                    painter, QPointF(self._x(estimate, left, right), top + (ROW - 6) / 2), INK
                )

    def _diamond(self, painter: QPainter, at: QPointF, colour: QColor) -> None:
        r = 7
        shape = QPolygonF(
            [at + QPointF(0, -r), at + QPointF(r, 0), at + QPointF(0, r), at + QPointF(-r, 0)]
        )
        painter.setPen(QPen(colour, 2))
        painter.setBrush(QColor("#FFFFFF"))
        painter.drawPolygon(shape)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _axis(self, painter: QPainter, y: float, left: float, right: float) -> None:
        painter.setPen(QPen(GRID, 1))
        painter.drawLine(QPointF(left, y), QPointF(right, y))
        painter.setPen(INK)
        for point in range(int(SCALE_MIN), int(SCALE_MAX) + 1):
            x = self._x(point, left, right)
            painter.drawLine(QPointF(x, y), QPointF(x, y + 4))
            painter.drawText(
                QRectF(x - 10, y + 4, 20, 18), Qt.AlignmentFlag.AlignCenter, str(point)
            )
