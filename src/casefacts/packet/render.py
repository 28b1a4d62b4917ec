"""Render a review packet: HTML from a Jinja2 template with the timeline SVG inline; PDF through
a headless Chromium when one is installed (the same HTML, printed)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from casefacts.errors import CasefactsError
from casefacts.packet.context import OUTCOME_LABELS, build_packet
from casefacts.packet.timeline import timeline_marks, timeline_svg
from casefacts.schema import CaseFile, Finding

_ENV = Environment(
    loader=PackageLoader("casefacts.packet", "templates"),
    autoescape=select_autoescape(["j2"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")


def _as_of(case: CaseFile) -> date | None:
    if case.as_of is None:
        return None
    return date(case.as_of.year, case.as_of.month or 12, case.as_of.day or 28)


def render_html(case: CaseFile, findings: list[Finding] | None = None, redact: bool = False) -> str:
    """The packet of ``case`` as one self-contained HTML page."""
    as_of = _as_of(case)
    return _ENV.get_template("packet.html.j2").render(
        p=build_packet(case, findings, redact=redact),
        labels=OUTCOME_LABELS,
        svg=timeline_svg(case, as_of),
        marks=timeline_marks(case, as_of),
        schema_version=case.schema_version,
    )


def find_chromium() -> str | None:
    return next((path for name in CHROMIUM_NAMES if (path := shutil.which(name))), None)


def write_pdf(html: str, out: Path, chromium: str | None = None, timeout_s: float = 120) -> Path:
    """Print ``html`` to ``out`` with headless Chromium; raises CasefactsError when none is installed."""
    binary = chromium or find_chromium()
    if binary is None:
        raise CasefactsError("PDF output needs Chromium (apt-get install chromium); the HTML packet is complete")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "packet.html"
        page.write_text(html.replace("<details>", "<details open>"), encoding="utf-8")  # print everything
        proc = subprocess.run(
            [
                binary,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
                f"--user-data-dir={tmp}/profile",
                f"--print-to-pdf={out.resolve()}",
                page.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=timeout_s,
            check=False,
        )
    if proc.returncode != 0 or not out.is_file():
        raise CasefactsError(f"Chromium could not print the packet: {proc.stderr.strip()[-500:]}")
    return out
