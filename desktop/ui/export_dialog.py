"""Export from the app: choose format, options and file, a cancellable progress dialog.

The formats and their options come from the registry (:mod:`desktop.export.registry`): the
dialog lists every format and enables the options the chosen one has, and of those only the
ones that apply to the other choices (the handout size with the handout layout). The slides
are chosen as on the command line (``1-5,8,12-``, read by :func:`desktop.core.ranges.parse_range`),
with a mistake said under the field and Export disabled until it is fixed. The file follows the
rule of :mod:`desktop.core.targets`, as on the command line: a folder, device, read-only or
deck file is refused (the dialog stays open); an existing file is replaced only after the user
says so, with a plainer warning when it is not of the format written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop.core.displays import choices, label, parsed
from desktop.core.i18n import _
from desktop.core.model import Deck
from desktop.core.problems import UserError
from desktop.core.ranges import parse_range
from desktop.core.targets import TargetError
from desktop.export import registry
from desktop.export.exporter import ExportCancelled, Exporter, ExportOptions, ExportResult, Option
from desktop.render.renderer import SlideRenderer

ERROR_COLOURS: Final = (QColor("#b3261e"), QColor("#ff8a80"))
"""The colour a mistake in a field is said in on a light and on a dark window (4.5:1 or more
on white and light greys, and on dark greys)."""

Ask = Callable[[str], bool]
"""Asks the user a yes/no question (default No); True for yes."""
Tell = Callable[[str], None]
"""Tells the user why something was refused."""


class ExportDialog(QDialog):
    """Asks for the format, its options and where to write.

    Args:
        suggested: The file name proposed (for the default format).
        slide_count: The deck's slides, for the slide range (0: no range offered).
        parent: The owning window.
        protected: Files never replaced (the deck's own).
        ask: Asks before an existing file is replaced (default: a message box; tests pass
            an answer).
        tell: Says why a file is refused (default: a message box).
        languages: The deck's languages: a Language choice of each and each pair (none for
            fewer than two).
        display: The language chosen first (the window's: ``en+zh``; ``""``: the primary).
    """

    def __init__(
        self,
        suggested: Path,
        parent: QWidget | None = None,
        protected: Iterable[Path] = (),
        ask: Ask | None = None,
        tell: Tell | None = None,
        slide_count: int = 0,
        languages: Sequence[str] = (),
        display: str = "",
    ) -> None:
        super().__init__(parent)
        self.setMinimumWidth(480)
        self.protected = tuple(protected)
        self.slide_count = slide_count
        self.force = False
        """The user agreed to replace a file of another format."""
        self._ask = ask or self._ask_box
        self._tell = tell or self._tell_box
        self.format_box = QComboBox()
        self.format_box.setAccessibleName(_("Format"))
        for exporter in registry.exporters():
            self.format_box.addItem(_(exporter.title), exporter.name)
        self.format_box.setCurrentIndex(registry.names().index(registry.DEFAULT))
        self._shown = self.exporter()
        self.option_widgets: dict[str, QComboBox | QSpinBox | QCheckBox] = {
            spec.name: _option_widget(spec) for spec in registry.all_options()
        }
        self.language_box = QComboBox()
        self.language_box.setAccessibleName(_("Language"))
        for shown in choices(languages) if languages else ():
            self.language_box.addItem(label(shown), str(shown))
        chosen = self.language_box.findData(str(parsed(display, languages))) if languages else -1
        self.language_box.setCurrentIndex(max(0, chosen))
        self.slides = QLineEdit()
        self.slides.setAccessibleName(_("Slides"))
        self.slides.setPlaceholderText(_("all {n} (or a range: 1-5,8,12-)").format(n=slide_count))
        self.slides.setClearButtonEnabled(True)
        self.slides_error = QLabel()
        self.slides_error.setAccessibleName(_("Slide range problem"))
        self.slides_error.setTextFormat(Qt.TextFormat.PlainText)
        self.slides_error.setWordWrap(True)
        error_palette = self.slides_error.palette()
        dark = error_palette.color(QPalette.ColorRole.Window).lightness() < 128
        error_palette.setColor(QPalette.ColorRole.WindowText, ERROR_COLOURS[dark])
        self.slides_error.setPalette(error_palette)
        self.slides_error.hide()
        self.path = QLineEdit(str(suggested))
        self.path.setAccessibleName(_("File"))
        browse = QPushButton(_("Browse…"))
        browse.setAccessibleName(_("Choose the file"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.form = form = QFormLayout(self)
        form.addRow(_("Format"), self.format_box)
        for spec in registry.all_options():
            form.addRow(_(spec.label), self.option_widgets[spec.name])
            widget = self.option_widgets[spec.name]
            if isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._refresh)
        if len(languages) > 1:
            form.addRow(_("Language"), self.language_box)
        else:
            self.language_box.hide()
        if slide_count:
            form.addRow(_("Slides"), self.slides)
            form.addRow("", self.slides_error)
        else:
            self.slides.hide()
        form.addRow(_("File"), row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.export_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(_("Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self.slides.textChanged.connect(self._refresh)
        self._format_changed()

    def exporter(self) -> Exporter[Any]:
        """The format chosen."""
        return registry.get(self.format_box.currentData())

    def _format_changed(self) -> None:
        """Enable the chosen format's options; give the file its suffix."""
        old, new = self._shown, self.exporter()
        self._shown = new
        self.setWindowTitle(export_title(new))
        self._refresh()
        path = Path(self.path.text())
        ours = path.suffix.lower() == old.suffix.lower() if old.suffix else not path.suffix
        if ours and path.suffix != new.suffix:
            self.path.setText(str(path.with_suffix(new.suffix)))

    def _refresh(self) -> None:
        """Enable the options that apply to the format and choices made; check the range."""
        own = {spec.name: spec for spec in self.exporter().options()}
        values = self._values()
        for name, widget in self.option_widgets.items():
            spec = own.get(name)
            on = spec is not None and spec.applies(values)
            widget.setEnabled(on)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setEnabled(on)
        problem = ""
        try:
            self.slide_range()
        except UserError as exc:
            problem = str(exc)
        self.slides_error.setText(problem)
        self.slides_error.setVisible(bool(problem) and bool(self.slide_count))
        self.export_button.setEnabled(not problem)

    def language(self) -> str:
        """The display language chosen (``zh``, ``en+zh``; ``""`` for a one-language deck)."""
        return str(self.language_box.currentData() or "")

    def slide_range(self) -> tuple[int, ...] | None:
        """The slides chosen (0-based), None for all.

        Raises:
            UserError: the range typed is not one, or names slides the deck does not have.
        """
        text = self.slides.text().strip()
        if not text or not self.slide_count:
            return None
        return tuple(parse_range(text, self.slide_count, label=""))

    def _values(self) -> dict[str, object]:
        """The chosen format's options as the widgets say."""
        values: dict[str, object] = {}
        for spec in self.exporter().options():
            widget = self.option_widgets[spec.name]
            if isinstance(widget, QSpinBox):
                values[spec.name] = widget.value()
            elif isinstance(widget, QCheckBox):
                values[spec.name] = widget.isChecked()
            else:
                values[spec.name] = spec.choices[widget.currentIndex()].value
        return values

    def _browse(self) -> None:
        exporter = self.exporter()
        title = export_title(exporter)
        if exporter.writes_folder:
            name = QFileDialog.getExistingDirectory(self, title, self.path.text())
        else:
            name, _filter = QFileDialog.getSaveFileName(
                self,
                title,
                self.path.text(),
                f"{_(exporter.title)} (*{exporter.suffix})",
                options=QFileDialog.Option.DontConfirmOverwrite,  # accept() asks, typed names too
            )
            if name and not name.lower().endswith(exporter.suffix):
                name += exporter.suffix
        if name:
            self.path.setText(name)

    def target(self) -> Path:
        return Path(self.path.text()).expanduser()

    def accept(self) -> None:
        """Close only on a file that may be written, asking before one is replaced."""
        target = self.target()
        exporter = self.exporter()
        try:
            found = exporter.inspect_target(target, self.protected)
        except TargetError as exc:
            self._tell(str(exc))
            return
        if found.replaces:
            if found.same_format:
                question = _("{file} already exists ({what}). Replace it?").format(
                    file=target.name, what=found.replaces
                )
            else:
                question = _(
                    "{file} is {what}, not a {format}. Replace it with the {format}? What it "
                    "holds now will be lost."
                ).format(file=target.name, what=found.replaces, format=_(exporter.file_format.name))
            if not self._ask(question):
                return
        self.force = bool(found.replaces) and not found.same_format
        super().accept()

    def _ask_box(self, question: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, self.windowTitle(), question, parent=self)
        replace = box.addButton(_("Replace"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.exec()
        return box.clickedButton() is replace

    def _tell_box(self, message: str) -> None:
        QMessageBox.warning(self, self.windowTitle(), message)

    def options(self) -> ExportOptions:
        """The chosen format's options, as the widgets say (its class tells the format).

        Raises:
            UserError: the slide range is not one (Export is disabled meanwhile).
        """
        slides = self.slide_range()
        common = {"slides": slides} if slides is not None else {}
        options: ExportOptions = self.exporter().make_options(self._values(), **common)
        return options


def export_title(exporter: Exporter[Any]) -> str:
    """The title of the dialogs that export with *exporter*: ``Export PDF``."""
    return _("Export {format}").format(format=_(exporter.title))


def _option_widget(spec: Option) -> QComboBox | QSpinBox | QCheckBox:
    """A list of the option's values, a check box for a switch, or a box for a whole number;
    showing the default."""
    if spec.switch:
        check = QCheckBox()
        check.setChecked(bool(spec.default))
        check.setAccessibleName(_(spec.label))
        return check
    if not spec.choices:
        spin = QSpinBox()
        spin.setRange(spec.minimum, spec.maximum)
        spin.setValue(int(str(spec.default)))
        spin.setAccessibleName(_(spec.label))
        return spin
    box = QComboBox()
    box.setAccessibleName(_(spec.label))
    for choice in spec.choices:
        box.addItem(_(choice.label))
    box.setCurrentIndex([choice.value for choice in spec.choices].index(spec.default))
    return box


def export_with_progress(
    parent: QWidget,
    deck: Deck,
    target: Path,
    options: ExportOptions,
    renderer: SlideRenderer | None = None,
    interactive: bool = True,
    force: bool = False,
) -> ExportResult | None:
    """Run the export with a progress dialog; None when cancelled or failed (after saying so).

    The format is the one *options* are for (see :func:`desktop.export.registry.for_options`).
    *force* replaces a file of another format (the user agreed to); see
    :meth:`Exporter.export <desktop.export.exporter.Exporter.export>`.
    """
    exporter = registry.for_options(options)
    title = export_title(exporter)
    dialog = QProgressDialog(
        _("Exporting {format}…").format(format=_(exporter.title)), _("Cancel"), 0, 100, parent
    )
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)

    def progress(done: int, total: int) -> bool:
        dialog.setMaximum(total)
        dialog.setValue(done)
        QApplication.processEvents()
        return not dialog.wasCanceled()

    try:
        result = exporter.export(
            deck, target, options, progress=progress, renderer=renderer, force=force
        )
    except ExportCancelled:
        return None
    except UserError as exc:
        if interactive:
            QMessageBox.warning(parent, title, str(exc))
        return None
    finally:
        dialog.close()
    if interactive:
        box = QMessageBox(parent)
        box.setWindowTitle(title)
        box.setText(
            _("Wrote {file}\n{summary}").format(file=result.path, summary=exporter.summary(result))
        )
        open_button = box.addButton(
            _("Open {format}").format(format=_(exporter.title)), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path)))
    return result
