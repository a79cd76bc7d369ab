"""A grid worker's card (网格员积分卡) for this or last month: daily score and distance per day as bars, the
task mix over the 12 categories, and the score lines, deductions and manual adjustments behind the total.

Clicking a day's bar lists that day's score lines; double-clicking it (or "Replay day") emits
`sig_replay_requested(worker_id, day)`. Activating a score line emits `sig_record_opened(table, id)` for its
source record and, when the record concerns a premise, `sig_premise_opened(premise_id)`; a missed check-in
(sourced from the duty roster) asks for that day's replay instead. The window routes these signals."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.domain.score_card import is_deduction
from console.domain.scoring import CATEGORY_CODES
from console.qtmodels.labels import fill
from console.qtmodels.review_ranking import PERIOD_LABELS, PERIODS, period_range
from console.qtmodels.review_ranking import label as ranking_label
from console.qtmodels.review_worker_card import (
    LINE_ROLE,
    AdjustmentsModel,
    ScoreLinesModel,
    WorkerCardModel,
    export_card_xlsx,
    kind_label,
    points_text,
)
from console.qtmodels.tasks import TaskRunner
from console.services.jurisdiction import Actor
from console.services.worker_card import CardLine, WorkerCard
from widgets.review.card_charts import DayBars, MixChart
from widgets.review.xlsx_save import save_xlsx

MIX_MIN_HEIGHT = 200


def _table(model, name: str, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view


class WorkerCardPanel(QWidget):
    sig_replay_requested = Signal(int, object)  # worker id, datetime.date
    sig_record_opened = Signal(str, int)  # source table ("incidents", "inspections", …), record id
    sig_premise_opened = Signal(int)

    def __init__(self, runner: TaskRunner, actor: Actor, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self._today = today or date.today()
        self.model = WorkerCardModel(runner, actor, self)
        self.worker_id: int | None = None
        self.day: date | None = None

        self.title = QLabel(self.tr("Double-click a grid worker in the ranking to open their card."), self)
        self.title.setObjectName("cardTitle")
        self.title.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("cardPeriod")
        for period in PERIODS:
            self.period_combo.addItem(ranking_label(PERIOD_LABELS[period]), period)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("cardTotal")
        self.replay_button = QPushButton(self.tr("Replay day"), self)
        self.replay_button.setObjectName("cardReplay")
        self.replay_button.setEnabled(False)
        self.export_button = QPushButton(self.tr("Export XLSX…"), self)
        self.export_button.setObjectName("cardExport")
        self.export_button.setEnabled(False)

        self.score_chart = DayBars(self)
        self.score_chart.setObjectName("cardDailyScore")
        self.score_chart.setTitle(self.tr("Daily score"), size="10pt")
        self.distance_chart = DayBars(self, colour="#5aa469")
        self.distance_chart.setObjectName("cardDistance")
        self.distance_chart.setTitle(self.tr("Distance per day (km)"), size="10pt")
        self.mix_chart = MixChart(self)
        self.mix_chart.setObjectName("cardTaskMix")
        self.mix_chart.setTitle(self.tr("Task mix (tasks)"), size="10pt")
        # In a short dock the twelve category names would overlap and the day bars vanish; below these
        # heights the tables give way (the splitter or a floating dock gives them room again).
        self.mix_chart.setMinimumHeight(MIX_MIN_HEIGHT)
        for chart in (self.score_chart, self.distance_chart):
            chart.setMinimumHeight(MIX_MIN_HEIGHT // 2)

        self.lines_model, self.deductions_model = ScoreLinesModel(self), ScoreLinesModel(self)
        self.adjustments_model = AdjustmentsModel(self)
        self.lines_view = _table(self.lines_model, "cardLines", self)
        self.deductions_view = _table(self.deductions_model, "cardDeductions", self)
        self.adjustments_view = _table(self.adjustments_model, "cardAdjustments", self)
        self.day_label = QLabel(self)
        self.all_days_button = QPushButton(self.tr("All days"), self)
        self.all_days_button.setObjectName("cardAllDays")
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._lines_page(), self.tr("Score lines"))
        self.tabs.addTab(self.deductions_view, self.tr("Deductions"))
        self.tabs.addTab(self.adjustments_view, self.tr("Manual adjustments"))
        self._layout()

        self.model.sig_loaded.connect(self._show_card)
        self.period_combo.currentIndexChanged.connect(lambda _: self.reload())
        for chart in (self.score_chart, self.distance_chart):
            chart.sig_bar_clicked.connect(self._bar_clicked)
        self.all_days_button.clicked.connect(lambda: self.select_day(None))
        self.replay_button.clicked.connect(self._request_replay)
        self.export_button.clicked.connect(self._export)
        for view in (self.lines_view, self.deductions_view):
            view.activated.connect(self._line_activated)

    def _lines_page(self) -> QWidget:
        page = QWidget(self)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.day_label)
        bar.addStretch(1)
        bar.addWidget(self.all_days_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.lines_view, 1)
        return page

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Period"), self))
        top.addWidget(self.period_combo)
        top.addWidget(self.total_label)
        top.addWidget(self.replay_button)
        top.addWidget(self.export_button)
        days = QSplitter(Qt.Orientation.Vertical, self)
        days.addWidget(self.score_chart)
        days.addWidget(self.distance_chart)
        charts = QSplitter(Qt.Orientation.Horizontal, self)
        charts.addWidget(days)
        charts.addWidget(self.mix_chart)
        charts.setStretchFactor(0, 3)
        charts.setStretchFactor(1, 2)
        main = QSplitter(Qt.Orientation.Vertical, self)
        main.addWidget(charts)
        main.addWidget(self.tabs)
        main.setStretchFactor(0, 3)
        main.setStretchFactor(1, 2)
        main.setSizes([600, 400])  # the tables' size hints would otherwise squeeze the charts flat
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(main, 1)

    # -- loading ----------------------------------------------------------------------------------------

    def period(self) -> tuple[date, date]:
        return period_range(self.period_combo.currentData(), self._today)

    def show_worker(self, worker_id: int, period: str | None = None) -> None:
        """Open the card of `worker_id`, for `period` ("this_month", "last_month") when given."""
        self.worker_id = worker_id
        index = self.period_combo.findData(period) if period else -1
        if index >= 0 and index != self.period_combo.currentIndex():
            self.period_combo.setCurrentIndex(index)  # reloads
        else:
            self.reload()

    def reload(self) -> None:
        if self.worker_id is not None:
            self.model.load(self.worker_id, *self.period())

    @property
    def card(self) -> WorkerCard | None:
        return self.model.card

    def _show_card(self, card: WorkerCard) -> None:
        self.title.setText(f"{card.name} ({card.code}) · {card.grid}")
        self.total_label.setText(fill(self.tr("Total %1 points"), points_text(card.total)))
        daily = card.daily_points()
        labels = [str(d.day) for d in card.days]
        self.score_chart.set_bars([daily[d] for d in card.days], labels)
        self.distance_chart.set_bars([card.distance_m.get(d, 0.0) / 1000 for d in card.days], labels)
        mix = card.task_mix()
        counts = [mix[c].count for c in CATEGORY_CODES]
        self.mix_chart.set_mix([kind_label(c) for c in CATEGORY_CODES], counts)
        self.deductions_model.set_rows([c for c in card.lines if is_deduction(c.line)])
        self.adjustments_model.set_rows(list(card.adjustments))
        self.tabs.setTabText(1, fill(self.tr("Deductions (%1)"), self.deductions_model.rowCount()))
        self.tabs.setTabText(2, fill(self.tr("Manual adjustments (%1)"), self.adjustments_model.rowCount()))
        self.export_button.setEnabled(True)
        self.select_day(self.day if self.day in card.days else None)

    # -- interaction ------------------------------------------------------------------------------------

    def select_day(self, day: date | None) -> None:
        """List that day's score lines (None: the whole period) and mark its bars."""
        card = self.card
        self.day = day
        if card is None:
            return
        index = card.days.index(day) if day is not None else None
        for chart in (self.score_chart, self.distance_chart):
            chart.set_selected(index)
        self.lines_model.set_rows(card.lines_of(day) if day is not None else list(card.lines))
        self.replay_button.setEnabled(day is not None)
        self.all_days_button.setEnabled(day is not None)
        if day is None:
            self.day_label.setText(fill(self.tr("All %1 score lines of the period"), len(card.lines)))
        else:
            self.day_label.setText(fill(self.tr("%1: %2 points in %3 score lines"), f"{day:%Y-%m-%d}",
                                        points_text(card.daily_points()[day]), self.lines_model.rowCount()))
            self.tabs.setCurrentIndex(0)

    def _bar_clicked(self, index: int, double: bool) -> None:
        if self.card is None:
            return
        self.select_day(self.card.days[index])
        if double:
            self._request_replay()

    def _request_replay(self) -> None:
        if self.card is not None and self.day is not None:
            self.sig_replay_requested.emit(self.card.worker_id, self.day)

    def _line_activated(self, index: QModelIndex) -> None:
        line: CardLine | None = index.data(LINE_ROLE) if index.isValid() else None
        if line is None or self.card is None:
            return
        if line.ref.table == "workers":
            self.sig_replay_requested.emit(self.card.worker_id, line.ref.day or line.line.day)
            return
        self.sig_record_opened.emit(line.ref.table, line.ref.id)
        if line.premise_id is not None:
            self.sig_premise_opened.emit(line.premise_id)

    def _export(self) -> None:
        card = self.card
        if card is not None:
            save_xlsx(self, self.tr("Export worker card"), f"{card.code}_{card.start:%Y-%m}.xlsx",
                      lambda path: export_card_xlsx(path, card))
