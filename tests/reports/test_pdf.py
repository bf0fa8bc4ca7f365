"""reports/pdf.py: the official stylesheet parsed once per render and applied to every part; the tables
laid out with the fixed algorithm get the columns the automatic one gave them."""
# ruff: noqa: F811

import pytest
import weasyprint
from weasyprint.text.fonts import FontConfiguration

from reports import pdf
from reports.documents import KINDS, proposals
from tests.awards.conftest import campaign_award, certificate, province_campaign, submitted_proposal  # noqa: F401
from tests.reports import pdfcheck
from tests.reports.test_documents_proposal import dossier_proposal  # noqa: F401

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

AUTOMATIC = "table { table-layout: auto !important; } td, th { box-sizing: content-box !important; }"


def _column_widths(documents) -> dict[str, list[float]]:
    """Each table's column widths (CSS px, rounded to 0,01), keyed by the table's data-block, over all parts."""
    widths = {}
    for number, document in enumerate(documents):
        for page in document.pages:
            for box in page._page_box.descendants():
                element = getattr(box, "element", None)
                if getattr(box, "column_widths", None) and element is not None and element.tag == "table":
                    key = f"{number}:{element.get('data-block')}"
                    widths.setdefault(key, [round(width, 2) for width in box.column_widths])
    return widths


def test_the_stylesheet_is_parsed_once_for_all_parts_and_shapes_each(dossier_proposal, monkeypatch):
    parsed = []
    real_css = weasyprint.CSS

    def counting_css(*args, **kwargs):
        parsed.append(kwargs.get("string") == pdf.stylesheet_text())
        return real_css(*args, **kwargs)

    monkeypatch.setattr(weasyprint, "CSS", counting_css)
    parts = proposals.dossier_parts(proposals.load(dossier_proposal.pk))
    rendered = pdf.render_pdf(parts)
    assert parsed.count(True) == 1 and len(parts) >= 4
    assert all("@font-face" not in html for html in parts)
    pages = pdfcheck.check_official_geometry(rendered.data)  # A4, the margins of NĐ 30/2020 on every page
    assert len(pages) == rendered.pages >= len(parts)
    fonts = pdfcheck.fonts(rendered.data)
    assert fonts and all(fonts.values()) and all("Liberation-Serif" in name for name in fonts), fonts


def test_fixed_tables_get_the_columns_of_the_automatic_layout(dossier_proposal):
    """The header of a báo cáo thành tích, its awards table, the signature tables and the nominee list are
    laid out with ``table-layout: fixed``; with the automatic layout forced back they get the same columns."""
    parts = proposals.dossier_parts(proposals.load(dossier_proposal.pk))
    fixed = _column_widths(pdf.lay_out(parts))
    fonts = FontConfiguration()
    sheets = [
        weasyprint.CSS(string=pdf.stylesheet_text(), base_url=str(pdf.STYLESHEET), font_config=fonts),
        weasyprint.CSS(string=AUTOMATIC),
    ]
    automatic = _column_widths(
        [
            weasyprint.HTML(string=html, base_url=str(pdf.FONT_DIR)).render(font_config=fonts, stylesheets=sheets)
            for html in parts
        ]
    )
    blocks = {key.split(":", 1)[1] for key in fixed}
    assert {"header", "awards-table", "nominees", "signatures"} <= blocks
    assert fixed == automatic


def test_a_change_of_the_stylesheet_renders_the_documents_again(dossier_proposal, monkeypatch):
    kind = KINDS["proposal_dossier"]
    before = kind.prepare(dossier_proposal.pk).inputs
    monkeypatch.setattr(pdf, "stylesheet_text", lambda: "p { text-indent: 1.27cm; }")
    after = kind.prepare(dossier_proposal.pk).inputs
    assert before != after and after.startswith("p { text-indent: 1.27cm; }")


def _boxes(documents) -> list[tuple]:
    """Every box of every page: its element, kind and position and size (CSS px, rounded to 0,01)."""
    return [
        (
            getattr(box, "element_tag", ""),
            type(box).__name__,
            *(round(value, 2) for value in (box.position_x, box.position_y, box.width, box.height)),
        )
        for document in documents
        for page in document.pages
        for box in page._page_box.descendants()
    ]


def test_the_user_agent_stylesheet_without_the_unused_pseudo_elements_lays_out_the_same_boxes(dossier_proposal):
    parts = proposals.dossier_parts(proposals.load(dossier_proposal.pk))
    assert [pdf.user_agent_stylesheet()] == pdf.OfficialHTML(string=parts[0])._ua_stylesheets()
    fonts = FontConfiguration()
    official = weasyprint.CSS(string=pdf.stylesheet_text(), base_url=str(pdf.STYLESHEET), font_config=fonts)
    weasyprints_own = [
        weasyprint.HTML(string=html, base_url=str(pdf.FONT_DIR)).render(font_config=fonts, stylesheets=[official])
        for html in parts
    ]
    ours = pdf.lay_out(parts)
    assert len(_boxes(ours)) > 500
    assert _boxes(ours) == _boxes(weasyprints_own)
