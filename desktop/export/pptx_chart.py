"""A PowerPoint chart from a laid-out chart: its data, our value axis and the theme's look.

The chart holds its categories, series and values (a gap stays a gap) in the embedded workbook
PowerPoint edits; bars or lines in the theme's palette, each value labelled with its own
decimals, the value axis with our ends and step, targets hatched (bars) or dashed (lines) and
named in the legend, text in the theme's fonts with an East Asian font for Chinese.
"""

from __future__ import annotations

from typing import cast

from lxml import etree
from pptx.chart.chart import Chart as PptxChart
from pptx.chart.data import CategoryChartData
from pptx.chart.series import _BaseCategorySeries
from pptx.dml.fill import FillFormat
from pptx.dml.line import LineFormat
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LABEL_POSITION,
    XL_LEGEND_POSITION,
    XL_MARKER_STYLE,
    XL_TICK_LABEL_POSITION,
    XL_TICK_MARK,
)
from pptx.enum.dml import MSO_LINE_DASH_STYLE, MSO_PATTERN_TYPE
from pptx.oxml.ns import qn
from pptx.shapes.graphfrm import GraphicFrame
from pptx.slide import Slide
from pptx.text.text import Font

from desktop.core.data import Chart, ChartType, Series
from desktop.core.numbers import separators
from desktop.core.theme import Theme
from desktop.export.pptx_text import Style, set_colour
from desktop.render.chart_items import ChartStyle
from desktop.render.chart_legend import TARGET_WORD
from desktop.render.items import ChartArea


def write_chart(slide: Slide, area: ChartArea, theme: Theme, style: Style) -> None:
    """Add the chart of *area* to *slide*: its data, our axis and the theme's look."""
    chart = area.chart
    look = ChartStyle.of(theme)
    horizontal = chart.horizontal and chart.type is ChartType.BAR
    kind = (
        XL_CHART_TYPE.LINE_MARKERS
        if chart.type is ChartType.LINE
        else XL_CHART_TYPE.BAR_CLUSTERED
        if horizontal
        else XL_CHART_TYPE.COLUMN_CLUSTERED
    )
    values_format = number_format(chart.decimals(), _largest(area), area.language)
    data = CategoryChartData(number_format=values_format)  # type: ignore[no-untyped-call]
    data.categories = list(area.categories)
    for name, series in zip(area.names, chart.series, strict=True):
        values = [None if v is None else v.value for v in series.values]
        data.add_series(name, values)  # type: ignore[no-untyped-call]
    several = len(chart.series) > 1
    # The targets' legend entry is a series of no values (as ours, a legend of its own): a
    # line takes no room, and over one series of bars (overlapping) neither does a bar.
    target_entry = bool(chart.targets) and (chart.type is ChartType.LINE or not several)
    if target_entry:
        word = TARGET_WORD.get(area.language.split("-")[0], TARGET_WORD["en"])
        data.add_series(word, [None] * len(chart.categories))  # type: ignore[no-untyped-call]
    emu, rect = style.emu, area.rect
    frame = cast(
        GraphicFrame,  # python-pptx annotates it as the chart it holds
        slide.shapes.add_chart(
            kind,
            emu(rect.left()),
            emu(rect.top()),
            emu(rect.width()),
            emu(rect.height()),
            data,  # type: ignore[arg-type]  # a ChartData, annotated as the base class
        ),
    )
    frame.name = f"chart {len(slide.shapes)}"
    native: PptxChart = frame.chart
    _frameless(native)
    native.has_title = False
    _font(native.font, look.label, look.text, style)
    native.has_legend = several or target_entry
    if native.has_legend:
        native.legend.position = XL_LEGEND_POSITION.TOP
        native.legend.include_in_layout = False
        _font(native.legend.font, look.label, look.text, style)
        if not several:
            _hide_legend_entry(native, 0)  # one series is named by the title, as ours
    plot = native.plots[0]
    if chart.type is ChartType.BAR:
        plot.gap_width = 25 if several else 67  # bars 0.8 / 0.6 of their slot, as ours
        plot.overlap = 0 if several else 100
    for number, series in enumerate(plot.series):
        if number == len(chart.series):  # the targets' entry
            colour = look.colour(0) if not several else look.muted
            _target(series, chart.type, colour, look.background, style)
            continue
        colour = look.colour(number)
        if chart.type is ChartType.LINE:
            series.smooth = False
            _line(series.format.line, colour, 5, style)
            series.marker.style = XL_MARKER_STYLE.CIRCLE
            series.marker.size = max(2, min(72, round(look.label * 0.6 * style.emu_per_px / 12700)))
            _solid(series.marker.format.fill, colour, style)
            _line(series.marker.format.line, colour, 1, style)
        else:
            _solid(series.format.fill, colour, style)
            series.format.line.fill.background()
        for target in sorted(chart.targets):
            if target < len(chart.categories):
                _target(series.points[target], chart.type, colour, look.background, style)
    if chart.labels and (chart.type is ChartType.BAR or not several):
        for series, data_series in zip(plot.series, chart.series, strict=False):
            _values(series, data_series, chart, values_format, look, style)
    _axes(native, area, look, style)


def _values(
    series: _BaseCategorySeries,
    data: Series,
    chart: Chart,
    shared: str,
    look: ChartStyle,
    style: Style,
) -> None:
    """Write each value of *series* at its bar or point, bold, with its own decimals as ours
    (21, 22.18, 27: each label of another number of decimals than *shared* has its own)."""
    position = (
        XL_LABEL_POSITION.OUTSIDE_END if chart.type is ChartType.BAR else XL_LABEL_POSITION.ABOVE
    )
    labels = series.data_labels
    labels.number_format, labels.number_format_is_linked = shared, False
    labels.show_value, labels.position = True, position
    _font(labels.font, look.label, look.text, style, bold=True)
    whole = shared.split(".")[0]
    for n, value in enumerate(data.values):
        if value is None or value.decimals == chart.decimals():
            continue
        label = series.points[n].data_label
        label.position = position
        _font(label.font, look.label, look.text, style, bold=True)
        code = whole + ("." + "0" * value.decimals if value.decimals > 0 else "")
        d_lbl = label._get_or_add_dLbl()  # python-pptx has no API for one label's format
        num_fmt = d_lbl.makeelement(qn("c:numFmt"), {"formatCode": code, "sourceLinked": "0"})
        d_lbl.find(qn("c:idx")).addnext(num_fmt)


def _hide_legend_entry(native: PptxChart, index: int) -> None:
    """Leave series *index* out of the legend."""
    legend = native._chartSpace.find(f"{qn('c:chart')}/{qn('c:legend')}")
    entry = legend.makeelement(qn("c:legendEntry"), {})
    etree.SubElement(entry, qn("c:idx"), val=str(index))
    etree.SubElement(entry, qn("c:delete"), val="1")
    legend.find(qn("c:legendPos")).addnext(entry)


def _axes(native: PptxChart, area: ChartArea, look: ChartStyle, style: Style) -> None:
    """Our value axis (its ends and step, round ticks, light gridlines, no line) and a
    category axis along the base line."""
    chart = area.chart
    values = native.value_axis
    values.minimum_scale, values.maximum_scale = area.low, area.high
    values.major_unit = area.step
    values.has_major_gridlines, values.has_minor_gridlines = True, False
    _line(values.major_gridlines.format.line, look.rule, 1.5, style)
    values.format.line.fill.background()
    values.major_tick_mark = values.minor_tick_mark = XL_TICK_MARK.NONE
    ticks = values.tick_labels
    ticks.number_format = number_format(
        area.decimals, max(abs(area.low), abs(area.high)), area.language
    )
    ticks.number_format_is_linked = False
    _font(ticks.font, look.small, look.muted, style)
    categories = native.category_axis
    categories.has_major_gridlines = False
    categories.major_tick_mark = categories.minor_tick_mark = XL_TICK_MARK.NONE
    categories.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    _line(categories.format.line, look.muted, 2.5, style)
    _font(categories.tick_labels.font, look.label, look.text, style)
    if chart.horizontal and chart.type is ChartType.BAR:
        categories.reverse_order = True  # the first category at the top, as ours,
        # and the values still along the bottom: the value axis crosses at the last category
        # (python-pptx's ``crosses`` is the other axis' setting)
        values._element.find(qn("c:crosses")).set("val", "max")


def number_format(decimals: int, largest: float, language: str) -> str:
    """The Excel number format that writes values as the slide does: *decimals* digits after
    the point, grouped in thousands where *language* groups numbers as large as *largest*."""
    grouped = largest >= separators(language or "en").group_from
    whole = "#,##0" if grouped else "0"
    return whole + ("." + "0" * decimals if decimals > 0 else "")


def _largest(area: ChartArea) -> float:
    values = [abs(v.value) for s in area.chart.series for v in s.values if v is not None]
    return max(values, default=0.0)


def _target(point: object, kind: ChartType, colour: str, ground: str, style: Style) -> None:
    """A target outlined and hatched (a bar), or a hollow dot reached by a dashed line."""
    fmt = point.format  # type: ignore[attr-defined]
    if kind is ChartType.BAR:
        fill: FillFormat = fmt.fill
        fill.patterned()  # type: ignore[no-untyped-call]
        fill.pattern = MSO_PATTERN_TYPE.WIDE_UPWARD_DIAGONAL
        set_colour(fill.fore_color, colour, style)
        set_colour(fill.back_color, ground, style)
        _line(fmt.line, colour, 3, style)
        return
    _line(fmt.line, colour, 5, style)
    fmt.line.dash_style = MSO_LINE_DASH_STYLE.DASH
    marker = point.marker  # type: ignore[attr-defined]
    marker.style = XL_MARKER_STYLE.CIRCLE
    _solid(marker.format.fill, ground, style)
    _line(marker.format.line, colour, 4, style)


def _solid(fill: FillFormat, colour: str, style: Style) -> None:
    fill.solid()  # type: ignore[no-untyped-call]
    set_colour(fill.fore_color, colour, style)


def _line(line: LineFormat, colour: str, width: float, style: Style) -> None:
    line.fill.solid()
    set_colour(line.fill.fore_color, colour, style)
    line.width = style.emu(width)


def _font(font: Font, size: float, colour: str, style: Style, bold: bool = False) -> None:
    """The chart text's size, colour and fonts: the Latin one, and the East Asian one (so a
    Chinese category renders on a PC without the bundled font)."""
    font.size = style.points(size)
    font.bold = bold
    set_colour(font.color, colour, style)
    font.name = style.latin
    r_pr = font._rPr  # python-pptx names only the Latin font
    for old in r_pr.findall(qn("a:ea")):
        r_pr.remove(old)
    latin = r_pr.find(qn("a:latin"))
    ea = r_pr.makeelement(qn("a:ea"), {"typeface": style.east_asian})
    if latin is not None:
        latin.addnext(ea)
    else:
        r_pr.append(ea)


def _frameless(native: PptxChart) -> None:
    """No fill, border or rounded corners around the chart: it sits on the slide as ours."""
    space = native._chartSpace
    rounded = space.makeelement(qn("c:roundedCorners"), {"val": "0"})
    space.find(qn("c:date1904")).addnext(rounded)
    sp_pr = space.makeelement(qn("c:spPr"), {})
    etree.SubElement(sp_pr, qn("a:noFill"))
    line = etree.SubElement(sp_pr, qn("a:ln"))
    etree.SubElement(line, qn("a:noFill"))
    space.find(qn("c:chart")).addnext(sp_pr)
