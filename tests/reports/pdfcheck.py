"""Reading a generated PDF back the way a checker with a ruler would: page size, where the text sits,
which fonts are embedded, what the text says in which order (NĐ 30/2020/NĐ-CP, law.md §3)."""

import io
import unicodedata
from dataclasses import dataclass

from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTTextContainer, LTTextLine
from pypdf import PdfReader

PT_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class Line:
    text: str
    x0: float  # millimetres from the left edge
    x1: float
    top: float  # millimetres from the top edge
    bottom: float
    size: float  # font size in points (the largest on the line)


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    lines: tuple[Line, ...]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def pages(data: bytes) -> list[Page]:
    result = []
    for layout in extract_pages(io.BytesIO(data)):
        height = layout.height
        lines = []
        for element in layout:
            if not isinstance(element, LTTextContainer):
                continue
            for line in element:
                if not isinstance(line, LTTextLine) or not line.get_text().strip():
                    continue
                sizes = [round(ch.size, 1) for ch in line if isinstance(ch, LTChar)]
                lines.append(Line(_nfc(line.get_text().strip()), line.x0 / PT_PER_MM, line.x1 / PT_PER_MM,
                                  (height - line.y1) / PT_PER_MM, (height - line.y0) / PT_PER_MM, max(sizes or [0])))
        lines.sort(key=lambda ln: (round(ln.top, 1), ln.x0))
        result.append(Page(layout.width / PT_PER_MM, height / PT_PER_MM, tuple(lines)))
    return result


def text(data: bytes) -> str:
    """The text in content-stream order, which WeasyPrint writes in document order (left header column
    before the right one), unlike a reading by position."""
    return _nfc("\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def assert_in_order(haystack: str, blocks: list[str]) -> None:
    """Each block appears after the previous one."""
    position = 0
    flat = " ".join(_nfc(haystack).split())
    for block in blocks:
        found = flat.find(" ".join(_nfc(block).split()), position)
        context = flat[position:position + 400]
        assert found >= 0, f"missing or out of order: {block!r} (after position {position})\n{context}"
        position = found + len(block)


def fonts(data: bytes) -> dict[str, bool]:
    """{base font name: embedded?} over every page."""
    found = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font.get("/BaseFont"))] = embedded
    return found


def is_page_number(line: Line, page: Page) -> bool:
    return line.top < 20 and line.text.isdigit()


def check_official_geometry(data: bytes, *, landscape: bool = False) -> list[Page]:
    """A4; text inside the margins (top/bottom ≥ 20 mm, left 30–35 mm, right ≥ 15 mm); the page number
    centred in the top margin from page 2, none on page 1 of a part. Returns the pages."""
    result = pages(data)
    width, height = (297, 210) if landscape else (210, 297)
    for number, page in enumerate(result, start=1):
        assert abs(page.width - width) < 0.5 and abs(page.height - height) < 0.5, (number, page.width, page.height)
        body = [line for line in page.lines if not is_page_number(line, page)]
        assert body, f"page {number} has no text"
        assert min(line.x0 for line in body) >= 29.5, (number, min(body, key=lambda ln: ln.x0))
        assert min(line.x0 for line in body) <= 35.5, (number, min(body, key=lambda ln: ln.x0))
        assert max(line.x1 for line in body) <= width - 15, (number, max(body, key=lambda ln: ln.x1))
        assert min(line.top for line in body) >= 19.5, (number, min(body, key=lambda ln: ln.top))
        assert max(line.bottom for line in body) <= height - 19.5, (number, max(body, key=lambda ln: ln.bottom))
    return result


def page_numbers(page: Page) -> list[Line]:
    return [line for line in page.lines if is_page_number(line, page)]
