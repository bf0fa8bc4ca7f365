"""HTML → signed-ready PDF with WeasyPrint.

Each part (a Tờ trình, a biên bản, one nominee's báo cáo thành tích) is laid out on its own, so its
pages are numbered on their own and its first page carries no number (NĐ 30/2020); the parts' pages
are then written as one PDF, so the font is subset and embedded once for the whole dossier.

Signature places are elements with an id starting ``sig-`` in the templates (``sig-ToTrinh_NguoiKy``);
WeasyPrint reports where each landed (``page.anchors``) and an empty PDF signature field covering
that element's box (``.signature-space``) is added there, named after the id.

The official stylesheet (``reports/documents/official.css``: page, margins, embedded font, blocks) is
parsed once per render and applied to every part, instead of each part parsing its own copy (a tenth
of a dossier's time went to parsing the same rules 103 times). The parts are read as ``OfficialHTML``,
whose user-agent stylesheet leaves out the rules for pseudo-elements the documents never have."""

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import weasyprint
from weasyprint import html as weasyprint_html
from weasyprint.css.counters import CounterStyle
from weasyprint.text.fonts import FontConfiguration

from .signatures import SignatureField, signature_fields_finisher

FONT_DIR = Path(__file__).resolve().parent / "fonts"
STYLESHEET = Path(__file__).resolve().parent / "documents" / "official.css"
SIGNATURE_PREFIX = "sig-"
PX = 0.75  # PDF points per CSS pixel


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    pages: int
    fields: tuple[SignatureField, ...]


def _fields_on(page, index: int) -> list[SignatureField]:
    """Anchors are (x1, y1, x2, y2) in CSS pixels from the top left; PDF boxes are points from the
    bottom left."""
    page_height = page.height * PX
    return [
        SignatureField(
            name=anchor[len(SIGNATURE_PREFIX) :],
            page=index,
            box=(
                round(x1 * PX, 2),
                round(page_height - y2 * PX, 2),
                round(x2 * PX, 2),
                round(page_height - y1 * PX, 2),
            ),
        )
        for anchor, (x1, y1, x2, y2) in page.anchors.items()
        if anchor.startswith(SIGNATURE_PREFIX)
    ]


# WeasyPrint's user-agent stylesheet styles ::marker and the footnote and note pseudo-elements
# (::footnote-call, ::footnote-marker, ::note-call, ::note-marker, ::note-callback) for every element,
# so the cascade computed six pseudo-element styles for each element of a part: most of the styles it
# computed, none of them used (the documents have no footnotes or notes). Markers stay, for list items.
UNUSED_UA_RULES = re.compile(
    r"^::(footnote-call|footnote-marker|note-call|note-marker|note-callback) \{.*\}$", re.MULTILINE
)


@functools.cache
def user_agent_stylesheet() -> weasyprint.CSS:
    text = UNUSED_UA_RULES.sub("", weasyprint_html.UA).replace("\n::marker {", "\nli::marker, summary::marker {")
    # its @counter-style rules are WeasyPrint's own, which every document gets already (_ua_counter_style)
    return weasyprint.CSS(string=text, counter_style=CounterStyle())


class OfficialHTML(weasyprint.HTML):
    """A part of an official document: WeasyPrint's HTML with the user-agent stylesheet above."""

    def _ua_stylesheets(self, forms=False):
        return [user_agent_stylesheet()]


@functools.cache
def stylesheet_text() -> str:
    """The official stylesheet's text: part of what a document's cache key is hashed from."""
    return STYLESHEET.read_text(encoding="utf-8")


def lay_out(parts: Sequence[str], *, progress: Callable[[int, int], None] | None = None) -> list:
    """Each HTML part laid out on its own (its pages numbered on their own), with the official stylesheet
    parsed once for all of them; ``progress(done, total)`` is told after each part."""
    documents, total = [], len(parts)
    fonts = FontConfiguration()  # the @font-face files are read once for all parts (about 20 % faster)
    official = weasyprint.CSS(string=stylesheet_text(), base_url=str(STYLESHEET), font_config=fonts)
    for done, html in enumerate(parts, start=1):
        document = OfficialHTML(string=html, base_url=str(FONT_DIR))
        documents.append(document.render(font_config=fonts, stylesheets=[official]))
        if progress:
            progress(done, total)
    return documents


def write(documents: Sequence) -> RenderedPdf:
    """The laid-out parts' pages as one PDF (the font subset once), with an empty signature field over
    each signature place, written in the same pass."""
    pages = [page for document in documents for page in document.pages]
    fields = [field for index, page in enumerate(pages) for field in _fields_on(page, index)]
    data = documents[0].copy(pages).write_pdf(finisher=signature_fields_finisher(fields))
    return RenderedPdf(data=data, pages=len(pages), fields=tuple(fields))


def render_pdf(parts: Sequence[str], *, progress: Callable[[int, int], None] | None = None) -> RenderedPdf:
    """Lay out each HTML part, join their pages, write one PDF and add the signature fields.

    ``progress(done, total)`` is told after each part (layout is most of the time)."""
    return write(lay_out(parts, progress=progress))
