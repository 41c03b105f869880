"""The PowerPoint file as another program reads it: LibreOffice converts it to PDF, and each
page's text is the text of the same page of our own PDF.

A chart is a PowerPoint chart that LibreOffice draws itself: on its page the same texts must
be there, in the order LibreOffice draws a chart's parts (its legend last).

Skipped where LibreOffice is not installed (CI installs Debian's ``libreoffice-impress-nogui``).
LibreOffice is given the bundled fonts under the names the PPTX asks for (Arial's metrics are
there as Liberation Sans; Microsoft YaHei is the bundled CJK font), as on a PC with Office.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from desktop.core.loader import load_deck
from desktop.core.resources import bundled_deck, resources_dir
from desktop.export import registry
from desktop.render.qtapp import ensure_gui_app

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>{fonts}</dir>
  <cachedir>{cache}</cachedir>
  <alias binding="same"><family>Microsoft YaHei</family>
    <prefer><family>Briefing Sans SC</family></prefer></alias>
</fontconfig>
"""


def _page_texts(path: Path) -> list[str]:
    """Each page's text without any whitespace (the two programs wrap lines differently)."""
    return [re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(path).pages]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_reads_the_bundled_deck_as_we_draw_it(tmp_path: Path) -> None:
    assert SOFFICE is not None
    ensure_gui_app()
    deck = load_deck(bundled_deck()).deck
    assert deck is not None
    pptx = tmp_path / "briefing.pptx"
    ours = tmp_path / "ours.pdf"
    registry.get("pptx").export(deck, pptx)
    registry.get("pdf").export(deck, ours)
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        FONTS_CONF.format(fonts=resources_dir() / "fonts", cache=tmp_path / "cache"),
        encoding="utf-8",
    )
    out = tmp_path / "converted"
    environment = dict(os.environ, FONTCONFIG_FILE=str(conf), HOME=str(tmp_path))
    done = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(pptx),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        env=environment,
        check=False,
    )
    converted = out / "briefing.pdf"
    assert done.returncode == 0 and converted.exists(), done.stderr
    theirs, mine = _page_texts(converted), _page_texts(ours)
    assert len(theirs) == len(mine)
    charts = {
        number
        for number, slide in enumerate(Presentation(str(pptx)).slides, 1)
        if any(shape.has_chart for shape in slide.shapes)
    }
    assert len(charts) == 2
    for number, (their, my) in enumerate(zip(theirs, mine, strict=True), 1):
        if number in charts:
            assert sorted(their) == sorted(my), f"page {number}"
        else:
            assert their == my, f"page {number}"
