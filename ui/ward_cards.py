"""Bed cards (床头卡) painted by a delegate in an icon-mode list view over the shared bed proxy.

A delegate instead of one widget per bed: a 60-bed ward repaints cheaply, and arrow keys, Enter
and double-click work like in any Qt view.
"""
from __future__ import annotations

from typing import Any, Optional

from ui.formatting import (
    ALLERGY_COLOR,
    CRITICAL_COLOR,
    GRADE_COLORS,
    SERIOUS_COLOR,
    age_text,
    days_text,
    grade_text,
    list_text,
    sex_text,
)
from ui.operations.ward import BedRow
from ui.qt import (
    QAbstractItemView,
    QColor,
    QEvent,
    QFont,
    QFontMetrics,
    QListView,
    QPainter,
    QPen,
    QRect,
    QSize,
    QStyle,
    QStyledItemDelegate,
    Qt,
    QWidget,
    translate,
)
from ui.ward_model import CRITICAL_ROLE, MARK_ROLE, ROW_ROLE, mark_chips

CARD_SIZE = QSize(212, 128)      # the narrowest card; the grid widens cards to fill each row
SPACING = 4
HEADER_H = 28
EMPTY_COLOR = QColor("#b0b7bf")
CRITICAL_MARK = QColor("#c62828")     # a critical value (危急值) not acknowledged: badge and frame
BORDER = QColor("#cfd6dd")
TEXT = QColor("#1f2328")
MUTED = QColor("#57606a")
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# The flags' colours by kind (ui/ward_model.mark_chips): orders to verify blue, an overdue
# document red, a document due amber, a nursing risk purple, a re-assessment due slate.
CHIP_COLORS = {"verify": QColor("#1565c0"), "overdue": QColor("#c62828"), "due": QColor("#b26a00"),
               "risk": QColor("#6a1b9a"), "reassess": QColor("#546e7a")}


class BedCardDelegate(QStyledItemDelegate):
    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.card_size = QSize(CARD_SIZE)

    def sizeHint(self, option: Any, index: Any) -> QSize:
        return self.card_size

    def paint(self, painter: QPainter, option: Any, index: Any) -> None:
        row = index.data(ROW_ROLE)
        if not isinstance(row, BedRow):
            return
        card = row.card
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        rect = QRect(option.rect).adjusted(3, 3, -3, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        head_color = GRADE_COLORS.get(card.nursing_grade, GRADE_COLORS[3]) if card.occupied else EMPTY_COLOR
        highlight = option.palette.highlight().color()

        critical = int(index.data(CRITICAL_ROLE) or 0) if card.occupied else 0
        frame = highlight if selected else (CRITICAL_MARK if critical else BORDER)
        painter.setPen(QPen(frame, 3 if selected or critical else 1))
        painter.setBrush(QColor("#ffffff") if card.occupied else QColor("#f4f6f8"))
        painter.drawRoundedRect(rect, 6, 6)

        head = QRect(rect.left() + 1, rect.top() + 1, rect.width() - 1, HEADER_H)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(head_color)
        painter.drawRoundedRect(head, 5, 5)
        painter.drawRect(head.adjusted(0, HEADER_H // 2, 0, 0))

        base = QFont(option.font)
        bold = QFont(base)
        bold.setBold(True)
        bold.setPointSizeF(base.pointSizeF() * 1.15)
        painter.setFont(bold)
        painter.setPen(QColor("#ffffff"))
        bed_text = translate("BedCard", "{bed}床").format(bed=card.bed_no)
        painter.drawText(head.adjusted(8, 0, -4, 0), LEFT, bed_text)
        if card.occupied:
            painter.setFont(base)
            offset = QFontMetrics(bold).horizontalAdvance(bed_text) + 16
            painter.drawText(head.adjusted(offset, 0, -4, 0), LEFT, grade_text(card.nursing_grade))
        self._badges(painter, head, base, row, critical)

        body = QRect(rect.left() + 9, head.bottom() + 5, rect.width() - 18, rect.bottom() - head.bottom() - 8)
        if not card.occupied:
            painter.setFont(base)
            painter.setPen(MUTED)
            painter.drawText(body, Qt.AlignmentFlag.AlignCenter, translate("BedCard", "空床"))
            painter.restore()
            return
        fm = QFontMetrics(base)
        line_h = fm.height() + 4
        name_font = QFont(base)
        name_font.setBold(True)
        name_font.setPointSizeF(base.pointSizeF() * 1.25)
        name_fm = QFontMetrics(name_font)
        name_h = name_fm.height() + 2
        painter.setFont(name_font)
        painter.setPen(TEXT)
        painter.drawText(QRect(body.left(), body.top(), body.width(), name_h), LEFT,
                         name_fm.elidedText(card.name, Qt.TextElideMode.ElideRight, body.width() - 70))
        painter.setFont(base)
        painter.setPen(MUTED)
        painter.drawText(QRect(body.left(), body.top(), body.width(), name_h), RIGHT,
                         f"{sex_text(card.sex)}  {age_text(card.age_years, card.age_text)}")
        y = body.top() + name_h + 2
        doctor = (translate("BedCard", "主治：{name}").format(name=card.attending_name)
                  if card.attending_name else "")
        painter.drawText(QRect(body.left(), y, body.width(), line_h), RIGHT, doctor)
        allergy = (translate("BedCard", "过敏：{list}").format(list=list_text(card.allergies))
                   if card.allergies else "")
        chips_w = self._chips(painter, QRect(body.left(), y + 2 * (line_h - 2), body.width(), line_h - 2),
                              base, mark_chips(index.data(MARK_ROLE)))
        lines = [
            (days_text(card.days_in_hospital), MUTED),
            (card.diagnosis, TEXT),
            (allergy, ALLERGY_COLOR),
        ]
        for n, (text, color) in enumerate(lines):
            if y + line_h > rect.bottom() + 2:
                break
            width = body.width() - (chips_w + 6 if n == 2 and chips_w else 0)   # the flags' line
            painter.setPen(color)
            painter.drawText(QRect(body.left(), y, width, line_h), LEFT,
                             fm.elidedText(text, Qt.TextElideMode.ElideRight, width))
            y += line_h - 2
        if focused and not selected:
            painter.setPen(QPen(highlight, 1, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(2, 2, -2, -2), 5, 5)
        painter.restore()

    @staticmethod
    def _chips(painter: QPainter, line: QRect, base: QFont, chips: list[tuple[str, str]]) -> int:
        """The stay's flags right-aligned on the card's last line (beside 过敏); returns their width."""
        if not chips:
            return 0
        font = QFont(base)
        font.setPointSizeF(base.pointSizeF() * 0.9)
        font.setBold(True)
        painter.setFont(font)
        fm = QFontMetrics(font)
        x = line.right()
        height = min(line.height(), fm.height() + 2)
        top = line.top() + (line.height() - height) // 2
        for text, kind in reversed(chips):
            color = CHIP_COLORS.get(kind, MUTED)
            w = fm.horizontalAdvance(text) + 8
            if x - w < line.left() + line.width() // 3:     # never over most of the line
                break
            box = QRect(x - w, top, w, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            x -= w + 3
        painter.setFont(base)
        return line.right() - x

    @staticmethod
    def _badges(painter: QPainter, head: QRect, base: QFont, row: BedRow, critical: int = 0) -> None:
        card = row.card
        badges: list[tuple[str, QColor]] = []
        if critical:
            badges.append((translate("BedCard", "危急值"), CRITICAL_MARK))
        if card.acuity == "critical":
            badges.append((translate("BedCard", "危"), CRITICAL_COLOR))
        elif card.acuity == "serious":
            badges.append((translate("BedCard", "重"), SERIOUS_COLOR))
        if card.allergies:
            badges.append((translate("BedCard", "敏"), ALLERGY_COLOR))
        font = QFont(base)
        font.setBold(True)
        painter.setFont(font)
        fm = QFontMetrics(font)
        x = head.right() - 6
        size = HEADER_H - 8
        for text, color in badges:
            w = max(size, fm.horizontalAdvance(text) + 8)
            box = QRect(x - w, head.top() + 4, w, size)
            painter.setPen(QPen(color, 1))
            painter.setBrush(QColor("#ffffff"))
            painter.drawRoundedRect(box, 4, 4)
            painter.setPen(color)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            x -= w + 4


class BedCardView(QListView):
    """The card grid; shares the bed proxy model with the list view."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setWrapping(True)
        self.setUniformItemSizes(True)
        self.setSpacing(SPACING)
        # Always on: Qt reserves the bar's width anyway when laying out a wrapping grid, and
        # rows keep their width when the ward grows past one screen.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.card_delegate = BedCardDelegate(self)
        self.setItemDelegate(self.card_delegate)
        self.setStyleSheet("QListView { background: #eef1f4; border: none; }")

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:    # the window or the ward view was resized
            self._fit_cards()
        return super().viewportEvent(event)

    def _fit_cards(self) -> None:
        """As many cards per row as fit, each widened so the row ends at the right edge."""
        # IconMode wants spacing at both ends of a row and between cards, or it wraps early.
        width = self.viewport().width() - 2 * SPACING
        columns = max(1, width // (CARD_SIZE.width() + SPACING))
        card_width = max(CARD_SIZE.width(), width // columns - SPACING)
        if card_width != self.card_delegate.card_size.width():
            self.card_delegate.card_size = QSize(card_width, CARD_SIZE.height())
            self.scheduleDelayedItemsLayout()
